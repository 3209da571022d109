/**
 * The JSON Schemas of schemas/, as objects, for the features that walk them (hover, completion) and for the
 * messages of validate.ts. Validation itself runs on the precompiled code of generated/validators.js.
 */
import type { JsonPath, Kind, Message } from '../types';
import commonSchema from '../../../../schemas/common.schema.json';
import serviceSchema from '../../../../schemas/service.schema.json';
import catalogSchema from '../../../../schemas/catalog.schema.json';
import agreementSchema from '../../../../schemas/agreement.schema.json';
import agencySchema from '../../../../schemas/agency.schema.json';
import configSchema from '../../../../schemas/config.schema.json';

/** Text in both languages, as the schemas' annotation keywords hold it: the shape of every message. */
export type SchemaText = Message;

/** The bilingual metadata every property carries (`x-i18n`). */
export interface SchemaI18n { title: SchemaText; description?: SchemaText; source?: string }

/** The part of a JSON Schema node that GovSpec reads. */
export interface SchemaNode {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  'x-i18n'?: SchemaI18n;
  'x-enum'?: Record<string, SchemaText>;
  [keyword: string]: unknown;
}

/** A document kind, or the config file. */
export type SchemaKind = Kind | 'config';

const FILES: Record<string, SchemaNode> = {
  'common.schema.json': commonSchema as SchemaNode,
  'service.schema.json': serviceSchema as SchemaNode,
  'catalog.schema.json': catalogSchema as SchemaNode,
  'agreement.schema.json': agreementSchema as SchemaNode,
  'agency.schema.json': agencySchema as SchemaNode,
  'config.schema.json': configSchema as SchemaNode,
};

const ROOT_FILE: Record<SchemaKind, string> = {
  Service: 'service.schema.json',
  Catalog: 'catalog.schema.json',
  SharingAgreement: 'agreement.schema.json',
  Agency: 'agency.schema.json',
  config: 'config.schema.json',
};

/** The schema of a document kind. */
export function getSchema(kind: Kind): SchemaNode {
  return FILES[ROOT_FILE[kind]];
}

export function getConfigSchema(): SchemaNode {
  return FILES[ROOT_FILE.config];
}

/** A node together with the file its local `#/…` references point into. */
interface Located { node: SchemaNode; file: string }

/**
 * The schema that governs the data at `path`, with `$ref`s resolved. Annotations written beside a `$ref` (the
 * field's own title) win over those of the target. Undefined where nothing is defined, and for `x-` keys, whose
 * subtree is unchecked.
 */
export function schemaAt(kind: SchemaKind, path: JsonPath): SchemaNode | undefined {
  return locate(kind, path)?.node;
}

/**
 * The schema at `path` followed by its `then` and `else` branches, resolved: where a value may take one of two
 * shapes (a config rule setting is a severity or an options object), the branch holds the enum or the properties.
 */
export function schemaBranchesAt(kind: SchemaKind, path: JsonPath): SchemaNode[] {
  const at = locate(kind, path);
  return at ? branches(at).map((b) => b.node) : [];
}

/**
 * Schemas located so far, as a trie of path shapes per kind: every list index reads the list's `items`, so a path's
 * schema depends on its keys only (`['resources', 7, 'abstract']` is `['resources', 0, 'abstract']`'s). The schema
 * messages and fixes of a legacy catalogue ask the same few shapes millions of times; data keys are the author's,
 * so the trie is emptied when it grows past a bound.
 */
interface ShapeNode { at?: Located; known: boolean; next: Map<string | number, ShapeNode> }
const shapes = new Map<SchemaKind, ShapeNode>();
let shapeCount = 0;
const MAX_SHAPES = 10_000;
/** The step every list index stands for (string steps are keys, so no key is it). */
const ANY_INDEX = 0;

function locate(kind: SchemaKind, path: JsonPath): Located | undefined {
  if (shapeCount >= MAX_SHAPES) {
    shapes.clear();
    shapeCount = 0;
  }
  let node: ShapeNode = shapes.get(kind) ?? { known: false, next: new Map() };
  shapes.set(kind, node);
  for (const step of path) {
    const key = typeof step === 'number' ? ANY_INDEX : step;
    let next: ShapeNode | undefined = node.next.get(key);
    if (!next) {
      node.next.set(key, (next = { known: false, next: new Map() }));
      shapeCount++;
    }
    node = next;
  }
  if (!node.known) {
    node.at = locateUncached(kind, path);
    node.known = true;
  }
  return node.at;
}

function locateUncached(kind: SchemaKind, path: JsonPath): Located | undefined {
  const file = ROOT_FILE[kind];
  let at: Located | undefined = deref({ node: FILES[file], file });
  for (const segment of path) {
    if (!at) return undefined;
    at = child(at, segment);
  }
  return at;
}

function branches(at: Located): Located[] {
  return [at, ...[at.node.then, at.node.else]
    .filter((n): n is SchemaNode => n !== undefined)
    .map((node) => deref({ node, file: at.file }))];
}

function child(at: Located, segment: string | number): Located | undefined {
  for (const { node, file } of branches(at)) {
    const found = typeof segment === 'number' ? node.items : propertySchema(node, segment);
    if (found) return deref({ node: found, file });
  }
  return undefined;
}

function propertySchema(node: SchemaNode, key: string): SchemaNode | undefined {
  if (key.startsWith('x-')) return undefined;
  if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, key)) return node.properties[key];
  for (const [pattern, schema] of Object.entries(node.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return schema;
  }
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

/** Follows `$ref` chains; the referring node's own keywords are laid over its target's. */
function deref(at: Located): Located {
  let { node, file } = at;
  // Schemas here never chain more than a few references; the bound only guards against a cycle.
  for (let hops = 0; node.$ref !== undefined && hops < 16; hops++) {
    const target = resolveRef(node.$ref, file);
    if (!target) break;
    const own: SchemaNode = { ...node };
    delete own.$ref;
    // The target's own `$ref`, if any, survives the spread and is followed next.
    node = { ...target.node, ...own };
    file = target.file;
  }
  return { node, file };
}

/** Resolves `other.schema.json#/definitions/x` or `#/definitions/x` relative to the file that holds it. */
function resolveRef(ref: string, fromFile: string): Located | undefined {
  const [filePart, pointer = ''] = ref.split('#');
  const file = filePart === '' ? fromFile : filePart.slice(filePart.lastIndexOf('/') + 1);
  let node: unknown = FILES[file];
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node !== null && typeof node === 'object' ? { node: node as SchemaNode, file } : undefined;
}

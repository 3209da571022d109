/**
 * Schema validation of one document's data, on the precompiled validators. Pure and range-free: each problem
 * names a data path and whether it sits on the key or the value there; the caller turns that into a range
 * (docs/semantics.md: root findings go to `kind`).
 */
import type { ErrorObject } from 'ajv';
import type { Anchor, JsonPath, Kind, Message } from '../types';
import * as compiled from './generated/validators';
import type { CompiledValidator } from './generated/validators';
import { normalizeMissing } from './normalize';
import { schemaAt, schemaBranchesAt, type SchemaKind, type SchemaNode, type SchemaText } from './schemas';
import { enumReplacement, nearestKey } from './suggest';
import * as text from './messages';

export { normalizeMissing } from './normalize';

export type SchemaRuleId = 'schema/required' | 'schema/unknown-field' | 'schema/type' | 'schema/enum' | 'schema/format';

export interface SchemaProblem {
  ruleId: SchemaRuleId;
  /**
   * The node the finding sits on: for `schema/required`, the object that lacks the field (or the list that has
   * too few entries); for `schema/unknown-field`, the unknown field; otherwise the offending value.
   */
  path: JsonPath;
  /** `key` for missing and unknown fields and for a collection of the wrong type; `value` for a bad scalar. */
  anchor: Anchor;
  message: Message;
  /**
   * The value to write instead (enum: the token or code; unknown-field: the nearest known key). It is the data
   * value, not YAML source: a fix quotes it where YAML would otherwise read it as another type (`"01"`).
   */
  replacement?: string;
  /** For `schema/required` on a missing key: the field's name, for the fix that inserts it. */
  field?: string;
}

/**
 * A document's problems, kept per data object: the index reads them (which fields the facts may trust) and the
 * lint reports them, from the same parse, so each document is validated once.
 */
const validated = new WeakMap<object, Partial<Record<Kind, SchemaProblem[]>>>();

/** Every schema problem of a document of `kind`; blank fields count as missing. */
export function validateDocument(kind: Kind, value: unknown): SchemaProblem[] {
  if (value === null || typeof value !== 'object') return check(kind, compiled[kind], value);
  let byKind = validated.get(value);
  if (!byKind) validated.set(value, (byKind = {}));
  return (byKind[kind] ??= check(kind, compiled[kind], value));
}

/** The fields an object at `path` must hold (none for other types), in the schema's order. */
export function requiredSubFields(kind: SchemaKind, path: JsonPath): string[] {
  const schema = schemaAt(kind, path);
  return schema?.type === 'object' ? [...(schema.required ?? [])] : [];
}

/**
 * The text of an empty value for the field at `path`, for the author to fill in: an object as a flow mapping of its
 * required fields (each empty in turn), a list `[]`, a string `""`. Blank values count as missing (docs/semantics.md),
 * so a skeleton still has findings: it is a suggestion, never a safe fix.
 */
export function skeletonAt(kind: SchemaKind, path: JsonPath, depth = 0): string {
  const type = schemaAt(kind, path)?.type;
  if (type === 'object') {
    const fields = depth < 3 ? requiredSubFields(kind, path) : [];
    return fields.length === 0 ? '{}' : `{ ${fields.map((f) => `${f}: ${skeletonAt(kind, [...path, f], depth + 1)}`).join(', ')} }`;
  }
  return type === 'array' ? '[]' : type === 'boolean' ? 'false' : type === 'integer' || type === 'number' ? '0' : '""';
}

/**
 * Whether the document would have no schema problem at `path` (nor inside it) with `value` written there: a fix
 * that writes `value` is safe only then (it must not trade one finding for another).
 */
export function acceptsAt(kind: Kind, data: unknown, path: JsonPath, value: unknown): boolean {
  if (path.length === 0) return false;
  const copy = structuredClone(data);
  let node = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  const at = pathKey(path);
  const inside = at.slice(0, -1) + ',';
  return !check(kind, compiled[kind], copy).some((p) => {
    const flagged = pathKey(flaggedPathOf(p));
    return flagged === at || flagged.startsWith(inside);
  });
}

/**
 * The data path a problem makes unreadable for the rules (docs/semantics.md): its own node, except that a missing
 * field flags only itself, so its siblings are still checked.
 */
export function flaggedPathOf(problem: SchemaProblem): JsonPath {
  return problem.ruleId === 'schema/required' && problem.field ? [...problem.path, problem.field] : problem.path;
}

/** Every schema problem of a govspec.config.yaml. */
export function validateConfig(value: unknown): SchemaProblem[] {
  return check('config', compiled.config, value);
}

/**
 * The blocks format.md writes "when …" (`commitment`, `sharing`, `reply`): their cardinality — the block and the
 * fields it must hold — is their semantic rule's (service/commitment-complete, service/shared-material-agreement,
 * agreement/conditional-needs-reply), never also schema/required's (docs/semantics.md). `*` stands for a list index.
 */
const WHEN_BLOCKS: Partial<Record<SchemaKind, readonly (readonly (string | number)[])[]>> = {
  Service: [['materials', '*', 'commitment'], ['materials', '*', 'sharing']],
  SharingAgreement: [['reply']],
};

function isWhenBlock(kind: SchemaKind, path: JsonPath): boolean {
  return (WHEN_BLOCKS[kind] ?? []).some((block) => block.length === path.length && block.every((step, i) => step === '*' ? typeof path[i] === 'number' : step === path[i]));
}

function check(kind: SchemaKind, validate: CompiledValidator, value: unknown): SchemaProblem[] {
  const data = normalizeMissing(value);
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = toProblem(kind, data, error);
    if (problem && !(problem.field !== undefined && isWhenBlock(kind, problem.path))) problems.push(problem);
  }
  return oneFindingPerMistake(problems);
}

function toProblem(kind: SchemaKind, data: unknown, error: ErrorObject): SchemaProblem | undefined {
  const { path, value } = locate(data, error.instancePath);
  const schema = schemaAt(kind, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      const fieldPath = [...path, field];
      const message = text.requiredMessage(fieldPath, schemaAt(kind, fieldPath), requiredSubFields(kind, fieldPath).map((f) => [f, schemaAt(kind, [...fieldPath, f])]));
      return { ruleId: 'schema/required', path, anchor: 'key', message, field };
    }
    case 'minItems':
      return { ruleId: 'schema/required', path, anchor: 'key', message: text.minItemsMessage(path, schema, Number(params.limit)) };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = knownKeys(kind, path, schema);
      const replacement = nearestKey(key, known);
      const fieldPath = [...path, key];
      const meant = replacement !== undefined ? { key: replacement, title: known.get(replacement) } : undefined;
      return { ruleId: 'schema/unknown-field', path: fieldPath, anchor: 'key', message: text.unknownFieldMessage(fieldPath, schema, meant), ...(replacement !== undefined ? { replacement } : {}) };
    }
    case 'type': {
      const expected = String(params.type).split(',');
      const anchor: Anchor = value !== null && typeof value === 'object' ? 'key' : 'value';
      const codes = schemaBranchesAt(kind, path).find((s) => s.enum !== undefined);
      return { ruleId: 'schema/type', path, anchor, message: text.typeMessage(path, schema, expected, value, codes) };
    }
    case 'enum': {
      const listed = schemaBranchesAt(kind, path).find((s) => s.enum !== undefined) ?? schema;
      const allowed = (params.allowedValues as unknown[]).map(String);
      const replacement = typeof value === 'string' ? enumReplacement(value, allowed, listed?.['x-enum'] ?? {}) : undefined;
      return { ruleId: 'schema/enum', path, anchor: 'value', message: text.enumMessage(path, listed, value, replacement), ...(replacement !== undefined ? { replacement } : {}) };
    }
    case 'format':
      return formatProblem(path, text.formatMessage(path, schema, String(params.format), value));
    case 'maxLength':
      return formatProblem(path, text.maxLengthMessage(path, schema, String(value), Number(params.limit)));
    case 'pattern':
      return formatProblem(path, text.patternMessage(path, schema, value));
    case 'minimum':
    case 'maximum':
      return formatProblem(path, text.rangeMessage(path, schema, value, error.keyword, Number(params.limit)));
    case 'if':
      // "must match the then schema": the error from inside `then` (or `else`) already says what is wrong.
      return undefined;
    default:
      // A keyword added to the schemas without a mapping here: reported as a wrong shape rather than dropped.
      return { ruleId: 'schema/type', path, anchor: value !== null && typeof value === 'object' ? 'key' : 'value', message: text.shapeMessage(path, schema, error.keyword) };
  }
}

function formatProblem(path: JsonPath, message: Message): SchemaProblem {
  return { ruleId: 'schema/format', path, anchor: 'value', message };
}

/** The properties the object at `path` may have, with their titles (behind any `$ref`), for did-you-mean. */
function knownKeys(kind: SchemaKind, path: JsonPath, schema: SchemaNode | undefined): Map<string, SchemaText | undefined> {
  const keys = new Map<string, SchemaText | undefined>();
  for (const key of Object.keys(schema?.properties ?? {})) keys.set(key, schemaAt(kind, [...path, key])?.['x-i18n']?.title);
  return keys;
}

/** Turns ajv's JSON Pointer into a data path (list indexes as numbers) and fetches the value there. */
function locate(data: unknown, pointer: string): { path: JsonPath; value: unknown } {
  const path: (string | number)[] = [];
  let value = data;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      path.push(Number(key));
      value = value[Number(key)];
    } else {
      path.push(key);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
  }
  return { path, value };
}

/**
 * ajv reports some mistakes twice: a number where a code belongs fails both `type` and `enum`; a misspelt
 * required key is both unknown and missing. Keep the finding that explains the mistake, once.
 */
function oneFindingPerMistake(problems: SchemaProblem[]): SchemaProblem[] {
  const typed = new Set(problems.filter((p) => p.ruleId === 'schema/type').map((p) => pathKey(p.path)));
  const misspelt = new Set(problems
    .filter((p) => p.ruleId === 'schema/unknown-field' && p.replacement !== undefined)
    .map((p) => pathKey([...p.path.slice(0, -1), p.replacement as string])));
  const seen = new Set<string>();
  return problems.filter((p) => {
    if ((p.ruleId === 'schema/enum' || p.ruleId === 'schema/format') && typed.has(pathKey(p.path))) return false;
    if (p.ruleId === 'schema/required' && p.field !== undefined && misspelt.has(pathKey([...p.path, p.field]))) return false;
    const id = `${p.ruleId}|${pathKey(p.path)}|${p.field ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * Imported documents as YAML. A new file gets the layout of the kind (fields in the order of its columns, codes and
 * dates quoted); a file that exists is updated in place through the `yaml` Document API, so its comments, its
 * layout and every field the spreadsheet has no column for stay as they were. List entries (resources, 信息项,
 * materials) are matched by their key, so a hand-written comment on a resource stays with that resource.
 */
import { getIn } from './data-paths';
import type { Entity } from './data-paths';
import { Document, isMap, isScalar, isSeq, parseAllDocuments, Scalar } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { Kind } from '../engine';
import type { AssembledDocument } from './assemble';
import { fieldColumns } from './fields';
import type { FieldColumn } from './fields';
import { LAYOUTS } from './layouts';
import { emitDocument, emitGet, emitMap, emitNodeOf, emitSet, isEmitSeq, quotedScalar } from './emit-yaml';

type Path = (string | number)[];

const QUOTED_KINDS = new Set<FieldColumn['kind']>(['code', 'date']);


function nodeJson(doc: Document, path: Path): unknown {
  const node = doc.getIn(path, true) as Node | undefined;
  return node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as unknown as { toJSON(): unknown }).toJSON() : node;
}

function valueNode(doc: Document, column: FieldColumn, value: unknown): unknown {
  if (typeof value === 'string' && QUOTED_KINDS.has(column.kind)) {
    const scalar = new Scalar(value);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && column.kind !== 'list') {
    const seq = doc.createNode(value.map((v) => {
      const s = new Scalar(v);
      s.type = Scalar.QUOTE_DOUBLE;
      return s;
    })) as YAMLSeq;
    seq.flow = true;
    return seq;
  }
  return doc.createNode(value);
}

function setField(doc: Document, path: Path, column: FieldColumn, value: unknown): void {
  const at = [...path, ...column.keys];
  if (value === undefined) {
    if (doc.hasIn(at)) doc.deleteIn(at);
    return;
  }
  if (JSON.stringify(nodeJson(doc, at)) === JSON.stringify(value)) return;
  const existing = doc.getIn(at, true);
  if (isScalar(existing) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
    existing.value = value;
    return;
  }
  doc.setIn(at, valueNode(doc, column, value));
}

/** `legalBasis[].law`: the entries' own field, one per line of the cell; other fields of existing entries stay. */
function setObjectList(doc: Document, path: Path, column: FieldColumn, entity: Entity): void {
  const entries = getIn(entity, column.keys) as Entity[] | undefined;
  const at = [...path, ...column.keys];
  if (!entries) {
    if (doc.hasIn(at)) doc.deleteIn(at);
    return;
  }
  if (!isSeq(doc.getIn(at, true))) doc.setIn(at, doc.createNode([]));
  const items = (doc.getIn(at, true) as YAMLSeq).items;
  items.length = Math.min(items.length, entries.length);
  entries.forEach((entry, i) => {
    if (!isMap(items[i])) items[i] = doc.createNode({});
    setField(doc, [...at, i], { ...column, keys: column.objectList!.field, objectList: undefined }, getIn(entry, column.objectList!.field));
  });
}

function keyOfNode(node: unknown, keys: readonly string[]): string | undefined {
  if (!isMap(node)) return undefined;
  for (const key of keys) {
    const value = (node as YAMLMap).getIn(key.split('.'));
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function keyOfEntity(entity: Entity, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = getIn(entity, key.split('.'));
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

class DocumentWriter {
  private readonly levels;
  private readonly columns: readonly FieldColumn[];

  constructor(private readonly doc: Document, kind: Kind, private readonly present: ReadonlySet<string>) {
    this.levels = LAYOUTS[kind].levels;
    this.columns = fieldColumns(kind).filter((c) => present.has(c.id));
  }

  apply(path: Path, entity: Entity, level: number): void {
    for (const column of this.columns.filter((c) => c.level === level)) {
      if (column.objectList) setObjectList(this.doc, path, column, entity);
      else setField(this.doc, path, column, getIn(entity, column.keys));
    }
    const child = this.levels[level + 1];
    if (child && this.columns.some((c) => c.level === level + 1)) this.applyList(path, entity, level + 1);
  }

  /** The list of a deeper level: existing entries matched by key and kept with their comments, new ones added. */
  private applyList(path: Path, entity: Entity, level: number): void {
    const spec = this.levels[level];
    const at = [...path, spec.list!];
    const children = (entity[spec.list!] as Entity[] | undefined) ?? [];
    const existing = this.doc.getIn(at, true);
    const old = isSeq(existing) ? [...existing.items] : [];
    const used = new Set<number>();
    const items = children.map((childEntity) => {
      const key = keyOfEntity(childEntity, spec.key);
      const index = key === undefined ? -1 : old.findIndex((node, i) => !used.has(i) && keyOfNode(node, spec.key) === key);
      if (index >= 0) {
        used.add(index);
        return old[index];
      }
      return this.doc.createNode({});
    });
    if (isSeq(existing)) existing.items = items as typeof existing.items;
    else this.doc.setIn(at, this.doc.createNode(items));
    children.forEach((childEntity, i) => this.apply([...at, i], childEntity, level));
  }
}

/** The node `valueNode` makes, for the direct emitter. */
function emitValueNode(column: FieldColumn, value: unknown): ReturnType<typeof emitNodeOf> {
  if (typeof value === 'string' && QUOTED_KINDS.has(column.kind)) return quotedScalar(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && column.kind !== 'list') return { seq: value.map(quotedScalar), flow: true };
  return emitNodeOf(value);
}

/** What DocumentWriter does to a new document, on the direct emitter's tree. */
class NewDocumentWriter {
  private readonly levels;
  private readonly columns: readonly FieldColumn[];
  readonly root = emitMap();

  constructor(kind: Kind, present: ReadonlySet<string>) {
    this.levels = LAYOUTS[kind].levels;
    this.columns = fieldColumns(kind).filter((c) => present.has(c.id));
    emitSet(this.root, ['apiVersion'], { value: 'govspec/v1' });
    emitSet(this.root, ['kind'], { value: kind });
  }

  apply(path: Path, entity: Entity, level: number): void {
    for (const column of this.columns) {
      if (column.level !== level) continue;
      if (column.objectList) this.setObjectList(path, column, entity);
      else this.setField(path, column, getIn(entity, column.keys));
    }
    const child = this.levels[level + 1];
    if (!child || !this.columns.some((c) => c.level === level + 1)) return;
    const at = [...path, child.list!];
    const children = (entity[child.list!] as Entity[] | undefined) ?? [];
    emitSet(this.root, at, { seq: children.map(() => emitMap()) });
    children.forEach((childEntity, i) => this.apply([...at, i], childEntity, level + 1));
  }

  private setField(path: Path, column: FieldColumn, value: unknown, keys: readonly string[] = column.keys): void {
    if (value !== undefined) emitSet(this.root, [...path, ...keys], emitValueNode(column, value));
  }

  private setObjectList(path: Path, column: FieldColumn, entity: Entity): void {
    const entries = getIn(entity, column.keys) as Entity[] | undefined;
    if (!entries) return;
    const at = [...path, ...column.keys];
    let list = emitGet(this.root, at);
    if (!isEmitSeq(list)) {
      list = { seq: [] };
      emitSet(this.root, at, list);
    }
    list.seq.length = Math.min(list.seq.length, entries.length);
    entries.forEach((entry, i) => {
      if (!(list.seq[i] && 'map' in list.seq[i])) list.seq[i] = emitMap();
      this.setField([...at, i], { ...column, objectList: undefined }, getIn(entry, column.objectList!.field), column.objectList!.field);
    });
  }
}

/** A new file's text: what `renderDocument` gives without an existing file, emitted directly. */
export function renderNewDocument(assembled: AssembledDocument, present: ReadonlySet<string>): string {
  const writer = new NewDocumentWriter(assembled.kind, present);
  writer.apply([], assembled.data, 0);
  return emitDocument(writer.root);
}

/** Whether a file's text parses without YAML errors, so that it can be updated without rewriting what it got wrong. */
export function parsesCleanly(text: string): boolean {
  return parseAllDocuments(text).every((d) => d.errors.length === 0);
}

/** The text of a file holding `assembled`: `existing` updated in place when given, else a new file. */
export function renderDocument(assembled: AssembledDocument, present: ReadonlySet<string>, existing?: string): { text: string; index: number } {
  if (existing === undefined) return { text: renderNewDocument(assembled, present), index: 0 };
  return renderWithDocumentApi(assembled, present, existing);
}

/** The `yaml` Document API's rendering: `existing` updated in place, or (without it) a new document. */
export function renderWithDocumentApi(assembled: AssembledDocument, present: ReadonlySet<string>, existing?: string): { text: string; index: number } {
  const docs = existing === undefined ? [] : parseAllDocuments(existing);
  const all: Document[] = (Array.isArray(docs) ? docs : []) as unknown as Document[];
  const layout = LAYOUTS[assembled.kind];
  const sameKind = (d: Document) => isMap(d.contents) && d.get('kind') === assembled.kind;
  let index = all.findIndex((d) => sameKind(d) && keyOfNode(d.contents, layout.levels[0].key) === keyOfEntity(assembled.data, layout.levels[0].key));
  if (index < 0) index = all.findIndex(sameKind);
  let doc: Document;
  if (index >= 0) {
    doc = all[index];
  } else {
    doc = new Document({ apiVersion: 'govspec/v1', kind: assembled.kind });
    all.push(doc);
    index = all.length - 1;
  }
  if (!doc.has('apiVersion')) doc.set('apiVersion', 'govspec/v1');
  if (!doc.has('kind')) doc.set('kind', assembled.kind);
  new DocumentWriter(doc, assembled.kind, present).apply([], assembled.data, 0);
  const text = all.map((d, i) => {
    const out = d.toString({ lineWidth: 0 });
    return i > 0 && !out.startsWith('---') ? `---\n${out}` : out;
  }).join('');
  return { text, index };
}

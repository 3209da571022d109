/**
 * The columns of a kind as import and export use them: each with its full data path (`resources[].items[].name`),
 * its level, and what kind of value it holds, read from the schema at that path (type, code list and its labels,
 * date format, fixed digit count).
 */
import { schemaAt } from '../engine';
import type { SchemaText } from '../engine';
import type { JsonPath, Kind } from '../engine';
import { LAYOUTS } from './layouts';
import type { ColumnSpec } from './layouts';

export type ValueKind = 'text' | 'code' | 'enum' | 'date' | 'bool' | 'int' | 'number' | 'list' | 'enum-list';

export interface FieldColumn {
  /** Full path as mapping files write it: `resources[].share.type`. */
  id: string;
  level: number;
  /** Path inside the level's entity, as keys: ['share', 'type']; `objectList` when it is `a[].b`. */
  keys: readonly string[];
  /** `legalBasis[].law`: the list (`legalBasis`) whose entries get one line of the cell each, and their field's keys. */
  objectList?: { list: string; field: readonly string[] };
  /** A list of free text (受理条件): its entries are the lines of the cell, as they may hold commas. */
  lines?: boolean;
  headers: readonly string[];
  kind: ValueKind;
  /** Code → labels, for `enum` and `enum-list`. */
  labels?: Readonly<Record<string, SchemaText>>;
  /** A code of exactly this many digits (`item: "02"`): a number stored by Excel gets its zeros back. */
  digits?: number;
  /** The schema's title of the field, for export's header comments. */
  title?: SchemaText;
}

/** Fields that hold identifiers: a number Excel made of them is turned back into text, and checked for lost digits. */
const LINE_LIST_FIELDS = new Set(['acceptanceConditions', 'intermediaryServices', 'measures']);

const CODE_FIELDS = new Set(['uscc', 'code', 'region', 'basicCode', 'implementationCode', 'parent', 'id', 'agreement', 'resource', 'detail']);

function schemaPathOf(kind: Kind, level: number, keys: readonly string[], objectList: FieldColumn['objectList']): JsonPath {
  const prefix: (string | number)[] = [];
  const levels = LAYOUTS[kind].levels;
  for (let l = 1; l <= level; l++) prefix.push(levels[l].list!, 0);
  return objectList ? [...prefix, ...keys, 0, ...objectList.field] : [...prefix, ...keys];
}

function valueKindOf(type: unknown, node: ReturnType<typeof schemaAt>, kind: Kind, path: JsonPath): Pick<FieldColumn, 'kind' | 'labels' | 'digits'> {
  if (type === 'boolean') return { kind: 'bool' };
  if (type === 'integer') return { kind: 'int' };
  if (type === 'number') return { kind: 'number' };
  if (type === 'array') {
    const item = schemaAt(kind, [...path, 0]);
    return item?.enum ? { kind: 'enum-list', labels: item['x-enum'] ?? {} } : { kind: 'list' };
  }
  if (node?.enum) return { kind: 'enum', labels: node['x-enum'] ?? {} };
  if (node?.format === 'date') return { kind: 'date' };
  const digits = /^\^\[0-9\]\{(\d+)\}\$$/.exec(node?.pattern ?? '');
  if (digits) return { kind: 'code', digits: Number(digits[1]) };
  const last = path[path.length - 1];
  return { kind: typeof last === 'string' && CODE_FIELDS.has(last) ? 'code' : 'text' };
}

function fieldColumn(kind: Kind, level: number, spec: ColumnSpec): FieldColumn {
  const levels = LAYOUTS[kind].levels;
  const listPrefix = levels.slice(1, level + 1).map((l) => `${l.list}[].`).join('');
  const match = /^([\w.]+)\[\]\.([\w.]+)$/.exec(spec.field);
  const objectList = match ? { list: match[1], field: match[2].split('.') } : undefined;
  const keys = objectList ? objectList.list.split('.') : spec.field.split('.');
  const path = schemaPathOf(kind, level, keys, objectList);
  const node = schemaAt(kind, path);
  return {
    id: `${listPrefix}${spec.field}`, level, keys, objectList, headers: spec.headers,
    ...valueKindOf(node?.type, node, kind, path), title: node?.['x-i18n']?.title,
    lines: LINE_LIST_FIELDS.has(keys[keys.length - 1]) || undefined,
  };
}

const cache = new Map<Kind, readonly FieldColumn[]>();

/** Every column of a kind, in the order export writes them. */
export function fieldColumns(kind: Kind): readonly FieldColumn[] {
  let columns = cache.get(kind);
  if (!columns) {
    columns = LAYOUTS[kind].levels.flatMap((level, index) => level.columns.map((spec) => fieldColumn(kind, index, spec)));
    cache.set(kind, columns);
  }
  return columns;
}

export function fieldColumnById(kind: Kind, id: string): FieldColumn | undefined {
  return fieldColumns(kind).find((c) => c.id === id);
}

/**
 * Headers to fields: the usual Chinese headers, their variants and English names are recognised (layouts.ts);
 * `--mapping FILE.yaml` gives any other layout, in the form `--print-mapping` prints:
 *
 *   kind: Catalog
 *   columns:
 *     资源名称: resources[].name
 *     备注: null          # not imported, and reported
 */
import { parse, stringify } from 'yaml';
import type { Kind, Message } from '../engine';
import { fieldColumnById, fieldColumns } from './fields';
import type { FieldColumn } from './fields';
import { bilingual } from '../engine';

/** A user's mapping: header text (as written in the sheet) → column id, or null to leave a column out. */
export type UserMapping = ReadonlyMap<string, string | null>;

/** Header text compared without case, width, spaces, required marks (`*`, `（必填）`) or a trailing colon. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC')
    .replace(/\((?:必填|选填|必须|可选|required|optional)\)/gi, '')
    .replace(/[\s*:_]/g, '')
    .toLowerCase();
}

export interface HeaderMapping {
  /** Per header position: the column it fills, or undefined when unmapped. */
  columns: (FieldColumn | undefined)[];
  /** Positions of headers left out on purpose by the user's mapping (`null`), which are not reported. */
  omitted: Set<number>;
}

/** Maps a sheet's header row; a field is filled from its first column only, a later one with the same field is unmapped. */
export function mapHeaders(kind: Kind, headers: readonly string[], user?: UserMapping): HeaderMapping {
  const byHeader = new Map<string, FieldColumn>();
  for (const column of fieldColumns(kind)) {
    for (const header of column.headers) {
      const key = normaliseHeader(header);
      if (!byHeader.has(key)) byHeader.set(key, column);
    }
    byHeader.set(normaliseHeader(column.id), column);
  }
  const userByHeader = new Map([...(user ?? new Map<string, string | null>())].map(([h, id]) => [normaliseHeader(h), id]));
  const taken = new Set<string>();
  const omitted = new Set<number>();
  const columns = headers.map((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return undefined;
    let column: FieldColumn | undefined;
    if (userByHeader.has(key)) {
      const id = userByHeader.get(key);
      if (id === null) omitted.add(index);
      column = id === null || id === undefined ? undefined : fieldColumnById(kind, id);
    } else {
      column = byHeader.get(key);
    }
    if (!column || taken.has(column.id)) return undefined;
    taken.add(column.id);
    return column;
  });
  return { columns, omitted };
}

export class MappingError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

/** Reads a mapping file's text; its mistakes are one line each (exit 2), naming the header or id. */
export function parseMapping(kind: Kind, text: string): UserMapping {
  let data: unknown;
  try {
    data = parse(text, { schema: 'core', maxAliasCount: 0 });
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new MappingError(bilingual(`映射文件不是有效的 YAML：${why}`, `the mapping file is not valid YAML: ${why}`));
  }
  const columns = (data as { columns?: unknown } | null)?.columns;
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) {
    throw new MappingError(bilingual('映射文件须有 columns：表头 → 字段', 'the mapping file needs columns: header → field'));
  }
  const declared = (data as { kind?: unknown }).kind;
  if (declared !== undefined && declared !== kind) {
    throw new MappingError(bilingual(`映射文件用于 ${String(declared)}，而 --kind 是 ${kind}`, `the mapping file is for ${String(declared)}, but --kind is ${kind}`));
  }
  const mapping = new Map<string, string | null>();
  for (const [header, id] of Object.entries(columns as Record<string, unknown>)) {
    if (id !== null && (typeof id !== 'string' || !fieldColumnById(kind, id))) {
      const known = fieldColumns(kind).map((c) => c.id).join(', ');
      throw new MappingError(bilingual(
        `映射文件中“${header}”对应的字段“${String(id)}”不存在；可用：${known}`,
        `the mapping file maps "${header}" to "${String(id)}", which is no field of ${kind}; use one of ${known}`,
      ));
    }
    mapping.set(header, id as string | null);
  }
  return mapping;
}

/** The mapping inferred for a header row, as a mapping file a user can save, edit and pass back with --mapping. */
export function printMapping(kind: Kind, headers: readonly string[], mapping: HeaderMapping): string {
  const columns: Record<string, string | null> = {};
  headers.forEach((header, i) => {
    if (header.trim() !== '' && !(header in columns)) columns[header] = mapping.columns[i]?.id ?? null;
  });
  return stringify({ kind, columns }, { lineWidth: 0 });
}

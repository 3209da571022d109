/**
 * Documents into rows, the reverse of assemble.ts: one row per entity of the deepest level (per 信息项 of each
 * resource), the cells of the levels above repeated on each, so that import reads them back as the same entities.
 * Codes are written as their Chinese labels (the drop-down lists offer those), yes/no as 是/否; every value keeps the
 * data path it came from, for the findings sheet.
 */
import type { Kind } from '../engine';
import { getIn } from './data-paths';
import type { Entity } from './data-paths';
import { fieldColumns } from './fields';
import type { FieldColumn } from './fields';
import { LAYOUTS } from './layouts';
import { labelForCode } from './values';

export type ExportValue = string | number | null;

export interface ExportRow {
  values: ExportValue[];
  /** Column index → the data path of its value, for values this row is the first to show. */
  paths: Map<number, (string | number)[]>;
}


/** A code as its label; what is no code of the list is written as it is, a number as a number. */
function labelOf(column: FieldColumn, value: unknown): string | number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? labelForCode(column.labels, value) : String(value);
}

function scalarCell(column: FieldColumn, value: unknown): ExportValue {
  if (value === undefined || value === null) return null;
  switch (column.kind) {
    case 'enum': return labelOf(column, value);
    case 'bool': return value === true ? '是' : value === false ? '否' : String(value);
    case 'int':
    case 'number': return typeof value === 'number' ? value : String(value);
    case 'list':
    case 'enum-list': {
      if (!Array.isArray(value)) return String(value);
      const parts = value.map((v) => (column.kind === 'enum-list' ? String(labelOf(column, v)) : String(v)));
      // Labels may hold `、` (`镇（乡、街道）级`); lines keep them apart, as they do for entries of free text.
      return parts.join(column.lines || column.kind === 'enum-list' ? '\n' : '、');
    }
    default: return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
  }
}

function cellOf(column: FieldColumn, entity: Entity): ExportValue {
  const value = getIn(entity, column.keys);
  if (!column.objectList) return scalarCell(column, value);
  if (!Array.isArray(value)) return null;
  const inner = { ...column, objectList: undefined, keys: column.objectList.field };
  const lines = value.map((entry) => scalarCell(inner, getIn(entry, inner.keys)) ?? '');
  return lines.some((l) => l !== '') ? lines.join('\n') : null;
}

/** The rows of one document of `kind`; `withPaths` false leaves the rows' paths empty (no findings to place). */
export function rowsOfDocument(kind: Kind, data: Entity, withPaths = true): ExportRow[] {
  const columns = fieldColumns(kind);
  const levels = LAYOUTS[kind].levels;
  const rows: ExportRow[] = [];
  const walk = (level: number, entity: Entity, path: (string | number)[], above: ExportRow, fresh: boolean) => {
    const row: ExportRow = { values: [...above.values], paths: new Map(fresh ? above.paths : []) };
    columns.forEach((column, i) => {
      if (column.level !== level) return;
      row.values[i] = cellOf(column, entity);
      if (withPaths && row.values[i] !== null) row.paths.set(i, [...path, ...column.keys]);
    });
    const child = levels[level + 1];
    const children = child ? getIn(entity, [child.list!]) : undefined;
    if (!Array.isArray(children) || children.length === 0) {
      rows.push(row);
      return;
    }
    children.forEach((c, i) => walk(level + 1, (c ?? {}) as Entity, [...path, child!.list!, i], row, i === 0));
  };
  walk(0, data, [], { values: columns.map(() => null), paths: new Map() }, true);
  return rows;
}

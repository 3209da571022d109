/** Helpers of the import/export suites: temporary folders, and documents as the spreadsheet layouts see them. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Kind } from '../../server/src/engine/types';
import { getIn, setIn } from '../../server/src/sheets/data-paths';
import type { Entity } from '../../server/src/sheets/data-paths';
import { fieldColumns } from '../../server/src/sheets/fields';
import { LAYOUTS } from '../../server/src/sheets/layouts';
import { codeOfLabel } from '../../server/src/sheets/values';


export function tempFolder(): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'govspec-import-'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}



/** A document cut down to the fields its kind's sheet has columns for, `x-` fields and the rest left out. */
export function project(kind: Kind, data: Entity): Entity {
  const levels = LAYOUTS[kind].levels;
  const columns = fieldColumns(kind);
  const walk = (level: number, entity: Entity): Entity => {
    const out: Entity = {};
    for (const column of columns.filter((c) => c.level === level)) {
      const value = getIn(entity, column.keys);
      // An empty list and no list read the same in a sheet: both are an empty cell.
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      if (column.objectList) {
        if (!Array.isArray(value)) continue;
        const before = (getIn(out, column.keys) as Entity[] | undefined) ?? value.map(() => ({}));
        value.forEach((entry, i) => {
          const v = getIn(entry, column.objectList!.field);
          if (v !== undefined && v !== null && v !== '') setIn(before[i], column.objectList!.field, v);
        });
        setIn(out, column.keys, before);
      } else if (column.kind === 'enum' && (typeof value === 'string' || typeof value === 'number')) {
        // Import writes a code-list label as its code (`工作日` → `workday`, a number 7 as `07`): a document that wrote
        // the label, or the number, gets the code back.
        setIn(out, column.keys, codeOfLabel(column.labels, value) ?? value);
      } else {
        setIn(out, column.keys, value);
      }
    }
    const child = levels[level + 1];
    const children = child ? entity[child.list!] : undefined;
    if (Array.isArray(children)) out[child!.list!] = children.map((c) => walk(level + 1, c as Entity));
    return out;
  };
  return { apiVersion: data.apiVersion, kind: data.kind, ...walk(0, data) };
}

/** Every document of every YAML file of a folder, as data. */
export function readDocuments(folder: string): Entity[] {
  return readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(folder, f), 'utf8')) as unknown as { toJSON(): unknown }[])
    .map((d) => d.toJSON() as Entity);
}

/**
 * Rows into documents. A row fills the entities of each level of the kind (a catalogue's provider, a resource, an
 * 信息项): a row whose key cell repeats the entity above it, or leaves that level's cells empty (merged cells read as
 * empty below their first row), continues that entity; any other row starts a new one. Documents are kept by their
 * key, so rows of one provider spread over the sheet (or several sheets) make one catalogue. Every value remembers
 * its cell, so that what the lint later says about it can be reported there.
 */
import { getIn, setIn } from './data-paths';
import type { Entity } from './data-paths';
import type { Kind, Message, SheetCell } from '../engine';
import { CellsByPath } from './cells-by-path';
import { fieldColumns } from './fields';
import type { FieldColumn } from './fields';
import { LAYOUTS } from './layouts';
import { convertCell, isBlank, LIST_SEPARATOR } from './values';
import type { CellValue } from './values';
import type { ImportProblem } from './problems';
import { bilingual } from '../engine';


export interface AssembledDocument {
  key: string;
  kind: Kind;
  data: Entity;
  /** Data path (JSON of the path array) → the cell its value came from. */
  cells: CellsByPath;
}

/** One mapped cell of a row. */
export interface RowCell { column: FieldColumn; value: CellValue; cell: SheetCell }

/**
 * Where the assembled documents are kept, by key. `leave` says that the rows moved on to another document: a store
 * may put it away until `get` asks for it again (spill.ts writes it to disk); `drain` gives every document once.
 */
export interface DocumentStore {
  get(key: string): AssembledDocument | undefined;
  set(key: string, doc: AssembledDocument): void;
  leave(doc: AssembledDocument): void;
  drain(): Iterable<AssembledDocument>;
}

/** Every document in memory: what small imports (tests, the editor's) need. */
export class MemoryStore implements DocumentStore {
  private readonly documents = new Map<string, AssembledDocument>();
  get(key: string): AssembledDocument | undefined { return this.documents.get(key); }
  set(key: string, doc: AssembledDocument): void { this.documents.set(key, doc); }
  leave(): void {}
  drain(): Iterable<AssembledDocument> { return this.documents.values(); }
}

interface Open { entity: Entity; key: string | undefined; path: (string | number)[] }




/** Whether a repeated cell holds the value already set: most are the same text, told apart without serialising. */
const sameValue = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

export class Assembler {
  readonly problems: ImportProblem[] = [];
  private readonly levels;
  private readonly columns: readonly FieldColumn[];
  private open: Open[] = [];
  private current: AssembledDocument | undefined;
  private anonymous = 0;

  constructor(readonly kind: Kind, private readonly documents: DocumentStore = new MemoryStore()) {
    this.levels = LAYOUTS[kind].levels;
    this.columns = fieldColumns(kind);
  }

  /** A new sheet: its rows do not continue the entities of the sheet before. */
  startSheet(): void {
    this.open = [];
    this.current = undefined;
  }

  addRow(cells: readonly RowCell[]): void {
    const filled = cells.filter((c) => !isBlank(c.value));
    if (filled.length === 0) return;
    for (let level = 0; level < this.levels.length; level++) {
      const own = filled.filter((c) => c.column.level === level);
      const deeper = filled.some((c) => c.column.level > level);
      if (level === 0) this.documentFor(own, filled[0].cell);
      else if (!this.entityFor(level, own, filled[0].cell, deeper)) break;
    }
  }

  private keyOf(level: number, own: readonly RowCell[]): string | undefined {
    for (const field of this.levels[level].key) {
      const cell = own.find((c) => c.column.keys.join('.') === field && !c.column.objectList);
      if (cell) {
        const value = convertCell(cell.column, cell.value).value;
        if (typeof value === 'string' && value !== '') return value;
      }
    }
    return undefined;
  }

  private documentFor(own: readonly RowCell[], first: SheetCell): void {
    const key = this.keyOf(0, own);
    let doc = key === undefined ? undefined : this.documents.get(key);
    if (key === undefined && (own.length > 0 || !this.current)) {
      // Rows without the document's key: those of a sheet without such columns make one document; others each their own.
      const anonymousKey = own.length > 0 ? `#${++this.anonymous}` : '#sheet';
      doc = this.documents.get(anonymousKey);
      if (!doc) doc = this.newDocument(anonymousKey, first);
    } else if (key !== undefined && !doc) {
      doc = this.newDocument(key, first);
    }
    if (doc && doc !== this.current) {
      if (this.current) this.documents.leave(this.current);
      this.current = doc;
      this.open = [{ entity: doc.data, key, path: [] }];
    }
    this.fill(this.open[0], own);
  }

  private newDocument(key: string, first: SheetCell): AssembledDocument {
    const doc: AssembledDocument = { key, kind: this.kind, data: { apiVersion: 'govspec/v1', kind: this.kind }, cells: new CellsByPath() };
    doc.cells.set([], first);
    this.documents.set(key, doc);
    return doc;
  }

  /** The entity of `level` this row fills; false when the row has nothing for this level or below. */
  private entityFor(level: number, own: readonly RowCell[], first: SheetCell, deeper: boolean): boolean {
    const parent = this.open[level - 1];
    const openHere = this.open[level];
    const key = this.keyOf(level, own);
    const continues = openHere !== undefined && (key === undefined ? own.length === 0 : key === openHere.key);
    if (continues) {
      this.fill(openHere, own);
      return true;
    }
    if (own.length === 0 && !deeper) return false;
    const split = level === this.levels.length - 1 ? this.splitList(own) : undefined;
    for (const part of split ?? [own]) this.newEntity(level, parent, part, part[0]?.cell ?? first);
    return true;
  }

  private newEntity(level: number, parent: Open, own: readonly RowCell[], first: SheetCell): void {
    const listName = this.levels[level].list!;
    const list = (parent.entity[listName] ??= []) as Entity[];
    const entity: Entity = {};
    list.push(entity);
    const path = [...parent.path, listName, list.length - 1];
    this.current!.cells.set(path, first);
    this.open = [...this.open.slice(0, level), { entity, key: this.keyOf(level, own), path }];
    this.fill(this.open[level], own);
  }

  /** One row of the deepest level that lists several entries in its key cell (`姓名、性别`), one entity each. */
  private splitList(own: readonly RowCell[]): RowCell[][] | undefined {
    const keyField = this.levels[this.levels.length - 1].key[0];
    const keyCell = own.find((c) => c.column.keys.join('.') === keyField);
    if (!keyCell || typeof keyCell.value !== 'string') return undefined;
    const names = keyCell.value.split(LIST_SEPARATOR).filter((s) => s !== '');
    if (names.length < 2) return undefined;
    return names.map((name, i) => own.map((c) => {
      if (c === keyCell) return { ...c, value: name };
      const parts = typeof c.value === 'string' ? c.value.split(LIST_SEPARATOR) : [];
      return parts.length === names.length ? { ...c, value: parts[i] } : c;
    }));
  }

  private fill(open: Open, own: readonly RowCell[]): void {
    for (const rowCell of own) {
      const { column, cell } = rowCell;
      if (column.objectList) {
        // Each line is converted on its own: the cell as a whole is no value of the field.
        if (!isBlank(rowCell.value)) this.fillObjectList(open, column, rowCell.value, cell);
        continue;
      }
      const converted = convertCell(column, rowCell.value);
      if (converted.problem) this.problems.push({ ruleId: 'import/lost-digits', severity: 'error', message: converted.problem, cell });
      if (converted.value === undefined) continue;
      const before = getIn(open.entity, column.keys);
      if (before !== undefined) {
        if (!sameValue(before, converted.value)) this.problems.push({ ruleId: 'import/conflicting-cell', severity: 'warning', message: conflict(column, before, converted.value), cell });
        continue;
      }
      setIn(open.entity, column.keys, converted.value);
      this.current!.cells.set([...open.path, ...column.keys], cell);
    }
  }

  /** `legalBasis[].law`: one entry of the list per line of the cell; columns of the same list fill the same entries. */
  private fillObjectList(open: Open, column: FieldColumn, value: CellValue, cell: SheetCell): void {
    const { field } = column.objectList!;
    const lines = (typeof value === 'string' ? value : String(value)).split(/\r?\n/).map((line) => line.trim());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const before = getIn(open.entity, column.keys);
    const entries = Array.isArray(before) ? (before as Entity[]) : [];
    if (!Array.isArray(before)) {
      setIn(open.entity, column.keys, entries);
      this.current!.cells.set([...open.path, ...column.keys], cell);
    }
    lines.forEach((line, i) => {
      entries[i] ??= {};
      if (line === '' || getIn(entries[i], field) !== undefined) return;
      // A single-line cell that Excel read as a number (a fee of 10) keeps its number.
      const converted = convertCell({ ...column, objectList: undefined, keys: field }, lines.length === 1 && typeof value !== 'string' ? value : line);
      if (converted.problem) this.problems.push({ ruleId: 'import/lost-digits', severity: 'error', message: converted.problem, cell });
      setIn(entries[i], field, converted.value);
      this.current!.cells.set([...open.path, ...column.keys, i, ...field], cell);
    });
  }

  /** Every document assembled, once, in the order of their first rows. */
  drain(): Iterable<AssembledDocument> {
    this.current = undefined;
    this.open = [];
    return this.documents.drain();
  }

  /** The columns this assembler knows, for callers that map headers. */
  get fieldColumns(): readonly FieldColumn[] {
    return this.columns;
  }
}

function conflict(column: FieldColumn, before: unknown, after: unknown): Message {
  const a = JSON.stringify(before);
  const b = JSON.stringify(after);
  return bilingual(
    `“${column.headers[0]}”与上一行同一条目的值不同（${a} 与 ${b}），保留先出现的值`,
    `"${column.headers[0]}" differs from the same entry's value in the row above (${a} against ${b}); the first one is kept`,
  );
}

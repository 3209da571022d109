/**
 * `govspec import`'s work, apart from its flags and its report: spreadsheets read sheet by sheet, headers mapped,
 * rows assembled into documents, and one YAML file written (atomically) per document, new or updated in place.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Kind, SheetCell } from '../engine';
import { writeFileAtomic } from '../cli/files/atomic-write';
import { Assembler } from './assemble';
import type { AssembledDocument, RowCell } from './assemble';
import { CellLocator } from './cell-of-finding';
import { CellsByPath } from './cells-by-path';
import { LAYOUTS } from './layouts';
import { mapHeaders, printMapping } from './mapping';
import type { UserMapping } from './mapping';
import type { ImportProblem } from './problems';
import { readCsv } from './read-csv';
import { readXlsx, UnreadableFile } from './read-xlsx';
import type { SheetRead, WorkbookRead } from './read-xlsx';
import { SpillStore } from './spill';
import { isBlank } from './values';
import { parsesCleanly, renderDocument } from './write-yaml';
import { bilingual } from '../engine';

/** Excel's own limit of rows per sheet; a sheet claiming more is not an Excel sheet. */
export const MAX_ROWS_PER_SHEET = 1_048_576;
/** Rows above the header that may hold a title or notes; the first row that maps two columns is the header. */
const MAX_TITLE_ROWS = 10;

export interface ImportInput { absolute: string; display: string }

export interface ImportOptions {
  kind: Kind;
  files: readonly ImportInput[];
  outDir: string;
  mapping?: UserMapping;
  /** Only infer and return the mapping of each sheet; nothing is written. */
  printMapping?: boolean;
  /** Whether the written files keep their values' cells, for the lint's findings (default true; `--no-lint` has none). */
  locate?: boolean;
}

export interface WrittenFile { absolute: string; locator: CellLocator }

export interface ImportResult {
  written: WrittenFile[];
  problems: ImportProblem[];
  mappings: string[];
  rows: number;
}

function openWorkbook(input: ImportInput): Promise<WorkbookRead> | WorkbookRead {
  const ext = extname(input.absolute).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return readCsv(input.absolute, input.display);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(input.absolute, input.display);
  throw new UnreadableFile(bilingual(`${input.display}：只能导入 .xlsx 或 .csv 文件`, `${input.display}: only .xlsx and .csv files can be imported`));
}

/** The columns a sheet of the kind cannot lack: what tells its entities apart (a resource's code, a service's code). */
function identityColumns(kind: Kind): string[] {
  const levels = LAYOUTS[kind].levels;
  const level = levels.length > 1 && kind === 'Catalog' ? 1 : 0;
  const prefix = levels.slice(1, level + 1).map((l) => `${l.list}[].`).join('');
  return levels[level].key.map((k) => `${prefix}${k}`);
}

const textOfHeader = (value: unknown): string => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value));

class SheetImporter {
  readonly problems: ImportProblem[] = [];
  readonly mappings: string[] = [];
  /** Ids of the columns some sheet has: only those fields are written, so re-imports keep the others. */
  readonly present = new Set<string>();
  rows = 0;

  constructor(private readonly options: ImportOptions, readonly assembler: Assembler) {}

  /**
   * `only`: the sheet named after the kind (as export names it), when the workbook has one; the others are passed
   * over. A sheet passed over, or left after its header (`--print-mapping`), is never parsed further.
   */
  async sheet(input: ImportInput, sheet: SheetRead, only: string | undefined): Promise<void> {
    const at = (row: number, column: number): SheetCell => ({ file: input.display, sheet: sheet.name, row, column });
    if (only !== undefined && sheet.name !== only && !sheet.name.startsWith(`${only} (`)) {
      this.problems.push({ ruleId: 'import/ignored-content', severity: 'info', cell: at(1, 1), message: bilingual(`工作簿有“${only}”工作表，其他工作表（“${sheet.name}”）未导入`, `the workbook has a sheet "${only}"; the other sheets ("${sheet.name}") are not imported`) });
      return;
    }
    if (sheet.hidden) {
      this.problems.push({ ruleId: 'import/ignored-content', severity: 'warning', cell: at(1, 1), message: bilingual(`隐藏的工作表“${sheet.name}”未导入`, `the hidden sheet "${sheet.name}" is not imported`) });
      return;
    }
    // A sheet continued past Excel's row limit (`政务信息资源目录 (2)`) continues the entities of the one before.
    if (only === undefined || sheet.name === only) this.assembler.startSheet();
    let mapping: ReturnType<typeof mapHeaders> | undefined;
    for await (const { row, values } of sheet.rows) {
      if (row > MAX_ROWS_PER_SHEET) {
        throw new UnreadableFile(bilingual(`${input.display} 的工作表“${sheet.name}”超过 ${MAX_ROWS_PER_SHEET} 行`, `${input.display}: the sheet "${sheet.name}" has more than ${MAX_ROWS_PER_SHEET} rows`));
      }
      if (!mapping) {
        if (values.every(isBlank)) continue;
        const headers = values.map(textOfHeader);
        const candidate = mapHeaders(this.options.kind, headers, this.options.mapping);
        // A title above the header (`广安区政务信息资源目录`, merged across) maps no more than one column.
        if (candidate.columns.filter(Boolean).length < 2 && row < MAX_TITLE_ROWS) continue;
        mapping = candidate;
        if (this.options.printMapping) {
          this.mappings.push(`# ${input.display} ${sheet.name}\n${printMapping(this.options.kind, headers, mapping)}`);
          return;
        }
        if (!mapping.columns.some((c) => c !== undefined && identityColumns(this.options.kind).includes(c.id))) {
          this.problems.push({ ruleId: 'import/ignored-content', severity: 'warning', cell: at(row, 1), message: bilingual(`工作表“${sheet.name}”没有 ${this.options.kind} 的标识列（${identityColumns(this.options.kind).join('、')}），未导入`, `the sheet "${sheet.name}" has no identifying column of ${this.options.kind} (${identityColumns(this.options.kind).join(', ')}); it is not imported`) });
          return;
        }
        this.reportUnmapped(headers, mapping, (c) => at(row, c));
        for (const column of mapping.columns) if (column) this.present.add(column.id);
        continue;
      }
      this.rows++;
      const cells: RowCell[] = [];
      mapping.columns.forEach((column, i) => {
        if (column) cells.push({ column, value: values[i] ?? null, cell: at(row, i + 1) });
      });
      this.assembler.addRow(cells);
    }
  }

  private reportUnmapped(headers: readonly string[], mapping: ReturnType<typeof mapHeaders>, at: (column: number) => SheetCell): void {
    headers.forEach((header, i) => {
      if (header.trim() === '' || mapping.columns[i] || mapping.omitted.has(i)) return;
      this.problems.push({
        ruleId: 'import/unmapped-column', severity: 'warning', cell: at(i + 1),
        message: bilingual(`列“${header}”无法对应到 ${this.options.kind} 的字段，未导入；可用 --mapping 指定`, `the column "${header}" maps to no field of ${this.options.kind} and is not imported; give it one with --mapping`),
      });
    });
  }
}

/** A file name from a document's identity: what the file system and shells take without quoting. */
function fileStem(text: string): string {
  return text.normalize('NFKC').replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^[.-]+|-+$/g, '').slice(0, 120) || 'imported';
}

function stemOf(doc: AssembledDocument, fallback: string): string {
  const d = doc.data as Record<string, Record<string, unknown> | unknown>;
  const provider = d.provider as Record<string, unknown> | undefined;
  const candidates: Record<Kind, unknown[]> = {
    Catalog: [provider?.name, provider?.uscc],
    Service: [d.implementationCode, d.name],
    SharingAgreement: [d.id, d.title],
    Agency: [d.name, d.uscc],
  };
  const first = candidates[doc.kind].find((v) => typeof v === 'string' && v.trim() !== '');
  return fileStem(typeof first === 'string' ? first : fallback);
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const store = new SpillStore();
  try {
    return await importInto(options, new Assembler(options.kind, store));
  } finally {
    store.close();
  }
}

async function importInto(options: ImportOptions, assembler: Assembler): Promise<ImportResult> {
  const importer = new SheetImporter(options, assembler);
  const problems: ImportProblem[] = [];
  for (const input of options.files) {
    const workbook = await openWorkbook(input);
    const named = LAYOUTS[options.kind].sheet;
    const only = workbook.names.includes(named) ? named : undefined;
    for await (const sheet of workbook.sheets) await importer.sheet(input, sheet, only);
    problems.push(...workbook.problems);
  }
  problems.push(...importer.problems, ...assembler.problems);
  if (options.printMapping) return { written: [], problems, mappings: importer.mappings, rows: importer.rows };

  mkdirSync(options.outDir, { recursive: true });
  const present = importer.present;
  const stems = new Set<string>();
  const written: WrittenFile[] = [];
  for (const doc of assembler.drain()) {
    let stem = stemOf(doc, 'imported');
    for (let n = 2; stems.has(stem); n++) stem = `${stemOf(doc, 'imported')}-${n}`;
    stems.add(stem);
    const absolute = join(options.outDir, `${stem}.${LAYOUTS[options.kind].suffix}.yaml`);
    const existing = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
    if (existing !== undefined && !parsesCleanly(existing)) {
      const cell = doc.cells.get([])!;
      problems.push({ ruleId: 'import/unreadable', severity: 'error', cell, message: bilingual(`${absolute} 已存在但有 YAML 错误，未更新；请先修正`, `${absolute} exists but has YAML errors; it is not updated until they are mended`) });
      continue;
    }
    const { text, index } = renderDocument(doc, present, existing);
    writeFileAtomic(absolute, text);
    // Only the cells are kept for the lint's findings: the text is read again if one comes, the data is let go.
    const cells = options.locate === false ? new CellsByPath() : doc.cells;
    written.push({ absolute, locator: new CellLocator(() => readFileSync(absolute, 'utf8'), new Map([[index, { cells }]])) });
  }
  return { written, problems, mappings: importer.mappings, rows: importer.rows };
}

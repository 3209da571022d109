/**
 * The workbook `govspec export` writes, with exceljs's streaming writer: one sheet per kind (Chinese headers, frozen
 * header row, column widths, a drop-down list on every code-list column, offering the labels), a sheet of the code
 * lists the drop-downs read, and a sheet of findings, each linked to the cell it is about.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kind, SheetCell } from '../engine';
import { columnLetters } from '../cli/format/findings';
import { displayWidth } from '../cli/format/width';
import { fieldColumns } from './fields';
import type { FieldColumn } from './fields';
import { LAYOUTS } from './layouts';
import { labelForCode } from './values';
import type { ExportRow } from './export-rows';

export const CODE_LIST_SHEET = '代码表';
export const FINDINGS_SHEET = '问题清单';
/** Excel's last row: drop-down lists cover the whole column, rows added by hand included. */
const LAST_ROW = 1_048_576;
const WIDTH_SAMPLE_ROWS = 2000;

export interface FindingRow { file: string; line: number; column: number; severity: string; ruleId: string; message: string; cell?: SheetCell }

/** A kind's rows, read once, in order: a large export streams them from the files rather than holding them. */
export interface SheetOfKind { kind: Kind; rows: Iterable<ExportRow> }

// Cell styles shared by every cell they fit: exceljs keys its style ids by the style object, so one object per kind of
// cell is looked up once, where a style per cell was serialised per cell (most of an export's time).
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const TEXT_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: '@' });
const WRAPPED = Object.freeze({ wrapText: true, vertical: 'top' as const });
const WRAPPED_STYLE: Partial<ExcelJS.Style> = Object.freeze({ alignment: WRAPPED });
const WRAPPED_TEXT_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: '@', alignment: WRAPPED });

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function widthOf(column: FieldColumn, rows: readonly ExportRow[], index: number): number {
  let widest = displayWidth(column.headers[0]);
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    const value = row.values[index];
    if (value !== null) widest = Math.max(widest, ...String(value).split('\n').map(displayWidth));
  }
  return Math.min(Math.max(widest + 2, 8), 60);
}

interface CodeList { kind: Kind; column: FieldColumn; range: string }

/** The sheet the drop-downs read, laid out as `listRanges` says. */
function addCodeLists(workbook: ExcelJS.stream.xlsx.WorkbookWriter, lists: ReadonlyMap<string, CodeList>): void {
  const sheet = workbook.addWorksheet(CODE_LIST_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = [...lists.values()].map(({ kind, column }) => [`${LAYOUTS[kind].sheet}·${column.headers[0]}`, ...Object.keys(column.labels!).map((code) => labelForCode(column.labels, code))]);
  sheet.columns = table.map((t) => ({ width: Math.min(Math.max(...t.map(displayWidth)) + 2, 40) }));
  const height = Math.max(0, ...table.map((t) => t.length));
  for (let r = 0; r < height; r++) sheet.addRow(table.map((t) => t[r] ?? null)).commit();
  sheet.commit();
}

/** The data rows one sheet holds below its header; more go on to `政务信息资源目录 (2)` and so on. */
export const ROWS_PER_SHEET = LAST_ROW - 1;

/** The name of the n-th sheet (from 1) of a kind's rows. */
export function continuedSheetName(kind: Kind, n: number): string {
  return n === 1 ? LAYOUTS[kind].sheet : `${LAYOUTS[kind].sheet} (${n})`;
}

/**
 * The sheets of a kind's rows, as many as Excel's row limit asks for (`cellOf` in export-run counts the same way).
 * Only the first rows of a sheet are held, to size its columns; the rest go to the file as they come.
 */
async function addKindSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheetOfKind: SheetOfKind, lists: Map<string, CodeList>, rowsPerSheet: number): Promise<void> {
  const { kind } = sheetOfKind;
  const rows = sheetOfKind.rows[Symbol.iterator]();
  for (let n = 1, more = true; more || n === 1; n++) {
    const head: ExportRow[] = [];
    for (let next = rows.next(); ; next = rows.next()) {
      if (next.done) {
        more = false;
        break;
      }
      head.push(next.value);
      if (head.length === Math.min(WIDTH_SAMPLE_ROWS, rowsPerSheet)) break;
    }
    if (head.length === 0 && n > 1) break;
    const sheet = addKindSheet(workbook, kind, continuedSheetName(kind, n), head, lists);
    let count = head.length;
    head.forEach((row) => addDataRow(sheet, kind, row));
    while (more && count < rowsPerSheet) {
      const next = rows.next();
      if (next.done) {
        more = false;
        break;
      }
      addDataRow(sheet, kind, next.value);
      count++;
      if (count % 1_000 === 0) await zipCaughtUp(sheet);
    }
    sheet.commit();
    if (!more) break;
  }
}

/**
 * exceljs's sheet stream hands each 64 KB of XML to the zip without waiting for it (its write never says "full"), so
 * a sheet written faster than it is deflated piled up in memory: 910 MB for 657,059 rows. Rows wait here, now and
 * then, until the zip's input has taken what it was given.
 */
async function zipCaughtUp(sheet: KindSheet): Promise<void> {
  // The zip's input is a readable-stream v2 PassThrough, whose state is `_writableState` (no `writableNeedDrain`).
  const input = (sheet as unknown as { stream?: { pipes?: (Writable & { _writableState?: { needDrain?: boolean } })[] } }).stream?.pipes?.[0];
  if (input?._writableState?.needDrain) await once(input, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

type KindSheet = ExcelJS.Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

function addDataRow(sheet: KindSheet, kind: Kind, row: ExportRow): void {
  const columns = fieldColumns(kind);
  const written = sheet.addRow(row.values);
  // Codes and dates are text: a cell Excel thought numeric would lose leading zeros when edited.
  columns.forEach((column, i) => {
    const text = column.kind === 'code' || column.kind === 'date';
    const wrapped = typeof row.values[i] === 'string' && (row.values[i] as string).includes('\n');
    written.getCell(i + 1).style = wrapped ? (text ? WRAPPED_TEXT_STYLE : WRAPPED_STYLE) : text ? TEXT_STYLE : PLAIN_STYLE;
  });
  written.commit();
}

function addKindSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, kind: Kind, name: string, rows: readonly ExportRow[], lists: Map<string, CodeList>): KindSheet {
  const columns = fieldColumns(kind);
  // The streaming writer has the list of validations its types leave out.
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] }) as KindSheet;
  sheet.columns = columns.map((c, i) => ({ header: c.headers[0], width: widthOf(c, rows, i) }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, i) => {
    const letter = columnLetters(i + 1);
    const range = `${letter}2:${letter}${LAST_ROW}`;
    const list = lists.get(`${kind}:${column.id}`);
    if (list) {
      // A cell of a list of codes holds several labels (`自然人、企业法人`): Excel only warns about what is not one label.
      sheet.dataValidations.add(range, { type: 'list', allowBlank: true, formulae: [list.range], showErrorMessage: column.kind === 'enum', errorStyle: 'warning' });
    } else if (column.kind === 'bool') {
      sheet.dataValidations.add(range, { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, errorStyle: 'warning' });
    }
  });
  return sheet;
}

function addFindings(workbook: ExcelJS.stream.xlsx.WorkbookWriter, findings: readonly FindingRow[]): void {
  const sheet = workbook.addWorksheet(FINDINGS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '单元格', width: 14 }, { header: '级别', width: 8 }, { header: '规则', width: 36 }, { header: '问题', width: 80 },
    { header: '文件', width: 40 }, { header: '行', width: 6 }, { header: '列', width: 6 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const f of findings) {
    const target = f.cell ? `${columnLetters(f.cell.column)}${f.cell.row}` : '';
    const link = f.cell ? { text: `${f.cell.sheet}!${target}`, hyperlink: `#${quoteSheet(f.cell.sheet)}!${target}` } : null;
    sheet.addRow([link, f.severity, f.ruleId, f.message, f.file, f.line, f.column]).commit();
  }
  sheet.commit();
}

/** The ranges of the code-list sheet that the drop-downs read: one column per code list, labels from row 2. */
function listRanges(kinds: readonly Kind[]): Map<string, CodeList> {
  const lists = new Map<string, CodeList>();
  const columns = kinds.flatMap((kind) => fieldColumns(kind).filter((c) => c.labels).map((c) => ({ kind, column: c })));
  columns.forEach(({ kind, column }, i) => {
    const letter = columnLetters(i + 1);
    const count = Object.keys(column.labels!).length;
    lists.set(`${kind}:${column.id}`, { kind, column, range: `${quoteSheet(CODE_LIST_SHEET)}!$${letter}$2:$${letter}$${count + 1}` });
  });
  return lists;
}

/**
 * Writes the workbook to `stream`: the kinds' sheets, then the findings (asked for once the rows are written, as
 * their cells are known only then), then the code lists.
 */
async function writeWorkbookTo(stream: Writable, sheets: readonly SheetOfKind[], findings: () => readonly FindingRow[], done: Promise<void>, rowsPerSheet = ROWS_PER_SHEET): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const lists = listRanges(sheets.map((s) => s.kind));
  for (const sheet of sheets) await addKindSheets(workbook, sheet, lists, rowsPerSheet);
  addFindings(workbook, findings());
  addCodeLists(workbook, lists);
  await workbook.commit();
  await done;
}

/**
 * The workbook's bytes, in memory (small workbooks: tests, the round-trip property). `rowsPerSheet` below Excel's
 * limit lets a test see a kind's rows continued over several sheets without writing a million of them.
 */
export async function writeExportWorkbook(sheets: readonly SheetOfKind[], findings: readonly FindingRow[], rowsPerSheet = ROWS_PER_SHEET): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeWorkbookTo(stream, sheets, () => findings, done, rowsPerSheet);
  return Buffer.concat(chunks);
}

/** The workbook streamed into `file` (the caller makes that atomic), never held whole in memory. */
export async function writeExportWorkbookFile(file: string, sheets: readonly SheetOfKind[], findings: () => readonly FindingRow[]): Promise<void> {
  const stream = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  await writeWorkbookTo(stream, sheets, findings, done);
}

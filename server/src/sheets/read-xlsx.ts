/**
 * An .xlsx, row by row, with exceljs's streaming reader (memory bounded by one row, plus the shared strings).
 * Formulas are never evaluated: a formula cell gives the value Excel cached when it saved the file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Message, SheetCell } from '../engine';
import type { ImportProblem } from './problems';
import type { CellValue } from './values';
import { isOleFile, scanZip, ZipRefused } from './zip-scan';
import type { IgnoredPart, ZipScan } from './zip-scan';
import { bilingual } from '../engine';

export interface SheetRow { row: number; values: readonly CellValue[] }
export interface SheetRead { name: string; hidden: boolean; rows: AsyncIterable<SheetRow> }
export interface WorkbookRead {
  sheets: AsyncIterable<SheetRead>;
  problems: ImportProblem[];
  /** The names of all sheets, known before any is read. */
  names: readonly string[];
}

/** A file import cannot read at all: one line on standard error, exit 2. */
export class UnreadableFile extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

function readHead(file: string): Buffer {
  const head = Buffer.alloc(8);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

const REFUSALS: Record<ZipRefused['reason'], (file: string, detail: string) => Message> = {
  'not-zip': (f) => (bilingual(`${f} 不是 .xlsx 文件`, `${f} is not an .xlsx file`)),
  encrypted: (f) => (bilingual(`${f} 设有打开密码（已加密），无法读取；请另存为无密码的 .xlsx`, `${f} is password-protected (encrypted) and cannot be read; save it again without a password`)),
  bomb: (f, d) => (bilingual(`${f} 解压后超出上限（疑似压缩炸弹），已拒绝：${d}`, `${f} inflates beyond the bounds (a zip bomb?) and is refused: ${d}`)),
  corrupt: (f, d) => (bilingual(`${f} 已损坏或不完整，无法读取：${d}`, `${f} is corrupt or truncated and cannot be read: ${d}`)),
};

const IGNORED_TEXT: Record<IgnoredPart, Message> = {
  macros: bilingual('工作簿含宏（VBA），已忽略，不会执行', 'the workbook holds macros (VBA); they are ignored and never run'),
  'external-links': bilingual('工作簿含外部链接，已忽略，不会读取链接的文件', 'the workbook holds external links; they are ignored and the linked files are not read'),
  'embedded-objects': bilingual('工作簿含嵌入对象，已忽略', 'the workbook holds embedded objects; they are ignored'),
};

/** A cell's value as exceljs gives it, unwrapped: rich text joined, formulas to their cached result, links to text. */
export function plainValue(value: unknown, at: () => SheetCell, problems: ImportProblem[]): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; formula?: string; sharedFormula?: string; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.formula !== undefined || v.sharedFormula !== undefined) {
    if (v.result === undefined) {
      problems.push({ ruleId: 'import/cell-error', severity: 'error', cell: at(), message: bilingual('公式单元格没有保存计算结果（导入不计算公式）；请在 Excel 中重新计算后保存', 'a formula cell without a saved result (import never evaluates formulas); recalculate and save in Excel') });
      return null;
    }
    return plainValue(v.result, at, problems);
  }
  if (v.error !== undefined) {
    problems.push({ ruleId: 'import/cell-error', severity: 'error', cell: at(), message: bilingual(`单元格的值是错误 ${v.error}`, `the cell holds the error ${v.error}`) });
    return null;
  }
  if (v.text !== undefined) return plainValue(v.text, at, problems);
  return null;
}

export async function readXlsx(file: string, display: string): Promise<WorkbookRead> {
  let head: Buffer;
  try {
    head = readHead(file);
  } catch (error) {
    throw new UnreadableFile(bilingual(`无法读取 ${display}：${(error as NodeJS.ErrnoException).code ?? String(error)}`, `cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`));
  }
  if (isOleFile(head)) throw new UnreadableFile(REFUSALS.encrypted(display, ''));
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new UnreadableFile(REFUSALS['not-zip'](display, ''));
  let scan;
  try {
    scan = await scanZip(file);
  } catch (error) {
    if (error instanceof ZipRefused) throw new UnreadableFile(REFUSALS[error.reason](display, error.message));
    throw error;
  }
  const problems: ImportProblem[] = [];
  const workbookCell: SheetCell = { file: display, sheet: '', row: 1, column: 1 };
  for (const [part, names] of scan.ignored) {
    problems.push({ ruleId: 'import/ignored-content', severity: 'warning', cell: workbookCell, message: bilingual(`${IGNORED_TEXT[part]['zh-CN']}（${names.join('、')}）`, `${IGNORED_TEXT[part].en} (${names.join(', ')})`) });
  }
  for (const [sheet, rows] of scan.hiddenRows) {
    for (const row of rows) {
      problems.push({ ruleId: 'import/ignored-content', severity: 'info', cell: { file: display, sheet, row, column: 1 }, message: bilingual('隐藏行，仍照常导入', 'a hidden row; it is imported like any other') });
    }
  }
  return { sheets: sheetsOf(file, display, problems, scan.sheets), problems, names: [...scan.sheets.values()].map((s) => s.name) };
}

type SheetsByPart = ZipScan['sheets'];

async function* sheetsOf(file: string, display: string, problems: ImportProblem[], byPart: SheetsByPart): AsyncIterable<SheetRead> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { id?: number | string; name?: string; state?: string } & AsyncIterable<{ number: number; values: unknown[] }>;
      // exceljs names a sheet only when the workbook's relationships use relative targets; the scan read them all.
      const scanned = byPart.get(`xl/worksheets/sheet${ws.id}.xml`);
      const named = ws.name !== undefined && ws.name !== `Sheet${ws.id}`;
      const name = named ? ws.name! : scanned?.name ?? ws.name ?? '';
      const hidden = ws.state === 'hidden' || ws.state === 'veryHidden' || (!named && scanned?.hidden === true);
      yield { name, hidden, rows: rowsOf(ws, display, name, problems) };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UnreadableFile(REFUSALS.corrupt(display, why));
  }
}

async function* rowsOf(ws: AsyncIterable<{ number: number; values: unknown[] }>, display: string, sheet: string, problems: ImportProblem[]): AsyncIterable<SheetRow> {
  for await (const row of ws) {
    const values: CellValue[] = [];
    const raw = row.values;
    // The cell's place is made only for a problem: most cells of a large sheet never need one.
    for (let c = 1; c < raw.length; c++) values.push(plainValue(raw[c], () => ({ file: display, sheet, row: row.number, column: c }), problems));
    yield { row: row.number, values };
  }
}

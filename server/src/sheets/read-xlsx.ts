/**
 * An .xlsx, row by row (memory bounded by the rows of one chunk of XML, plus the shared strings): the zip checked
 * by zip-scan.ts first, then its parts read in the order the reader needs them (sheet-xml.ts).
 * Formulas are never evaluated: a formula cell gives the value Excel cached when it saved the file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import excelUtils from 'exceljs/lib/utils/utils';
import type { Message, SheetCell } from '../engine';
import type { ImportProblem } from './problems';
import { readSharedStrings, readSheetRows } from './sheet-xml';
import type { SheetRow } from './sheet-xml';
import { byteBound, entryStream, isOleFile, openZip, refusalOf, scanZip, ZipRefused } from './zip-scan';
import type { IgnoredPart, ZipScan } from './zip-scan';
import { bilingual } from '../engine';

export type { SheetRow } from './sheet-xml';

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
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
  return { sheets: sheetsOf(file, display, problems, scan), problems, names: sheetParts(scan).map(([, s]) => s.name) };
}

/** The date styles of xl/styles.xml, read as exceljs reads them; without the part, no cell is a date. */
async function dateStyles(zip: ZipFile, entry: Entry | undefined): Promise<(style: number) => boolean> {
  if (!entry) return () => false;
  const styles = new StylesXform();
  await styles.parseStream(await entryStream(zip, entry));
  const known = new Map<number, boolean>();
  return (style) => {
    let isDate = known.get(style);
    if (isDate === undefined) known.set(style, (isDate = excelUtils.isDateFmt(styles.getStyleModel(style)?.numFmt)));
    return isDate;
  };
}

/** The worksheet parts in the workbook's order; a zip without workbook.xml gives its worksheet parts by number. */
function sheetParts(scan: ZipScan): [string, { name: string; hidden: boolean }][] {
  if (scan.sheets.size > 0) return [...scan.sheets].filter(([part]) => scan.entries.has(part));
  const parts = [...scan.entries.keys()].filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const number = (part: string) => Number(/(\d+)\.xml$/.exec(part)?.[1] ?? 0);
  return parts.sort((a, b) => number(a) - number(b)).map((part) => [part, { name: `Sheet${number(part)}`, hidden: false }]);
}

async function* sheetsOf(file: string, display: string, problems: ImportProblem[], scan: ZipScan): AsyncIterable<SheetRead> {
  let zip: ZipFile | undefined;
  try {
    zip = await openZip(file, false);
    const opened = zip;
    const part = async <T>(name: string, read: (stream: Readable, check: (chunk: Buffer) => void) => Promise<T>): Promise<T> => {
      const entry = scan.entries.get(name)!;
      return read(await entryStream(opened, entry), byteBound(entry));
    };
    const shared = scan.entries.has(SHARED_STRINGS) ? await part(SHARED_STRINGS, readSharedStrings) : [];
    const isDateStyle = await dateStyles(zip, scan.entries.get(STYLES));
    const toDate = (serial: number) => excelUtils.excelToDate(serial, scan.date1904);
    for (const [name, sheet] of sheetParts(scan)) {
      const entry = scan.entries.get(name)!;
      const context = { display, sheet: sheet.name, shared, isDateStyle, toDate, problems };
      const rows = (async function* () {
        try {
          yield* readSheetRows(await entryStream(opened, entry), byteBound(entry), context);
        } catch (error) {
          throw unreadable(display, entry, error);
        }
      })();
      yield { name: sheet.name, hidden: sheet.hidden, rows };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(REFUSALS.corrupt(display, (error instanceof Error ? error.message : String(error)).split('\n')[0]));
  } finally {
    zip?.close();
  }
}

/** A worksheet that fails as it is read: a bound it ran past, or XML that does not parse. */
function unreadable(display: string, entry: Entry, error: unknown): UnreadableFile {
  if (error instanceof UnreadableFile) return error;
  const refusal = refusalOf(entry, error);
  return new UnreadableFile(REFUSALS[refusal.reason](display, refusal.message.split('\n')[0]));
}

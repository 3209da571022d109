/**
 * A CSV file as one sheet. Excel on Chinese Windows saves CSV in GBK (GB18030 is its superset), elsewhere UTF-8, with
 * or without BOM: the encoding is detected, line by line when the file mixes them, and reported.
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { SheetCell } from '../engine';
import type { ImportProblem } from './problems';
import { UnreadableFile } from './read-xlsx';
import type { WorkbookRead, SheetRow } from './read-xlsx';
import { bilingual } from '../engine';

/** CSV is read whole (it has no index to stream by row safely across quoted line breaks); beyond this, use .xlsx. */
export const CSV_MAX_BYTES = 1024 ** 3;

export type CsvEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The text of the bytes, and which encoding it was in; `mixedLines` are the 1-based lines in UTF-8 amid GB18030. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding; mixedLines: number[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)', mixedLines: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE', mixedLines: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE', mixedLines: [] };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'UTF-8', mixedLines: [] };
  // Not UTF-8 as a whole: each line in the encoding it is valid in, so that a file pasted together from both reads right.
  const lines: Buffer[] = [];
  for (let start = 0; start <= bytes.length;) {
    const end = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, end < 0 ? bytes.length : end + 1));
    if (end < 0) break;
    start = end + 1;
  }
  const utf8Lines = lines.map((line, i) => (line.some((b) => b >= 0x80) && isUtf8(line) ? i + 1 : 0)).filter((n) => n > 0);
  const text = lines.map((line) => (line.some((b) => b >= 0x80) && isUtf8(line) ? line.toString('utf8') : iconv.decode(line, 'gb18030'))).join('');
  return { text, encoding: 'GB18030', mixedLines: utf8Lines };
}

function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => first.split(d).length;
  return [',', '\t', ';'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

export function readCsv(file: string, display: string): WorkbookRead {
  let bytes: Buffer;
  try {
    if (statSync(file).size > CSV_MAX_BYTES) throw new UnreadableFile(bilingual(`${display} 超过 1 GiB，请改用 .xlsx`, `${display} is over 1 GiB; use .xlsx instead`));
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UnreadableFile(bilingual(`无法读取 ${display}：${code}`, `cannot read ${display}: ${code}`));
  }
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new UnreadableFile(bilingual(`${display} 是二进制文件，不是 CSV`, `${display} is binary, not CSV`));
  }
  const { text, encoding, mixedLines } = decodeCsv(bytes);
  const sheet = display.slice(display.lastIndexOf('/') + 1);
  const problems: ImportProblem[] = [];
  const at = (row: number): SheetCell => ({ file: display, sheet, row, column: 1 });
  if (encoding === 'GB18030') {
    problems.push({ ruleId: 'import/encoding', severity: 'info', cell: at(1), message: bilingual('按 GB18030（GBK）编码读取', 'read as GB18030 (GBK)') });
  }
  // One warning per run of such lines: a quoted cell may break over several.
  for (const line of mixedLines.filter((n, i) => mixedLines[i - 1] !== n - 1)) {
    problems.push({ ruleId: 'import/encoding', severity: 'warning', cell: at(line), message: bilingual('此行是 UTF-8 编码，而文件其余部分是 GB18030，已按 UTF-8 读取；请统一文件编码', 'this line is UTF-8 while the rest of the file is GB18030; it was read as UTF-8; save the file in one encoding') });
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UnreadableFile(bilingual(`${display} 不是有效的 CSV：${why}`, `${display} is not valid CSV: ${why}`));
  }
  const rows: SheetRow[] = records.map((values, i) => ({ row: i + 1, values }));
  async function* sheets() {
    yield { name: sheet, hidden: false, rows: (async function* () { yield* rows; })() };
  }
  return { sheets: sheets(), problems, names: [sheet] };
}

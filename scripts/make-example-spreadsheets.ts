/**
 * Writes examples/spreadsheets/: the examples exported (`govspec export`'s own code), then made to look like the
 * files agencies keep — a title above the header, headers in their local wording, resource cells merged over the
 * rows of their 信息项, codes Excel turned into numbers, dates as Excel dates — with a few usual mistakes planted in
 * 目录.xlsx (test/import/examples.test.ts checks that import reports exactly those, each at its cell):
 *   - a column the catalogue has no field for (备注)
 *   - a date that does not exist (2024-02-30)
 *   - an update cycle that is no label of the code list (每两周)
 *   - a conditionally shared resource without its condition
 *
 * Run: npx tsx scripts/make-example-spreadsheets.ts
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import type { Kind } from '../server/src/engine';
import { collectRows } from '../server/src/sheets/export-run';
import { fieldColumns } from '../server/src/sheets/fields';
import type { ExportValue } from '../server/src/sheets/export-rows';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'examples', 'spreadsheets');

function rowsOf(folder: string, kind: Kind): { headers: string[]; rows: ExportValue[][] } {
  const dir = join(ROOT, 'examples', folder);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
  const rows = collectRows(ROOT, files).byKind.get(kind) ?? [];
  return { headers: fieldColumns(kind).map((c) => c.headers[0]), rows: rows.map((r) => r.values) };
}

/** Drops the columns no row fills, as an agency's own sheet has only the columns it uses. */
function usedColumns(headers: string[], rows: ExportValue[][], keep: readonly string[] = []): { headers: string[]; rows: ExportValue[][] } {
  const used = headers.map((h, i) => keep.includes(h) || rows.some((r) => r[i] !== null && r[i] !== undefined));
  return { headers: headers.filter((_, i) => used[i]), rows: rows.map((r) => r.filter((_, i) => used[i])) };
}

const RENAMED: Record<string, string> = { 信息资源名称: '资源名称', 信息资源提供方: '提供单位', 更新周期: '更新频率', 是否向社会开放: '是否开放' };

async function catalogue(): Promise<void> {
  const { headers, rows } = usedColumns(...Object.values(rowsOf('catalogs', 'Catalog')) as [string[], ExportValue[][]], ['共享条件']);
  const col = (name: string) => headers.indexOf(name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录');
  const all = [...headers.map((h) => RENAMED[h] ?? h), '备注'];
  sheet.addRow(['广安市广安区政务信息资源目录（2024年版）']);
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow(all);
  sheet.getRow(2).font = { bold: true };
  const resourceColumns = headers.map((_, i) => i).filter((i) => !['信息项名称', '数据类型', '数据长度', '个人信息'].includes(headers[i]));
  let start = 3;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].map((v) => (v === null ? null : v));
    // Excel turns a cell typed 02 into the number 2 unless the column is text; import gives it its zeros back.
    row[col('项')] = Number(row[col('项')]);
    const date = row[col('发布日期')];
    row.push(i === 0 ? '2024 年更新' : null);
    const added = sheet.addRow(row);
    if (typeof date === 'string') added.getCell(col('发布日期') + 1).value = new Date(`${date}T00:00:00Z`);
    added.getCell(col('发布日期') + 1).numFmt = 'yyyy/m/d';
    const next = rows[i + 1];
    const sameResource = next && next[col('信息资源代码')] === rows[i][col('信息资源代码')];
    if (!sameResource) {
      const end = sheet.rowCount;
      if (end > start) for (const c of resourceColumns) sheet.mergeCells(start, c + 1, end, c + 1);
      start = end + 1;
    }
  }
  // The planted mistakes, each in one cell.
  const firstOf = (code: string) => 3 + rows.findIndex((r) => r[col('信息资源代码')] === code);
  sheet.getCell(firstOf('1010100001/00001'), col('发布日期') + 1).value = '2024-02-30';
  sheet.getCell(firstOf('1020100001/00001'), col('更新周期') + 1).value = '每两周';
  sheet.getCell(firstOf('3020300002/00002'), col('共享条件') + 1).value = null;
  sheet.columns.forEach((c) => { c.width = 16; });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  await workbook.xlsx.writeFile(join(OUT, '目录.xlsx'));
}

async function simpleWorkbook(folder: string, kind: Kind, file: string, sheetName: string): Promise<void> {
  const { headers, rows } = usedColumns(...Object.values(rowsOf(folder, kind)) as [string[], ExportValue[][]]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c) => { c.width = 18; });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  await workbook.xlsx.writeFile(join(OUT, file));
}

/** The agency register as Excel on Chinese Windows saves CSV: GBK (written here as GB18030, its superset). */
function agencyCsv(): void {
  const { headers, rows } = usedColumns(...Object.values(rowsOf('agencies', 'Agency')) as [string[], ExportValue[][]]);
  writeFileSync(join(OUT, '部门.csv'), iconv.encode(stringify([headers, ...rows]), 'gb18030'));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await catalogue();
  await simpleWorkbook('services', 'Service', '事项.xlsx', '实施清单');
  await simpleWorkbook('agreements', 'SharingAgreement', '协议.xlsx', '共享协议台账');
  agencyCsv();
}

void main();

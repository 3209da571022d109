/**
 * Spreadsheets both ways (govspec export, govspec import): the corpus's catalogues exported to one workbook, then
 * imported back, each direction a child process of the built CLI with its wall time, rows per second and peak RSS.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runChild } from '../lib/child';
import type { ChildRun } from '../lib/child';
import { Corpus } from '../lib/corpus';
import { FigureValue, Unmeasurable } from '../lib/figure';

const BIN = path.join(__dirname, '..', '..', 'bin', 'govspec.js');

/** The row count a run reports on standard error (`govspec export: N documents → M rows …`, `govspec import: M rows → …`). */
function rowsOf(run: ChildRun, pattern: RegExp): number {
  const m = pattern.exec(run.stderr);
  if (run.code !== 0 && run.code !== 1) throw new Unmeasurable(`exit ${run.code}: ${run.stderr.split('\n')[0]}`);
  if (!m) throw new Unmeasurable(`no row count in: ${run.stderr.slice(0, 200)}`);
  return Number(m[1]);
}

function figure(run: ChildRun, rows: number): FigureValue {
  return { rows, wall_s: Number(run.wall_s.toFixed(2)), rows_per_s: Math.round(rows / run.wall_s), peak_rss_mb: run.peak_rss_mb };
}

export async function sheetFigures(corpus: Corpus): Promise<Record<string, FigureValue>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-sheets-'));
  try {
    const workbook = path.join(dir, 'catalogs.xlsx');
    const exported = await runChild(process.execPath, [BIN, 'export', 'catalogs', '-o', workbook, '--no-lint', '--locale', 'en'], { cwd: corpus.root, timeoutMs: 3_600_000 });
    const exportRows = rowsOf(exported, /→ (\d+) rows/);
    const imported = await runChild(process.execPath, [BIN, 'import', workbook, '--kind', 'Catalog', '-o', path.join(dir, 'out'), '--no-lint', '--locale', 'en', '-f', 'json'], { cwd: dir, timeoutMs: 3_600_000 });
    const importRows = rowsOf(imported, /import: (\d+) rows/);
    return { 'sheets.export': figure(exported, exportRows), 'sheets.import': figure(imported, importRows) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

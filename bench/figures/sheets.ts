/**
 * Spreadsheets both ways (govspec export, govspec import): the corpus's catalogues exported to one workbook, then
 * imported back, each direction a child process of the built CLI with its wall time, rows per second and peak RSS,
 * and `sheets.round-trip`: whether every catalogue came back as it was (import(export(x)) = x, on the fields the
 * sheet has columns for, as the property test checks it on the fixtures).
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { project } from '../../test/import/support';
import { runChild } from '../lib/child';
import { CLI_BIN } from '../lib/cli';
import type { ChildRun } from '../lib/child';
import { Corpus } from '../lib/corpus';
import { FigureValue, Unmeasurable } from '../lib/figure';
import { median } from '../lib/stats';

/** The row count a run reports on standard error (`govspec export: N documents → M rows …`, `govspec import: M rows → …`). */
function rowsOf(run: ChildRun, pattern: RegExp): number {
  const m = pattern.exec(run.stderr);
  if (run.code !== 0 && run.code !== 1) throw new Unmeasurable(`exit ${run.code}: ${run.stderr.split('\n')[0]}`);
  if (!m) throw new Unmeasurable(`no row count in: ${run.stderr.slice(0, 200)}`);
  return Number(m[1]);
}

function figure(runs: readonly ChildRun[], rows: number): FigureValue {
  const walls = runs.map((r) => r.wall_s);
  const wall = median(walls);
  return {
    rows, runs: runs.length, wall_s: Number(wall.toFixed(2)), min_s: Number(Math.min(...walls).toFixed(2)), max_s: Number(Math.max(...walls).toFixed(2)),
    rows_per_s: Math.round(rows / wall), peak_rss_mb: Math.round(Math.max(...runs.map((r) => r.peak_rss_mb ?? 0))),
  };
}

type Entity = Record<string, unknown>;

const DUPLICATE_CODES = 'duplicate resource codes';

/** Each catalogue of the YAML files under `folder`, projected to the sheet's columns: provider → digest of its data. */
function catalogDigests(folder: string): Map<string, string> {
  const digests = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.ya?ml$/.test(entry.name)) {
        for (const doc of parseAllDocuments(readFileSync(file, 'utf8')) as unknown as { toJSON(): unknown }[]) {
          const data = doc.toJSON() as Entity | null;
          if (data === null || typeof data !== 'object' || data.kind !== 'Catalog') continue;
          const projected = project('Catalog', data);
          // Rows that repeat a resource code continue that resource (docs/import.md): a catalogue that lists a code
          // twice (a defect the corpus plants) cannot come back as two resources, and is counted apart.
          const codes = ((projected.resources ?? []) as Entity[]).map((r) => r.code);
          if (new Set(codes).size !== codes.length) {
            digests.set(JSON.stringify(projected.provider ?? null), DUPLICATE_CODES);
            continue;
          }
          digests.set(JSON.stringify(projected.provider ?? null), createHash('sha256').update(JSON.stringify(projected)).digest('hex'));
        }
      }
    }
  };
  visit(folder);
  return digests;
}

/** import(export(x)) = x over the corpus's catalogues, one catalogue in memory at a time. */
function roundTrip(original: string, imported: string): { pass: boolean; catalogs: number; differing: number; duplicate_codes: number } {
  const before = catalogDigests(original);
  const after = catalogDigests(imported);
  let differing = 0;
  let duplicates = 0;
  for (const [provider, digest] of before) {
    if (digest === DUPLICATE_CODES) duplicates++;
    else if (after.get(provider) !== digest) differing++;
  }
  differing += [...after.keys()].filter((provider) => !before.has(provider)).length;
  return { pass: differing === 0, catalogs: before.size - duplicates, differing, duplicate_codes: duplicates };
}

export async function sheetFigures(corpus: Corpus, runs = 1): Promise<Record<string, FigureValue>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-sheets-'));
  try {
    const workbook = path.join(dir, 'catalogs.xlsx');
    const exports: ChildRun[] = [];
    const imports: ChildRun[] = [];
    let exportRows = 0;
    let importRows = 0;
    for (let run = 0; run < runs; run++) {
      const exported = await runChild(process.execPath, [CLI_BIN, 'export', 'catalogs', '-o', workbook, '--no-lint', '--locale', 'en'], { cwd: corpus.root, timeoutMs: 3_600_000 });
      exportRows = rowsOf(exported, /→ (\d+) rows/);
      exports.push(exported);
      rmSync(path.join(dir, 'out'), { recursive: true, force: true });
      // The lint after an import is the lint's cost (the lint figures measure it): not counted here.
      const imported = await runChild(process.execPath, [CLI_BIN, 'import', workbook, '--kind', 'Catalog', '-o', path.join(dir, 'out'), '--no-lint', '--locale', 'en', '-f', 'json'], { cwd: dir, timeoutMs: 3_600_000 });
      importRows = rowsOf(imported, /import: (\d+) rows/);
      imports.push(imported);
    }
    const check = roundTrip(path.join(corpus.root, 'catalogs'), path.join(dir, 'out'));
    return { 'sheets.export': figure(exports, exportRows), 'sheets.import': figure(imports, importRows), 'sheets.round-trip': check };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Floors over the same bytes: js-yaml loadAll, yaml parseAllDocuments, JSON.parse of the JSON twins, the engine's
 * block reader; and the block reader's equivalence check against the precise parser.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runChild } from '../lib/child';
import { Corpus, documentFiles, REPO_DIR } from '../lib/corpus';
import { jsonTwins } from '../lib/derived';
import { FigureValue, Unmeasurable } from '../lib/figure';
import { round, spread } from '../lib/stats';

export type FloorMode = 'js-yaml' | 'yaml' | 'json' | 'block';

const SCRIPT = path.join(__dirname, '..', 'floors', 'parse-files.ts');
const READER_CHECK = path.join(__dirname, '..', 'floors', 'reader-check.ts');

interface FloorSample { read_s: number; parse_s: number; documents: number; wall_s: number; peak_rss_mb: number | null }

async function once(mode: FloorMode, listFile: string): Promise<FloorSample> {
  const args = ['--require', require.resolve('tsx/cjs'), SCRIPT, mode, listFile];
  const run = await runChild(process.execPath, args, { cwd: REPO_DIR, timeoutMs: 3_600_000 });
  if (run.code !== 0) throw new Unmeasurable(`the ${mode} floor failed: ${run.stderr.trim().split('\n')[0] ?? ''}`);
  const sample = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as FloorSample;
  return { ...sample, wall_s: run.wall_s, peak_rss_mb: run.peak_rss_mb };
}

/** median_s is read + parse inside a fresh child (start-up excluded); parse_s and the child's wall time beside it. */
export async function floor(corpus: Corpus, mode: FloorMode, runs: number): Promise<FigureValue> {
  const root = mode === 'json' ? jsonTwins(corpus) : corpus.root;
  const files = documentFiles(corpus).map((file) => path.join(root, ...(mode === 'json' ? `${file}.json` : file).split('/')));
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-floor-'));
  try {
    const listFile = path.join(dir, 'files.txt');
    writeFileSync(listFile, `${files.join('\n')}\n`);
    const samples: FloorSample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once(mode, listFile));
    const total = spread(samples.map((s) => s.read_s + s.parse_s));
    const rss = samples.map((s) => s.peak_rss_mb).filter((v): v is number => v !== null);
    return {
      median_s: round(total.median), min_s: round(total.min), max_s: round(total.max), runs,
      parse_median_s: round(spread(samples.map((s) => s.parse_s)).median),
      child_wall_median_s: round(spread(samples.map((s) => s.wall_s)).median),
      documents: samples[0].documents,
      peak_rss_mb: rss.length > 0 ? round(Math.max(...rss), 1) : null,
      ...(rss.length > 0 ? {} : { 'peak_rss_mb.why': 'no RSS source' }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every file of the corpus read by the block reader and by the precise parser: how many it read, how many it left
 * to the other readers, and how many it read to other data than the precise parser's (must be 0).
 */
export async function readerCheck(corpus: Corpus): Promise<FigureValue> {
  const files = documentFiles(corpus).map((file) => path.join(corpus.root, ...file.split('/')));
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-reader-'));
  try {
    const listFile = path.join(dir, 'files.txt');
    writeFileSync(listFile, `${files.join('\n')}\n`);
    const args = ['--max-old-space-size=4096', '--require', require.resolve('tsx/cjs'), READER_CHECK, listFile];
    const run = await runChild(process.execPath, args, { cwd: REPO_DIR, timeoutMs: 3_600_000 });
    if (run.code !== 0) throw new Unmeasurable(`the reader check failed: ${run.stderr.trim().split('\n')[0] ?? ''}`);
    const check = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number | string>;
    return { ...check, wall_s: round(run.wall_s), peak_rss_mb: run.peak_rss_mb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

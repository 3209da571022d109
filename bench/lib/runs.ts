/** Repeats a child-process measurement and summarises it as a figure. */

import { ChildRun } from './child';
import { Unmeasurable } from './figure';
import { round, spread } from './stats';

export interface TimedFigure {
  [key: string]: number | string | null;
  median_s: number;
  min_s: number;
  max_s: number;
  runs: number;
}

/** A lint exits 0 (clean) or 1 (findings); anything else is a failed run. */
export function assertLintRun(run: ChildRun): void {
  if (run.code !== 0 && run.code !== 1) {
    const line = (run.stderr.trim() || run.stdout.trim()).split('\n')[0] ?? '';
    throw new Unmeasurable(`the run exited with ${String(run.code)}: ${line.slice(0, 300)}`);
  }
}

export async function repeat(runs: number, once: (index: number) => Promise<ChildRun>): Promise<ChildRun[]> {
  const results: ChildRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  return results;
}

/** Wall-time spread, plus documents/s and MB/s at the median, plus the largest peak RSS seen. */
export function timedFigure(runs: readonly ChildRun[], work?: { documents: number; bytes: number }, withRss = true): TimedFigure {
  const times = spread(runs.map((run) => run.wall_s));
  const figure: TimedFigure = { median_s: round(times.median), min_s: round(times.min), max_s: round(times.max), runs: runs.length };
  if (work !== undefined) {
    figure.documents_per_s = round(work.documents / times.median, 1);
    figure.mb_per_s = round(work.bytes / 1_048_576 / times.median, 2);
  }
  if (withRss) {
    const rss = runs.map((run) => run.peak_rss_mb).filter((value): value is number => value !== null);
    if (rss.length > 0) figure.peak_rss_mb = round(Math.max(...rss), 1);
    else { figure.peak_rss_mb = null; figure['peak_rss_mb.why'] = 'neither GNU time nor /proc gave the child\'s peak RSS'; }
  }
  return figure;
}

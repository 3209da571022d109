/**
 * Findings scaling (issue 16): one legacy catalogue of N resources with k findings each, linted alone; seconds per
 * 10,000 findings must stay flat across N (each finding costs O(1) or O(log n), never a scan of the others).
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { legacyCatalog, MISSING_PER_RESOURCE } from '../generate/legacy-catalog';
import { runChild } from '../lib/child';
import { CLI_BIN, CliSupport, requireCli } from '../lib/cli';
import { FigureValue } from '../lib/figure';
import { Unmeasurable } from '../lib/figure';
import { repeat, timedFigure } from '../lib/runs';
import { round, spread } from '../lib/stats';

/** The sizes measured: every one up to `largest` (the million-resource file takes minutes, so it is asked for). */
export const FINDINGS_SIZES = [1_000, 10_000, 100_000, 1_000_000];

export async function findingsScaling(cli: CliSupport, runs: number, resources: number): Promise<FigureValue> {
  requireCli(cli, 'today', 'output');
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-findings-'));
  try {
    const text = legacyCatalog(resources);
    writeFileSync(path.join(dir, 'legacy.catalog.yaml'), text);
    // Stylish to a file: the report is written whole, as a reviewer would read it.
    const args = [CLI_BIN, 'lint', '.', '-f', 'stylish', '--today', '2026-06-01', '-o', path.join(dir, 'report.txt'), '--no-progress'];
    const results = await repeat(runs, async () => {
      const run = await runChild(process.execPath, args, { cwd: dir, timeoutMs: 1_800_000 });
      // Every finding is an error: anything but exit 1 (a crash, an out-of-memory kill) is a failed run.
      if (run.code !== 1) throw new Unmeasurable(`the run exited with ${String(run.code)}: ${(run.stderr.trim() || run.stdout.trim()).split('\n')[0]?.slice(0, 300) ?? ''}`);
      return run;
    });
    const figure = timedFigure(results, { documents: 1, bytes: Buffer.byteLength(text) });
    const findings = resources * MISSING_PER_RESOURCE;
    const cpu = results.map((run) => run.cpu_s).filter((value): value is number => value !== null);
    const cpuSpread = cpu.length > 0 ? spread(cpu) : undefined;
    return {
      ...figure, resources, findings, mb: round(Buffer.byteLength(text) / 1_048_576, 1),
      s_per_10k_findings: round(figure.median_s / (findings / 10_000), 4),
      cpu_median_s: cpuSpread ? round(cpuSpread.median) : null,
      cpu_min_s: cpuSpread ? round(cpuSpread.min) : null,
      cpu_max_s: cpuSpread ? round(cpuSpread.max) : null,
      cpu_s_per_10k_findings: cpuSpread ? round(cpuSpread.median / (findings / 10_000), 4) : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Headless lint: the corpus check, cold runs at --concurrency 1 and auto, and a warm rerun after one change. */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runChild } from '../lib/child';
import { CliSupport, lintArgs, requireCli } from '../lib/cli';
import { compareFindings, Comparison, documentAtLine, documentStarts, LintResult } from '../lib/compare';
import { Corpus, documentFiles } from '../lib/corpus';
import { FigureValue, Unmeasurable } from '../lib/figure';
import { assertLintRun, repeat, timedFigure } from '../lib/runs';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'govspec-bench-lint-'));

export interface CorpusCheck extends Comparison {
  files: number;
  documents: number;
  bytes: number;
  reportedDocuments: number | null;
}

/** Lints the corpus once as JSON and compares its findings to the injected defects. */
export async function checkCorpus(corpus: Corpus, cli: CliSupport): Promise<CorpusCheck> {
  requireCli(cli, 'json', 'today', 'output');
  const dir = scratch();
  try {
    const out = path.join(dir, 'report.json');
    const run = await runChild(process.execPath, lintArgs(cli, '.', out), { cwd: corpus.root, timeoutMs: 3_600_000 });
    assertLintRun(run);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { results: LintResult[]; summary?: { documents?: number } };
    const starts = new Map<string, number[]>();
    const documentOf = (result: LintResult): number => {
      let lines = starts.get(result.file);
      if (lines === undefined) {
        try { lines = documentStarts(readFileSync(path.join(corpus.root, result.file), 'utf8')); } catch { lines = [1]; }
        starts.set(result.file, lines);
      }
      return documentAtLine(lines, result.line);
    };
    const comparison = compareFindings(corpus.expected, report.results, documentOf);
    const { counts, bytes } = corpus.manifest;
    return { ...comparison, files: counts.files, documents: counts.documents, bytes, reportedDocuments: report.summary?.documents ?? null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function work(corpus: Corpus) {
  return { documents: corpus.manifest.counts.documents, bytes: corpus.manifest.bytes };
}

export async function coldLint(corpus: Corpus, cli: CliSupport, runs: number, concurrency: string | null): Promise<FigureValue> {
  requireCli(cli, 'json', 'today', 'output', ...(concurrency === null ? [] : ['concurrency' as const]));
  const dir = scratch();
  try {
    const extra = concurrency === null ? [] : ['--concurrency', concurrency];
    const results = await repeat(runs, async () => {
      const run = await runChild(process.execPath, lintArgs(cli, '.', path.join(dir, 'report.json'), extra), { cwd: corpus.root, timeoutMs: 3_600_000 });
      assertLintRun(run);
      return run;
    });
    return timedFigure(results, work(corpus));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The service file the warm run changes: the first one, edited in its `place` line and restored afterwards. */
function serviceToChange(corpus: Corpus): string {
  const file = documentFiles(corpus).find((name) => name.endsWith('.service.yaml'));
  if (file === undefined) throw new Unmeasurable('the corpus has no service file to change');
  return path.join(corpus.root, file);
}

export async function warmLint(corpus: Corpus, cli: CliSupport, runs: number): Promise<FigureValue> {
  requireCli(cli, 'json', 'today', 'output', 'cache', 'cacheLocation');
  const dir = scratch();
  const target = serviceToChange(corpus);
  const original = readFileSync(target, 'utf8');
  if (!/^place: .+$/m.test(original)) throw new Unmeasurable(`${target} has no place: line to change`);
  try {
    const cacheArgs = ['--cache', '--cache-location', path.join(dir, 'cache')];
    const lint = () => runChild(process.execPath, lintArgs(cli, '.', path.join(dir, 'report.json'), cacheArgs), { cwd: corpus.root, timeoutMs: 3_600_000 });
    assertLintRun(await lint());
    const results = await repeat(runs, async (index) => {
      writeFileSync(target, original.replace(/^place: (.+)$/m, (_line, place: string) => `place: ${place}（变更${index + 1}）`));
      const run = await lint();
      assertLintRun(run);
      return run;
    });
    return timedFigure(results, work(corpus));
  } finally {
    writeFileSync(target, original);
    rmSync(dir, { recursive: true, force: true });
  }
}

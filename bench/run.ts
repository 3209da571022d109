/** npm run bench -- --scale small|medium|national [--runs N]: every figure of the benchmark, Markdown + JSON. */

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkCorpus, coldLint, warmLint } from './figures/lint';
import { extensionFigures } from './figures/extension';
import { FINDINGS_SIZES, findingsScaling } from './figures/findings';
import { WARM_EDITS, warmAfterEdit } from './figures/warm-edits';
import { floor, FloorMode, readerCheck } from './figures/floors';
import { lspFigures } from './figures/lsp';
import { mapFigures } from './figures/map';
import { sheetFigures } from './figures/sheets';
import { oursOnSingleDocuments, oursSchemaOnly, singleDocuments, spectral } from './figures/spectral';
import { parseBenchArgs } from './lib/args';
import { detectCli } from './lib/cli';
import { BENCH_DIR, ensureCorpus } from './lib/corpus';
import { Figures, measure, setUnmeasured } from './lib/figure';
import { commit, machine } from './lib/machine';
import { completeFigures, computeRatios, CorpusSummary, renderMarkdown, Report } from './lib/report';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const wanted = (part: string) => args.only === null || args.only.has(part);
  const started = Date.now();
  log(`bench ${args.scale}: ${args.runs} run(s) per figure`);
  const corpus = await ensureCorpus(args.scale, args.seed);
  log(`corpus ${corpus.generated ? 'generated' : 'reused'}: ${corpus.root}`);
  const cli = detectCli();
  if (cli.missing) log(`CLI: ${cli.missing}`);
  else log(`CLI flags: concurrency ${cli.concurrency}, cache ${cli.cache}`);

  const figures: Figures = {};
  const { counts, bytes } = corpus.manifest;
  const summary: CorpusSummary = { files: counts.files, documents: counts.documents, bytes, injected: counts.expectedFindings, found: null, unexpected: null };
  const extra: Record<string, unknown> = { seed: args.seed, runs: args.runs };

  if (wanted('corpus')) {
    log('corpus check: lint -f json --today 2026-06-01');
    try {
      const check = await checkCorpus(corpus, cli);
      Object.assign(summary, { injected: check.injected, found: check.found, unexpected: check.unexpected, reportedDocuments: check.reportedDocuments });
      summary.missing = check.missing.slice(0, 20);
      summary.firstUnexpected = check.extra.slice(0, 20);
      log(`  injected ${check.injected} / found ${check.found} / unexpected ${check.unexpected}`);
      for (const entry of check.extra.slice(0, 10)) log(`  unexpected: ${entry.file} #${entry.document} ${entry.ruleId} ×${entry.found - entry.expected}`);
      for (const entry of check.missing.slice(0, 10)) log(`  missing:    ${entry.file} #${entry.document} ${entry.ruleId} ×${entry.expected - entry.found}`);
    } catch (error) {
      summary['found.why'] = summary['unexpected.why'] = (error as Error).message;
      log(`  not checked: ${(error as Error).message}`);
    }
  }

  if (wanted('lint')) {
    log('lint: cold --concurrency 1, cold auto, cold without the flag, warm after one change');
    await measure(figures, ['lint.cold.c1'], async () => ({ 'lint.cold.c1': await coldLint(corpus, cli, args.runs, '1') }));
    await measure(figures, ['lint.cold.auto'], async () => ({ 'lint.cold.auto': await coldLint(corpus, cli, args.runs, 'auto') }));
    await measure(figures, ['lint.cold.default'], async () => ({ 'lint.cold.default': await coldLint(corpus, cli, args.runs, null) }));
    await measure(figures, ['lint.warm.one-change'], async () => ({ 'lint.warm.one-change': await warmLint(corpus, cli, args.runs) }));
  }

  if (wanted('warm-edits')) {
    for (const kind of WARM_EDITS) {
      log(`warm rerun after one edit: ${kind}`);
      const key = `lint.warm.${kind}`;
      await measure(figures, [key], async () => ({ [key]: await warmAfterEdit(corpus, cli, args.runs, kind) }));
    }
  }

  if (wanted('findings')) {
    for (const resources of FINDINGS_SIZES.filter((n) => n <= args.findingsMax)) {
      log(`findings scaling: one catalogue of ${resources} resources, ${resources * 8} findings`);
      const key = `lint.findings.${resources}`;
      // Beyond 100,000 resources one run is minutes; the spread is measured on the smaller sizes.
      const runs = resources > 100_000 ? 1 : args.runs;
      await measure(figures, [key], async () => ({ [key]: await findingsScaling(cli, runs, resources) }));
    }
  }

  if (wanted('floors')) {
    for (const mode of ['js-yaml', 'yaml', 'json', 'block'] as FloorMode[]) {
      log(`floor ${mode}`);
      await measure(figures, [`floor.${mode}`], async () => ({ [`floor.${mode}`]: await floor(corpus, mode, args.runs) }));
    }
  }

  if (wanted('reader')) {
    log('reader: every file read by the block reader and by the precise parser');
    await measure(figures, ['reader.equivalence'], async () => ({ 'reader.equivalence': await readerCheck(corpus) }));
  }

  if (wanted('spectral')) {
    log('spectral and our CLI on single-document copies');
    try {
      const single = singleDocuments(corpus);
      await measure(figures, ['peer.spectral'], async () => ({ 'peer.spectral': await spectral(single, args.runs) }));
      await measure(figures, ['lint.single-documents'], async () => ({ 'lint.single-documents': await oursOnSingleDocuments(single, cli, args.runs) }));
      await measure(figures, ['lint.single-documents.auto'], async () => ({
        'lint.single-documents.auto': await oursOnSingleDocuments(single, cli, args.runs, ['--concurrency', 'auto']),
      }));
      await measure(figures, ['lint.single-documents.schema-only.auto'], async () => ({
        'lint.single-documents.schema-only.auto': await oursSchemaOnly(single, cli, args.runs),
      }));
    } catch (error) {
      setUnmeasured(figures, 'peer.spectral', `single-document copy failed: ${(error as Error).message}`);
    }
  }

  if (wanted('lsp')) {
    log(`language servers: ${args.requests} edits, completions and hovers each`);
    try {
      extra.lsp = await lspFigures(corpus, figures, args.requests, log);
    } catch (error) {
      log(`  lsp harness failed: ${(error as Error).message}`);
    }
    if (args.scale !== 'medium') extra.lspNote = 'the language-server figures are specified on the medium workspace; these are on this scale';
  }

  if (wanted('extension')) extensionFigures(figures);

  if (wanted('map')) {
    log('map and report in Chromium: first complete paint, search, size at county, prefecture, province and national scale');
    const keys = ['county', 'prefecture', 'province', 'national'].flatMap((s) => [`map.map.${s}`, `map.report.${s}`]);
    await measure(figures, keys, () => mapFigures(args.runs));
  }

  if (wanted('sheets')) {
    log('spreadsheets: the catalogues exported to one workbook (govspec export), imported back (govspec import), compared');
    await measure(figures, ['sheets.export', 'sheets.import', 'sheets.round-trip'], () => sheetFigures(corpus, args.runs));
  }

  completeFigures(figures, args.only === null ? 'not measured in this run' : `skipped by --only ${[...args.only].join(',')}`);
  const report: Report = {
    scale: args.scale, machine: machine(), commit: commit(), date: new Date().toISOString(), corpus: summary,
    figures, ratios: computeRatios(figures), ...extra, elapsed_s: Math.round((Date.now() - started) / 1000),
  };
  const resultsDir = path.join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path.join(resultsDir, `${args.scale}-latest.json`), json);
  if (report.commit !== 'unknown') writeFileSync(path.join(resultsDir, `${args.scale}-${report.commit.slice(0, 12)}.json`), json);
  writeFileSync(path.join(resultsDir, `${args.scale}-latest.md`), renderMarkdown(report));
  process.stdout.write(renderMarkdown(report));
  log(`wrote bench/results/${args.scale}-latest.json (${report.elapsed_s} s)`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

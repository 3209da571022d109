/** Language-server figures: GovSpec's server and yaml-language-server through the same harness. */

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_ROOT } from '../lib/cli';
import { Corpus } from '../lib/corpus';
import { FigureValue, Figures, setFigure, setUnmeasured } from '../lib/figure';
import { KIND_SCHEMAS, writeBundledSchemas } from '../lib/schemas';
import { bigService } from '../lsp/big-service';
import { legacyCatalog } from '../generate/legacy-catalog';
import { runScenario, ScenarioResult, ServerSpec } from '../lsp/scenario';

/** The server of the checkout whose CLI is measured (GOVSPEC_BENCH_CLI_ROOT), for before/after runs. */
const GOVSPEC_SERVER = path.join(CLI_ROOT, 'dist', 'server.js');
const YAML_LS = path.join(__dirname, '..', 'peers', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/** The big document of the hover-while-linted figure: 100,000 resources, 5 MB (over the editor's 2 MiB bound). */
const BIG_DOCUMENT_RESOURCES = 100_000;

const SUFFIX: Record<string, string> = { service: 'service', catalog: 'catalog', agreement: 'agreement', agency: 'agency' };

function yamlLanguageServer(): ServerSpec {
  const dir = writeBundledSchemas();
  const schemas: Record<string, string> = {};
  for (const name of Object.values(KIND_SCHEMAS)) schemas[pathToFileURL(path.join(dir, `${name}.schema.json`)).href] = `*.${SUFFIX[name]}.yaml`;
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [YAML_LS, '--stdio'],
    settings: { yaml: { schemas, validate: true, completion: true, hover: true, schemaStore: { enable: false }, format: { enable: false } } },
    waitForIndex: false,
  };
}

function govspecServer(): ServerSpec {
  return {
    name: 'govspec', command: process.execPath, args: [GOVSPEC_SERVER, '--stdio'],
    settings: { govspec: { locale: 'zh-CN' } }, waitForIndex: true,
  };
}

const OUR_KEYS = ['lsp.index_s', 'lsp.rss_mb', 'lsp.diagnostics_ms', 'lsp.completion_ms', 'lsp.hover_ms', 'lsp.hover_during_big_lint_ms', 'lsp.rename_ms'];

function put(figures: Figures, key: string, value: FigureValue, why: string): void {
  if (value === null) setUnmeasured(figures, key, why);
  else setFigure(figures, key, value);
}

export async function lspFigures(corpus: Corpus, figures: Figures, requests: number, log: (line: string) => void): Promise<Record<string, ScenarioResult | string>> {
  const detail: Record<string, ScenarioResult | string> = {};
  const document = bigService(corpus);
  log(`  1,000-line document: ${document.text.split('\n').length - 1} lines`);
  // Hovered while a legacy catalogue of this many resources (about 50 bytes and eight findings each) is linted.
  const bigDocument = { file: path.join(corpus.root, 'catalogs', 'legacy-bench.catalog.yaml'), text: legacyCatalog(BIG_DOCUMENT_RESOURCES) };
  const options = { workspace: corpus.root, document, requests, indexTimeoutMs: 1_200_000, diagnosticsTimeoutMs: 10_000, bigDocument };

  if (!existsSync(GOVSPEC_SERVER)) {
    const why = 'dist/server.js is not built (the language server server/src/lsp/main.ts does not exist yet)';
    for (const key of OUR_KEYS) setUnmeasured(figures, key, why);
    detail.govspec = why;
  } else {
    try {
      const ours = await runScenario(govspecServer(), options);
      detail.govspec = ours;
      put(figures, 'lsp.index_s', ours.index_s, ours.index_why ?? 'no index signal');
      put(figures, 'lsp.rss_mb', ours.rss_mb, 'could not read /proc/<pid>/status');
      const why = `no answers; ${ours.notes.join('; ')}`.slice(0, 400);
      put(figures, 'lsp.diagnostics_ms', ours.diagnostics_ms, why);
      put(figures, 'lsp.completion_ms', ours.completion_ms, why);
      put(figures, 'lsp.hover_ms', ours.hover_ms, why);
      put(figures, 'lsp.hover_during_big_lint_ms', ours.hover_during_big_lint_ms ?? null, why);
      put(figures, 'lsp.rename_ms', ours.rename_ms === null ? null : { ms: ours.rename_ms, files: ours.rename_files ?? 0, edits: ours.rename_edits ?? 0 }, why);
    } catch (error) {
      const why = `the GovSpec server failed: ${(error as Error).message}`;
      for (const key of OUR_KEYS) setUnmeasured(figures, key, why);
      detail.govspec = why;
    }
  }

  const peerKeys = ['diagnostics_ms', 'completion_ms', 'hover_ms', 'hover_during_big_lint_ms', 'rss_mb', 'rename_ms'].map((key) => `peer.yaml-language-server.${key}`);
  if (!existsSync(YAML_LS)) {
    for (const key of peerKeys) setUnmeasured(figures, key, 'yaml-language-server is not installed: run npm ci in bench/peers');
    return detail;
  }
  try {
    const peer = await runScenario(yamlLanguageServer(), options);
    detail['yaml-language-server'] = peer;
    const why = `no answers; ${peer.notes.join('; ')}`.slice(0, 400);
    put(figures, 'peer.yaml-language-server.diagnostics_ms', peer.diagnostics_ms, why);
    put(figures, 'peer.yaml-language-server.completion_ms', peer.completion_ms, why);
    put(figures, 'peer.yaml-language-server.hover_ms', peer.hover_ms, why);
    put(figures, 'peer.yaml-language-server.hover_during_big_lint_ms', peer.hover_during_big_lint_ms ?? null, why);
    put(figures, 'peer.yaml-language-server.rss_mb', peer.rss_mb, 'could not read /proc/<pid>/status');
    put(figures, 'peer.yaml-language-server.rename_ms', peer.rename_ms, peer.notes.find((n) => n.startsWith('rename')) ?? why);
  } catch (error) {
    for (const key of peerKeys) setUnmeasured(figures, key, `yaml-language-server failed: ${(error as Error).message}`);
  }
  return detail;
}

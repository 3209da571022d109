/** Spectral (schema-only) against our CLI, on the same single-document copy of the corpus. */

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runChild } from '../lib/child';
import { CliSupport, lintArgs, requireCli } from '../lib/cli';
import { Corpus, yamlFilesUnder } from '../lib/corpus';
import { singleDocumentCopy } from '../lib/derived';
import { FigureValue, Unmeasurable } from '../lib/figure';
import { writeBundledSchemas } from '../lib/schemas';
import { assertLintRun, repeat, timedFigure } from '../lib/runs';
import { parse, stringify } from 'yaml';
import { ALL_RULES } from '../../server/src/engine';

const PEERS_DIR = path.join(__dirname, '..', 'peers');
const SPECTRAL_BIN = path.join(PEERS_DIR, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const RULESET = path.join(PEERS_DIR, 'govspec.spectral.js');
const KIND_GLOB = '**/*.{service,catalog,agreement,agency}.yaml';

export interface SingleDocuments { root: string; documents: number; bytes: number }

export function singleDocuments(corpus: Corpus): SingleDocuments {
  const root = singleDocumentCopy(corpus);
  const documents = yamlFilesUnder(root).filter((file) => file !== 'govspec.config.yaml').length;
  return { root, documents, bytes: corpus.manifest.bytes };
}

export function spectralVersion(): string | null {
  try {
    const manifest = readFileSync(path.join(PEERS_DIR, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return null;
  }
}

export async function spectral(single: SingleDocuments, runs: number): Promise<FigureValue> {
  if (!existsSync(SPECTRAL_BIN)) throw new Unmeasurable('Spectral is not installed: run npm ci in bench/peers');
  const env = { ...process.env, GOVSPEC_BENCH_SCHEMAS: writeBundledSchemas() };
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-spectral-'));
  try {
    const args = [SPECTRAL_BIN, 'lint', KIND_GLOB, '-r', RULESET, '-f', 'json', '-o', path.join(dir, 'out.json'), '--quiet'];
    const results = await repeat(runs, async () => {
      const run = await runChild(process.execPath, args, { cwd: single.root, env, timeoutMs: 3_600_000 });
      if (run.code !== 0 && run.code !== 1) throw new Unmeasurable(`spectral exited with ${String(run.code)}: ${(run.stderr || run.stdout).trim().split('\n')[0] ?? ''}`);
      if (!readdirSync(dir).includes('out.json')) throw new Unmeasurable('spectral wrote no report');
      return run;
    });
    return { ...timedFigure(results, single), documents: single.documents, version: spectralVersion() ?? 'unknown' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our whole CLI (every rule, cross-file included) on the same single-document files; `extra`: e.g. a concurrency. */
export async function oursOnSingleDocuments(single: SingleDocuments, cli: CliSupport, runs: number, extra: readonly string[] = []): Promise<FigureValue> {
  requireCli(cli, 'json', 'today', 'output', ...(extra.includes('--concurrency') ? ['concurrency' as const] : []));
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-single-'));
  try {
    const results = await repeat(runs, async () => {
      const run = await runChild(process.execPath, lintArgs(cli, '.', path.join(dir, 'report.json'), extra), { cwd: single.root, timeoutMs: 3_600_000 });
      assertLintRun(run);
      return run;
    });
    return { ...timedFigure(results, single), documents: single.documents };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our side of a schema-only comparison, as Spectral applies only the schemas: the corpus config with every rule off
 * but the YAML, schema and meta ones (the files are still read, indexed and checked against the schemas).
 */
export async function oursSchemaOnly(single: SingleDocuments, cli: CliSupport, runs: number): Promise<FigureValue> {
  requireCli(cli, 'config', 'concurrency');
  const dir = mkdtempSync(path.join(tmpdir(), 'govspec-bench-schema-only-'));
  try {
    const base = (parse(readFileSync(path.join(single.root, 'govspec.config.yaml'), 'utf8')) ?? {}) as { rules?: Record<string, unknown> };
    const off = ALL_RULES.map((r) => r.meta.id).filter((id) => !/^(yaml|schema|meta)\//.test(id));
    const config = path.join(dir, 'schema-only.govspec.config.yaml');
    writeFileSync(config, stringify({ ...base, rules: { ...base.rules, ...Object.fromEntries(off.map((id) => [id, 'off'])) } }));
    return await oursOnSingleDocuments(single, cli, runs, ['--concurrency', 'auto', '--config', config]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { severityOf } from '../../engine/config/severity';
import type { FileLint } from '../../engine/lint';
import type { Finding, Locale } from '../../engine/types';
import type { TextEncoding } from '../files/decode';
import { displayPath } from '../files/paths';
import { readSource } from '../files/read-source';
import type { Source } from '../files/read-source';
import { walkYamlFiles } from '../files/walk';
import { ConfigResolver } from './configs';
import type { Governing } from './configs';
import { applySafeFixes } from './fix';
import type { Progress } from './progress';
import type { FileResult } from './report';
import { WorkspaceSession } from './workspace-session';
import { LintCache } from './cache';
import { InlineExecutor, WorkerExecutor } from './executor';
import type { Executor } from './executor';
import { capHeapGrowthFor } from './heap';
import { lintInPhases } from './pipeline';
import { wholeFileProblem } from './tasks';
import { describeConfig } from './debug';
import type { DebugLog } from './debug';
import type { FileJob, TaskContext } from './tasks';

/** Standard input linted as if it were a file (`--stdin`, `--stdin-filename`). */
export interface StdinInput { source: Source; filename: string | undefined }

export interface LintRunOptions {
  cwd: string;
  paths: readonly string[];
  stdin?: StdinInput;
  /** `--config`, as written on the command line. */
  config?: string;
  today: string;
  /** Whether to compute safe fixes (for `--fix` and `--fix-dry-run`); writing them is the caller's choice. */
  fix: boolean;
  progress: Progress;
  /** Worker threads for the two phases (`lintPaths`); 1, the default, runs them in this thread. */
  concurrency?: number;
  /** `--cache`: the cache folder, absolute. */
  cacheFolder?: string;
  /** `--shard I/N`: report only the sorted targets at positions p with p mod N = I − 1 (docs/semantics.md). */
  shard?: { index: number; count: number };
  /** `--debug`: told which config each target got and why a file was left out. */
  debug?: DebugLog;
}

/** A file the fixes changed: its text before and after, and how to write it back. */
export interface FileChange { file: string; absolute: string | undefined; before: string; after: string; encoding: TextEncoding }

export interface LintRun {
  results: FileResult[];
  /** Paths given on the command line that do not exist, as written. */
  missing: string[];
  changes: FileChange[];
  /** The config `locale` of the first reported file's config, for the output language. */
  configLocale: Locale | undefined;
  /** The first fault of the `--cache` folder's I/O: the run went on without the cache where it struck (lint/cache.ts). */
  cacheFault?: string;
}

/** A reported file: on disk (`absolute`) and/or from standard input (`stdin`). */
interface Target { file: string; absolute: string | undefined; governing: Governing; stdin?: Source }

/** Passes of lint-then-fix before the result is taken as it is; fixes that feed each other settle in two or three. */
const MAX_FIX_PASSES = 10;

export const STDIN_NAME = '<stdin>';

/**
 * Lints the given paths, each against its whole workspace (docs/semantics.md), in two phases on worker threads and
 * with the cache when asked (pipeline.ts); --fix and --stdin take `runLint`, which keeps the workspace in memory.
 */
export async function lintPaths(options: LintRunOptions): Promise<LintRun> {
  if (options.fix || options.stdin) return runLint(options);
  const explicit = options.config === undefined ? undefined : resolve(options.cwd, options.config);
  const resolver = new ConfigResolver(options.cwd, explicit);
  const { targets, missing } = selectTargets(options, resolver);
  const ctx: TaskContext = { cwd: options.cwd, today: options.today, configFor: (absolute) => resolver.of(absolute).config, workspaceOf: (absolute) => resolver.of(absolute).root };
  const concurrency = options.concurrency ?? 1;
  const executor: Executor = concurrency > 1
    ? new WorkerExecutor(concurrency, __filename, { cwd: options.cwd, config: explicit, today: options.today })
    : new InlineExecutor(ctx);
  const cache = options.cacheFolder ? new LintCache(options.cacheFolder) : undefined;
  const results: FileResult[] = [];
  try {
    for (const group of groupByWorkspace(targets)) {
      const jobs = jobsOf(group, resolver, options.cwd);
      capHeapGrowthFor(jobs.map((job) => job.absolute));
      results.push(...await lintInPhases(jobs, executor, ctx, options.progress, cache));
    }
  } finally {
    await executor.close();
  }
  results.push(...configResults(options.cwd, targets));
  debugPassedOver(targets, results, options.debug);
  return { results, missing, changes: [], configLocale: targets[0]?.governing.config.locale, cacheFault: cache?.fault };
}

/** Lints the given paths (or standard input) with every workspace held in memory, so fixed texts can be re-linted. */
export function runLint(options: LintRunOptions): LintRun {
  const resolver = new ConfigResolver(options.cwd, options.config === undefined ? undefined : resolve(options.cwd, options.config));
  const { targets, missing } = selectTargets(options, resolver);
  const sources = new Map<string, Source>();
  const read = (absolute: string) => {
    let source = sources.get(absolute);
    if (!source) sources.set(absolute, (source = readSource(absolute, resolver.of(absolute).root)));
    return source;
  };
  const results: FileResult[] = [];
  const changes: FileChange[] = [];
  for (const group of groupByWorkspace(targets)) {
    const run = lintWorkspace(group, resolver, read, options);
    results.push(...run.results);
    changes.push(...run.changes);
  }
  results.push(...configResults(options.cwd, targets));
  debugPassedOver(targets, results, options.debug);
  return { results, missing, changes, configLocale: targets[0]?.governing.config.locale };
}

/** `--debug`: the targets that gave the report nothing, as semantics.md §1 passes other YAML over silently. */
function debugPassedOver(targets: readonly Target[], results: readonly FileResult[], debug: DebugLog | undefined): void {
  if (!debug) return;
  const reported = new Set(results.filter((r) => r.documents.length > 0 || r.findings.length > 0).map((r) => r.file));
  for (const t of targets) {
    if (!reported.has(t.file)) debug(`govspec debug: skipped ${t.file}: no GovSpec document in it (no apiVersion: govspec/…, and not named *.service.yaml or the like)`);
  }
}

/** The reported files: those named or walked, then this run's shard of them. */
function selectTargets(options: LintRunOptions, resolver: ConfigResolver): { targets: Target[]; missing: string[] } {
  const { targets, missing } = collectTargets(options, resolver);
  const selected = options.shard ? shardOf(targets, options.shard) : targets;
  const debug = options.debug;
  if (debug) {
    const shown = new Set(selected);
    for (const t of targets) if (!shown.has(t)) debug(`govspec debug: skipped ${t.file}: in another shard`);
    for (const t of selected) debug(`govspec debug: config of ${t.file}: ${describeConfig(t.governing, (p) => displayPath(options.cwd, p))}`);
  }
  return { targets: selected, missing };
}

/** docs/semantics.md: the targets in sorted order, positions p with p mod count = index − 1. */
function shardOf(targets: readonly Target[], shard: { index: number; count: number }): Target[] {
  return [...targets].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).filter((_, p) => p % shard.count === shard.index - 1);
}

/** Every file of the workspace that no config ignores, the targets marked as reported. */
function jobsOf(group: readonly Target[], resolver: ConfigResolver, cwd: string): FileJob[] {
  const governing = group[0].governing;
  const reported = new Set(group.map((t) => t.absolute!));
  const indexed = walkYamlFiles(governing.root, (p, isFolder) => governing.isIgnored(p) || (!isFolder && resolver.of(p).isIgnored(p)));
  const all = [...new Set([...indexed, ...reported])];
  return all.map((absolute) => ({ file: displayPath(cwd, absolute), absolute, reported: reported.has(absolute) }));
}

function collectTargets(options: LintRunOptions, resolver: ConfigResolver): { targets: Target[]; missing: string[] } {
  const targets = new Map<string, Target>();
  const missing: string[] = [];
  const ignoredBy = (path: string, governing: Governing) => options.debug?.(`govspec debug: skipped ${displayPath(options.cwd, path)}: matches an ignore pattern of ${governing.file ? displayPath(options.cwd, governing.file) : 'the config'}`);
  const add = (absolute: string) => {
    const governing = resolver.of(absolute);
    if (governing.isIgnored(absolute)) ignoredBy(absolute, governing);
    else if (!targets.has(absolute)) targets.set(absolute, { file: displayPath(options.cwd, absolute), absolute, governing });
  };
  const walkIgnores = (p: string, isFolder: boolean) => {
    const governing = resolver.of(p, isFolder);
    const ignored = governing.isIgnored(p);
    if (ignored) ignoredBy(p, governing);
    return ignored;
  };
  if (options.stdin) {
    const { filename, source } = options.stdin;
    const absolute = filename === undefined ? undefined : resolve(options.cwd, filename);
    const governing = absolute ? resolver.of(absolute) : resolver.of(options.cwd, true);
    if (!absolute || !governing.isIgnored(absolute)) {
      return { targets: [{ file: absolute ? displayPath(options.cwd, absolute) : STDIN_NAME, absolute, governing, stdin: source }], missing };
    }
    return { targets: [], missing };
  }
  for (const path of options.paths) {
    const absolute = resolve(options.cwd, path);
    const kind = pathKind(absolute);
    if (kind === 'missing') missing.push(path);
    else if (kind === 'file') add(absolute);
    else for (const file of walkYamlFiles(absolute, walkIgnores)) add(file);
  }
  return { targets: [...targets.values()], missing };
}

function pathKind(absolute: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(absolute).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Targets sharing a workspace folder and config, in order of first appearance. */
function groupByWorkspace(targets: readonly Target[]): Target[][] {
  const groups = new Map<string, Target[]>();
  for (const t of targets) {
    const key = `${t.governing.root}\u0000${t.governing.file ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(t); else groups.set(key, [t]);
  }
  return [...groups.values()];
}

function lintWorkspace(group: readonly Target[], resolver: ConfigResolver, read: (absolute: string) => Source, options: LintRunOptions) {
  const governing = group[0].governing;
  const session = new WorkspaceSession(options.today, () => governing.config);
  const reported = new Map(group.map((t) => [t.absolute ?? t.file, t]));
  // Every file of the workspace that no config ignores is indexed; only the targets are reported.
  const indexed = walkYamlFiles(governing.root, (p, isFolder) => governing.isIgnored(p) || (!isFolder && resolver.of(p).isIgnored(p)));
  indexed.forEach((absolute, i) => {
    options.progress.update('indexing', i + 1, indexed.length);
    if (reported.has(absolute)) return;
    const source = read(absolute);
    if (source.kind === 'text') session.add(displayPath(options.cwd, absolute), source.text);
  });

  const results: FileResult[] = [];
  const lints = new Map<string, FileLint>();
  const originals = new Map<string, { target: Target; text: string; encoding: TextEncoding }>();
  for (const target of group) {
    const source = target.stdin ?? read(target.absolute!);
    if (source.kind === 'gone') continue;
    if (source.kind === 'problem') {
      const finding = wholeFileProblem(target.file, source, target.governing.config);
      if (finding) results.push({ file: target.file, documents: [], findings: [finding] });
      continue;
    }
    session.add(target.file, source.text);
    originals.set(target.file, { target, text: source.text, encoding: source.encoding });
  }
  let done = 0;
  for (const file of originals.keys()) {
    options.progress.update('linting', ++done, originals.size);
    lints.set(file, session.lint(file));
  }
  if (options.fix) fixUntilStable(session, lints);

  const changes: FileChange[] = [];
  for (const [file, lint] of lints) {
    results.push({ file, documents: lint.documents, findings: [...lint.findings, ...lint.suppressed ?? []] });
    const original = originals.get(file)!;
    const after = session.textOf(file)!;
    if (after !== original.text) changes.push({ file, absolute: original.target.absolute, before: original.text, after, encoding: original.encoding });
  }
  return { results, changes };
}

/** Applies safe fixes and re-lints what they affect, until nothing more applies. */
function fixUntilStable(session: WorkspaceSession, lints: Map<string, FileLint>): void {
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const again = new Set<string>();
    for (const [file, lint] of lints) {
      const fixed = applySafeFixes(file, session.textOf(file)!, lint.findings);
      if (fixed === undefined) continue;
      again.add(file);
      for (const dependent of session.replace(file, fixed)) if (lints.has(dependent)) again.add(dependent);
    }
    if (again.size === 0) return;
    for (const file of again) lints.set(file, session.lint(file));
  }
}



/** Findings about the configs of the reported files that leave them usable (meta/unknown-rule), one result per file. */
function configResults(cwd: string, targets: readonly Target[]): FileResult[] {
  const configs = new Set(targets.map((t) => t.governing));
  const byFile = new Map<string, Finding[]>();
  for (const governing of configs) {
    for (const finding of governing.findings) {
      const severity = severityOf(finding.ruleId, governing.config);
      if (severity === 'off') continue;
      const file = displayPath(cwd, finding.file);
      const list = byFile.get(file) ?? [];
      // A config named by several chains reports its findings once.
      if (!list.some((f) => f.range.start.line === finding.range.start.line && f.range.start.character === finding.range.start.character && f.ruleId === finding.ruleId)) {
        list.push({ ...finding, file, severity });
      }
      byFile.set(file, list);
    }
  }
  return [...byFile].map(([file, findings]) => ({ file, documents: [], findings }));
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { severityOf } from '../../engine';
import type { FileLint } from '../../engine';
import type { Finding, Locale } from '../../engine';
import type { TextEncoding } from '../../host/decode';
import { NODE_FILE_SYSTEM } from '../../host/file-system';
import { Workspaces } from '../../host/workspaces';
import { displayPath } from '../files/paths';
import { readSource } from '../files/read-source';
import type { Source } from '../files/read-source';
import { CliConfigs } from './configs';
import type { CliConfig } from './configs';
import { applySafeFixes } from './fix';
import type { Progress } from './progress';
import type { FileResult } from './report';
import { WorkspaceSession } from './workspace-session';
import { LintCache } from './cache';
import { InlineExecutor, WorkerExecutor } from './executor';
import type { Executor } from './executor';
import { capHeapGrowthFor } from './heap';
import { lintInPhases } from './pipeline';
import { groupByWorkspace, indexedFiles, selectTargets } from './targets';
import type { IgnoredName, Target } from './targets';
import { wholeFileProblem } from './tasks';
import type { FileJob, TaskContext } from './tasks';
import { SkippedLog, describeConfig, describeIgnore } from './debug';
import type { DebugLog } from './debug';

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
  /** `--ignore-pattern` globs, relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** Whether the workspaces' `.gitignore` files are honoured (`--no-gitignore`: false). */
  gitignore?: boolean;
  /** `--debug`: told which config each target got and why a file was left out. */
  debug?: DebugLog;
}

/** A file the fixes changed: its text before and after, and how to write it back. */
export interface FileChange { file: string; absolute: string | undefined; before: string; after: string; encoding: TextEncoding }

export interface LintRun {
  results: FileResult[];
  /** Paths given on the command line that do not exist, as written. */
  missing: string[];
  /** Files named on the command line that an ignore rule matches, skipped. */
  ignoredNames: IgnoredName[];
  /**
   * How many files hold a GovSpec document or got a finding (docs/semantics.md: none at all is exit 2). A shard that
   * got no such file of a run that matched some is not "nothing to lint": it counts as 1.
   */
  linted: number;
  changes: FileChange[];
  /** The config `locale` of the first reported file's config, for the output language. */
  configLocale: Locale | undefined;
  /** The workspaces held in memory (`runLint` only), for a host that renders them without reading them again. */
  sessions: WorkspaceSession[];
  /** The first fault of the `--cache` folder's I/O: the run went on without the cache where it struck (lint/cache.ts). */
  cacheFault?: string;
}

/** Passes of lint-then-fix before the result is taken as it is; fixes that feed each other settle in two or three. */
const MAX_FIX_PASSES = 10;

export { STDIN_NAME } from './targets';

/** The host layer's workspace model with this run's ignore settings, and the CLI's view of its configs. */
function workspacesOf(options: LintRunOptions): { workspaces: Workspaces; configs: CliConfigs; explicit: string | undefined } {
  const explicit = options.config === undefined ? undefined : resolve(options.cwd, options.config);
  const workspaces = new Workspaces(NODE_FILE_SYSTEM, {
    explicitConfig: explicit,
    gitignore: options.gitignore ?? true,
    patterns: { base: options.cwd, globs: options.ignorePatterns ?? [] },
    skipFolders: options.cacheFolder ? [options.cacheFolder] : [],
  });
  return { workspaces, configs: new CliConfigs(options.cwd, workspaces), explicit };
}

/**
 * Lints the given paths, each against its whole workspace (docs/semantics.md), in two phases on worker threads and
 * with the cache when asked (pipeline.ts); --fix and --stdin take `runLint`, which keeps the workspace in memory.
 */
export async function lintPaths(options: LintRunOptions): Promise<LintRun> {
  if (options.fix || options.stdin) return runLint(options);
  const { workspaces, configs, explicit } = workspacesOf(options);
  const selection = selectedTargets(options, workspaces, configs);
  const { targets } = selection;
  const ctx: TaskContext = {
    cwd: options.cwd, today: options.today, configFor: (absolute) => configs.of(absolute).config,
    workspaceOf: (absolute) => workspaces.rootOf(absolute, false),
  };
  const concurrency = options.concurrency ?? 1;
  const executor: Executor = concurrency > 1
    ? new WorkerExecutor(concurrency, __filename, { cwd: options.cwd, config: explicit, today: options.today })
    : new InlineExecutor(ctx);
  const cache = options.cacheFolder ? new LintCache(options.cacheFolder) : undefined;
  const results: FileResult[] = [];
  try {
    for (const group of groupByWorkspace(targets)) {
      const jobs = jobsOf(group, workspaces, options.cwd);
      capHeapGrowthFor(jobs.map((job) => job.absolute));
      results.push(...await lintInPhases(jobs, executor, ctx, options.progress, cache));
    }
  } finally {
    await executor.close();
  }
  return { ...finish(options, configs, selection, results, [], []), cacheFault: cache?.fault };
}

/** What a run selected: its targets, and whether a shard's paths matched files before the shard was taken. */
type Selected = ReturnType<typeof selectedTargets>;

function finish(options: LintRunOptions, configs: CliConfigs, selection: Selected, results: FileResult[], changes: FileChange[], sessions: WorkspaceSession[]): LintRun {
  const { targets, missing, ignoredNames } = selection;
  // A target that vanished after it was found was matched all the same: it does not make the run "empty".
  const withResult = new Set(results.map((r) => r.file));
  const vanished = targets.filter((t) => t.absolute && !t.stdin && !withResult.has(t.file) && !existsSync(t.absolute)).length;
  const found = results.filter((r) => r.documents.length > 0 || r.findings.length > 0).length + vanished;
  const linted = found === 0 && selection.matched ? 1 : found;
  const governing = targets.map((t) => configOfTarget(t, configs, options.cwd));
  results.push(...configResults(options.cwd, governing));
  debugPassedOver(targets, results, options.debug);
  return { results, missing, ignoredNames, linted, changes, configLocale: governing[0]?.config.locale, sessions };
}

/** A target's config: its file's, or for standard input without a name the working directory's. */
function configOfTarget(target: Target, configs: CliConfigs, cwd: string): CliConfig {
  return target.absolute ? configs.of(target.absolute) : configs.of(cwd, true);
}

/** Lints the given paths (or standard input) with every workspace held in memory, so fixed texts can be re-linted. */
export function runLint(options: LintRunOptions): LintRun {
  const { workspaces, configs } = workspacesOf(options);
  const selection = selectedTargets(options, workspaces, configs);
  const { targets } = selection;
  const sources = new Map<string, Source>();
  const read = (absolute: string) => {
    let source = sources.get(absolute);
    if (!source) sources.set(absolute, (source = readSource(absolute, workspaces.rootOf(absolute, false))));
    return source;
  };
  const results: FileResult[] = [];
  const changes: FileChange[] = [];
  const sessions: WorkspaceSession[] = [];
  for (const group of groupByWorkspace(targets)) {
    const run = lintWorkspace(group, workspaces, configs, read, options);
    results.push(...run.results);
    changes.push(...run.changes);
    sessions.push(run.session);
  }
  return finish(options, configs, selection, results, changes, sessions);
}

/** `--debug`: the targets that gave the report nothing, as other YAML is passed over silently (docs/semantics.md). */
function debugPassedOver(targets: readonly Target[], results: readonly FileResult[], debug: DebugLog | undefined): void {
  if (!debug) return;
  const reported = new Set(results.filter((r) => r.documents.length > 0 || r.findings.length > 0).map((r) => r.file));
  for (const t of targets) {
    if (!reported.has(t.file)) debug(`govspec debug: skipped ${t.file}: no GovSpec document in it (no apiVersion: govspec/…, and not named *.service.yaml or the like)`);
  }
}

/** The reported files: those named or walked, then this run's shard of them (`--debug` says which and why). */
function selectedTargets(options: LintRunOptions, workspaces: Workspaces, configs: CliConfigs) {
  const debug = options.debug;
  const display = (p: string) => displayPath(options.cwd, p);
  // A folder walk leaves ignored files and folders out silently; `--debug` tells of each (the always-skipped in one line).
  const skipped = debug && new SkippedLog(debug, display);
  const selection = selectTargets(options.cwd, options.paths, options.stdin, workspaces, skipped ? skipped.onIgnored : undefined);
  if (skipped) skipped.summary();
  // A shard left without files of a run whose paths matched some has something to lint all the same.
  const selected = options.shard
    ? { ...selection, targets: shardOf(selection.targets, options.shard), matched: selection.targets.length > 0 }
    : { ...selection, matched: false };
  if (debug) {
    const shown = new Set(selected.targets);
    for (const t of selection.targets) if (!shown.has(t)) debug(`govspec debug: skipped ${t.file}: in another shard`);
    for (const t of selection.ignoredNames) debug(`govspec debug: skipped ${t.path}: ${describeIgnore(t.reason, display)}`);
    for (const t of selected.targets) debug(`govspec debug: config of ${t.file}: ${describeConfig(configOfTarget(t, configs, options.cwd), display)}`);
  }
  return selected;
}

/** docs/semantics.md: the targets in sorted order, positions p with p mod count = index − 1. */
function shardOf(targets: readonly Target[], shard: { index: number; count: number }): Target[] {
  return [...targets].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).filter((_, p) => p % shard.count === shard.index - 1);
}

/** Every file of the workspace that is not ignored, the targets marked as reported. */
function jobsOf(group: readonly Target[], workspaces: Workspaces, cwd: string): FileJob[] {
  const reported = new Set(group.map((t) => t.absolute!));
  const all = [...new Set([...indexedFiles(group[0].root, workspaces), ...reported])];
  return all.map((absolute) => ({ file: displayPath(cwd, absolute), absolute, reported: reported.has(absolute) }));
}

function lintWorkspace(group: readonly Target[], workspaces: Workspaces, configs: CliConfigs, read: (absolute: string) => Source, options: LintRunOptions) {
  // Files are keyed by display path in the session; each gets the config of its own absolute path.
  const configByFile = new Map(group.map((t) => [t.file, configOfTarget(t, configs, options.cwd).config]));
  const session = new WorkspaceSession(options.today, (file) => configByFile.get(file) ?? configs.of(resolve(options.cwd, file)).config);
  const reported = new Map(group.map((t) => [t.absolute ?? t.file, t]));
  // Every file of the workspace that is not ignored is indexed; only the targets are reported.
  const indexed = indexedFiles(group[0].root, workspaces);
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
      const finding = wholeFileProblem(target.file, source, configByFile.get(target.file)!);
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
  return { results, changes, session };
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
function configResults(cwd: string, governing: readonly CliConfig[]): FileResult[] {
  const configs = new Map(governing.map((g) => [g.file, g])).values();
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

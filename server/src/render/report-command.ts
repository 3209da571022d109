/**
 * `govspec report --html FILE`: lints the paths as `govspec lint` does, indexes their workspaces for the sharing
 * map, and writes the standalone report. A host module (file system, crypto), called by the CLI; not part of the engine.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Locale, LintReport } from '../engine/types';
import { WorkspaceIndex } from '../engine/workspace';
import { ParseCache, indexText } from '../engine/workspace-lint';
import { writeReportFile } from '../cli/lint/write-report';
import { displayPath } from '../cli/files/paths';
import { readSource } from '../cli/files/read-source';
import { walkYamlFiles } from '../cli/files/walk';
import { ConfigResolver } from '../cli/lint/configs';
import { Progress } from '../cli/lint/progress';
import { buildReport } from '../cli/lint/report';
import { runLint } from '../cli/lint/run-lint';
import { resolveLocale } from '../cli/locale';
import { readGraphLibrary } from './graph-library';
import { renderHtmlReport } from './html-report';
import { documentOwners } from './report-owners';
import { buildSharingGraph } from './sharing-graph';
import type { SharingGraph } from './sharing-graph';
import type { RuleDocReader } from './rule-pages';

export interface HtmlReportOptions {
  cwd: string;
  today: string;
  /** `--locale`; without it, the config's `locale`, then the environment (semantics.md §7). */
  locale?: Locale;
  /** The environment whose LANG/LC_ALL name the language when neither the flag nor the config does. */
  env?: NodeJS.ProcessEnv;
  /** `--config`, as written on the command line. */
  config?: string;
  /** The rules' docs to bundle (the CLI's `rule-docs.ts`). */
  ruleDoc?: RuleDocReader;
}

export interface HtmlReportResult { report: LintReport; graph: SharingGraph; missing: string[] }

/** Writes the report to `outFile` (resolved against `cwd`) and returns what it holds, for the exit code. */
export function writeHtmlReport(paths: readonly string[], outFile: string, options: HtmlReportOptions): HtmlReportResult {
  const run = runLint({ cwd: options.cwd, paths, config: options.config, today: options.today, fix: false, progress: new Progress(false, () => undefined) });
  const locale = options.locale ?? resolveLocale(undefined, run.configLocale, options.env ?? {});
  const report = buildReport(run.results, locale, false);
  const { index, cache } = indexWorkspaces(paths, options);
  const graph = buildSharingGraph(index, report.files.flatMap((f) => f.findings), options.today, cache.resolve);
  const html = renderHtmlReport({ report, graph, locale, owners: documentOwners(index), library: readGraphLibrary(), nonce: randomBytes(18).toString('base64'), ruleDoc: options.ruleDoc });
  const target = resolve(options.cwd, outFile);
  writeReportFile(target, html);
  return { report, graph, missing: run.missing };
}

/**
 * Every file of the workspaces holding the paths, keyed by the same display paths the findings use. The map needs
 * the whole workspace (agencies and agreements outside the linted paths), as the cross-file rules do.
 */
function indexWorkspaces(paths: readonly string[], options: HtmlReportOptions): { index: WorkspaceIndex; cache: ParseCache } {
  const resolver = new ConfigResolver(options.cwd, options.config === undefined ? undefined : resolve(options.cwd, options.config));
  const texts = new Map<string, string>();
  const cache = new ParseCache((file) => texts.get(file));
  const index = new WorkspaceIndex();
  const roots = new Set(paths.map((p) => resolver.of(resolve(options.cwd, p), true)));
  for (const governing of roots) {
    for (const absolute of walkYamlFiles(governing.root, (p, isFolder) => governing.isIgnored(p) || (!isFolder && resolver.of(p).isIgnored(p)))) {
      const file = displayPath(options.cwd, absolute);
      const source = readSource(absolute, governing.root);
      if (source.kind !== 'text' || texts.has(file)) continue;
      texts.set(file, source.text);
      indexText(index, file, source.text, cache);
    }
  }
  return { index, cache };
}

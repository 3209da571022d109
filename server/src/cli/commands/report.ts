import type { Message } from '../../engine';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Anchor, LintReport, Locale, Range } from '../../engine';
import { joinIndexes } from '../../engine';
import type { WorkspaceIndex } from '../../engine';
import type { NodeRef } from '../../engine';
import { environmentLocale, resolveLocale } from '../../host/locale';
import { readGraphLibrary } from '../../render/graph-library';
import { renderHtmlReport } from '../../render/html-report';
import { documentOwners } from '../../render/report-owners';
import { buildSharingGraph } from '../../render/sharing-graph';
import type { SharingGraph } from '../../render/sharing-graph';
import type { RuleDocReader } from '../../render/rule-pages';
import { writeReportFile } from '../lint/write-report';
import { readSource } from '../files/read-source';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { displayPath } from '../files/paths';
import { localeOfCwd } from './locale-of-cwd';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { localeFlag } from '../locale';
import { Progress } from '../lint/progress';
import { buildReport, exitCodeOf } from '../lint/report';
import { runLint } from '../lint/run-lint';
import type { WorkspaceSession } from '../lint/workspace-session';
import { todayOf } from '../today';

export const REPORT_HELP: Message = bilingual(
  `govspec report --html 文件 [路径…]   为审核人生成一个独立、可离线打开的 HTML 报告

      --html 文件          报告写到哪里（原子写入）
  -c, --config 文件        所有文件都使用这个配置
      --today YYYY-MM-DD   日期规则所用的“今天”（默认：Asia/Shanghai 的今天）
      --locale zh-CN|en    报告语言（默认：配置的 locale，其次环境变量，再次 zh-CN）
`,
  `govspec report --html FILE [PATH…]   one standalone, offline HTML report for reviewers

      --html FILE          where to write the report (written atomically)
  -c, --config FILE        use this config for every file
      --today YYYY-MM-DD   the day date rules take as today (default: today in Asia/Shanghai)
      --locale zh-CN|en    language of the report (default: the config's locale, else the environment's, else zh-CN)
`,
);

export const REPORT_OPTIONS = {
  ...COMMON_OPTIONS,
  html: { type: 'string' },
  config: { type: 'string', short: 'c' },
  today: { type: 'string' },
} as const;

/**
 * `govspec report --html FILE`: lints the paths as `lint` does and hands the renderer the findings and the
 * workspaces' index that run already holds; the exit code is lint's.
 */
export async function reportCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, REPORT_OPTIONS);
  if (values.help) {
    ctx.stdout(REPORT_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  if (!values.html) throw new CliError(bilingual('govspec report：缺少 --html FILE', 'govspec report: --html FILE is required'));
  // Loaded here, not at the top: the bundled docs exist only in the build, and the options above are read by tests.
  const { ruleDoc } = await import('../rule-docs.js');
  const result = writeHtmlReport(positionals.length > 0 ? positionals : ['.'], values.html, {
    cwd: ctx.cwd, today: todayOf('report', values.today), locale: localeFlag(values.locale), env: ctx.env, config: values.config, ruleDoc,
  });
  const written = displayPath(ctx.cwd, resolve(ctx.cwd, values.html));
  const { errors, warnings } = result.report.summary;
  ctx.stderr(bilingual(
    `govspec report：报告已写入 ${written}（${errors} 个错误，${warnings} 个警告）\n`,
    `govspec report: wrote the report to ${written} (${errors} errors, ${warnings} warnings)\n`,
  )[result.report.locale]);
  return exitCodeOf(result.report.summary, undefined, result.missing.length);
}

export interface HtmlReportOptions {
  cwd: string;
  today: string;
  /** `--locale`; absent, the config's `locale`, then the environment's (docs/semantics.md). */
  locale?: Locale;
  env?: Readonly<Record<string, string | undefined>>;
  /** `--config`, as written on the command line. */
  config?: string;
  /** The rules' docs to bundle (the CLI's `rule-docs.ts`). */
  ruleDoc?: RuleDocReader;
}

export interface HtmlReportResult { report: LintReport; graph: SharingGraph; missing: string[] }

/** Lints the paths, writes the report to `outFile` (resolved against `cwd`) and returns what it holds, for the exit code. */
export function writeHtmlReport(paths: readonly string[], outFile: string, options: HtmlReportOptions): HtmlReportResult {
  const run = runLint({ cwd: options.cwd, paths, config: options.config, today: options.today, fix: false, progress: new Progress(false, () => undefined) });
  const locale = resolveLocale(options.locale, run.configLocale, environmentLocale(options.env ?? {}));
  const report = buildReport(run.results, locale, false);
  const { index, related } = joinedWorkspaces(run.sessions);
  const graph = buildSharingGraph(index, report.files.flatMap((f) => f.findings), options.today, related);
  // The findings' code frames read each file with findings once more (lint keeps no texts), bounded as lint reads it.
  const sourceOf = (file: string) => {
    const source = readSource(resolve(options.cwd, file));
    return source.kind === 'text' ? source.text : undefined;
  };
  const html = renderHtmlReport({
    report, graph, locale, owners: documentOwners(index), library: readGraphLibrary(), nonce: randomBytes(18).toString('base64'), ruleDoc: options.ruleDoc, sourceOf,
  });
  writeReportFile(resolve(options.cwd, outFile), html);
  return { report, graph, missing: run.missing };
}

/**
 * One index for the map of every workspace linted (they share display paths, so no file is in two), and ranges
 * from the parses each workspace holds.
 */
function joinedWorkspaces(sessions: readonly WorkspaceSession[]): { index: WorkspaceIndex; related: (at: NodeRef, anchor: Anchor) => Range | undefined } {
  const index = joinIndexes(sessions.map((s) => s.workspaceIndex));
  if (sessions.length === 1) return { index, related: sessions[0].related };
  const owner = new Map(sessions.flatMap((session) => [...session.workspaceIndex.allFiles()].map((file) => [file, session] as const)));
  return { index, related: (at, anchor) => owner.get(at.file)?.related(at, anchor) };
}

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { encode } from '../../host/decode';
import { replaceFileAtomic } from '../files/atomic-write';
import { fromBytes } from '../files/read-source';
import { FORMAT_NAMES, formatReport } from '../format';
import type { FormatName } from '../format';
import { localeFlag } from '../locale';
import { environmentLocale, resolveLocale } from '../../host/locale';
import { buildReport, exitCodeOf } from '../lint/report';
import { Progress } from '../lint/progress';
import { writeReportFile } from '../lint/write-report';
import { DEFAULT_CACHE_FOLDER } from '../lint/cache';
import { lintPaths } from '../lint/run-lint';
import type { IgnoredName } from '../lint/targets';
import { displayPath } from '../files/paths';
import type { Message } from '../../engine/types';
import type { FileChange, StdinInput } from '../lint/run-lint';
import { todayOf } from '../today';
import { TOOL_VERSION } from '../version';

const LINT_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  today: { type: 'string' },
  'no-progress': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  concurrency: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
} as const;

export const LINT_HELP = `govspec lint [PATH|GLOB…]   lint files, folders and globs (default .)

  -f, --format NAME        ${FORMAT_NAMES.join(' | ')} (default stylish)
  -o, --output-file FILE   write the report there instead of standard output
  -c, --config FILE        use this config for every file
      --max-warnings N     exit 1 when more than N warnings are found
      --quiet              report errors only
      --fix                apply the safe fixes in place
      --fix-dry-run        print the diff the safe fixes would make
      --today YYYY-MM-DD   the day date rules take as today (default: today in Asia/Shanghai)
      --locale zh-CN|en    language of messages
      --concurrency N|auto worker threads (auto: one per core; default 1)
      --cache              reuse results of unchanged files (in ${DEFAULT_CACHE_FOLDER}/ of the working directory)
      --cache-location DIR keep the cache there instead (implies --cache)
      --shard I/N          report only the I-th of N slices of the files; every slice indexes them all
      --no-progress        no progress line on standard error
      --stdin              lint standard input
      --stdin-filename F   as if it were the file F
      --ignore-pattern G   ignore files matching the glob G too (relative to the working directory; repeatable)
      --no-gitignore       do not honour the workspace's .gitignore files
      --no-error-on-unmatched-pattern   exit 0 instead of 2 when nothing is linted
`;

function usage(zh: string, en: string): CliError {
  return new CliError(bilingual(`govspec lint：${zh}`, `govspec lint: ${en}`));
}

function formatOf(value: string | undefined): FormatName {
  if (value === undefined) return 'stylish';
  if ((FORMAT_NAMES as readonly string[]).includes(value)) return value as FormatName;
  throw usage(`未知的输出格式“${value}”，可用：${FORMAT_NAMES.join('、')}`, `unknown format "${value}"; use one of ${FORMAT_NAMES.join(', ')}`);
}

function maxWarningsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usage(`--max-warnings 须为非负整数，而不是“${value}”`, `--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}


function concurrencyOf(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw usage(`--concurrency 须为正整数或 auto，而不是“${value}”`, `--concurrency takes a positive whole number or auto, not "${value}"`);
  return Number(value);
}

/** semantics.md §12: `I/N` with 1 ≤ I ≤ N. */
function shardOf(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || index < 1 || index > count) throw usage(`--shard 须为 I/N 且 1 ≤ I ≤ N，而不是“${value}”`, `--shard takes I/N with 1 ≤ I ≤ N, not "${value}"`);
  return { index, count };
}

export async function lintCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', args, LINT_OPTIONS);
  if (values.help) {
    ctx.stdout(LINT_HELP);
    return 0;
  }
  const flagLocale = localeFlag(values.locale);
  const format = formatOf(values.format);
  const maxWarnings = maxWarningsOf(values['max-warnings']);
  const concurrency = concurrencyOf(values.concurrency);
  const shard = shardOf(values.shard);
  const cacheLocation = values['cache-location'];
  const cacheFolder = values.cache || cacheLocation !== undefined ? resolve(ctx.cwd, cacheLocation ?? DEFAULT_CACHE_FOLDER) : undefined;
  const today = todayOf('lint', values.today);
  if (values.fix && values['fix-dry-run']) throw usage('--fix 与 --fix-dry-run 不能同时使用', '--fix and --fix-dry-run cannot be used together');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw usage('--stdin-filename 须与 --stdin 一起使用', '--stdin-filename needs --stdin');
  if (values.stdin && positionals.length > 0) throw usage('使用 --stdin 时不能再给出路径', '--stdin takes no paths');
  if (values.stdin && values.fix) throw usage('标准输入无处写回，请改用 --fix-dry-run', 'standard input cannot be fixed in place; use --fix-dry-run');

  const stdin: StdinInput | undefined = values.stdin ? { source: fromBytes(await ctx.readStdin()), filename: values['stdin-filename'] } : undefined;
  const progress = new Progress(ctx.stderrIsTTY && !values['no-progress'], ctx.stderr);
  const fixing = values.fix === true || values['fix-dry-run'] === true;
  let run;
  try {
    run = await lintPaths({
      cwd: ctx.cwd, paths: positionals.length > 0 ? positionals : ['.'], stdin, config: values.config, today, fix: fixing, progress, concurrency, cacheFolder, shard,
      ignorePatterns: values['ignore-pattern'] ?? [], gitignore: values['no-gitignore'] !== true,
    });
  } finally {
    progress.clear();
  }

  if (values.fix) writeChanges(run.changes);
  if (values['fix-dry-run']) ctx.stdout(run.changes.map(unifiedDiff).join(''));

  const locale = resolveLocale(flagLocale, run.configLocale, environmentLocale(ctx.env));
  for (const ignored of run.ignoredNames) ctx.stderr(`${ignoredNameLine(ctx.cwd, ignored)[locale]}\n`);
  if (run.linted === 0 && run.missing.length === 0 && !values['no-error-on-unmatched-pattern'] && (run.ignoredNames.length === 0 || positionals.some((p) => !run.ignoredNames.some((i) => i.path === p)))) {
    throw usage(
      `没有找到要检查的 GovSpec 文件（${positionals.join(' ') || '.'}）；若这是预期的，请加 --no-error-on-unmatched-pattern`,
      `no GovSpec file found to lint in ${positionals.join(' ') || '.'}; pass --no-error-on-unmatched-pattern if that is expected`,
    );
  }
  const report = buildReport(run.results, locale, values.quiet === true);
  const outputFile = values['output-file'];
  const text = formatReport(format, report, { color: format === 'stylish' && !outputFile && ctx.stdoutIsTTY && !ctx.env.NO_COLOR, toolVersion: TOOL_VERSION });
  if (outputFile) writeReportFile(resolve(ctx.cwd, outputFile), text);
  else ctx.stdout(text);

  for (const path of run.missing) {
    ctx.stderr(`${locale === 'zh-CN' ? `govspec lint：路径不存在：${path}` : `govspec lint: no such file or folder: ${path}`}\n`);
  }
  return exitCodeOf(report.summary, maxWarnings, run.missing.length);
}

/** semantics.md §6: the warning for a file named on the command line that an ignore rule matches. */
function ignoredNameLine(cwd: string, { path, reason }: IgnoredName): Message {
  switch (reason.by) {
    case 'always': return bilingual(`govspec lint：已跳过 ${path}：${reason.folder} 文件夹总是被忽略`, `govspec lint: skipped ${path}: ${reason.folder} folders are always ignored`);
    case 'pattern': return bilingual(`govspec lint：已跳过 ${path}：被 --ignore-pattern 忽略；去掉该模式即可检查它`, `govspec lint: skipped ${path}: ignored by --ignore-pattern; remove the pattern to lint it`);
    case 'config': {
      const file = displayPath(cwd, reason.file);
      return bilingual(`govspec lint：已跳过 ${path}：被 ${file} 的 ignore 忽略；去掉该模式即可检查它`, `govspec lint: skipped ${path}: ignored by the ignore globs of ${file}; remove the pattern to lint it`);
    }
    case 'gitignore': {
      const file = displayPath(cwd, reason.file);
      return bilingual(`govspec lint：已跳过 ${path}：被 ${file} 忽略；加 --no-gitignore 或去掉该模式即可检查它`, `govspec lint: skipped ${path}: ignored by ${file}; pass --no-gitignore or remove the pattern to lint it`);
    }
  }
}

function writeChanges(changes: readonly FileChange[]): void {
  for (const change of changes) {
    if (!change.absolute) continue;
    try {
      // A file deleted or renamed since it was read is no longer part of the run: it is not written back.
      replaceFileAtomic(change.absolute, encode(change.after, change.encoding));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError(bilingual(`无法写回修复后的文件 ${change.file}：${code}`, `cannot write the fixed file ${change.file}: ${code}`));
    }
  }
}

/** A git-style unified diff of one file, so that `git apply` takes it. */
function unifiedDiff(change: FileChange): string {
  const patch = createTwoFilesPatch(`a/${change.file}`, `b/${change.file}`, change.before, change.after, undefined, undefined, { context: 3 });
  // jsdiff starts with a line of `=` signs that git does not expect.
  return patch.replace(/^=+\n/, '');
}

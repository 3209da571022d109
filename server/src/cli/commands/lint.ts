import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { COMMON_OPTIONS, parseCommandArgs, usageError } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { encode } from '../../host/decode';
import { replaceFileAtomic } from '../files/atomic-write';
import { fromBytes } from '../files/read-source';
import { FORMAT_NAMES } from '../format';
import { escapeUnsafe } from '../format/findings';
import { localeFlag } from '../locale';
import { environmentLocale, resolveLocale } from '../../host/locale';
import { buildReport, exitCodeOf, maxWarningsOf } from '../lint/report';
import { Progress } from '../lint/progress';
import { colourOf, outputsOf, writeOutputs } from '../lint/outputs';
import { DEFAULT_CACHE_FOLDER } from '../lint/cache';
import { lintPaths } from '../lint/run-lint';
import type { IgnoredName } from '../lint/targets';
import { displayPath } from '../files/paths';
import type { Message } from '../../engine';
import type { FileChange, StdinInput } from '../lint/run-lint';
import { todayOf } from '../today';
import { PhaseTimer } from '../lint/debug';
import { printConfig } from '../lint/print-config';
import { localeOfCwd } from './locale-of-cwd';
import { TOOL_VERSION } from '../version';

export const LINT_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
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
  'print-config': { type: 'string' },
  debug: { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
} as const;

export const LINT_HELP: Message = bilingual(
  `govspec lint [路径|通配…]   检查文件、文件夹和通配模式（默认 .）

  -f, --format 格式[:文件] ${FORMAT_NAMES.join(' | ')}（默认 stylish）；带 :文件 时写入该文件；可重复
  -o, --output-file 文件   把报告写入该文件而不是标准输出
  -c, --config 文件        所有文件都使用这个配置
      --max-warnings N     警告多于 N 个时退出码为 1（-1：不限）
      --quiet              只报告错误（警告仍计入 --max-warnings）
      --color, --no-color  stylish 报告是否着色（默认：仅在终端上；也看 FORCE_COLOR、NO_COLOR）
      --fix                就地应用安全修复
      --fix-dry-run        打印安全修复将做的改动（-f json 时修复后的文本在报告内）
      --today YYYY-MM-DD   日期规则所用的“今天”（默认：Asia/Shanghai 的今天）
      --locale zh-CN|en    消息语言
      --concurrency N|auto 工作线程数（auto：每个核心一个；默认 1）
      --cache              复用未改动文件的结果（在工作目录的 ${DEFAULT_CACHE_FOLDER}/ 中）
      --cache-location 目录 缓存放在该目录（隐含 --cache）
      --shard I/N          只报告文件的 N 份中的第 I 份；每一份都为全部文件建立索引
      --print-config 文件  打印管辖该文件的配置（已合并；YAML，-f json 时为 JSON），然后退出
      --debug              在标准错误上输出：每个文件的配置、跳过文件的原因、各阶段用时
      --no-progress        不在标准错误上显示进度
      --stdin              检查标准输入
      --stdin-filename F   把标准输入当作文件 F
      --ignore-pattern G   也忽略匹配通配模式 G 的文件（相对工作目录；可重复）
      --no-gitignore       不采用工作区的 .gitignore 文件
      --no-error-on-unmatched-pattern   没有检查任何文件时退出码为 0 而不是 2
`,
  `govspec lint [PATH|GLOB…]   lint files, folders and globs (default .)

  -f, --format NAME[:FILE] ${FORMAT_NAMES.join(' | ')} (default stylish); with :FILE written there; repeatable
  -o, --output-file FILE   write the report there instead of standard output
  -c, --config FILE        use this config for every file
      --max-warnings N     exit 1 when more than N warnings are found (-1: no limit)
      --quiet              report errors only (warnings still count for --max-warnings)
      --color, --no-color  colour the stylish report or not (default: on a terminal; FORCE_COLOR, NO_COLOR)
      --fix                apply the safe fixes in place
      --fix-dry-run        print the diff the safe fixes would make (-f json: the fixed texts in the report)
      --today YYYY-MM-DD   the day date rules take as today (default: today in Asia/Shanghai)
      --locale zh-CN|en    language of messages
      --concurrency N|auto worker threads (auto: one per core; default 1)
      --cache              reuse results of unchanged files (in ${DEFAULT_CACHE_FOLDER}/ of the working directory)
      --cache-location DIR keep the cache there instead (implies --cache)
      --shard I/N          report only the I-th of N slices of the files; every slice indexes them all
      --print-config FILE  print the config that governs FILE, resolved (YAML; -f json for JSON), and exit
      --debug              on standard error: the config of each file, why files were skipped, time per phase
      --no-progress        no progress line on standard error
      --stdin              lint standard input
      --stdin-filename F   as if it were the file F
      --ignore-pattern G   ignore files matching the glob G too (relative to the working directory; repeatable)
      --no-gitignore       do not honour the workspace's .gitignore files
      --no-error-on-unmatched-pattern   exit 0 instead of 2 when nothing is linted
`,
);

function usage(zh: string, en: string): CliError {
  return usageError('lint', zh, en);
}


function concurrencyOf(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw usage(`--concurrency 须为正整数或 auto，而不是“${value}”`, `--concurrency takes a positive whole number or auto, not "${value}"`);
  return Number(value);
}

/** docs/semantics.md: `I/N` with 1 ≤ I ≤ N. */
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
    ctx.stdout(LINT_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  const flagLocale = localeFlag(values.locale);
  const printConfigOf = values['print-config'];
  if (printConfigOf !== undefined) {
    const json = values.format?.length === 1 && values.format[0] === 'json';
    ctx.stdout(printConfig(ctx.cwd, printConfigOf, values.config, json));
    return 0;
  }
  const outputs = outputsOf('lint', ctx, values.format, values['output-file'], 'stylish');
  const maxWarnings = maxWarningsOf('lint', values['max-warnings']);
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
  const debug = values.debug ? (line: string) => ctx.stderr(`${line}\n`) : undefined;
  const timer = debug ? new PhaseTimer() : undefined;
  const progress = new Progress(ctx.stderrIsTTY && !values['no-progress'], ctx.stderr, {
    locale: localeOfCwd(flagLocale, ctx),
    observe: timer && ((label) => timer.reached(label)),
  });
  const fixing = values.fix === true || values['fix-dry-run'] === true;
  let run;
  try {
    run = await lintPaths({
      cwd: ctx.cwd, paths: positionals.length > 0 ? positionals : ['.'], stdin, config: values.config, today, fix: fixing, progress, concurrency, cacheFolder, shard, debug,
      ignorePatterns: values['ignore-pattern'] ?? [], gitignore: values['no-gitignore'] !== true,
    });
  } finally {
    progress.clear();
  }
  timer?.reached('report');

  if (values.fix) writeChanges(run.changes);
  if (values['fix-dry-run']) {
    // The human diff goes to standard output unless a machine report is written there: that stream then stays the
    // report alone (json carries the fixed texts inside, as ESLint's `output`; other formats leave the diff to stderr).
    const diff = run.changes.map(unifiedDiff).join('');
    const onStdout = outputs.find((spec) => !spec.file);
    if (!onStdout || onStdout.format === 'stylish') ctx.stdout(diff);
    else if (onStdout.format !== 'json') ctx.stderr(diff);
  }

  const locale = resolveLocale(flagLocale, run.configLocale, environmentLocale(ctx.env));
  for (const ignored of run.ignoredNames) ctx.stderr(`${ignoredNameLine(ctx.cwd, ignored)[locale]}\n`);
  if (run.linted === 0 && run.missing.length === 0 && !values['no-error-on-unmatched-pattern'] && (run.ignoredNames.length === 0 || positionals.some((p) => !run.ignoredNames.some((i) => i.path === p)))) {
    throw usage(
      `没有找到要检查的 GovSpec 文件（${positionals.join(' ') || '.'}）；若这是预期的，请加 --no-error-on-unmatched-pattern`,
      `no GovSpec file found to lint in ${positionals.join(' ') || '.'}; pass --no-error-on-unmatched-pattern if that is expected`,
    );
  }
  // --quiet hides warnings from the report, yet they still count for --max-warnings (ESLint 9).
  const everything = buildReport(run.results, locale, false);
  const report = values.quiet ? buildReport(run.results, locale, true) : everything;
  const fixed = values['fix-dry-run'] ? run.changes.map((change) => ({ file: change.file, output: change.after })) : undefined;
  await writeOutputs(outputs, report, ctx, (spec) => ({
    color: spec.format === 'stylish' && colourOf(values, args, ctx, spec.file !== undefined),
    toolVersion: TOOL_VERSION,
    fixed,
  }));

  if (debug) for (const line of [...timer!.lines(), timer!.total()]) debug(line);
  if (run.cacheFault !== undefined) {
    ctx.stderr(`${bilingual(`govspec lint：警告：缓存不可用，相应文件已重新检查：${run.cacheFault}`, `govspec lint: warning: the cache could not be used, the files concerned were linted afresh: ${run.cacheFault}`)[locale]}\n`);
  }
  for (const missing of run.missing) {
    const path = escapeUnsafe(missing);
    ctx.stderr(`${bilingual(`govspec lint：路径不存在：${path}`, `govspec lint: no such file or folder: ${path}`)[locale]}\n`);
  }
  return exitCodeOf(everything.summary, maxWarnings, run.missing.length);
}

/** docs/semantics.md: the warning for a file named on the command line that an ignore rule matches. */
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

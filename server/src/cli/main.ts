import { isMainThread } from 'node:worker_threads';
import type { CliContext } from './context';
import type { Locale } from '../engine';
import { runWorker } from './lint/worker';
import { CliError, bilingual } from './cli-error';
import { explainCommand } from './commands/explain';
import { initCommand } from './commands/init';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { mergeCommand } from './commands/merge';
import { reportCommand } from './commands/report';
import { lintCommand } from './commands/lint';
import { rulesCommand } from './commands/rules';
import { escapeUnsafe } from './format/findings';
import { helpText } from './help';
import { localeOfCwd } from './commands/locale-of-cwd';
import { environmentLocale, isLocale, resolveLocale } from '../host/locale';
import { TOOL_VERSION } from './version';
import { nearestName } from '../engine';

type Command = (args: readonly string[], ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = { lint: lintCommand, merge: mergeCommand, report: reportCommand, rules: rulesCommand, explain: explainCommand, init: initCommand, import: importCommand, export: exportCommand };

/** Runs one command line; returns the exit code (cli.md). */
async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    ctx.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    ctx.stdout(helpText(localeOfCwd(errorLocale(argv, ctx.env, true), ctx)));
    return 0;
  }
  const command = first !== undefined && Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    const names = Object.keys(COMMANDS);
    const guess = first === undefined ? undefined : nearestName(first, names);
    throw new CliError(first === undefined
      ? bilingual(`govspec：缺少命令（${names.join('、')}）；用 govspec --help 查看用法`, `govspec: no command given (${names.join(', ')}); see govspec --help`)
      : bilingual(
        `govspec：未知的命令“${first}”；${guess ? `是否指 ${guess}？` : `可用：${names.join('、')}。`}用 govspec --help 查看用法`,
        `govspec: unknown command "${first}"; ${guess ? `did you mean ${guess}?` : `use one of ${names.join(', ')}.`} See govspec --help`,
      ));
  }
  return command(rest, ctx);
}

/** The language of a failure line: `--locale` when it was given well-formed, else the environment (`flagOnly`: the flag alone). */
function errorLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale;
function errorLocale(argv: readonly string[], env: NodeJS.ProcessEnv, flagOnly: true): Locale | undefined;
function errorLocale(argv: readonly string[], env: NodeJS.ProcessEnv, flagOnly = false): Locale | undefined {
  const at = argv.indexOf('--locale');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  const given = isLocale(flag) ? flag : undefined;
  return flagOnly ? given : resolveLocale(given, undefined, environmentLocale(env));
}

/** The language of a failure line: as every command speaks (flag, config, environment), else the flag and environment. */
function failureLocale(argv: readonly string[], ctx: CliContext): Locale {
  try {
    return localeOfCwd(errorLocale(argv, ctx.env, true), ctx);
  } catch {
    // The config itself may be what failed.
    return errorLocale(argv, ctx.env);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Whether stack traces are shown: `--debug` anywhere on the command line (or GOVSPEC_DEBUG=1), never otherwise. */
function debugging(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--debug') || env.GOVSPEC_DEBUG === '1';
}

/**
 * Ends a run that failed as a run: one line on standard error and exit code 2 (cli.md), the stack only when
 * debugging. Used for a command's own failure and for whatever escapes it (an uncaught exception, a rejected promise,
 * a failed write to standard output), so that no failure exits 1, which CI reads as "findings". With the command's
 * context, the line speaks as the command would (flag, config, environment).
 */
function failRun(error: unknown, argv: readonly string[], ctx?: CliContext): void {
  const locale = ctx ? failureLocale(argv, ctx) : errorLocale(argv, process.env);
  const line = error instanceof CliError
    ? error.text[locale]
    : `govspec: ${bilingual('内部错误', 'internal error')[locale]}: ${error instanceof Error ? error.message : String(error)}`;
  // One line, whatever the message holds, and no control or bidi character of a path or value in it.
  process.stderr.write(`${escapeUnsafe(line.replace(/\s*\n\s*/g, ' '))}\n`);
  if (debugging(argv, process.env) && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

function stdoutFailure(error: NodeJS.ErrnoException): CliError {
  const code = error.code ?? error.message;
  return new CliError(bilingual(`govspec：无法写入标准输出：${code}`, `govspec: cannot write to standard output: ${code}`));
}

/** Waits for standard output's queue to empty: a `drain`, or an error or close, after which nothing more queues. */
function stdoutDrained(): Promise<void> {
  const out = process.stdout;
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('error', done).on('close', done);
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const escaped = (error: unknown) => {
    failRun(error, argv);
    // The run's state is unknown after an uncaught exception: stop here rather than carry on.
    process.exit(2);
  };
  process.on('uncaughtException', escaped);
  process.on('unhandledRejection', escaped);
  // A reader that stops early (`govspec rules | head`) closes the pipe; that is not a failure of the run. Any other
  // failure of standard output (a full disk, `> /dev/full`) is.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') escaped(stdoutFailure(error));
  });
  const ctx: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    // An empty write completes after the writes before it, with their error if one failed.
    afterStdout: (then) => { process.stdout.write('', (error) => { if (!error) then(); }); },
    stdoutDrained,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin,
  };
  try {
    process.exitCode = await run(argv, ctx);
  } catch (error) {
    failRun(error, argv, ctx);
  }
}

// The same bundle is the body of the lint worker threads (lint/executor.ts).
if (isMainThread) void main();
else runWorker();

import { isMainThread } from 'node:worker_threads';
import type { CliContext } from './context';
import { runWorker } from './lint/worker';
import { CliError } from './cli-error';
import { explainCommand } from './commands/explain';
import { initCommand } from './commands/init';
import { mergeCommand } from './commands/merge';
import { reportCommand } from './commands/report';
import { lintCommand } from './commands/lint';
import { rulesCommand } from './commands/rules';
import { HELP } from './help';
import { localeOfCwd } from './commands/locale-of-cwd';
import { TOOL_VERSION } from './version';

type Command = (args: readonly string[], ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = { lint: lintCommand, merge: mergeCommand, report: reportCommand, rules: rulesCommand, explain: explainCommand, init: initCommand };

/** Runs one command line; returns the exit code (cli.md). */
async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    ctx.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    ctx.stdout(HELP);
    return 0;
  }
  const command = first === undefined ? undefined : COMMANDS[first];
  if (!command) {
    throw new CliError(first === undefined
      ? { 'zh-CN': 'govspec：缺少命令（lint、merge、report、rules、explain、init）；用 govspec --help 查看用法', en: 'govspec: no command given (lint, merge, report, rules, explain, init); see govspec --help' }
      : { 'zh-CN': `govspec：未知的命令“${first}”；用 govspec --help 查看用法`, en: `govspec: unknown command "${first}"; see govspec --help` });
  }
  return command(rest, ctx);
}

/** The language of a failure line: `--locale` when it was given well-formed, else as every command chooses (semantics.md §7). */
function errorLocale(argv: readonly string[], ctx: CliContext) {
  const at = argv.indexOf('--locale');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  return localeOfCwd(flag === 'zh-CN' || flag === 'en' ? flag : undefined, ctx);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Exit code 2 with one line on standard error for every failure; the stack only with GOVSPEC_DEBUG=1 (cli.md). */
async function main(): Promise<void> {
  // A reader that stops early (`govspec rules | head`) closes the pipe; that is not a failure of the run.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const argv = process.argv.slice(2);
  const ctx: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin,
  };
  try {
    process.exitCode = await run(argv, ctx);
  } catch (error) {
    const locale = errorLocale(argv, ctx);
    if (error instanceof CliError) process.stderr.write(`${error.text[locale]}\n`);
    else process.stderr.write(`govspec: ${locale === 'zh-CN' ? '内部错误' : 'internal error'}: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.GOVSPEC_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}

// The same bundle is the body of the lint worker threads (lint/executor.ts).
if (isMainThread) void main();
else runWorker();

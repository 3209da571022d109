import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { CliError, bilingual } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` in strict mode, its complaints turned into the one-line usage error of exit code 2. */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // util.parseArgs explains some mistakes over several lines; cli.md promises one.
    const why = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    throw new CliError(bilingual(`govspec ${command}：参数错误：${why}（用 govspec --help 查看用法）`, `govspec ${command}: ${why} (see govspec --help)`));
  }
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  /** Shows the stack of a failure of the run (main.ts reads it before the command does); nothing else. */
  debug: { type: 'boolean' },
} as const satisfies Options;

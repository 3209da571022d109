import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { nearestName } from '../engine';
import { CliError, bilingual } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `util.parseArgs` in strict mode returns for these options. */
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/**
 * The command line of one command. `util.parseArgs` reads it loosely (so that `--max-warnings -1` takes `-1` as
 * its value, as ESLint does) and every mistake is then checked here, each with one line of our own and, for a
 * mistyped option, a did-you-mean: the parser's English never reaches the user (cli.md).
 */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O): Parsed<O> {
  const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name] as Options[string] | undefined;
    const written = token.rawName;
    if (!option) throw unknownOption(command, written, options);
    // `--format --quiet`: the next flag is not the value the user forgot (a negative number such as `-1` may be).
    const tookFlag = !token.inlineValue && token.value !== undefined && /^-(?!\d)/.test(token.value);
    if (option.type === 'string' && (token.value === undefined || tookFlag)) {
      throw usageError(command, `${written} 需要一个值`, `${written} needs a value`);
    }
    if (option.type === 'boolean' && token.value !== undefined) {
      throw usageError(command, `${written} 不接受值（“${token.value}”）`, `${written} takes no value ("${token.value}")`);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals } as Parsed<O>;
}

/** The flags a command accepts, as they are written (`--format`, `-f`). */
export function flagNames(options: Options): string[] {
  return Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
}

function unknownOption(command: string, written: string, options: Options): CliError {
  const longNames = Object.keys(options);
  const near = nearestName(written.replace(/^-+/, '').split('=')[0], longNames);
  const guess = near === undefined ? undefined : `--${near}`;
  return usageError(command,
    `未知的选项 ${written}${guess ? `；是否指 ${guess}？` : ''}`,
    `unknown option ${written}${guess ? `; did you mean ${guess}?` : ''}`);
}

/** The one-line usage error of exit code 2, pointing at the command's help. */
export function usageError(command: string, zh: string, en: string): CliError {
  return new CliError(bilingual(`govspec ${command}：${zh}（用 govspec ${command} --help 查看用法）`, `govspec ${command}: ${en} (see govspec ${command} --help)`));
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  /** Shows the stack of a failure of the run (main.ts reads it before the command does); nothing else. */
  debug: { type: 'boolean' },
} as const satisfies Options;

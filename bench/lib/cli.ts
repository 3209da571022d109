/** Our CLI as a child process: is it built, and which `lint` flags does it have yet. */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_DIR } from './corpus';
import { Unmeasurable } from './figure';

/** Whose CLI is measured: this checkout's, or (GOVSPEC_BENCH_CLI_ROOT) another built checkout's, for before/after runs. */
export const CLI_ROOT = process.env.GOVSPEC_BENCH_CLI_ROOT ?? REPO_DIR;
export const CLI_BIN = path.join(CLI_ROOT, 'bin', 'govspec.js');
export const CLI_BUNDLE = path.join(CLI_ROOT, 'dist', 'cli.js');

export interface CliSupport {
  /** Why the CLI cannot be run at all, if so. */
  missing?: string;
  help: string;
  json: boolean;
  today: boolean;
  output: boolean;
  concurrency: boolean;
  cache: boolean;
  cacheLocation: boolean;
  noProgress: boolean;
  config: boolean;
}

export function hasFlag(help: string, flag: string): boolean {
  return new RegExp(`(^|[\\s,])${flag.replace(/-/g, '\\-')}(?![\\w-])`, 'm').test(help);
}

export function detectCli(): CliSupport {
  const none = { help: '', json: false, today: false, output: false, concurrency: false, cache: false, cacheLocation: false, noProgress: false, config: false };
  if (!existsSync(CLI_BUNDLE)) return { ...none, missing: 'dist/cli.js is not built (npm run build; the CLI entry server/src/cli/main.ts may not exist yet)' };
  let help = '';
  try {
    help = execFileSync(process.execPath, [CLI_BIN, 'lint', '--help'], { cwd: REPO_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string };
    help = `${out.stdout ?? ''}\n${out.stderr ?? ''}`;
    if (!/--format|-f/.test(help)) return { ...none, missing: `govspec lint --help failed: ${help.trim().split('\n')[0] ?? ''}` };
  }
  return {
    help,
    json: hasFlag(help, '--format') || hasFlag(help, '-f'),
    today: hasFlag(help, '--today'),
    output: hasFlag(help, '--output-file') || hasFlag(help, '-o'),
    concurrency: hasFlag(help, '--concurrency'),
    cache: hasFlag(help, '--cache'),
    cacheLocation: hasFlag(help, '--cache-location'),
    noProgress: hasFlag(help, '--no-progress'),
    config: hasFlag(help, '--config'),
  };
}

/** Throws `Unmeasurable` unless the CLI runs and has the flags named. */
export function requireCli(support: CliSupport, ...flags: Array<keyof Omit<CliSupport, 'missing' | 'help'>>): void {
  if (support.missing !== undefined) throw new Unmeasurable(support.missing);
  for (const flag of flags) {
    if (!support[flag]) throw new Unmeasurable(`govspec lint --help does not list the ${flag} option yet`);
  }
}

/** Arguments of a JSON lint of `target` written to `outFile`. */
export function lintArgs(support: CliSupport, target: string, outFile: string, extra: readonly string[] = []): string[] {
  const quiet = support.noProgress ? ['--no-progress'] : [];
  return [CLI_BIN, 'lint', target, '-f', 'json', '--today', '2026-06-01', '-o', outFile, ...quiet, ...extra];
}

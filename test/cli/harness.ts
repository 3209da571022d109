/** Runs the built CLI (`node bin/govspec.js`) in temporary workspaces, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'govspec.js');

/** The suites run after `npm run build`; building here too lets `mocha test/cli` run on its own. */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function govspec(cwd: string, args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', ...options.env };
  // The suites choose the language themselves; the caller's own settings must not leak in.
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'GOVSPEC_DEBUG', 'NO_COLOR', 'FORCE_COLOR']) if (!options.env || !(name in options.env)) delete env[name];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: options.input ?? '', env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The json report of a run, parsed. */
export interface JsonResult { file: string; ruleId: string; severity: string; line: number; column: number; message: string; fixable: boolean }
export interface JsonReport { results: JsonResult[]; summary: { files: number; documents: number; errors: number; warnings: number; infos: number } }

export function jsonOf(result: CliResult): JsonReport {
  return JSON.parse(result.stdout) as JsonReport;
}

/** A temporary folder with the given files; removed by `cleanup`. */
export class Workspace {
  readonly root = mkdtempSync(join(tmpdir(), 'govspec-cli-'));

  write(files: Record<string, string | Buffer>): this {
    for (const [name, content] of Object.entries(files)) {
      const path = join(this.root, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    return this;
  }

  read(name: string): string {
    return readFileSync(join(this.root, name), 'utf8');
  }

  path(name: string): string {
    return join(this.root, name);
  }

  run(args: string[], options?: { input?: string | Buffer; env?: NodeJS.ProcessEnv }): CliResult {
    return govspec(this.root, args, options);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A day on which the template agreement is in force, so that runs do not depend on the date. */
export const TODAY = '2026-01-01';

/** A workspace holding what `govspec init` writes: valid documents of every kind and a config. */
export function initialised(): Workspace {
  const ws = new Workspace();
  const r = ws.run(['init']);
  if (r.status !== 0) throw new Error(`govspec init failed: ${r.stderr}`);
  return ws;
}

/** Replaces the first `from` in a file by `to` (e.g. the service's `type: "01"` written unquoted); returns the new text. */
export function edit(ws: Workspace, name: string, from: string, to: string): string {
  const text = ws.read(name);
  if (!text.includes(from)) throw new Error(`${name} has no ${from}`);
  const next = text.replace(from, to);
  ws.write({ [name]: next });
  return next;
}

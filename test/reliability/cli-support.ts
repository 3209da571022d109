import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './support';
import { seeded } from '../../bench/generate/prng';

/** The seeded generator the suites share: the same seed gives the same kill moments and deletions on every run. */
export { seeded };

/** Helpers for the reliability tests that run the built CLI as a separate process (kills, races, resource limits). */

export const BIN = join(REPO, 'bin', 'govspec.js');


export interface Finished { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** A running CLI process and the promise of its end, with everything it printed. */
export interface Running { child: ChildProcess; done: Promise<Finished>; exited(): boolean }

export function start(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', ...env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'GOVSPEC_DEBUG', 'NO_COLOR']) if (!(name in env)) delete fullEnv[name];
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let over = false;
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => { over = true; resolve({ code, signal, stdout, stderr }); });
  });
  return { child, done, exited: () => over || child.exitCode !== null || child.signalCode !== null };
}

export const tick = (ms = 1) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds or the process has ended; true when the condition held. No time limit of its own. */
export async function until(running: Running, condition: () => boolean): Promise<boolean> {
  for (;;) {
    if (condition()) return true;
    if (running.exited()) return condition();
    await tick();
  }
}

/** The one line a run that failed as a run prints on standard error, after checking it is one and holds no stack frame. */
export function oneStderrLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, stderr);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  return lines[0];
}

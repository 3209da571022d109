/**
 * Runs a child process and measures its wall time and peak RSS.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the child's maxrss in KiB, worker threads included) when
 * it is installed; otherwise /proc/<pid>/status VmHWM is polled every 10 ms (may miss a final short peak).
 * CPU seconds (user + system, worker threads included) come from GNU time too, else they are null.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const GNU_TIME = '/usr/bin/time';

export const RSS_METHOD = existsSync(GNU_TIME) ? 'GNU time -f %M (maxrss of the child)' : 'polled /proc/<pid>/status VmHWM every 10 ms';

export interface ChildRun {
  code: number | null;
  wall_s: number;
  peak_rss_mb: number | null;
  cpu_s: number | null;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function readHwmKiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function runChild(command: string, args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), 'govspec-bench-'));
  const timeFile = path.join(scratch, 'maxrss');
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledKiB: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { if (stdout.length < 4_000_000) stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { if (stderr.length < 1_000_000) stderr += chunk; });
    const poll = useTime ? undefined : setInterval(() => {
      const kib = child.pid === undefined ? null : readHwmKiB(child.pid);
      if (kib !== null) polledKiB = Math.max(polledKiB ?? 0, kib);
    }, 10);
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code) => {
      const wall_s = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      let kib = polledKiB;
      let cpu_s: number | null = null;
      if (useTime) {
        const text = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '' : '';
        const fields = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(text);
        kib = fields ? Number(fields[1]) : null;
        cpu_s = fields ? Number(fields[2]) + Number(fields[3]) : null;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, wall_s, peak_rss_mb: kib === null ? null : kib / 1024, cpu_s, stdout, stderr });
    });
  });
}

/** The machine and commit a report describes. */

import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { RSS_METHOD } from './child';
import { REPO_DIR } from './corpus';
import type { Machine } from './report';

export function machine(): Machine {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.platform()} ${os.release()}`,
    rssMethod: RSS_METHOD,
  };
}

export function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

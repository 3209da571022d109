import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TODAY, Workspace, edit, ensureBuilt, initialised } from '../cli/harness';
import type { CliResult } from '../cli/harness';
import { oneStderrLine } from './cli-support';

/**
 * Issue 21 point 8: faults of the `--cache` folder's own I/O. An entry replaced by a FIFO (which hung the run) or by a
 * folder (exit 2, EISDIR), a cache folder that cannot be made or written (a regular file in its place or on its path,
 * a folder under /proc, where a recursive mkdir looped for ever): each is a miss plus one warning line, and the lint
 * completes with the report of a run without the cache.
 */

function warningOnly(r: CliResult): string {
  const line = oneStderrLine(r.stderr);
  assert.match(line, /^govspec lint: warning: the cache could not be used, the files concerned were linted afresh: /);
  return line;
}

describe('reliability: cache faults are misses with one warning', function () {
  this.timeout(120_000);
  let ws: Workspace;
  let cold: CliResult;
  before(ensureBuilt);
  beforeEach(() => {
    ws = initialised();
    edit(ws, 'example.service.yaml', 'type: "01"', 'type: 01');
    cold = lint();
  });
  afterEach(() => ws.cleanup());

  // `--locale en`: init writes `locale: zh-CN`, and the warning is matched in English.
  function lint(...extra: string[]): CliResult {
    return ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-progress', '--locale', 'en', ...extra]);
  }

  const sameAsCold = (r: CliResult) => {
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, cold.stdout);
  };

  for (const replacement of ['a FIFO', 'a folder'] as const) {
    it(`every entry replaced by ${replacement}, one thread and two`, () => {
      const warm = lint('--cache');
      assert.equal(warm.stderr, '');
      const folder = ws.path('.govspec-cache');
      const entries = readdirSync(folder);
      // One entry per file's findings and the one pack that keeps all facts.
      assert.ok(entries.some((e) => e.endsWith('.json')) && entries.includes('index.pack'), entries.join(', '));
      for (const extra of [[], ['--concurrency', '2']]) {
        // Made again before each run: a run writes its entries anew, and a rename replaces a FIFO (not a folder).
        for (const entry of entries) {
          rmSync(join(folder, entry), { recursive: true });
          if (replacement === 'a FIFO') assert.equal(spawnSync('mkfifo', [join(folder, entry)]).status, 0);
          else mkdirSync(join(folder, entry));
        }
        const r = lint('--cache', ...extra);
        sameAsCold(r);
        assert.match(warningOnly(r), replacement === 'a FIFO' ? /not a regular file \(a FIFO\)/ : /not a regular file \(a folder\)/);
      }
    });
  }

  it('a cache folder that cannot be made: a regular file in its place or on its path, a folder under /proc', () => {
    writeFileSync(ws.path('afile'), 'x');
    for (const location of ['afile', 'afile/cache', '/proc/x/cache']) {
      const r = lint('--cache-location', location);
      sameAsCold(r);
      warningOnly(r);
    }
  });
});

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { TODAY, Workspace, ensureBuilt, initialised } from '../cli/harness';

/**
 * Issue 7: a CLI worker thread that dies (`--concurrency 2`). No test seam is needed: the worker is made to die of a
 * real resource limit. `NODE_OPTIONS=--max-old-space-size=128` bounds every V8 heap of the process; a 40 MB document
 * (under the 64 MiB bound, so it is parsed) needs more than that in the worker that reads it, which Node terminates
 * (ERR_WORKER_OUT_OF_MEMORY), while the main thread, which only walks and collects, stays within it. The run then
 * fails as a run (executor.ts): one line on standard error, exit 2, and no report file, as its files went unlinted.
 */

const LIMIT = { NODE_OPTIONS: '--max-old-space-size=128' };

describe('reliability: a crashed CLI worker thread', function () {
  this.timeout(300_000);
  let ws: Workspace;

  before(function () {
    ensureBuilt();
  });
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws?.cleanup());

  // In English: govspec init writes `locale: zh-CN`, and failure lines speak the config's language (issue 17).
  const run = () => ws.run(['lint', '--concurrency', '2', '--today', TODAY, '-f', 'json', '--no-progress', '-o', 'out/report.json', '--locale', 'en'], { env: LIMIT });

  it('the same limit alone does not fail a run of ordinary files (control)', () => {
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(ws.path('out/report.json')));
  });

  it('a worker out of memory: one line on standard error, exit 2, no report file', () => {
    const line = '  - {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n';
    writeFileSync(ws.path('huge.catalog.yaml'), `apiVersion: govspec/v1\nkind: Catalog\nname: huge\nx-rows:\n${line.repeat(Math.floor(40e6 / line.length))}`);
    const r = run();
    assert.equal(r.status, 2, `exit ${r.status}: ${r.stderr}`);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^govspec lint: a worker thread failed: .*memory/);
    assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
    assert.equal(r.stdout, '');
    assert.equal(existsSync(ws.path('out/report.json')), false, 'no report is written');
    assert.ok(!existsSync(ws.path('out')) || readdirSync(ws.path('out')).length === 0, 'nor any part of one');
  });
});

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TODAY, Workspace, ensureBuilt, initialised } from '../cli/harness';
import { BIN, oneStderrLine } from './cli-support';

/**
 * Issue 15 point 2: every failure of the run itself exits 2 with one line on standard error, never 1 (which CI reads
 * as "findings") and never a stack trace unless `--debug` is given. The faults are real ones, brought in from outside
 * the product: a bin without its bundle, a module preloaded through NODE_OPTIONS that throws or ends a worker thread,
 * standard output on a full device. (A worker out of memory: `worker-crash.test.ts`; report writes that fail:
 * `output-targets.test.ts`.)
 */


describe('reliability: failures of the run exit 2 with one line', function () {
  this.timeout(120_000);
  let ws: Workspace;
  let scratch: string;

  before(ensureBuilt);
  beforeEach(() => {
    ws = initialised();
    scratch = mkdtempSync(join(tmpdir(), 'govspec-fail-'));
  });
  afterEach(() => {
    ws.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A module that NODE_OPTIONS preloads into every thread of the run. */
  const preload = (code: string) => {
    const file = join(scratch, 'preload.js');
    writeFileSync(file, code);
    return { NODE_OPTIONS: `--require ${file}` };
  };

  it('a bin whose bundle is missing (an install from git without a build)', () => {
    mkdirSync(join(scratch, 'bin'));
    copyFileSync(BIN, join(scratch, 'bin', 'govspec.js'));
    const r = spawnSync(process.execPath, [join(scratch, 'bin', 'govspec.js'), 'lint'], { cwd: ws.root, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(oneStderrLine(r.stderr), /^govspec: the CLI is not built: .*dist.cli\.js is missing/);
  });

  it('an uncaught exception: one line; its stack only with --debug', () => {
    const env = preload('setImmediate(() => { throw new Error("thrown outside any command"); });');
    const plain = ws.run(['lint', '--today', TODAY], { env });
    assert.equal(plain.status, 2, plain.stderr);
    assert.equal(oneStderrLine(plain.stderr), 'govspec: internal error: thrown outside any command');
    const debug = ws.run(['lint', '--today', TODAY, '--debug'], { env });
    assert.equal(debug.status, 2, debug.stderr);
    // --debug also prints its `govspec debug: …` lines (config per file, phase timings) before the failure; then the
    // failure line and, only now, its stack.
    assert.match(debug.stderr, /^(govspec debug: [^\n]*\n)*govspec: internal error: thrown outside any command\nError: thrown outside any command\n\s+at /);
  });

  it('a rejected promise nobody awaits', () => {
    // `rules --help`: a command that has finished, with nothing of its own on standard error (`rules` prints its
    // confidence legend there), when the rejection comes.
    const r = ws.run(['rules', '--help'], { env: preload('setImmediate(() => { Promise.reject(new Error("nobody awaits this")); });') });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(oneStderrLine(r.stderr), 'govspec: internal error: nobody awaits this');
  });

  it('a worker thread that exits', () => {
    // `--locale en` here and below: init writes `locale: zh-CN`, and failure lines speak the config's language.
    const r = ws.run(['lint', '--concurrency', '2', '--today', TODAY, '--no-progress', '--locale', 'en'], {
      env: preload('if (!require("node:worker_threads").isMainThread) process.exit(7);'),
    });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(oneStderrLine(r.stderr), 'govspec lint: a worker thread failed: exit code 7');
  });

  it('a worker thread that throws', () => {
    const r = ws.run(['lint', '--concurrency', '2', '--today', TODAY, '--no-progress', '--locale', 'en'], {
      env: preload('if (!require("node:worker_threads").isMainThread) setImmediate(() => { throw new Error("worker fault"); });'),
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(oneStderrLine(r.stderr), /^govspec lint: a worker thread failed: .*worker fault/);
  });

  it('standard output that cannot be written (a full device)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      // LANG=C names no language; `--locale en` asks for the English line (the default and init's config say zh-CN).
      // The table cannot be written, so the run fails with its one line, and the legend `rules` prints after the table
      // is not printed.
      const r = spawnSync(process.execPath, [BIN, 'rules', '--locale', 'en'], { cwd: ws.root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(oneStderrLine(r.stderr), 'govspec: cannot write to standard output: ENOSPC');
    } finally {
      closeSync(full);
    }
  });
});

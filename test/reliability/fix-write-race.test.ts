/* eslint-disable @typescript-eslint/no-require-imports -- fs.openSync is replaced on the module object itself; namespace imports are frozen copies */
import { strict as assert } from 'node:assert';
import fs = require('node:fs'); // the module object itself, so openSync can be replaced
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCommand } from '../../server/src/cli/commands/lint';
import type { CliContext } from '../../server/src/cli/context';
import { replaceFileAtomic, writeFileAtomic } from '../../server/src/cli/files/atomic-write';
import { TODAY, Workspace, initialised } from '../cli/harness';

/**
 * Bug found by deleted-while-linting.test.ts: `--fix` wrote every fixed file back with `writeFileAtomic`, which creates
 * what is not there. A file deleted (or renamed) after it was read came back, fixed, beside its new name; a folder
 * deleted meanwhile made the whole run exit 2 ("cannot write the fixed file …: ENOENT"). Now `--fix` writes with
 * `replaceFileAtomic`: a file gone since it was read is no longer part of the run.
 */

function context(out: string[], err: string[], cwd: string): CliContext {
  return {
    cwd, env: { LANG: 'C' }, stdout: (t) => { out.push(t); }, stderr: (t) => { err.push(t); },
    stdoutIsTTY: false, stderrIsTTY: false, readStdin: async () => Buffer.alloc(0),
  };
}

/** Runs `fn` with `fs.openSync` calling `onTemp(target)` just before a temporary file of the atomic write is opened. */
async function whenWriting<T>(onTemp: (target: string) => void, fn: () => Promise<T>): Promise<T> {
  const original = fs.openSync;
  const patched = ((path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode | null) => {
    const m = typeof path === 'string' ? /^(.*)[\\/]\.([^\\/]+)\.\d+\.[0-9a-f]{8}\.tmp$/.exec(path) : null;
    if (m) onTemp(join(m[1], m[2]));
    return original(path, flags, mode);
  }) as typeof fs.openSync;
  fs.openSync = patched;
  try {
    return await fn();
  } finally {
    fs.openSync = original;
  }
}

describe('reliability: --fix and files that go while it writes', function () {
  let ws: Workspace;
  beforeEach(() => {
    ws = initialised();
    const service = ws.read('example.service.yaml').replace('type: "01"', 'type: 01');
    ws.write({
      'a/one.service.yaml': service.replace('511302000117004000001', '511302000117004990001'),
      'b/two.service.yaml': service.replace('511302000117004000001', '511302000117004990002'),
    });
  });
  afterEach(() => ws.cleanup());

  const fix = async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await lintCommand(['--fix', '--today', TODAY, '-f', 'json', '--no-progress', 'a', 'b'], context(out, err, ws.root));
    return { code, out: out.join(''), err: err.join('') };
  };

  it('does not bring back a file deleted after it was read', async () => {
    const r = await whenWriting((target) => { if (target.endsWith('one.service.yaml')) fs.rmSync(target, { force: true }); }, fix);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.equal(fs.existsSync(ws.path('a/one.service.yaml')), false, 'the deleted file stays deleted');
    assert.deepEqual(fs.readdirSync(ws.path('a')), [], 'no temporary file is left');
    assert.match(ws.read('b/two.service.yaml'), /^type: "01"$/m, 'the other file is fixed');
  });

  it('does not write the old name of a file renamed after it was read', async () => {
    const r = await whenWriting((target) => {
      if (target.endsWith('one.service.yaml') && fs.existsSync(target)) fs.renameSync(target, target.replace('one.', 'uno.'));
    }, fix);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.deepEqual(fs.readdirSync(ws.path('a')), ['uno.service.yaml']);
    assert.match(ws.read('a/uno.service.yaml'), /^type: 01$/m, 'the renamed file is as it was renamed');
  });

  it('does not fail the run when a fixed file\'s folder was deleted', async () => {
    const r = await whenWriting((target) => { if (target.endsWith('one.service.yaml')) fs.rmSync(ws.path('a'), { recursive: true, force: true }); }, fix);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.err}`);
    assert.equal(r.err, '');
    assert.equal(fs.existsSync(ws.path('a')), false);
    assert.match(ws.read('b/two.service.yaml'), /^type: "01"$/m);
    JSON.parse(r.out);
  });
});

describe('files/atomic-write: replaceFileAtomic', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(join(tmpdir(), 'govspec-atomic-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces an existing file and keeps its mode', () => {
    const file = join(dir, 'x.yaml');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    assert.equal(replaceFileAtomic(file, 'new'), true);
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['x.yaml']);
  });

  it('writes nothing for a missing file or folder, where writeFileAtomic creates the file', () => {
    assert.equal(replaceFileAtomic(join(dir, 'gone.yaml'), 'new'), false);
    assert.equal(replaceFileAtomic(join(dir, 'no-folder', 'gone.yaml'), 'new'), false);
    assert.deepEqual(fs.readdirSync(dir), []);
    writeFileAtomic(join(dir, 'made.json'), '{}');
    assert.deepEqual(fs.readdirSync(dir), ['made.json']);
  });
});

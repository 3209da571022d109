import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { TODAY, Workspace, ensureBuilt, initialised } from '../cli/harness';
import { BIN, start, oneStderrLine } from './cli-support';

/**
 * Issue 21 points 7, 8 (output part) and 17, issue 15 point 2 (a write that fails): `-o` writes through a symbolic link
 * to the regular file atomically, writes to a FIFO or a character device directly (never replacing the node with a
 * regular file, which as root would replace `/dev/null` itself), and any other path exits 2 with one line saying
 * what is wrong. Devices are made in the test's own folder (`mknod`, as root), never the system's.
 */

const isRoot = process.getuid?.() === 0;


describe('reliability: where -o writes', function () {
  this.timeout(60_000);
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  // `--locale en`: init writes `locale: zh-CN`, and the failure lines are matched in English.
  const lintTo = (output: string) => ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-progress', '--locale', 'en', '-o', output]);
  const isReport = (text: string) => (JSON.parse(text) as { summary: { files: number } }).summary.files === 4;

  it('a symbolic link to a regular file: the file gets the report, the link stays', () => {
    mkdirSync(ws.path('reports'));
    writeFileSync(ws.path('reports/real.json'), 'old');
    symlinkSync('reports/real.json', ws.path('r.json'));
    const r = lintTo('r.json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(lstatSync(ws.path('r.json')).isSymbolicLink(), true);
    assert.ok(isReport(readFileSync(ws.path('reports/real.json'), 'utf8')));
  });

  it('a FIFO: written directly, and still a FIFO', async () => {
    assert.equal(spawnSync('mkfifo', [ws.path('pipe')]).status, 0);
    const running = start(ws.root, ['lint', '--today', TODAY, '-f', 'json', '--no-progress', '-o', 'pipe']);
    let read = '';
    for await (const chunk of createReadStream(ws.path('pipe'), 'utf8')) read += chunk as string;
    const done = await running.done;
    assert.equal(done.code, 0, done.stderr);
    assert.ok(isReport(read));
    assert.equal(lstatSync(ws.path('pipe')).isFIFO(), true);
  });

  it('/proc/self/fd/1 and /dev/stdout, standard output a pipe or a socket: the report on standard output', () => {
    for (const output of ['/proc/self/fd/1', '/dev/stdout']) {
      // spawnSync gives the child a socket pair; the shell's `|` a pipe.
      const socket = lintTo(output);
      assert.equal(socket.status, 0, socket.stderr);
      assert.ok(isReport(socket.stdout), output);
      const piped = spawnSync('sh', ['-c', `"$0" "$1" lint --today ${TODAY} -f json --no-progress -o ${output} | cat`, process.execPath, BIN], { cwd: ws.root, encoding: 'utf8' });
      assert.equal(piped.status, 0, piped.stderr);
      assert.ok(isReport(piped.stdout), output);
    }
  });

  it('a character device (a null device of the test\'s own): written, still a device', function () {
    if (!isRoot) this.skip();
    assert.equal(spawnSync('mknod', ['-m', '666', ws.path('null'), 'c', '1', '3']).status, 0);
    const r = lintTo('null');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(lstatSync(ws.path('null')).isCharacterDevice(), true);
  });

  it('a write that fails (a full device of the test\'s own): one line, exit 2', function () {
    if (!isRoot) this.skip();
    assert.equal(spawnSync('mknod', ['-m', '666', ws.path('full'), 'c', '1', '7']).status, 0);
    const r = lintTo('full');
    assert.equal(r.status, 2, r.stderr);
    assert.match(oneStderrLine(r.stderr), /^cannot write the report to .*full: ENOSPC$/);
    assert.equal(lstatSync(ws.path('full')).isCharacterDevice(), true);
  });

  it('a path through a regular file (-o afile/r.json): "… is not a folder", exit 2', () => {
    writeFileSync(ws.path('afile'), 'x');
    for (const output of ['afile/r.json', 'afile/deeper/r.json']) {
      const r = lintTo(output);
      assert.equal(r.status, 2, r.stderr);
      assert.match(oneStderrLine(r.stderr), /cannot write the report to .*afile\/.*r\.json: .*afile is not a folder$/);
    }
    const html = ws.run(['report', '--today', TODAY, '--locale', 'en', '--html', 'afile/r.html']);
    assert.equal(html.status, 2, html.stderr);
    assert.match(oneStderrLine(html.stderr), /afile is not a folder$/);
  });

  it('a folder, a dangling link, a path under /proc: one line, exit 2, no hang', () => {
    mkdirSync(ws.path('folder'));
    symlinkSync('nowhere.json', ws.path('dangling.json'));
    const expected: Record<string, RegExp> = {
      folder: /folder is a folder$/,
      'dangling.json': /dangling\.json is a symbolic link to nothing$/,
      '/proc/x/r.json': /cannot write the report to \/proc\/x\/r\.json: E[A-Z]+$/,
    };
    for (const [output, line] of Object.entries(expected)) {
      const r = lintTo(output);
      assert.equal(r.status, 2, `${output}: ${r.stderr}`);
      assert.match(oneStderrLine(r.stderr), line);
    }
  });

  it('missing folders are still made', () => {
    const r = lintTo('out/deep/r.json');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(isReport(ws.read('out/deep/r.json')));
  });
});

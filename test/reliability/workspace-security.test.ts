import { strict as assert } from 'node:assert';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TODAY, Workspace, ensureBuilt, initialised, jsonOf } from '../cli/harness';

/**
 * Issue 7, security, through the built CLI: nothing from a workspace is executed (file names are names, a config
 * names data, never code), and a run writes nothing outside the files it lints. `extends` paths are relative to the
 * config and may leave its folder (docs/semantics.md: a shared config above several workspaces is allowed); what they
 * name is read as YAML data only.
 */

/** Names a shell would act on; GovSpec never hands a name to a shell or a process. */
const HOSTILE_NAMES = [
  '$(touch MARKER1).service.yaml',
  '`touch MARKER2`.service.yaml',
  'a;touch MARKER3;b.service.yaml',
  'x && touch MARKER4 |.service.yaml',
  'line\nbreak.service.yaml',
  '-rf --fix.service.yaml',
  "quote'\"<>*?.service.yaml",
];

describe('reliability: nothing from a workspace is executed, nothing outside it is written', function () {
  this.timeout(120_000);
  let ws: Workspace;
  let outside: string;
  before(ensureBuilt);
  beforeEach(() => {
    ws = initialised();
    outside = mkdtempSync(join(tmpdir(), 'govspec-outside-'));
  });
  afterEach(() => {
    ws.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  const markers = () => readdirSync(ws.root).filter((n) => n.startsWith('MARKER')).concat(readdirSync(outside).filter((n) => n.startsWith('MARKER')));

  it('file names with shell metacharacters, $(…), backquotes and newlines are linted and fixed as names only', () => {
    const service = ws.read('example.service.yaml');
    HOSTILE_NAMES.forEach((name, i) => ws.write({ [name]: service.replace('type: "01"', 'type: 01').replace('511302000117004000001', `51130200011700499000${i}`) }));
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const files = new Set(jsonOf(r).results.filter((f) => f.ruleId === 'schema/type').map((f) => f.file));
    assert.deepEqual([...files].sort(), [...HOSTILE_NAMES].sort());
    // The github format keeps one workflow command per line, whatever the name holds.
    const github = ws.run(['lint', '--today', TODAY, '-f', 'github']);
    for (const line of github.stdout.split('\n').filter((l) => l !== '')) assert.match(line, /^::(error|warning|notice) file=/, line);
    const fixed = ws.run(['lint', '--fix', '--today', TODAY, '-f', 'json']);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    for (const name of HOSTILE_NAMES) assert.match(ws.read(name), /^type: "01"$/m, name);
    assert.deepEqual(markers(), [], 'no name was run as a command');
  });

  it('extends: ./evil.js is meta/config (exit 2), never required', () => {
    writeFileSync(ws.path('evil.js'), `require('fs').writeFileSync(${JSON.stringify(ws.path('MARKER-evil'))}, 'ran');\nmodule.exports = { rules: {} };\n`);
    writeFileSync(ws.path('evil.cjs'), `require('fs').writeFileSync(${JSON.stringify(ws.path('MARKER-cjs'))}, 'ran');\n`);
    writeFileSync(ws.path('evil.json'), '{"extends": "./evil.js"}');
    for (const target of ['./evil.js', './evil.cjs', './evil.json', 'evil']) {
      ws.write({ 'govspec.config.yaml': ws.read('govspec.config.yaml').replace(/^extends: .*$/m, `extends: ${target}`) });
      const r = ws.run(['lint', '--today', TODAY]);
      assert.equal(r.status, 2, `${target}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^\S+:\d+:\d+ meta\/config /, `${target}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    assert.deepEqual(markers(), [], 'no config file was executed');
  });

  it('extends: ../../…/etc/passwd is read as YAML data: meta/config, exit 2, nothing of it executed or written', () => {
    const depth = ws.root.split('/').length;
    const passwd = `${'../'.repeat(depth)}etc/passwd`;
    const before = existsSync('/etc/passwd') ? readFileSync('/etc/passwd') : undefined;
    ws.write({ 'govspec.config.yaml': ws.read('govspec.config.yaml').replace(/^extends: .*$/m, `extends: ${passwd}`) });
    const r = ws.run(['lint', '--fix', '--today', TODAY]);
    if (before) {
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /etc\/passwd:\d+:\d+ meta\/config /);
      assert.deepEqual(readFileSync('/etc/passwd'), before);
    } else {
      assert.equal(r.status, 2, r.stderr);
    }
  });

  it('a config outside the workspace may be extended (config) but --fix writes only linted files, ignore and related stay inside', () => {
    // A shared config above the workspace, with ignore globs reaching out of its folder.
    writeFileSync(join(outside, 'shared.yaml'), "extends: recommended\nignore: ['../**', '/etc/**', '**/drafts/**']\n");
    const outsideDoc = join(outside, 'outside.service.yaml');
    const service = ws.read('example.service.yaml');
    const outsideText = service.replace('type: "01"', 'type: 01').replace('511302000117004000001', '511302000117004990099');
    writeFileSync(outsideDoc, outsideText);
    mkdirSync(ws.path('linked'));
    // A symbolic link inside the workspace to a fixable document outside it.
    symlinkSync(outsideDoc, ws.path('linked/outside.service.yaml'));
    ws.write({
      'govspec.config.yaml': ws.read('govspec.config.yaml').replace(/^extends: .*$/m, `extends: ${join(outside, 'shared.yaml')}`),
      'copy.service.yaml': service.replace('type: "01"', 'type: 01'),
    });
    // `--locale en`: init writes `locale: zh-CN`, and the finding's message is compared in English.
    const r = ws.run(['lint', '--fix', '--today', TODAY, '-f', 'json', '--locale', 'en']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(readFileSync(outsideDoc, 'utf8'), outsideText, 'the file outside the workspace is not written');
    assert.deepEqual(readdirSync(outside).sort(), ['outside.service.yaml', 'shared.yaml'], 'nothing is created outside');
    assert.match(ws.read('copy.service.yaml'), /^type: "01"$/m, 'the linted file inside is fixed');
    // Issue 21 point 4: a symbolic link is followed only to a file inside the workspace. The linked document outside
    // is not read (one finding says so), so it is neither fixed nor replaced: the link stays a link.
    assert.equal(lstatSync(ws.path('linked/outside.service.yaml')).isSymbolicLink(), true);
    const linked = (JSON.parse(r.stdout) as { results: { file: string; message: string }[] }).results.filter((f) => f.file === 'linked/outside.service.yaml');
    assert.deepEqual(linked.map((f) => f.message), ['The file cannot be read: a symbolic link to a file outside the workspace']);
    const report = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    const full = JSON.parse(report.stdout) as { results: { file: string; related: { file: string }[] }[] };
    for (const f of full.results) {
      assert.ok(!f.file.startsWith('..') && !f.file.startsWith('/'), `a finding outside the workspace: ${f.file}`);
      for (const rel of f.related) assert.ok(!rel.file.startsWith('..') && !rel.file.startsWith('/'), `a related location outside: ${rel.file}`);
    }
    assert.ok(full.results.some((f) => f.related.length > 0), 'the duplicate codes relate the two copies (related locations were checked)');
    assert.deepEqual(markers(), []);
  });
});

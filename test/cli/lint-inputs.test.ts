import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync } from 'node:fs';
import { TODAY, Workspace, ensureBuilt, initialised, jsonOf } from './harness';
import type { JsonResult } from './harness';

const at = (f: JsonResult) => [f.file, f.ruleId, f.line, f.column];

describe('govspec lint: what it reads', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  const lintJson = (...paths: string[]) => jsonOf(ws.run(['lint', '--today', TODAY, '-f', 'json', ...paths])).results;

  it('reports binary, NUL and invalid UTF-8 files as yaml/syntax at 1:1, and lints the others', () => {
    ws.write({
      'nul.service.yaml': 'apiVersion: govspec/v1\u0000\nkind: Service\n',
      'binary.agency.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]),
      'latin1.catalog.yaml': Buffer.from('apiVersion: govspec/v1\nkind: Catalog\nname: caf\xe9\n', 'latin1'),
    });
    const results = lintJson();
    assert.deepEqual(results.map(at), [
      ['binary.agency.yaml', 'yaml/syntax', 1, 1],
      ['latin1.catalog.yaml', 'yaml/syntax', 1, 1],
      ['nul.service.yaml', 'yaml/syntax', 1, 1],
    ]);
    assert.match(results[1].message, /UTF-8/);
  });

  it('reports a file over 64 MiB as yaml/unsafe at 1:1 without reading it', () => {
    const fd = openSync(ws.path('huge.service.yaml'), 'w');
    ftruncateSync(fd, 64 * 1024 * 1024 + 1);
    closeSync(fd);
    assert.deepEqual(lintJson().map(at), [['huge.service.yaml', 'yaml/unsafe', 1, 1]]);
  });

  it('decodes UTF-8 with BOM and UTF-16 LE/BE with BOM, and counts CRLF as one line break: same positions as plain UTF-8', () => {
    const text = ws.read('example.service.yaml').replace('type: "01"', 'type: 01');
    ws.cleanup();
    ws = new Workspace().write({
      'plain/a.service.yaml': text,
      'bom/a.service.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'le/a.service.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'be/a.service.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      'crlf/a.service.yaml': text.replace(/\n/g, '\r\n'),
    });
    const results = lintJson().filter((f) => f.ruleId === 'schema/type');
    assert.deepEqual(results.map(at), ['be', 'bom', 'crlf', 'le', 'plain'].map((dir) => [`${dir}/a.service.yaml`, 'schema/type', 7, 7]));
  });

  it('neither lints nor indexes ignored files, dot files included', () => {
    const broken = 'apiVersion: govspec/v1\nkind: Service\n  bad: [\n';
    ws.write({ 'drafts/x.service.yaml': broken, 'drafts/.hidden/y.service.yaml': broken, 'node_modules/z.service.yaml': broken, '.git/w.service.yaml': broken });
    assert.deepEqual(lintJson(), []);
    // Indexed, this copy of the template service would make its implementationCode a duplicate.
    ws.write({ 'drafts/copy.service.yaml': ws.read('example.service.yaml') });
    assert.deepEqual(lintJson('example.service.yaml'), []);
  });

  it('indexes the whole workspace but reports only the given paths', () => {
    ws.write({ 'sub/copy.service.yaml': ws.read('example.service.yaml') });
    const results = lintJson('sub');
    assert.ok(results.length > 0);
    assert.deepEqual([...new Set(results.map((f) => `${f.file} ${f.ruleId}`))], ['sub/copy.service.yaml service/duplicate-code']);
  });

  it('passes over YAML that is not GovSpec, even when it is broken', () => {
    ws.write({ 'other.yaml': 'key: [unclosed\n', 'docker-compose.yml': 'services:\n  web: { image: nginx\n' });
    // Nothing GovSpec to lint at all is exit 2 (docs/semantics.md) unless the caller says it is expected.
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-error-on-unmatched-pattern', 'other.yaml', 'docker-compose.yml']);
    assert.equal(r.status, 0);
    assert.deepEqual(jsonOf(r).summary.files, 0);
  });

  it('reports a file named like GovSpec that does not parse as yaml/syntax', () => {
    ws.write({ 'broken.service.yaml': 'apiVersion: govspec/v1\nkind: Service\nname: [unclosed\n' });
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json', 'broken.service.yaml']);
    assert.equal(r.status, 1);
    assert.deepEqual([...new Set(jsonOf(r).results.map((f) => f.ruleId))], ['yaml/syntax']);
  });

  it('survives a symbolic link loop and lints a linked file once', () => {
    mkdirSync(ws.path('loop'));
    symlinkSync(ws.root, ws.path('loop/back'), 'dir');
    symlinkSync(ws.path('example.service.yaml'), ws.path('linked.service.yaml'));
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(jsonOf(r).summary.files, 4);
  });

  it('reports an unreadable file as a finding, not a crash', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any file
    ws.write({ 'locked.service.yaml': 'apiVersion: govspec/v1\n' });
    chmodSync(ws.path('locked.service.yaml'), 0o000);
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(r.status, 1);
    assert.deepEqual(jsonOf(r).results.map(at), [['locked.service.yaml', 'yaml/syntax', 1, 1]]);
  });
});

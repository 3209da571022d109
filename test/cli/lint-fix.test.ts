import { strict as assert } from 'node:assert';
import { readFileSync, statSync, chmodSync } from 'node:fs';
import { TODAY, Workspace, edit, ensureBuilt, initialised, jsonOf } from './harness';

/** Three safely fixable defects in one file, amid comments and quoting the fix must not touch. */
function withDefects(ws: Workspace): string {
  edit(ws, 'example.service.yaml', 'type: "01"', 'type: 01   # 事项类型 -- keep this comment');
  edit(ws, 'example.service.yaml', 'originals: 0', 'originals: 1');
  return edit(ws, 'example.service.yaml', 'fee:', "# govspec-disable-next-line service/fee-basis -- 示例\nfee:");
}

describe('govspec lint --fix and --fix-dry-run', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  const lint = (...args: string[]) => ws.run(['lint', '--today', TODAY, ...args]);

  it('applies the safe fixes, changes nothing else, and a second run finds nothing to fix', () => {
    const before = withDefects(ws);
    chmodSync(ws.path('example.service.yaml'), 0o640);
    const r = lint('--fix', '-f', 'json');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(jsonOf(r).results, [], 'only what remains after fixing is reported');
    const after = ws.read('example.service.yaml');
    const expected = before
      .replace('type: 01   # 事项类型', 'type: "01"   # 事项类型')
      .replace('originals: 1\n    copies: 0\n    required: true\n    source: sharing', 'originals: 0\n    copies: 0\n    required: true\n    source: sharing')
      .replace('# govspec-disable-next-line service/fee-basis -- 示例\n', '');
    assert.equal(after, expected);
    assert.equal(statSync(ws.path('example.service.yaml')).mode & 0o777, 0o640, 'the file keeps its mode');
    const again = lint('--fix');
    assert.equal(again.status, 0);
    assert.equal(ws.read('example.service.yaml'), after);
  });

  it('keeps CRLF line breaks and the BOM of a fixed file', () => {
    const text = ws.read('example.service.yaml').replace('type: "01"', 'type: 01').replace(/\n/g, '\r\n');
    ws.write({ 'example.service.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    assert.equal(lint('--fix').status, 0);
    const bytes = readFileSync(ws.path('example.service.yaml'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), text.replace('type: 01', 'type: "01"'));
  });

  it('--fix-dry-run prints a unified diff, writes nothing, and counts what would remain', () => {
    const before = withDefects(ws);
    const r = lint('--fix-dry-run', '-o', 'report.json', '-f', 'json');
    assert.equal(ws.read('example.service.yaml'), before);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^--- a\/example\.service\.yaml\n\+\+\+ b\/example\.service\.yaml\n@@ /);
    assert.match(r.stdout, /^-type: 01 {3}# 事项类型 -- keep this comment$/m);
    assert.match(r.stdout, /^\+type: "01" {3}# 事项类型 -- keep this comment$/m);
    assert.match(r.stdout, /^-# govspec-disable-next-line service\/fee-basis -- 示例$/m);
    assert.deepEqual((JSON.parse(ws.read('report.json')) as { results: unknown[] }).results, []);
  });

  it('--fix-dry-run works on standard input; --fix refuses it', () => {
    const text = ws.read('example.service.yaml').replace('type: "01"', 'type: 01');
    const clean = ws.run(['lint', '--today', TODAY, '--fix-dry-run', '--stdin', '--stdin-filename', 'example.service.yaml', '-o', 'r.json'], { input: ws.read('example.service.yaml') });
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '', 'nothing to fix, no diff');
    const fixed = ws.run(['lint', '--today', TODAY, '--fix-dry-run', '--stdin', '--stdin-filename', 'example.service.yaml', '-o', 'r.json'], { input: text });
    assert.match(fixed.stdout, /^\+type: "01"$/m);
    const refused = ws.run(['lint', '--fix', '--stdin'], { input: text });
    assert.equal(refused.status, 2);
  });
});

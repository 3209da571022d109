import * as assert from 'assert';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TODAY, Workspace, edit, ensureBuilt, initialised, jsonOf } from './harness';
import type { CliResult } from './harness';

/**
 * The national-scale options: worker threads, the cache, shards and their merge. Each must leave the report exactly
 * as a plain single-threaded run writes it.
 */

const LINT = ['lint', '-f', 'json', '--today', TODAY, '--no-progress'];

/** A workspace with findings of both scopes: a schema error (file) and a duplicated service code across files (workspace). */
function withFindings(): Workspace {
  const ws = initialised();
  edit(ws, 'example.service.yaml', 'type: "01"', 'type: 01');
  ws.write({ 'more/copy.service.yaml': ws.read('example.service.yaml') });
  return ws;
}

function oneErrorLine(r: CliResult): void {
  assert.strictEqual(r.status, 2, r.stderr);
  assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.strictEqual(r.stdout, '');
}

describe('cli: lint at scale (--concurrency, --cache, --shard, merge)', function () {
  this.timeout(60_000);
  before(ensureBuilt);
  let ws: Workspace;
  let plain: CliResult;
  beforeEach(() => {
    ws = withFindings();
    plain = ws.run(LINT);
  });
  afterEach(() => ws.cleanup());

  it('the plain run has findings of both scopes to compare', function () {
    const ids = jsonOf(plain).results.map((r) => r.ruleId);
    assert.strictEqual(plain.status, 1);
    assert.ok(ids.includes('schema/type'), ids.join());
    assert.ok(ids.some((id) => id.endsWith('duplicate-code')), ids.join());
  });

  it('--concurrency 2 and auto write the same report as the default', function () {
    for (const n of ['1', '2', 'auto']) {
      const r = ws.run([...LINT, '--concurrency', n]);
      assert.strictEqual(r.stdout, plain.stdout, `--concurrency ${n}`);
      assert.strictEqual(r.status, plain.status);
    }
  });

  it('--concurrency takes a positive number or auto', function () {
    for (const bad of ['0', '-1', 'two', '1.5']) oneErrorLine(ws.run([...LINT, '--concurrency', bad]));
  });

  it('--cache: a warm run, a changed file and a deleted file give what a cold run gives', function () {
    const cached = [...LINT, '--cache'];
    assert.strictEqual(ws.run(cached).stdout, plain.stdout);
    assert.strictEqual(ws.run(cached).stdout, plain.stdout, 'warm');
    edit(ws, 'example.service.yaml', 'type: 01', 'type: "01"');
    assert.strictEqual(ws.run(cached).stdout, ws.run(LINT).stdout, 'after a change');
    rmSync(ws.path('more/copy.service.yaml'));
    const after = ws.run(cached);
    assert.strictEqual(after.stdout, ws.run(LINT).stdout, 'after a deletion');
    assert.ok(!after.stdout.includes('copy.service.yaml'));
  });

  it('--cache: a rerun after edits that keep every file\'s facts equals a cold run, views changed or not', function () {
    const examples = new Workspace();
    try {
      cpSync(resolve(__dirname, '../../examples'), examples.root, { recursive: true });
      const service = 'services/minimum-living-allowance.service.yaml';
      const cold = () => examples.run(['lint', '-f', 'json', '--today', '2026-06-01', '--no-progress']);
      const warm = () => examples.run(['lint', '-f', 'json', '--today', '2026-06-01', '--no-progress', '--cache']);
      const resubmitted = (r: CliResult) => jsonOf(r).results.filter((f) => f.ruleId === 'service/resubmitted-shared-data' && f.file === service).length;
      assert.strictEqual(warm().stdout, cold().stdout);
      assert.strictEqual(resubmitted(cold()), 1);
      // Outside the views: the verdict of the last run stands (the service keeps its workspace finding).
      edit(examples, service, 'copies: 1', 'copies: 2');
      assert.strictEqual(warm().stdout, cold().stdout);
      // Inside the views, facts unchanged: the material no longer bears the shared resource's name.
      edit(examples, service, 'name: 居民户籍信息 ', 'name: 居民户籍证明 ');
      const renamed = warm();
      assert.strictEqual(renamed.stdout, cold().stdout);
      assert.strictEqual(resubmitted(renamed), 0);
      edit(examples, service, 'copies: 2', 'copies: 3');
      assert.strictEqual(warm().stdout, cold().stdout, 'quiet views, and a change outside them');
      edit(examples, service, 'name: 居民户籍证明 ', 'name: 居民户籍信息 ');
      const back = warm();
      assert.strictEqual(back.stdout, cold().stdout);
      assert.strictEqual(resubmitted(back), 1, 'the finding comes back when the view does');
    } finally {
      examples.cleanup();
    }
  });

  it('--cache: corrupt, truncated or foreign entries are rebuilt, never trusted', function () {
    const cached = [...LINT, '--cache-location', 'cache'];
    ws.run(cached);
    const folder = ws.path('cache');
    const entries = readdirSync(folder).filter((n) => n.endsWith('.json'));
    assert.ok(entries.length > 0);
    const damage = [
      () => 'not json',
      (text: string) => text.slice(0, text.length >> 1),
      // The keys intact, the content broken.
      (text: string) => text.replace(/"findings":\[/g, '"findings":[1,').replace(/"resources":\[/g, '"resources":7,['),
      (text: string) => text.replace('"govspec-cache/4"', '"govspec-cache/0"'),
    ];
    for (const hurt of damage) {
      for (const name of entries) writeFileSync(join(folder, name), hurt(readFileSync(join(folder, name), 'utf8')));
      assert.strictEqual(ws.run(cached).stdout, plain.stdout);
    }
  });

  it('--cache: another --today is another key', function () {
    ws.run([...LINT, '--cache']);
    const later = ['lint', '-f', 'json', '--today', '2099-01-01', '--no-progress'];
    assert.strictEqual(ws.run([...later, '--cache']).stdout, ws.run(later).stdout);
  });

  it('--shard needs 1 ≤ I ≤ N', function () {
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '-1/2']) oneErrorLine(ws.run([...LINT, '--shard', bad]));
  });

  it('shards are disjoint, and merged they give the unsharded report and exit code', function () {
    const files = [1, 2, 3].map((i) => {
      const r = ws.run([...LINT, '--shard', `${i}/3`, '-o', `shard-${i}.json`]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return `shard-${i}.json`;
    });
    const reported = files.map((f) => new Set(jsonOf({ status: 0, stdout: ws.read(f), stderr: '' }).results.map((r) => r.file)));
    for (const file of reported[0]) assert.ok(!reported[1].has(file) && !reported[2].has(file), file);
    const merged = ws.run(['merge', ...files]);
    assert.strictEqual(merged.status, plain.status, merged.stderr);
    const [a, b] = [jsonOf(merged), jsonOf(plain)];
    assert.deepStrictEqual(a.results, b.results);
    assert.deepStrictEqual(a.summary, b.summary);
  });

  it('merge writes any format, and refuses what is not a json report', function () {
    ws.run([...LINT, '-o', 'all.json']);
    const sarif = ws.run(['merge', 'all.json', '-f', 'sarif']);
    assert.strictEqual(sarif.status, 1);
    assert.strictEqual(JSON.parse(sarif.stdout).version, '2.1.0');
    ws.write({ 'bad.json': '{"x":1}' });
    oneErrorLine(ws.run(['merge', 'bad.json']));
    oneErrorLine(ws.run(['merge', 'missing.json']));
    oneErrorLine(ws.run(['merge']));
  });
});

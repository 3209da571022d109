import * as assert from 'assert';
import { cpSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Workspace, ensureBuilt } from './harness';

/**
 * Issue 16: a warm `--cache` run writes what changed. The facts of an edited file are appended to the pack (the
 * lines the last state named stay where they are), and the key directory is rewritten only when a file's look-ups
 * moved; the report is the cold run's all the same.
 */

const LINT = ['lint', '-f', 'json', '--today', '2026-06-01', '--no-progress'];

describe('cli: --cache writes what changed', function () {
  this.timeout(300_000);
  before(ensureBuilt);

  it('appends an edited file\'s facts to the pack, and rewrites the key directory only when look-ups move', function () {
    const ws = new Workspace();
    try {
      cpSync(resolve(__dirname, '../../examples'), ws.root, { recursive: true });
      const cacheFile = (name: string) => readFileSync(ws.path(`.govspec-cache/${name}`));
      const lines = (pack: Buffer) => pack.toString('utf8').split('\n').filter((line) => line.includes('\t')).map((line) => JSON.parse(line.split('\t')[0]) as string);
      const catalog = 'catalogs/public-security.catalog.yaml';
      const edit = (from: RegExp, to: string) => {
        const text = ws.read(catalog);
        assert.match(text, from);
        ws.write({ [catalog]: text.replace(from, to) });
      };
      const warmEqualsCold = (what: string) => {
        const warm = ws.run([...LINT, '--cache']);
        const cold = ws.run(LINT);
        assert.strictEqual(warm.stdout, cold.stdout, `after ${what}`);
        assert.strictEqual(warm.status, cold.status, `after ${what}`);
      };
      ws.run([...LINT, '--cache']);
      const pack = cacheFile('index.pack');
      const keys = cacheFile('index.keys');
      assert.ok(lines(pack).length >= 6, lines(pack).join(', '));

      edit(/^( {4}name: )(.+)$/m, '$1$2（变更）');
      warmEqualsCold('a resource name');
      const renamed = cacheFile('index.pack');
      assert.ok(renamed.subarray(0, pack.length).equals(pack), 'the pack is appended to, not rewritten');
      assert.deepStrictEqual(lines(renamed).slice(lines(pack).length), [catalog]);
      assert.ok(cacheFile('index.keys').equals(keys), 'a changed name moves no look-up');

      edit(/^( {2}- code: )"?1010100001\/00001"?$/m, '$1"1010100001/00901"');
      warmEqualsCold('a resource code an agreement names');
      const recoded = cacheFile('index.pack');
      assert.ok(recoded.subarray(0, renamed.length).equals(renamed), 'appended again');
      assert.deepStrictEqual(lines(recoded).slice(lines(renamed).length), [catalog]);
      const directory = cacheFile('index.keys').toString('utf8');
      assert.ok(!cacheFile('index.keys').equals(keys), 'the code moved');
      assert.ok(directory.includes(`${JSON.stringify('resources\u00001010100001/00901')}\t${JSON.stringify(catalog)}`), 'the new code is the catalogue\'s');
      assert.ok(!directory.includes(JSON.stringify('resources\u00001010100001/00001')), 'the old code is no one\'s');
    } finally {
      ws.cleanup();
    }
  });
});

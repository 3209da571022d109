import { strict as assert } from 'node:assert';
import { MAX_EXTENDS_CHAIN, loadConfig } from '../../server/src/engine/config/load';
import { Workspace, ensureBuilt, initialised } from '../cli/harness';

/**
 * Issue 21, point 6: a chain of 3,000 `extends` exited 2 with "Maximum call stack size exceeded". The chain is
 * bounded: the link that goes past the bound is meta/config at its `extends`; a cycle is meta/config too.
 */

/** Configs c0 → c1 → … → c{n-1} → recommended, in memory. */
function chain(n: number): Map<string, string> {
  const files = new Map<string, string>();
  for (let i = 0; i < n; i++) files.set(`c${i}.yaml`, `extends: ${i + 1 < n ? `c${i + 1}.yaml` : 'recommended'}\nrules:\n  agency/unknown: ${i === n - 1 ? 'warning' : 'error'}\n`);
  return files;
}

const load = (files: Map<string, string>) => loadConfig('c0.yaml', { read: (f) => files.get(f), resolve: (_from, rel) => rel });

describe('reliability: extends chains (issue 21)', function () {
  this.timeout(60_000);

  it(`a chain of ${MAX_EXTENDS_CHAIN} configs loads, merged`, () => {
    const loaded = load(chain(MAX_EXTENDS_CHAIN));
    assert.deepEqual(loaded.findings, []);
    assert.equal(loaded.config?.rules.get('agency/unknown')?.severity, 'error', 'the first config wins');
  });

  for (const n of [MAX_EXTENDS_CHAIN + 1, 3000]) {
    it(`a chain of ${n}: meta/config at the extends of config ${MAX_EXTENDS_CHAIN}, never a stack overflow`, () => {
      const loaded = load(chain(n));
      assert.equal(loaded.config, undefined);
      assert.deepEqual(loaded.findings.map((f) => [f.ruleId, f.file, f.range.start]), [['meta/config', `c${MAX_EXTENDS_CHAIN - 1}.yaml`, { line: 0, character: 9 }]]);
      assert.match(loaded.findings[0].message.en, /longer than 32/);
    });
  }

  it('a cycle is meta/config at the extends that closes it', () => {
    const files = new Map([['c0.yaml', 'extends: c1.yaml\n'], ['c1.yaml', 'extends: c2.yaml\n'], ['c2.yaml', 'extends: c0.yaml\n']]);
    const loaded = load(files);
    assert.equal(loaded.config, undefined);
    assert.deepEqual(loaded.findings.map((f) => [f.ruleId, f.file, f.range.start]), [['meta/config', 'c2.yaml', { line: 0, character: 9 }]]);
    assert.match(loaded.findings[0].message.en, /cycle: c0\.yaml → c1\.yaml → c2\.yaml → c0\.yaml/);
  });

  describe('through the built CLI', () => {
    let ws: Workspace;
    before(() => ensureBuilt());
    beforeEach(() => { ws = initialised(); });
    afterEach(() => ws.cleanup());

    it('3,000 links: exit 2 with one meta/config line at the link past the bound', () => {
      const files: Record<string, string> = { 'govspec.config.yaml': 'extends: chain/c1.yaml\n' };
      for (let i = 1; i < 3000; i++) files[`chain/c${i}.yaml`] = `extends: ${i + 1 < 3000 ? `c${i + 1}.yaml` : 'recommended'}\n`;
      ws.write(files);
      const r = ws.run(['lint', '--no-progress']);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^\\S*chain[/\\\\]c${MAX_EXTENDS_CHAIN - 1}\\.yaml:1:10 meta/config .*longer than 32.*\\n$`));
    });
  });
});

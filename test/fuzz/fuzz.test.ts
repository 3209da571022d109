import { strict as assert } from 'node:assert';
import { ensureBuilt } from '../cli/harness';
import { lint } from '../reliability/support';
import { checkInProcess, checkThroughCli, makeCase, seeds } from './campaign';

/**
 * A seeded slice of the mutation campaign (`npm run fuzz` runs 10,000 cases): 400 mutated examples through the
 * engine, and 60 of them through the built CLI with `--concurrency 1` and `2` and `--fix`.
 */
const SEED = 20261201;

describe('fuzz: a seeded slice of the mutation campaign (issue 21)', function () {
  this.timeout(300_000);
  const examples = seeds();
  const cases = Array.from({ length: 400 }, (_, id) => makeCase(SEED, id, examples));

  it('the cases are mutations of every example, with lone CRs, U+2028 and BOMs among them', () => {
    assert.equal(new Set(cases.map((c) => c.file)).size, examples.length);
    assert.ok(examples.every((e) => cases.some((c) => c.file === e.file && c.text !== e.text)));
    for (const mark of ['\r', '\u2028', '\uFEFF']) assert.ok(cases.some((c) => c.text.includes(mark) && !/^\uFEFF/.test(c.text)), JSON.stringify(mark));
    assert.ok(cases.some((c) => /\r(?!\n)/.test(c.text)), 'a lone CR');
  });

  it('the defects the full campaign found stay fixed (seed 20261201: cases 1837, 3808)', () => {
    // 1837: a BOM at a line start, read into the key by js-yaml only. 3808: in a document with a YAML error, --fix
    // removed a suppression as unused, though the rules it silences could not run.
    for (const id of [1837, 3808]) assert.deepEqual(checkInProcess(makeCase(SEED, id, examples)), [], `case ${id}`);
    const text = 'apiVersion: govspec/v1\nkind: Service\nname: [\nonSiteVisits: 2   # govspec-disable-line service/max-one-visit -- reason\n';
    const unused = lint(text).filter((f) => f.ruleId === 'meta/unused-suppression');
    assert.equal(unused.length, 1);
    assert.deepEqual(unused[0].fixes.map((f) => f.safe), [false]);
  });

  it('400 cases through the engine: no throw, fitting findings, fast = precise, fixes only on their lines', () => {
    const defects = cases.flatMap((c) => checkInProcess(c).map((p) => `case ${c.id} (${c.mutations.join('; ')}): ${p}`));
    assert.deepEqual(defects, []);
  });

  it('60 cases through the CLI: exit 0 or 1, one report for --concurrency 1 and 2, --fix only on reported lines', () => {
    ensureBuilt();
    assert.deepEqual(checkThroughCli(cases.slice(0, 60)), []);
  });
});

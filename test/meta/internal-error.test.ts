import * as assert from 'assert';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { RULES_BY_ID } from '../../server/src/engine/rules/registry';
import type { Rule } from '../../server/src/engine/rules/api';
import { FIXTURE_TODAY } from '../support/fixtures';

/**
 * meta/internal-error has no fixture: no document makes a correct rule throw. Here a registered rule's check is
 * swapped for one that throws, for the length of one lint, and restored (docs/semantics.md).
 */
const AGENCY = [
  '# 南充市顺庆区',
  'apiVersion: govspec/v1',
  'kind: Agency',
  'uscc: "11511301008778183N"',
  'name: 南充市顺庆区市场监督管理局',
  'region: "511399"',
  'level: "4"',
  '',
].join('\n');

function withThrowingCheck<T>(ruleId: string, run: () => T): T {
  const rule = RULES_BY_ID.get(ruleId) as Rule;
  const original = rule.check;
  rule.check = () => { throw new Error('boom'); };
  try {
    return run();
  } finally {
    rule.check = original;
  }
}

describe('meta/internal-error', () => {
  it('turns a throwing rule into one error at the start of the document, and the other rules still run', () => {
    const { findings } = withThrowingCheck('id/uscc', () =>
      lintFile({ file: 'county.agency.yaml', text: AGENCY, config: DEFAULT_CONFIG, today: FIXTURE_TODAY }));
    const internal = findings.filter((f) => f.ruleId === 'meta/internal-error');
    assert.strictEqual(internal.length, 1);
    assert.strictEqual(internal[0].severity, 'error');
    assert.strictEqual(internal[0].document, 0);
    assert.deepStrictEqual(internal[0].range.start, { line: 1, character: 0 });
    assert.match(internal[0].message.en, /id\/uscc failed on this document.*boom/);
    assert.ok(findings.some((f) => f.ruleId === 'id/region'), 'the rules after the failing one still report');
  });

  it('is not raised when no rule throws', () => {
    const { findings } = lintFile({ file: 'county.agency.yaml', text: AGENCY, config: DEFAULT_CONFIG, today: FIXTURE_TODAY });
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['id/region']);
  });
});

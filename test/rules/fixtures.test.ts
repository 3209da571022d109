import * as assert from 'assert';
import { casesOf, checkCase, describeOutcome, readExpectations, caseTexts, ruleFolders } from '../support/fixtures';

describe('rule fixtures (inline expectations)', () => {
  for (const ruleId of ruleFolders()) {
    describe(ruleId, () => {
      for (const c of casesOf(ruleId)) {
        const name = c.path.split(/[\\/]/).slice(-2).join('/');
        it(name, () => {
          const expectations = [...caseTexts(c.path)].flatMap(([f, t]) => readExpectations(f, t));
          if (c.kind === 'valid') assert.strictEqual(expectations.length, 0, 'valid fixtures expect nothing');
          else assert.ok(expectations.some((e) => e.ruleId === ruleId), `an invalid fixture must expect ${ruleId}`);
          const outcome = checkCase(c.path);
          assert.strictEqual(describeOutcome(outcome), '');
        });
      }
    });
  }
});

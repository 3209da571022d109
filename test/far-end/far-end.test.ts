import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { caseTexts, checkCase, describeOutcome, readExpectations } from '../support/fixtures';

/**
 * docs/semantics.md at the far end of a reference: each case is a small workspace in which the document a cross-file
 * rule reaches (a catalogue, an agreement, an Agency) already carries its own yaml/schema/id finding on a field the
 * rule reads, or a key that fails its check. The case expects exactly that finding: the cross-file rule named
 * before the dot of the case's name stays silent. Cases are named `<area>-<rule>.<far-end defect>`.
 */
const CASES = path.join(__dirname, 'cases');

describe('far end of a reference (docs/semantics.md)', () => {
  for (const name of fs.readdirSync(CASES).sort()) {
    const casePath = path.join(CASES, name);
    it(name, () => {
      const expected = [...caseTexts(casePath)].flatMap(([file, text]) => readExpectations(file, text));
      assert.ok(expected.length > 0, 'a case expects the far end\'s own finding');
      assert.ok(expected.every((e) => /^(yaml|schema|id|agency\/unknown)/.test(e.ruleId)), 'a case expects only the far end\'s own findings');
      assert.strictEqual(describeOutcome(checkCase(casePath)), '');
    });
  }
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { caseTexts, checkCase, describeOutcome, readExpectations } from '../support/fixtures';

/**
 * Issue 13 point 7: placement (docs/semantics.md) and single ownership (one defect, one finding) in the less common layouts, one case per
 * layout per area (`<area>.<layout>`): flow collections, block and multi-line scalars, quoted keys, anchors with
 * aliases and merge keys, CRLF with a BOM, several documents in one file, and a suppression comment written as
 * the last line of a block scalar (text, so it suppresses nothing). Each expects its findings with the exact text
 * they cover, and nothing else.
 */
const CASES = path.join(__dirname, 'cases');
const LAYOUTS = ['anchors-and-merge-keys', 'block-scalars', 'crlf-bom', 'flow-collections', 'multi-document', 'quoted-keys', 'suppression-in-block-scalar'];

describe('placement and ownership in less common layouts', () => {
  const names = fs.readdirSync(CASES).sort();

  it('every area has a case of every layout', () => {
    for (const area of ['agency', 'agreement', 'catalog', 'service']) {
      assert.deepStrictEqual(names.filter((n) => n.startsWith(`${area}.`)).map((n) => n.slice(area.length + 1)), LAYOUTS);
    }
  });

  for (const name of names) {
    it(name, () => {
      const casePath = path.join(CASES, name);
      const expected = [...caseTexts(casePath)].flatMap(([file, text]) => readExpectations(file, text));
      assert.ok(expected.length > 0 && expected.every((e) => e.text !== undefined), 'each expectation names the text it covers');
      assert.strictEqual(describeOutcome(checkCase(casePath)), '');
    });
  }
});

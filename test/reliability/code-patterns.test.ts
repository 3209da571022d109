import { strict as assert } from 'assert';
import { loadConfig } from '../../server/src/engine/config/load';
import { patternProblem } from '../../server/src/engine/config/patterns';

/** Issue 7: catastrophic-backtracking codePatterns are meta/config before any code is matched, never a hang. */
function load(pattern: string) {
  return loadConfig('govspec.config.yaml', {
    read: (f) => (f === 'govspec.config.yaml' ? `codePatterns:\n  basicCode: '${pattern}'\n` : undefined),
    resolve: (_from, rel) => rel,
  });
}

describe('reliability: catastrophic code patterns', () => {
  for (const pattern of ['(a+)+$', '(a|a)*', '(.*a){20}', '(a*)*b', '(a+){2,}', '((ab)*c)+', '(x+x+)+y', '([0-9]+-?){3,10}', '(\\d+)*']) {
    it(`refuses ${pattern}: meta/config at the pattern, config unusable`, () => {
      const loaded = load(pattern);
      assert.equal(loaded.config, undefined);
      assert.deepEqual(loaded.findings.map((f) => f.ruleId), ['meta/config']);
      assert.deepEqual(loaded.findings[0].range.start, { line: 1, character: 13 });
    });
  }

  for (const pattern of ['[0-9A-Z]{1,10}', '([0-9]{2}){3}', '(11|12|13)', '[0-9]{6}(-[0-9]{4})?', '(A|B){1}[0-9]+', '\\d{3}(\\.\\d{2}){0,2}']) {
    it(`accepts ${pattern}`, () => {
      assert.equal(patternProblem(pattern), undefined);
      assert.ok(load(pattern).config);
    });
  }

  it('refuses a pattern that does not compile with the u flag', () => {
    assert.match(patternProblem('[a-')!.en, /Invalid regular expression/);
  });
});

import { strict as assert } from 'assert';
import { loadConfig } from '../../server/src/engine/config/load';
import fc from 'fast-check';
import { codePattern, patternProblem } from '../../server/src/engine/config/patterns';
import { SEED } from './support';

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

/**
 * Issue 21, point 5: patterns the shape check lets through (bounded nesting, a back-reference) were matched by the
 * backtracking engine and a 46-character code never finished. Now anything but a single loop runs on RE2 (linear
 * time), and what RE2 cannot run is meta/config. A hang here is caught by mocha's timeout (no timing is measured).
 */
describe('reliability: code patterns run in linear time (issue 21)', () => {
  const adversarial = ['9'.repeat(46) + 'x', 'a'.repeat(46) + '!', 'a'.repeat(46)];

  for (const pattern of ['(?:[0-9]{1,9}){1,9}', '(a{1,30}){1,30}', '(a?a?){1,40}', 'a*a*a*a*a*a*a*a*a*a*a*a*b']) {
    it(`${pattern}: accepted, matched by RE2, and a 46-character code answers`, () => {
      assert.equal(patternProblem(pattern), undefined);
      const matcher = codePattern(pattern);
      assert.ok(!(matcher instanceof RegExp), 'not the backtracking engine');
      const native = new RegExp(`^(?:${pattern})$`, 'u');
      for (const code of ['9', '12', 'aa', 'aab', 'b']) assert.equal(matcher.test(code), native.test(code), `${pattern} on ${code}`);
      for (const code of adversarial) assert.equal(typeof matcher.test(code), 'boolean');
    });
  }

  for (const pattern of ['(a+)\\1*\\1*\\1*', '(?=a)a+', '(?<!x)a', '(?<n>a)\\k<n>']) {
    it(`refuses ${pattern}: meta/config at the pattern (RE2 cannot run it)`, () => {
      assert.match(patternProblem(pattern)!.en, /linear time|nests quantifiers/);
      const loaded = load(pattern);
      assert.equal(loaded.config, undefined);
      assert.deepEqual(loaded.findings.map((f) => [f.ruleId, f.range.start]), [['meta/config', { line: 1, character: 13 }]]);
    });
  }

  it('a single loop keeps the native engine; RE2 and the native engine agree on generated codes', () => {
    for (const pattern of ['[0-9A-Z]{1,10}', '[0-9A-Z]{1,24}', '\\d{6}', '[A-Z]{2}\\d{4}', 'X\\d+']) assert.ok(codePattern(pattern) instanceof RegExp, pattern);
    const patterns = ['[0-9]{6}(-[0-9]{4})?', '(11|12|13)[0-9]{2}', '([0-9A-Z]{2}){2,4}', '[A-Z]?\\d{2,3}(\\.\\d{2}){0,2}', '\\p{Lu}{2}[0-9]*[A-Z]*'];
    fc.assert(fc.property(fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom('1', '2', '3', 'A', 'Z', '-', '.', 'a', 'É', '中'), maxLength: 14 }), (pattern, code) => {
      assert.equal(codePattern(pattern).test(code), new RegExp(`^(?:${pattern})$`, 'u').test(code), `${pattern} on ${JSON.stringify(code)}`);
    }), { seed: SEED, numRuns: 2000 });
  });
});

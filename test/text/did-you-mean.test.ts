import * as assert from 'assert';
import fc from 'fast-check';
import { didYouMean, editDistance } from '../../server/src/engine/text/did-you-mean';

/** The textbook table, whole: what the banded, bounded distance must agree with. */
function fullDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

describe('did-you-mean', function () {
  it('the bounded distance is the full distance, or limit + 1 past the limit', function () {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '2', '中'), maxLength: 12 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
      const full = fullDistance(a, b);
      assert.strictEqual(editDistance(a, b, limit), full <= limit ? full : limit + 1, `${a} ${b} ${limit}`);
      assert.strictEqual(editDistance(a, b), full);
    }), { seed: 20261127, numRuns: 3000 });
  });

  it('knows the classic pairs, after a long word grew the shared rows', function () {
    editDistance('x'.repeat(300), 'y'.repeat(300), 2);
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
    assert.strictEqual(editDistance('', 'abc'), 3);
    assert.strictEqual(editDistance('110105000000000001', '110105000000000010', 1), 2);
  });

  it('suggests what the plain definition does: first of the nearest, case-only as half an edit, nothing for an exact match', function () {
    const reference = (word: string, candidates: string[]) => {
      const limit = Math.max(1, Math.floor(word.length / 3));
      let best: string | undefined;
      let bestDistance = limit + 1;
      for (const c of candidates) {
        if (c === word) return undefined;
        const full = fullDistance(word, c);
        const d = Math.abs(c.length - word.length) <= limit && c.toLowerCase() === word.toLowerCase() ? 0.5 : full <= limit ? full : limit + 1;
        if (d < bestDistance) { best = c; bestDistance = d; }
      }
      return best;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '1', '2', '-', 'İ', 'i', 'Σ', 'σ', '中'), minLength: 1, maxLength: 9 });
    fc.assert(fc.property(word, fc.array(word, { maxLength: 30 }), (w, candidates) => {
      assert.strictEqual(didYouMean(w, candidates), reference(w, candidates), `${w} ${JSON.stringify(candidates)}`);
    }), { seed: 20261127, numRuns: 3000 });
  });

  it('suggests the nearest resource code, a case-only difference first, nothing for an exact match', function () {
    assert.strictEqual(didYouMean('11010500001', ['11010500002', '22010500001', '11010500011']), '11010500002');
    assert.strictEqual(didYouMean('service', ['Service', 'servise']), 'Service');
    assert.strictEqual(didYouMean('abcdef', ['ABCDEF']), 'ABCDEF', 'case only, however many letters');
    assert.strictEqual(didYouMean('Service', ['Service', 'Servise']), undefined);
    assert.strictEqual(didYouMean('abc', ['xyz']), undefined);
  });
});

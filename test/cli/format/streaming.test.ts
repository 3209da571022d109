/**
 * Reports written in pieces: `jsonChunks` gives exactly `JSON.stringify(value, null, 2)`, and a report larger than any
 * string V8 can hold is still written, as pieces no larger than a batch.
 */
import { strict as assert } from 'node:assert';
import { constants } from 'node:buffer';
import { FORMAT_NAMES, formatChunks, formatReport } from '../../../server/src/cli/format';
import { jsonChunks, streamed } from '../../../server/src/cli/format/json-stream';
import { writeOutputs } from '../../../server/src/cli/lint/outputs';
import type { CliContext } from '../../../server/src/cli/context';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';

/** A deterministic generator of JSON-like values, nested, with every kind JSON.stringify treats specially. */
function randomValue(seed: { n: number }, depth: number): unknown {
  seed.n = (seed.n * 1103515245 + 12345) % 2147483648;
  const pick = seed.n % (depth > 3 ? 6 : 9);
  switch (pick) {
    case 0: return null;
    case 1: return seed.n % 2 === 0;
    case 2: return (seed.n % 2001) - 1000 + (seed.n % 3) / 4;
    case 3: return ['', 'a"b', '行\n两', '\u2028', '𠀀', 'tab\t'][seed.n % 6];
    case 4: return undefined;
    case 5: return seed.n % 7;
    case 6: return Array.from({ length: seed.n % 4 }, () => randomValue(seed, depth + 1));
    default: {
      const entries = Array.from({ length: seed.n % 4 }, (_, i) => [`k${i}${['', '"', '键'][i % 3]}`, randomValue(seed, depth + 1)]);
      return Object.fromEntries(entries);
    }
  }
}

/** The value with some of its arrays streamed: the pieces must not depend on which. */
function withStreamedArrays(value: unknown, every: number, counter: { n: number }): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => withStreamedArrays(item, every, counter));
    return ++counter.n % every === 0 ? streamed(items, (item) => item) : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withStreamedArrays(item, every, counter)]));
  }
  return value;
}

describe('report formats: written in pieces', () => {
  it('jsonChunks gives JSON.stringify(value, null, 2) byte for byte, streamed arrays or not', () => {
    const seed = { n: 7 };
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(seed, 0);
      const expected = JSON.stringify(value, null, 2);
      if (expected === undefined) continue;
      assert.equal([...jsonChunks(value)].join(''), expected, JSON.stringify(value));
      // Streamed elements are stringified alone: at the top level they may not be undefined.
      const top = Array.isArray(value) ? streamed(value, (item) => item) : value;
      assert.equal([...jsonChunks(top)].join(''), expected, JSON.stringify(value));
      assert.equal([...jsonChunks(withStreamedArrays(value, 2, { n: 0 }))].join(''), expected, JSON.stringify(value));
    }
  });

  it('formatChunks joined is formatReport for every format, and json comes in more than one piece', () => {
    for (const format of FORMAT_NAMES) {
      const options = { color: false, toolVersion: '1.0.0' };
      assert.equal([...formatChunks(format, sampleReport(), options)].join(''), formatReport(format, sampleReport(), options), format);
    }
    assert.ok([...formatChunks('json', sampleReport(), { color: false, toolVersion: '1.0.0' })].length > 7);
  });

  it('writes a json report longer than the longest string V8 can hold, in batches, waiting for standard output', async function () {
    this.timeout(300_000);
    // With a message of 256 characters, a result is about 540: 1,100,000 of them pass V8's string limit (2^29 - 24).
    const count = 1_100_000;
    const message = { 'zh-CN': `缺少必填字段${'：'.repeat(250)}`, en: 'missing a required field' };
    const findings = Array.from({ length: count }, (_, i) => finding({ ruleId: 'schema/required', file: 'big.catalog.yaml', range: range(i, 4, i, 8), message }));
    const report: LintReport = { ...sampleReport(), summary: { files: 1, documents: 1, errors: count, warnings: 0, infos: 0 }, files: [{ file: 'big.catalog.yaml', documents: [], findings }] };
    let length = 0;
    let batches = 0;
    let largest = 0;
    let results = 0;
    let tail = '';
    let drains = 0;
    const ctx = {
      stdout: (text: string) => {
        length += text.length;
        batches++;
        largest = Math.max(largest, text.length);
        // A result's first line, found across batch boundaries.
        results += (tail + text).split('\n    {\n').length - 1;
        tail = text.slice(-16);
      },
      stdoutDrained: () => { drains++; return Promise.resolve(); },
    } as unknown as CliContext;
    await writeOutputs([{ format: 'json', file: undefined }], report, ctx, () => ({ color: false, toolVersion: '1.0.0' }));
    assert.ok(length > constants.MAX_STRING_LENGTH, `${length} characters`);
    assert.equal(results, count);
    assert.equal(drains, batches);
    assert.ok(largest < 2 * (1 << 20), `a batch of ${largest} characters`);
  });
});

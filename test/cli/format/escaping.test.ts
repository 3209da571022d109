import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatReport } from '../../../server/src/cli/format';
import type { FormatName } from '../../../server/src/cli/format';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range } from './sample-report';

/**
 * Issue 21 point 16: no human-readable format passes on a control or bidi character from linted data (file names,
 * values quoted in messages, document identities): `stylish` passed U+202E from file names, `github` raw ESC, BEL and
 * 0x9B into workflow commands. One helper (`escapeUnsafe`) writes each as a visible `\uXXXX`.
 */

// eslint-disable-next-line no-control-regex -- these control characters are what the test looks for
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const SAMPLES = ['\u202E', '\u001B[31m', '\u0007', '\u009B', '\u2066', '\u200F', '\u0000', '\u007F', '\u2028'];

function reportOf(file: string, value: string): LintReport {
  const message = { 'zh-CN': `值“${value}”有误`, en: `value "${value}" is wrong` };
  return {
    locale: 'en',
    summary: { files: 1, documents: 1, errors: 1, warnings: 1, infos: 0 },
    rules: new Map(),
    files: [{
      file,
      documents: [{ index: 0, kind: 'Service', identity: value }],
      findings: [
        finding({ ruleId: 'schema/enum', file, range: range(0, 0, 0, 1), message }),
        finding({ ruleId: 'schema/type', severity: 'warning', file, range: range(1, 0, 1, 1), message, related: [{ file, range: range(2, 0, 2, 1), message }] }),
      ],
    }],
  };
}

/** The unsafe characters a format's output holds, besides those it needs for its own layout. */
function unsafeIn(format: FormatName, output: string): string[] {
  if (format === 'sarif') {
    const strings: string[] = [];
    JSON.stringify(JSON.parse(output), (_key, v: unknown) => { if (typeof v === 'string') strings.push(v); return v; });
    return strings.flatMap((s) => s.match(UNSAFE) ?? []).filter((c) => !'\t\n\r'.includes(c));
  }
  // XML text content carries tabs and line feeds as they are; the line-based formats only their own line feeds.
  const layout = format === 'junit' ? '\t\n' : '\n';
  return (output.match(UNSAFE) ?? []).filter((c) => !layout.includes(c));
}

const FORMATS: FormatName[] = ['stylish', 'github', 'junit', 'sarif'];

describe('report formats: control and bidi characters from the data are escaped', () => {
  for (const format of FORMATS) {
    it(`${format}: U+202E in a file name, ESC, BEL, 0x9B, isolates and NUL in values`, () => {
      for (const sample of SAMPLES) {
        const output = formatReport(format, reportOf(`services/${sample}evil.service.yaml`, `a${sample}b`), { color: false, toolVersion: '1.0.0' });
        assert.deepEqual(unsafeIn(format, output), [], `${format} with ${JSON.stringify(sample)}`);
        const code = sample.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        assert.ok(output.includes(`\\u${code}`) || output.includes(`\\\\u${code}`), `${format} shows ${code} visibly`);
      }
    });

    it(`${format}: any text in file names and values (fast-check)`, () => {
      const text = fc.string({ unit: fc.oneof(fc.constantFrom(...SAMPLES, '\r', '\n', '\t', '%', ':', ','), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
      fc.assert(fc.property(text, text, (file, value) => {
        const output = formatReport(format, reportOf(file || 'x.yaml', value), { color: false, toolVersion: '1.0.0' });
        assert.deepEqual(unsafeIn(format, output), []);
      }), { seed: 20260601, numRuns: 200 });
    });
  }

  it('github keeps one workflow command per finding', () => {
    const output = formatReport('github', reportOf('a\nb.yaml', 'x\r\ny'), { color: false, toolVersion: '1.0.0' });
    assert.equal(output.split('\n').filter((l) => l !== '').length, 2);
    assert.ok(output.split('\n').filter((l) => l !== '').every((l) => l.startsWith('::')));
  });
});

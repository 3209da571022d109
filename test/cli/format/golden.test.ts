/** Every format's whole output for the sample report, against files checked in. `UPDATE_GOLDEN=1` rewrites them. */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_NAMES, formatReport, type FormatName } from '../../../server/src/cli/format';
import type { Locale } from '../../../server/src/engine/types';
import { sampleReport } from './sample-report';

const GOLDEN_DIR = join(__dirname, 'golden');
const EXTENSIONS: Record<FormatName, string> = { stylish: 'txt', json: 'json', sarif: 'sarif', junit: 'xml', github: 'txt', gitlab: 'json', checkstyle: 'xml' };

function checkGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
  }
  assert.ok(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs: check the change, then UPDATE_GOLDEN=1`);
}

describe('report formats: golden files', () => {
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    for (const format of FORMAT_NAMES) {
      it(`${format} (${locale})`, () => {
        const output = formatReport(format, sampleReport(locale), { color: false, toolVersion: '1.0.0' });
        checkGolden(`${format}.${locale}.${EXTENSIONS[format]}`, output);
      });
    }
  }

  it('stylish with colour', () => {
    checkGolden('stylish-color.zh-CN.txt', formatReport('stylish', sampleReport(), { color: true, toolVersion: '1.0.0' }));
  });

  it('lists each format once', () => {
    assert.deepEqual([...FORMAT_NAMES].sort(), ['checkstyle', 'github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
  });
});

import { strict as assert } from 'node:assert';
import { formatReport } from '../../../server/src/cli/format';
import { displayWidth } from '../../../server/src/cli/format/width';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';

const ESC = '\u001b';
const ANSI_CODE = new RegExp(`${ESC}\\[\\d+m`, 'g');

function stylish(report: LintReport, color = false): string {
  return formatReport('stylish', report, { color, toolVersion: '1.0.0' });
}

describe('stylish format', () => {
  it('has no escape codes without colour, and has them with it', () => {
    assert.ok(!stylish(sampleReport()).includes(ESC));
    assert.ok(stylish(sampleReport(), true).includes(`${ESC}[31m`));
  });

  it('with colour, shows the same text once the codes are removed', () => {
    assert.equal(stylish(sampleReport(), true).replace(ANSI_CODE, ''), stylish(sampleReport()));
  });

  it('prints nothing at all when there are no findings', () => {
    const clean: LintReport = { ...sampleReport(), files: [{ file: 'a.yaml', documents: [{ index: 0, kind: 'Agency', identity: 'x' }], findings: [] }] };
    assert.equal(stylish(clean), '');
    assert.equal(stylish(clean, true), '');
  });

  it('groups rows under each file with findings, in path order', () => {
    const headers = stylish(sampleReport()).split('\n').filter((line) => line !== '' && !line.startsWith(' ') && !line.startsWith('✖'));
    assert.deepEqual(headers, ['catalogs/人口.catalog.yaml', 'services/passport.service.yaml']);
  });

  it('aligns the columns of a file by display width, Chinese and emoji counting two', () => {
    const blocks = stylish(sampleReport()).split('\n\n').filter((block) => !block.startsWith('✖'));
    assert.equal(blocks.length, 2);
    for (const block of blocks) {
      // Finding rows; the related locations under them (`↳`) are not columns.
      const rows = block.split('\n').filter((line) => line.startsWith('  ') && !line.includes('↳'));
      assert.ok(rows.length >= 3, block);
      const ruleColumns = rows.map((row) => displayWidth(row.slice(0, row.lastIndexOf('  ') + 2)));
      assert.equal(new Set(ruleColumns).size, 1, block);
      const messageColumns = rows.map((row) => displayWidth(row.replace(/^( +\S+ +\S+ +).*$/, '$1')));
      assert.equal(new Set(messageColumns).size, 1, block);
    }
  });

  it('keeps every finding on one line and shows control characters as escapes', () => {
    const message = `a\r\nb\tc${ESC}[31md`;
    const report: LintReport = { ...sampleReport('en'), files: [{
      file: 'x.yaml', documents: [], findings: [finding({ ruleId: 'r/x', file: 'x.yaml', range: range(0, 0, 0, 1), message: { 'zh-CN': message, en: message } })],
    }] };
    const [row] = stylish(report).split('\n').filter((line) => line.startsWith('  1:1'));
    assert.equal(row, '  1:1  error  a b c\\u001B[31md  r/x');
  });

  it('ends with a summary in the report language', () => {
    const zh = stylish(sampleReport()).trimEnd().split('\n');
    assert.deepEqual(zh.slice(-2), ['✖ 7 个问题（4 个错误，2 个警告，1 个提示）', '  其中 1 个可用 --fix 自动修复。']);
    const en = stylish(sampleReport('en')).trimEnd().split('\n');
    assert.deepEqual(en.slice(-2), ['✖ 7 problems (4 errors, 2 warnings, 1 info)', '  1 problem can be fixed with --fix.']);
  });

  it('uses the singular for one', () => {
    const report: LintReport = { ...sampleReport('en'), files: [{
      file: 'x.yaml', documents: [], findings: [finding({ ruleId: 'r/x', file: 'x.yaml', range: range(0, 0, 0, 1) })],
    }] };
    assert.equal(stylish(report).trimEnd().split('\n').pop(), '✖ 1 problem (1 error, 0 warnings, 0 infos)');
  });

  it('prints each related location under its finding: ↳ path:line:col — why', () => {
    const lines = stylish(sampleReport('en')).split('\n');
    const at = lines.findIndex((line) => line.includes('Agreement XY-2024-01 expired'));
    assert.equal(lines[at + 1], '        ↳ agreements/xy.agreement.yaml:10:11 — validity ends here');
    assert.equal(lines.filter((line) => line.includes('↳')).length, 1);
  });

  it('measures display width', () => {
    assert.deepEqual(['abc', '人口', '😀', '🀄', 'e\u0301'].map(displayWidth), [3, 4, 2, 2, 1]);
    // Lone surrogates take a column each, as any other character; a pair is one wide code point.
    assert.deepEqual(['\ud83d', 'a\ude00b', '\ud83d\ude00\ud83d', '\u02ff\u0300\u036f\u0370', '\ud840\udc00'].map(displayWidth), [1, 3, 3, 2, 2]);
  });

  it('prints a file with hundreds of thousands of findings (no argument list per row)', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => finding({ ruleId: 'schema/required', file: 'big.catalog.yaml', range: range(i, 4, i, 8) }));
    const report: LintReport = { ...sampleReport(), files: [{ file: 'big.catalog.yaml', documents: [], findings: many }] };
    const lines = stylish(report).split('\n');
    assert.ok(lines.includes('  300000:5  错误  schema/required 的消息  schema/required'), lines.slice(-6).join('\n'));
  });
});

import { strict as assert } from 'node:assert';
import { formatReport } from '../../../server/src/cli/format';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';

const OPTS = { color: false, toolVersion: '9.9.9' };

function parse(report: LintReport): { tool: unknown; results: Record<string, unknown>[]; summary: unknown } {
  return JSON.parse(formatReport('json', report, OPTS));
}

describe('json format', () => {
  it('has exactly the documented top-level and summary fields', () => {
    const output = parse(sampleReport());
    assert.deepEqual(Object.keys(output), ['tool', 'results', 'summary', 'suppressed']);
    assert.deepEqual(output.tool, { name: 'govspec', version: '9.9.9' });
    assert.deepEqual(output.summary, { files: 3, documents: 4, errors: 4, warnings: 2, infos: 1 });
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const text = formatReport('json', sampleReport(), OPTS);
    assert.ok(text.startsWith('{\n  "tool": {\n    "name"'));
    assert.ok(text.endsWith('}\n') && !text.endsWith('}\n\n'));
  });

  it('turns [0..5) on line 0 into line 1, column 1, endLine 1, endColumn 6', () => {
    const report: LintReport = { ...sampleReport('en'), files: [{
      file: 'a.yaml', documents: [], findings: [finding({ ruleId: 'r/x', file: 'a.yaml', range: range(0, 0, 0, 5) })],
    }] };
    const [result] = parse(report).results;
    assert.deepEqual([result.line, result.column, result.endLine, result.endColumn], [1, 1, 1, 6]);
  });

  it('sorts by file in code-unit order, then line, column, endLine, endColumn, ruleId, message', () => {
    const make = (file: string, line: number, col: number, endLine: number, endCol: number, ruleId: string, en: string) =>
      finding({ ruleId, file, range: range(line, col, endLine, endCol), message: { 'zh-CN': en, en } });
    const expected = [
      make('B.yaml', 9, 0, 9, 1, 'a/a', 'm'),
      make('a.yaml', 1, 0, 1, 4, 'a/a', 'm'),
      make('a.yaml', 1, 2, 1, 3, 'a/a', 'm'),
      make('a.yaml', 1, 2, 2, 0, 'a/a', 'm'),
      make('a.yaml', 1, 2, 2, 1, 'a/a', 'm'),
      make('a.yaml', 1, 2, 2, 1, 'b/a', 'm'),
      make('a.yaml', 1, 2, 2, 1, 'b/a', 'n'),
      make('a.yaml', 10, 0, 10, 1, 'a/a', 'm'),
      make('a/b.yaml', 0, 0, 0, 1, 'a/a', 'm'),
      make('\u{1F600}.yaml', 0, 0, 0, 1, 'a/a', 'm'),
      make('\uFF21.yaml', 0, 0, 0, 1, 'a/a', 'm'),
    ];
    const shuffled = [expected[6], expected[10], expected[3], expected[0], expected[8], expected[1], expected[5], expected[9], expected[2], expected[7], expected[4]];
    const report: LintReport = { ...sampleReport('en'), files: [
      { file: 'mixed.yaml', documents: [], findings: shuffled.slice(0, 6) },
      { file: 'more.yaml', documents: [], findings: shuffled.slice(6) },
    ] };
    const keys = (list: { file: unknown; line: unknown; column: unknown; endLine: unknown; endColumn: unknown; ruleId: unknown; message: unknown }[]) =>
      list.map((r) => [r.file, r.line, r.column, r.endLine, r.endColumn, r.ruleId, r.message].join(' '));
    const want = expected.map((f) => ({ file: f.file, line: f.range.start.line + 1, column: f.range.start.character + 1,
      endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1, ruleId: f.ruleId, message: f.message.en }));
    assert.deepEqual(keys(parse(report).results as never), keys(want));
  });

  it('writes each result with the documented fields, in order', () => {
    const results = parse(sampleReport()).results;
    for (const result of results) {
      const fields = ['file', 'document', 'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable', 'related'];
      assert.deepEqual(Object.keys(result), 'suggestions' in result ? [...fields, 'suggestions'] : fields);
    }
  });

  it('marks fixable only for safe fixes and lists other fixes as suggestions', () => {
    const results = parse(sampleReport('en')).results;
    const uscc = results.find((r) => r.ruleId === 'id/uscc');
    const enumResult = results.find((r) => r.ruleId === 'schema/enum');
    assert.equal(uscc?.fixable, true);
    assert.equal('suggestions' in (uscc ?? {}), false);
    assert.equal(enumResult?.fixable, false);
    assert.deepEqual(enumResult?.suggestions, [{
      title: 'Change to "行政许可"',
      edits: [{ file: 'services/passport.service.yaml', line: 8, column: 11, endLine: 8, endColumn: 16, newText: '行政许可' }],
    }]);
    assert.equal(results.filter((r) => r.fixable === true).length, 1);
  });

  it('keeps document null for whole-file findings and always writes related', () => {
    const results = parse(sampleReport('en')).results;
    assert.equal(results.find((r) => r.ruleId === 'yaml/unsafe')?.document, null);
    assert.ok(results.every((r) => Array.isArray(r.related)));
    const withRelated = results.find((r) => (r.related as unknown[]).length > 0);
    assert.deepEqual(withRelated?.related, [{
      file: 'agreements/xy.agreement.yaml', line: 10, column: 11, endLine: 10, endColumn: 21, message: 'validity ends here',
    }]);
  });

  it('picks the report locale for messages', () => {
    const zh = parse(sampleReport('zh-CN')).results.find((r) => r.ruleId === 'service/fee-basis');
    const en = parse(sampleReport('en')).results.find((r) => r.ruleId === 'service/fee-basis');
    assert.equal(zh?.message, '收费事项须填写收费依据 (fee.basis)');
    assert.equal(en?.message, 'A charged service needs fee.basis');
  });
});

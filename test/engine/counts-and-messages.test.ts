import * as assert from 'assert';
import { buildReport } from '../../server/src/cli/lint/report';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';

/** Issue 13 point 6: what the report counts, and numbers quoted as the author wrote them. */
const lint = (file: string, text: string) => lintFile({ file, text, config: DEFAULT_CONFIG, today: '2026-06-01' });

describe('report counts and messages as written', () => {
  it('a document that gets schema/unknown-kind is a GovSpec document: summary.documents counts it', () => {
    const text = [
      'apiVersion: govspec/v1\nkind: Agency\nuscc: "11511301008778183N"\nname: 南充市顺庆区市场监督管理局\nregion: "511302"\nlevel: "4"\n',
      'apiVersion: govspec/v1\nkind: Agenzy\nuscc: "11511301008778183N"\n',
      'apiVersion: govspec/v2\nkind: Agency\n',
    ].join('---\n');
    const result = lint('register.agency.yaml', text);
    assert.deepStrictEqual(result.findings.map((f) => f.ruleId), ['schema/unknown-kind', 'schema/unknown-kind']);
    assert.deepStrictEqual(result.documents.map((d) => [d.index, d.kind]), [[0, 'Agency'], [1, 'Agenzy'], [2, 'Agency']]);
    const report = buildReport([{ file: 'register.agency.yaml', ...result }], 'en', false);
    assert.strictEqual(report.summary.documents, 3);
  });

  it('a schema/type message about an unquoted 18-digit code quotes the source text, not the rounded number', () => {
    const text = 'apiVersion: govspec/v1\nkind: Agency\nuscc: 123701004955000148\nname: 某局\nregion: "370100"\nlevel: "3"\n';
    const type = lint('a.agency.yaml', text).findings.find((f) => f.ruleId === 'schema/type')!;
    for (const message of [type.message['zh-CN'], type.message.en]) {
      assert.ok(message.includes('123701004955000148'), message);
      assert.ok(!message.includes('123701004955000140'), message);
    }
    assert.deepStrictEqual(type.fixes.map((f) => f.edits[0].newText), ['"123701004955000148"']);
  });

  it('quoting the number as written leaves the code the message suggests alone (type: 07 → "07", never "007")', () => {
    const text = [
      'apiVersion: govspec/v1', 'kind: Service', 'name: 内地居民结婚登记', 'type: 07', '',
    ].join('\n');
    const type = lint('a.service.yaml', text).findings.find((f) => f.ruleId === 'schema/type' && f.range.start.line === 3)!;
    assert.ok(type.message['zh-CN'].includes('未加引号的 07 被读作数字'), type.message['zh-CN']);
    assert.ok(type.message['zh-CN'].includes('如 "07"'), type.message['zh-CN']);
    assert.ok(type.message.en.includes('e.g. "07"'), type.message.en);
    assert.ok(!type.message['zh-CN'].includes('"007"') && !type.message.en.includes('"007"'), type.message.en);
  });
});

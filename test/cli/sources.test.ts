/** Sources a reader can read (issue 17, point 11): full names in the report's language, a legend, links to rule pages. */
import { strict as assert } from 'node:assert';
import { confidenceLegend, readableSource } from '../../server/src/engine/l10n/sources';
import { RULE_METAS } from '../../server/src/engine/rules/registry';
import { TODAY, Workspace, edit, ensureBuilt, initialised } from './harness';

describe('readable sources', () => {
  it('names regulations and standards in full, in the language of the report', () => {
    assert.equal(readableSource('国发〔2016〕51号 (H)', 'zh-CN'), '国发〔2016〕51号《政务信息资源共享管理暂行办法》(H)');
    assert.equal(readableSource('GB/T 39046-2020 table 4 (H)', 'zh-CN'), 'GB/T 39046-2020《政务服务平台基础数据规范》表4 (H)');
    assert.equal(readableSource('行政许可法 art. 42 (M)', 'zh-CN'), '《中华人民共和国行政许可法》第42条(M)');
    assert.equal(readableSource('行政许可法 art. 42 (M)', 'en'), 'Administrative Licensing Law of the PRC art. 42 (M)');
    assert.equal(readableSource('L', 'en'), 'a design choice of GovSpec (L)');
  });

  it('leaves no catalogue shorthand in any rule\'s source', () => {
    for (const meta of RULE_METAS.values()) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = readableSource(meta.source, locale);
        assert.doesNotMatch(text, /\.md\b|^L$|^\(?[HML]\)?$/, `${meta.id}: ${text}`);
        if (locale === 'zh-CN') assert.doesNotMatch(text, /\b(art|arts|item|items|table|annex)\b/, `${meta.id}: ${text}`);
      }
    }
  });

  it('explains the confidence marks in both languages', () => {
    assert.match(confidenceLegend('zh-CN'), /H 已与原文核对.*M .*L 设计选择/);
    assert.match(confidenceLegend('en'), /H checked against the primary text.*M secondary sources agree.*L a design choice/);
  });
});

describe('govspec rules, explain and report: sources', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  it('rules shows full names and the legend; explain the source and the legend', () => {
    const rules = ws.run(['rules', '--locale', 'zh-CN']);
    assert.match(rules.stdout, /国发〔2016〕51号《政务信息资源共享管理暂行办法》/);
    assert.doesNotMatch(rules.stdout, /format\.md|semantics\.md/);
    assert.match(rules.stderr, /置信度：H 已与原文核对/);
    const explain = ws.run(['explain', 'catalog/none-needs-basis', '--locale', 'en']);
    assert.match(explain.stdout, /Source: 国发〔2016〕51号 “Interim Measures for the Administration of Government Information Resource Sharing” \(H\)\nConfidence after a source: H checked/);
  });

  it('the HTML report links each finding to its rule\'s page, bundled in the report', () => {
    edit(ws, 'example.service.yaml', 'type: "01"', 'type: 01');
    const r = ws.run(['report', '--html', 'report.html', '--today', TODAY, '--locale', 'zh-CN']);
    assert.equal(r.status, 1, r.stderr);
    const html = ws.read('report.html');
    const row = /<tr class="finding"[^>]*data-rule="schema\/type">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    assert.match(row, /<a href="#rule-schema-type">GovSpec 文件格式（govspec\/v1）<\/a>/);
    const page = /<article class="rule-page" id="rule-schema-type">[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    assert.match(page, /<h3>为什么<\/h3>/, 'the README rendered in the report language');
    assert.match(page, /<pre><code/, 'with its examples');
    assert.match(html, /依据后的置信度：H 已与原文核对/);
  });
});

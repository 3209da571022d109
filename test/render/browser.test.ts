/**
 * The rendered pages in Chromium, loaded from files as a person would open them: what the DOM and the graph hold,
 * that nothing in the documents runs, and that the policy blocks nothing of the page's own (no console errors).
 * Screenshots go to test-artifacts/render/.
 */
import * as assert from 'assert';
import { WorkspaceIndex } from '../../server/src/engine/workspace';
import { readGraphLibrary } from '../../server/src/render/graph-library';
import { serviceGuidePage } from '../../server/src/render/pages';
import { writeHtmlReport } from '../../server/src/cli/commands/report';
import { renderServiceGuide } from '../../server/src/render/service-guide';
import { buildSharingGraph } from '../../server/src/render/sharing-graph';
import { renderSharingMap } from '../../server/src/render/sharing-map';
import { MAX_VISIBLE } from '../../server/src/render/map-model-script';
import { browserSuite, load, screenshot } from './browser';
import type { Page } from './browser';
import { hostileService } from './hostile';
import { ARTIFACTS, EXAMPLES, TODAY, loadWorkspace, writeArtifact } from './support';
import { syntheticWorkspace } from './synthetic';

const NONCE = 'BrowserTestNonce42';
/** What a standalone file's policy names as its own origin. */
const page = { nonce: NONCE, cspSource: "'self'" };
const GUIDE = 'services/food-business-licence.service.yaml';

const text = (p: Page, selector: string) => p.locator(selector).first().innerText();
const evaluate = <T>(p: Page, expression: string) => p.evaluate<T>(expression);
/** playwright's init scripts run before the page's own, as VS Code's webview API does. */
const addInitScript = (p: Page, script: string) => (p as unknown as { addInitScript(s: string): Promise<void> }).addInitScript(script);

describe('render: pages in Chromium', function () {
  this.timeout(120_000);
  const ws = loadWorkspace(EXAMPLES);
  const library = readGraphLibrary();

  const suite = browserSuite();

  it('service guide: a shared material is marked, with its agreement and provider', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const file = writeArtifact(`guide-${locale}.html`, serviceGuidePage(GUIDE, ws.cache.get(GUIDE)!, ws.findings, ws.index, { ...page, locale }));
      const p = suite().session.page;
      await load(p, file);
      const row = p.locator('tr.material.shared');
      assert.strictEqual(await row.count(), 1);
      const shared = await row.first().innerText();
      assert.match(shared, locale === 'zh-CN' ? /无需提交 · 数据共享获取/ : /Nothing to submit · obtained by data sharing/);
      assert.match(shared, /法定代表人身份证明/);
      assert.strictEqual(await text(p, 'tr.material.shared .agreement-id'), 'GA-SC-2024-002');
      assert.match(shared, /居民户籍信息共享协议（市场准入）/);
      assert.strictEqual(await text(p, 'tr.material.shared .provider-name'), '广安市公安局广安区分局');
      // The expired agreement's finding sits in that material's row.
      assert.match(await text(p, 'tr.material.shared .findings'), /service\/shared-material-agreement/);
      assert.strictEqual(await p.locator('ol.steps li.step').count(), 3);
      assert.strictEqual(await p.locator('.online-entry a[href="https://www.sczwfw.gov.cn/guangan/food-licence"]').count(), 1);
      await screenshot(p, `guide-${locale}.png`);
    }
  });

  it('service guide: hostile values are shown as text and run nothing', async () => {
    const html = renderServiceGuide(hostileService(), { ...page, locale: 'zh-CN', index: new WorkspaceIndex(), findings: [] });
    const p = suite().session.page;
    await load(p, writeArtifact('guide-hostile.html', html));
    assert.strictEqual(await evaluate(p, 'window.__injected'), undefined);
    assert.match(await text(p, 'h1'), /<script>window.__injected=1<\/script>" onerror=/);
    await p.locator('.online-entry').first().click();
    assert.strictEqual(await evaluate(p, 'window.__injected'), undefined);
    await screenshot(p, 'guide-hostile.png');
  });

  it('sharing map: problem edges are marked, filters work, a click posts open to the editor', async () => {
    const graph = buildSharingGraph(ws.index, ws.findings, TODAY, ws.cache.resolve);
    const p = suite().session.page;
    await addInitScript(p, 'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); } }; };');
    await load(p, writeArtifact('map.html', renderSharingMap(graph, { ...page, locale: 'zh-CN', library })));
    await p.waitForFunction('!!window.govspecMap');
    const ids = (selector: string, hidden = true) => evaluate<string[]>(p,
      `window.govspecMap.cy.edges(${JSON.stringify(selector)})${hidden ? '' : ".not('.hidden')"}.map(function (e) { return e.data('edge').agreementId; }).sort()`);
    assert.strictEqual(await evaluate(p, "window.govspecMap.cy.nodes('.agency').length"), 6);
    assert.deepStrictEqual(await ids('.expired'), ['GA-SC-2024-002']);
    assert.deepStrictEqual(await ids('.unshared'), ['GA-RS-2025-003']);
    assert.deepStrictEqual(await ids('.problem'), ['GA-RS-2025-003', 'GA-SC-2024-002']);
    assert.match(await text(p, '#govspec-map-counts'), /机构 6 · 协议 4 · 有问题的协议 2/);

    await p.evaluate("(function () { var s = document.getElementById('govspec-filter-problem'); s.value = 'expired'; s.dispatchEvent(new Event('change')); })()");
    assert.deepStrictEqual(await ids('.agreement', false), ['GA-SC-2024-002']);
    assert.match(await text(p, '#govspec-map-counts'), /协议 1 · 有问题的协议 1/);
    await screenshot(p, 'map-filter-expired.png');
    await p.evaluate("(function () { var s = document.getElementById('govspec-filter-problem'); s.value = ''; s.dispatchEvent(new Event('change')); })()");
    assert.match(await text(p, '#govspec-map-counts'), /协议 4 · 有问题的协议 2/);

    const expired = graph.edges.find((e) => e.agreementId === 'GA-SC-2024-002')!;
    // (void: a collection handed back to playwright would be serialised with the whole graph)
    await p.evaluate(`void window.govspecMap.cy.getElementById(${JSON.stringify(expired.id)}).emit('tap')`);
    assert.deepStrictEqual(await evaluate(p, 'window.__posted'), [{ type: 'open', file: 'agreements/household-data-for-market.agreement.yaml', line: 16 }]);
    const details = await text(p, '#govspec-edge-details');
    assert.match(details, /GA-SC-2024-002/);
    assert.match(details, /已过期/);
    await screenshot(p, 'map.png');
  });

  it('HTML report: summary figures match the lint report, the map and findings are there', async () => {
    const out = `${ARTIFACTS}/report.html`;
    const { report, graph } = writeHtmlReport(['.'], out, { cwd: EXAMPLES, today: TODAY, locale: 'zh-CN' });
    const p = suite().session.page;
    await load(p, out);
    const figure = async (name: string) => Number(await text(p, `[data-figure="${name}"] .value`));
    assert.strictEqual(await figure('errors'), report.summary.errors);
    assert.strictEqual(await figure('warnings'), report.summary.warnings);
    assert.strictEqual(await figure('files'), report.summary.files);
    assert.strictEqual(await figure('agreements'), 4);
    assert.strictEqual(await figure('problem-agreements'), 2);
    assert.deepStrictEqual([report.summary.errors, report.summary.warnings], [7, 2]);
    assert.strictEqual(await p.locator('#chart-severity .bar-row[data-value="7"]').count(), 1);
    assert.strictEqual(await p.locator('#findings tr.finding').count(), report.files.reduce((n, f) => n + f.findings.length, 0));
    assert.match(await text(p, '#findings tr.finding[data-rule="agreement/unshared-resource"]'), /国发〔2016〕51号/);
    await p.waitForFunction('!!window.govspecMap');
    assert.strictEqual(await evaluate(p, "window.govspecMap.cy.edges('.problem').length"), graph.edges.filter((e) => e.problems.length).length);
    await screenshot(p, 'report.png');
  });

  it('a 5,000-agency, 1,200-agreement map holds every node and draws collapsed regions', async () => {
    const { index, findings } = syntheticWorkspace(5000, 1200);
    const p = suite().session.page;
    await load(p, writeArtifact('map-5000.html', renderSharingMap(buildSharingGraph(index, findings, TODAY), { ...page, locale: 'en', library })));
    await p.waitForFunction('!!window.govspecMap', undefined, { timeout: 90_000 });
    assert.strictEqual(await evaluate(p, 'Object.keys(window.govspecMap.model().agencies).length'), 5000);
    assert.strictEqual(await evaluate(p, 'window.govspecMap.model().graph.edges.length'), 1200);
    assert.strictEqual(await evaluate(p, "window.govspecMap.model().graph.edges.filter(function (e) { return e.problems.indexOf('expired') >= 0; }).length"), 120);
    assert.ok(await evaluate<number>(p, "window.govspecMap.cy.nodes('.collapsed').length") > 0);
    assert.ok(await evaluate<number>(p, 'window.govspecMap.cy.nodes().length') <= MAX_VISIBLE);
    assert.strictEqual(await p.locator('#govspec-map canvas').count() > 0, true);
    await screenshot(p, 'map-5000.png');
  });

  it('sharing map: a graph posted after an edit is diffed in, keeping zoom, pan, expansion and selection', async () => {
    const graph = buildSharingGraph(ws.index, ws.findings, TODAY, ws.cache.resolve);
    const p = suite().session.page;
    await load(p, writeArtifact('map-update.html', renderSharingMap(graph, { ...page, locale: 'zh-CN', library })));
    await p.waitForFunction('!!window.govspecMap');
    const first = graph.nodes[0].id;
    await p.evaluate(`(function (cy) { cy.zoom(0.7); cy.pan({ x: 41, y: 23 }); cy.getElementById(${JSON.stringify(first)}).select(); })(window.govspecMap.cy)`);
    const state = () => evaluate<{ zoom: number; pan: { x: number; y: number }; selected: string[]; edges: number; expanded: string[] }>(p, `(function (m) {
      return { zoom: m.cy.zoom(), pan: m.cy.pan(), selected: m.cy.$(':selected').map(function (e) { return e.id(); }), edges: m.cy.edges().length, expanded: m.expanded() };
    })(window.govspecMap)`);
    const before = await state();
    // Two successive edits: an agreement copied under a new id, then the same graph again.
    const edited = { ...graph, edges: [...graph.edges, { ...graph.edges[0], id: 'new#0', agreementId: 'NEW-1' }] };
    for (const next of [edited, edited]) {
      const painted = await evaluate<string>(p, "document.getElementById('govspec-map').getAttribute('data-painted')");
      await p.evaluate(`window.postMessage({ type: 'govspec.graph', data: { graph: ${JSON.stringify(next)} } }, '*')`);
      await p.waitForFunction(`document.getElementById('govspec-map').getAttribute('data-painted') !== ${JSON.stringify(painted)}`);
      const after = await state();
      assert.deepStrictEqual({ ...after, edges: before.edges }, before);
      assert.strictEqual(after.edges, graph.edges.length + 1);
      assert.strictEqual(await evaluate(p, "window.govspecMap.cy.getElementById('new#0').data('edge').agreementId"), 'NEW-1');
    }
  });
});

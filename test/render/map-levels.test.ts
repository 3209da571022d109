/**
 * Level sub-groups of the sharing map: inside a region that also holds sub-regions, or agencies of several levels,
 * each level's agencies form a group of their own, which collapses, expands and aggregates like a region.
 */
import * as assert from 'assert';
import { readGraphLibrary } from '../../server/src/render/graph-library';
import { buildSharingGraph } from '../../server/src/render/sharing-graph';
import { renderSharingMap } from '../../server/src/render/sharing-map';
import { browserSuite, load, screenshot } from './browser';
import { TODAY, writeArtifact } from './support';
import { levelsWorkspace } from './synthetic';

describe('render: level sub-groups of the sharing map', function () {
  this.timeout(120_000);
  const ws = levelsWorkspace();
  const graph = buildSharingGraph(ws.index, ws.findings, TODAY);
  const groupOf = (name: string) => graph.nodes.find((n) => n.name === name)!.group;

  it('splits a region by level when it holds sub-regions or several levels, and only then', () => {
    const levelGroups = graph.groups.filter((g) => g.level !== undefined).map((g) => [g.id, g.parent, g.level]);
    assert.deepStrictEqual(levelGroups, [
      ['g:510000/2', 'g:510000', '2'], ['g:510100/3', 'g:510100', '3'], ['g:510104/4', 'g:510104', '4'], ['g:510104/5', 'g:510104', '5'],
    ]);
    assert.strictEqual(groupOf('锦江区督院街街道办事处'), 'g:510104/5');
    assert.strictEqual(groupOf('锦江区数据局'), 'g:510104/4');
    assert.strictEqual(groupOf('四川省数据局'), 'g:510000/2');
    // One level and no sub-region: the agencies sit in the region itself.
    assert.strictEqual(groupOf('青羊区民政局'), 'g:510105');
    // Parents come before their children, a region's levels first among its children.
    const order = graph.groups.map((g) => g.id);
    assert.ok(order.indexOf('g:510104/5') < order.indexOf('g:510105'));
    for (const g of graph.groups) if (g.parent) assert.ok(order.indexOf(g.parent) < order.indexOf(g.id), g.id);
  });

  const suite = browserSuite();
  const library = readGraphLibrary();
  const evaluate = <T>(expression: string) => suite().session.page.evaluate<T>(expression);

  it('draws level groups inside their region, named by level; they collapse, aggregate and reopen on search', async () => {
    const p = suite().session.page;
    await load(p, writeArtifact('map-levels.html', renderSharingMap(graph, { nonce: 'LevelsNonce42', cspSource: "'self'", locale: 'zh-CN', library })));
    await p.waitForFunction('!!window.govspecMap');
    // Every agency is drawn in a level group of its own level (or its single-level region), inside its region.
    const placed = await evaluate<[string, string, string][]>(`window.govspecMap.cy.nodes('.agency').map(function (n) {
      var g = n.parent(); return [n.data('label'), g.hasClass('level') ? g.data('label') + ' < ' + g.parent().data('label') : g.data('label'), n.data('level')];
    }).sort()`);
    assert.deepStrictEqual(placed, [
      ['四川省数据局', '省级 < 四川省', '2'], ['成都市数据局', '市级 < 成都市', '3'],
      ['锦江区数据局', '县级 < 锦江区', '4'], ['锦江区民政局', '县级 < 锦江区', '4'],
      ['锦江区督院街街道办事处', '镇（乡、街道）级 < 锦江区', '5'], ['锦江区春熙路街道办事处', '镇（乡、街道）级 < 锦江区', '5'],
      ['青羊区数据局', '青羊区', '4'], ['青羊区民政局', '青羊区', '4'],
    ].sort());
    await screenshot(p, 'map-levels.png');

    // Collapsed, the township group is one box; its agreements with the county level are summed onto it.
    await evaluate("void window.govspecMap.collapse('g:510104/5')");
    assert.strictEqual(await evaluate<number>("window.govspecMap.cy.nodes('.agency[level = \"5\"]').length"), 0);
    assert.match(await evaluate<string>("window.govspecMap.cy.getElementById('g:510104/5').data('label')"), /^镇（乡、街道）级\n2 机构$/);
    const sums = await evaluate<[string, string, number][]>("window.govspecMap.cy.edges('.aggregate').map(function (e) { return [e.source().data('label').split('\\n')[0], e.target().data('label').split('\\n')[0], e.data('count')]; }).sort()");
    assert.deepStrictEqual(sums, [['成都市数据局', '镇（乡、街道）级', 1], ['镇（乡、街道）级', '锦江区数据局', 1], ['镇（乡、街道）级', '锦江区民政局', 1]].sort());
    // The expired agreement starts there: the box has a problem border.
    assert.ok(await evaluate<boolean>("window.govspecMap.cy.getElementById('g:510104/5').hasClass('has-problem')"));
    // 市级 has a summed line to it, but no problem agreement: no red border when collapsed.
    await evaluate("void window.govspecMap.collapse('g:510100/3')");
    assert.strictEqual(await evaluate<number>("window.govspecMap.cy.edges('.aggregate').filter(function (e) { return e.source().id() === 'g:510100/3'; }).length"), 1);
    assert.strictEqual(await evaluate<boolean>("window.govspecMap.cy.getElementById('g:510100/3').hasClass('has-problem')"), false);

    // A search opens the level group again and centres the agency.
    const found = graph.nodes.find((n) => n.name === '锦江区春熙路街道办事处')!;
    assert.strictEqual(await evaluate(`window.govspecMap.search('春熙路')`), found.id);
    assert.ok(await evaluate<boolean>("window.govspecMap.cy.getElementById('g:510104/5').hasClass('expanded')"));
    assert.ok(await evaluate<boolean>(`window.govspecMap.cy.getElementById(${JSON.stringify(found.id)}).selected()`));
  });
});

/**
 * The sharing map in Chromium at county, prefecture, province and national scale (bench/generate/map-scales.ts):
 * what the first paint draws, region groups collapsing and expanding, every problem agreement reachable, search,
 * problems only, the cross-boundary filter, label boxes that do not intersect, and a deterministic layout.
 * Screenshots go to test-artifacts/render/map-<scale>.png (first paint), -problems.png and -search.png.
 */
import * as assert from 'assert';
import { mapWorkspace } from '../../bench/generate/map-scales';
import type { MapScaleName } from '../../bench/generate/map-scales';
import { readGraphLibrary } from '../../server/src/render/graph-library';
import { MAX_VISIBLE, SEARCH_OPENS_WHOLE } from '../../server/src/render/map-model-script';
import { buildSharingGraph } from '../../server/src/render/sharing-graph';
import type { SharingGraph } from '../../server/src/render/sharing-graph';
import { renderSharingMap } from '../../server/src/render/sharing-map';
import { browserSuite, load, screenshot } from './browser';
import type { Page } from './browser';
import { TODAY, writeArtifact } from './support';

const page = { nonce: 'MapScaleTestNonce42', cspSource: "'self'" };
const SCALES: MapScaleName[] = ['county', 'prefecture', 'province', 'national'];

const evaluate = <T>(p: Page, expression: string) => p.evaluate<T>(expression);

/** Pairs of drawn leaf nodes (agencies, collapsed regions) whose boxes, labels included, intersect. */
const OVERLAPS = `(function () {
  var boxes = window.govspecMap.cy.nodes().filter(function (n) { return !n.isParent(); }).map(function (n) {
    return { id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) };
  });
  var out = [];
  for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
    var a = boxes[i].b, b = boxes[j].b;
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(boxes[i].id + ' / ' + boxes[j].id);
  }
  return out;
})()`;

/** Each drawn leaf's position, rounded, by id. */
const LEAF_POSITIONS = `(function () {
  var at = {};
  window.govspecMap.cy.nodes().forEach(function (n) { if (!n.isParent()) at[n.id()] = [Math.round(n.position('x')), Math.round(n.position('y'))]; });
  return at;
})()`;

describe('render: the sharing map at four scales', function () {
  this.timeout(120_000);
  const library = readGraphLibrary();

  const suite = browserSuite();

  async function open(graph: SharingGraph, name: string): Promise<Page> {
    const p = suite().session.page;
    await load(p, writeArtifact(`${name}.html`, renderSharingMap(graph, { ...page, locale: 'zh-CN', library })));
    await p.waitForFunction('!!window.govspecMap', undefined, { timeout: 90_000 });
    return p;
  }

  for (const scale of SCALES) {
    it(`${scale}: grouped by region, within the first-paint budget, every problem reachable, search, filters`, async () => {
      const ws = mapWorkspace(scale);
      const graph = buildSharingGraph(ws.index, ws.findings, TODAY);
      const p = await open(graph, `map-${scale}`);
      const drawn = await evaluate<{ agencies: number; groups: number; collapsed: number; total: number }>(p, `(function (cy) {
        return { agencies: cy.nodes('.agency').length, groups: cy.nodes('.group').length, collapsed: cy.nodes('.collapsed').length, total: cy.nodes().length };
      })(window.govspecMap.cy)`);
      if (scale === 'county') {
        assert.strictEqual(drawn.agencies, 10, 'a county is drawn whole');
        assert.strictEqual(drawn.collapsed, 0);
      } else {
        assert.ok(drawn.collapsed > 0, `${scale}: some regions start collapsed`);
        assert.ok(drawn.total <= MAX_VISIBLE, `${scale}: ${drawn.total} nodes drawn at first paint`);
      }
      // Every drawn agency sits in the group of its region.
      const misplaced = await evaluate<string[]>(p, `window.govspecMap.cy.nodes('.agency').filter(function (n) {
        var a = window.govspecMap.view().nodes.filter(function (v) { return v.id === n.id(); })[0].agency;
        return n.parent().id() !== a.group;
      }).map(function (n) { return n.id(); })`);
      assert.deepStrictEqual(misplaced, []);
      assert.deepStrictEqual(await evaluate<string[]>(p, OVERLAPS), [], 'label boxes do not intersect');
      // Readable at first paint: no node's name is drawn smaller than 8.5 px.
      const smallest = await evaluate<number>(p, "Math.min.apply(null, window.govspecMap.cy.nodes().map(function (n) { return parseFloat(n.renderedStyle('font-size')); }))");
      assert.ok(smallest >= 8.5, `${scale}: labels drawn at ${smallest.toFixed(1)} px`);
      await screenshot(p, `map-${scale}.png`);

      if (scale !== 'county') {
        // A click on a collapsed region expands it; a second collapses it again.
        const target = await evaluate<string>(p, "window.govspecMap.cy.nodes('.collapsed')[0].id()");
        const before = await evaluate<number>(p, 'window.govspecMap.cy.nodes().length');
        // (void: a collection handed back to playwright would be serialised with the whole graph)
        await evaluate(p, `void window.govspecMap.cy.getElementById(${JSON.stringify(target)}).emit('tap')`);
        assert.ok(await evaluate<boolean>(p, `window.govspecMap.cy.getElementById(${JSON.stringify(target)}).hasClass('expanded')`));
        assert.ok(await evaluate<number>(p, `window.govspecMap.cy.getElementById(${JSON.stringify(target)}).children().length`) > 0);
        await evaluate(p, `window.govspecMap.collapse(${JSON.stringify(target)})`);
        assert.strictEqual(await evaluate<number>(p, 'window.govspecMap.cy.nodes().length'), before);
        // Agreements between collapsed regions are summed, with their count.
        const sums = await evaluate<number>(p, "window.govspecMap.cy.edges('.aggregate').reduce(function (n, e) { return n + e.data('count'); }, 0)");
        assert.ok(sums > 0, 'summed edges carry counts');
      }

      // Problems only: just the problem agreements and their ends; expanding to each end reaches every one.
      await p.evaluate("(function () { var c = document.getElementById('govspec-problems-only'); c.checked = true; c.dispatchEvent(new Event('change')); })()");
      assert.strictEqual(await evaluate<number>(p, "window.govspecMap.cy.edges().not('.problem').length"), 0);
      assert.match(await p.locator('#govspec-map-counts').innerText(), new RegExp(`协议 ${ws.problemAgreements.length} · 有问题的协议 ${ws.problemAgreements.length}$`));
      await screenshot(p, `map-${scale}-problems.png`);
      // Each problem agreement is drawn as itself once the regions of its two ends are expanded (the model's view,
      // as a click on each region would give it; one of them is then expanded for real below).
      const reached = await evaluate<string[]>(p, `(function (m) {
        var model = m.model(), filter = { problem: '', problemsOnly: true, cross: '', region: '' };
        return model.graph.edges.filter(function (a) { return a.problems.length > 0; }).filter(function (a) {
          var open = Object.assign({}, m.expansion());
          model.reveal(a.source, open); model.reveal(a.target, open);
          return model.view(open, filter).edges.some(function (e) { return e.id === a.id && !!e.edge; });
        }).map(function (a) { return a.agreementId; }).sort();
      })(window.govspecMap)`);
      assert.deepStrictEqual(reached, [...ws.problemAgreements].sort());
      const first = graph.edges.find((e) => e.problems.length > 0)!;
      await evaluate(p, `(function (m) { m.model().reveal(${JSON.stringify(first.source)}, m.expansion()); m.model().reveal(${JSON.stringify(first.target)}, m.expansion()); m.redraw(); })(window.govspecMap)`);
      assert.strictEqual(await evaluate(p, `window.govspecMap.cy.getElementById(${JSON.stringify(first.id)}).data('edge').agreementId`), first.agreementId);
      await p.evaluate("(function () { var c = document.getElementById('govspec-problems-only'); c.checked = false; c.dispatchEvent(new Event('change')); })()");

      // 跨地域: only agreements whose ends lie in regions that do not contain each other.
      await p.evaluate("(function () { var s = document.getElementById('govspec-filter-cross'); s.value = 'region'; s.dispatchEvent(new Event('change')); })()");
      const crossing = graph.edges.filter((e) => e.cross.region).length;
      assert.strictEqual(await evaluate<number>(p, "window.govspecMap.cy.edges().not('.cross-region').length"), 0);
      assert.match(await p.locator('#govspec-map-counts').innerText(), new RegExp(`协议 ${crossing} ·`));
      await p.evaluate("(function () { var s = document.getElementById('govspec-filter-cross'); s.value = ''; s.dispatchEvent(new Event('change')); })()");

      // Search finds the deepest agency (a county's last), expands the way to it and centres it.
      const deep = graph.nodes.filter((n) => n.region && !n.region.endsWith('00')).sort((a, b) => a.name.localeCompare(b.name)).pop()!;
      const before = await evaluate<Record<string, [number, number]>>(p, LEAF_POSITIONS);
      const drawnBefore = await evaluate<number>(p, 'window.govspecMap.cy.nodes().length');
      assert.strictEqual(await evaluate(p, `window.govspecMap.search(${JSON.stringify(deep.name)})`), deep.id);
      // Only the way down is opened: each group on it adds at most its child on the way, the agency and one box for
      // the rest of a large group, never all of a prefecture's counties or a county's agencies.
      const way = await evaluate<number>(p, `window.govspecMap.model().way(${JSON.stringify(deep.id)}).length`);
      const drawnAfter = await evaluate<number>(p, 'window.govspecMap.cy.nodes().length');
      assert.ok(drawnAfter <= drawnBefore + 2 * way + SEARCH_OPENS_WHOLE, `${scale}: ${drawnBefore} nodes before the search, ${drawnAfter} after`);
      // Only the groups the search opened are laid out: every leaf drawn before and still a leaf stays put.
      const after = await evaluate<Record<string, [number, number]>>(p, LEAF_POSITIONS);
      const kept = Object.keys(before).filter((id) => id in after);
      assert.ok(kept.length > 0, `${scale}: leaves outside the opened groups are still drawn`);
      assert.deepStrictEqual(Object.fromEntries(kept.map((id) => [id, after[id]])), Object.fromEntries(kept.map((id) => [id, before[id]])));
      // …and the opened group is placed where it covers none of them.
      assert.deepStrictEqual(await evaluate<string[]>(p, OVERLAPS), [], `${scale}: label boxes do not intersect after the search`);
      const place = await evaluate<{ x: number; y: number; w: number; h: number; selected: boolean }>(p, `(function (cy, n) {
        var r = n.renderedPosition(); return { x: r.x, y: r.y, w: cy.width(), h: cy.height(), selected: n.selected() };
      })(window.govspecMap.cy, window.govspecMap.cy.getElementById(${JSON.stringify(deep.id)}))`);
      assert.ok(place.selected);
      await screenshot(p, `map-${scale}-search.png`);
      assert.ok(Math.abs(place.x - place.w / 2) < 2 && Math.abs(place.y - place.h / 2) < 2, `centred: ${JSON.stringify(place)}`);

      // In a group of more agencies than a search opens whole, the others are one box; a click on it opens the group.
      const members = graph.nodes.filter((n) => n.group === deep.group).length;
      const rest = `window.govspecMap.cy.getElementById(${JSON.stringify(`rest:${deep.group}`)})`;
      const inGroup = `window.govspecMap.cy.nodes('.agency').filter(function (n) { return n.parent().id() === ${JSON.stringify(deep.group)}; }).length`;
      if (members > SEARCH_OPENS_WHOLE) {
        assert.match(await evaluate<string>(p, `${rest}.data('label')`), new RegExp(`^其余机构\n${members - 1} 机构$`));
        assert.strictEqual(await evaluate<number>(p, inGroup), 1);
        await evaluate(p, `void ${rest}.emit('tap')`);
        assert.strictEqual(await evaluate<number>(p, `${rest}.length`), 0);
      } else {
        assert.strictEqual(await evaluate<number>(p, `${rest}.length`), 0);
      }
      assert.strictEqual(await evaluate<number>(p, inGroup), members);
    });
  }

  it('lays one workspace out the same way every time', async () => {
    const ws = mapWorkspace('prefecture');
    const graph = buildSharingGraph(ws.index, ws.findings, TODAY);
    const deep = graph.nodes.filter((n) => n.region && !n.region.endsWith('00')).sort((a, b) => a.name.localeCompare(b.name)).pop()!;
    const all = "JSON.stringify(window.govspecMap.cy.nodes().map(function (n) { var q = n.position(); return [n.id(), Math.round(q.x), Math.round(q.y)]; }))";
    const positions = async () => {
      const p = await open(graph, 'map-prefecture-again');
      const opened = await evaluate<string>(p, all);
      // A search lays out only the groups it opens; that, too, comes out the same every time.
      assert.strictEqual(await evaluate(p, `window.govspecMap.search(${JSON.stringify(deep.name)})`), deep.id);
      return [opened, await evaluate<string>(p, all)];
    };
    assert.deepStrictEqual(await positions(), await positions());
  });
});

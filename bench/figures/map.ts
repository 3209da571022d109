/**
 * Map and report figures (`--only map`): per scale of bench/generate/map-scales.ts, the page's size, the time from
 * opening it in Chromium to its first complete paint (the map's layout done and the next frame painted, by the page's
 * own clock, which starts at navigation), and how long a search for the deepest agency takes (expanding the way,
 * laying out again and centring). The map page and the reviewer report over the same workspace.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { MAP_SCALES, mapWorkspace } from '../generate/map-scales';
import type { MapScaleName } from '../generate/map-scales';
import { launchBrowser } from '../../test/e2e/code-server/playwright';
import { readGraphLibrary } from '../../server/src/render/graph-library';
import { renderHtmlReport } from '../../server/src/render/html-report';
import { documentOwners } from '../../server/src/render/report-owners';
import { buildSharingGraph } from '../../server/src/render/sharing-graph';
import { renderSharingMap } from '../../server/src/render/sharing-map';
import { RULE_METAS } from '../../server/src/engine';
import type { FileReport, Finding } from '../../server/src/engine';
import { BENCH_DIR } from '../lib/corpus';
import type { FigureValue } from '../lib/figure';
import { round, spread } from '../lib/stats';

const NONCE = 'BenchMapNonce0042';
const TODAY = '2026-06-01';

/** Resolves once the frame after the first layout has been painted; the page's clock at that moment, in ms. */
const FIRST_PAINT = `new Promise(function (done) {
  (function wait() {
    if (window.govspecMap && document.getElementById('govspec-map').getAttribute('data-painted')) {
      requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now()); }); });
    } else requestAnimationFrame(wait);
  })();
})`;

function pages(scale: MapScaleName): { map: string; report: string; deepest: string } {
  const ws = mapWorkspace(scale);
  const graph = buildSharingGraph(ws.index, ws.findings, TODAY);
  const library = readGraphLibrary();
  const byFile = new Map<string, Finding[]>();
  for (const f of ws.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const files: FileReport[] = [...byFile].map(([file, findings]) => ({ file, documents: [], findings }));
  const report = { files, locale: 'zh-CN' as const, rules: RULE_METAS, summary: { files: files.length, documents: files.length, errors: 0, warnings: ws.findings.length, infos: 0 } };
  const dir = path.join(BENCH_DIR, 'results', 'map');
  mkdirSync(dir, { recursive: true });
  const map = path.join(dir, `map-${scale}.html`);
  const reportFile = path.join(dir, `report-${scale}.html`);
  writeFileSync(map, renderSharingMap(graph, { nonce: NONCE, cspSource: "'self'", locale: 'zh-CN', library }));
  writeFileSync(reportFile, renderHtmlReport({ report, graph, locale: 'zh-CN', owners: documentOwners(ws.index), library, nonce: NONCE }));
  const deepest = graph.nodes.filter((n) => n.region && !n.region.endsWith('00')).sort((a, b) => a.name.localeCompare(b.name)).pop() ?? graph.nodes[0];
  return { map, report: reportFile, deepest: deepest.name };
}

/** `map.<page>.<scale>` for page map and report. */
export async function mapFigures(runs: number): Promise<Record<string, FigureValue>> {
  const figures: Record<string, FigureValue> = {};
  const session = await launchBrowser({ width: 1360, height: 900 });
  try {
    for (const scale of Object.keys(MAP_SCALES) as MapScaleName[]) {
      const built = pages(scale);
      for (const [page, file] of [['map', built.map], ['report', built.report]] as const) {
        const paints: number[] = [];
        const searches: number[] = [];
        for (let run = 0; run < runs; run++) {
          await session.page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
          paints.push(await session.page.evaluate<number>(FIRST_PAINT));
          searches.push(await session.page.evaluate<number>(`(function () { var t = performance.now(); window.govspecMap.search(${JSON.stringify(built.deepest)}); return performance.now() - t; })()`));
        }
        const paint = spread(paints);
        const search = spread(searches);
        figures[`map.${page}.${scale}`] = {
          first_paint_ms: round(paint.median, 0), first_paint_min_ms: round(paint.min, 0), first_paint_max_ms: round(paint.max, 0),
          search_ms: round(search.median, 0), search_max_ms: round(search.max, 0),
          size_kb: round(statSync(file).size / 1024, 0), runs, load_average: round(loadavg()[0], 1),
        };
      }
    }
  } finally {
    await session.close();
  }
  return figures;
}

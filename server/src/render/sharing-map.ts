/**
 * The sharing map page: the graph model drawn by cytoscape, whose minified source the host passes in (render
 * functions stay pure; graph-library.ts reads the file). The same section is embedded in the HTML report.
 */
import type { Locale } from '../engine';
import { esc, htmlDocument, scriptJson } from './html';
import type { PageSecurity } from './html';
import { codeLabel, regionName } from './labels';
import { MAP_LAYOUT_SCRIPT } from './map-layout-script';
import { MAP_MODEL_SCRIPT } from './map-model-script';
import { MAP_SCRIPT } from './map-script';
import { OPEN_SCRIPT } from './open-script';
import { PROBLEM_FLAGS } from './sharing-graph';
import type { SharingGraph } from './sharing-graph';
import { t } from './strings';
import { THEME_CSS } from './theme';

export interface SharingMapOptions extends PageSecurity {
  locale: Locale;
  /** cytoscape's minified source followed by the fCoSE layout's (graph-library.ts). */
  library: string;
}

/**
 * Cytoscape adds this rule in a `<style>` of its own, which the policy would block; the page carries it instead
 * (the element id is how cytoscape finds it already present).
 */
const CYTOSCAPE_CONTAINER_CSS = '.__________cytoscape_container { position: relative; }';

export const MAP_CSS = `
.map-toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.map-toolbar input, .map-toolbar select { font: inherit; color: var(--fg); background: var(--vscode-input-background, var(--bg)); border: 1px solid var(--border); padding: 2px 6px; }
.map-body { display: grid; grid-template-columns: 1fr 280px; gap: 12px; }
.map-canvas { height: 70vh; min-height: 420px; border: 1px solid var(--border); }
.edge-details { border: 1px solid var(--border); padding: 8px 10px; background: var(--panel); overflow-wrap: anywhere; font-size: 0.92em; }
.edge-details h3 { font-size: 1em; margin: 0 0 6px; }
.problem-flag { display: inline-block; margin: 4px 4px 0 0; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 6px; font-size: 0.88em; }
.agreement-list { margin: 6px 0 0; padding-left: 18px; max-height: 40vh; overflow-y: auto; }
.legend .line { display: inline-block; width: 28px; height: 0; border-top: 2px solid var(--muted); vertical-align: middle; margin-right: 4px; }
.legend .line.problem { border-top: 3px solid var(--error); }
.legend .line.worst-safeguards { border-top: 3px solid #bf3989; }
.legend .line.worst-expired { border-top: 3px solid #bc4c00; }
.legend .line.worst-reply { border-top: 3px solid var(--warning); }
.legend .line.cross-region { border-top-style: dashed; }
.legend .line.cross-department { border-top-style: dotted; }
.legend .line.cross-level { position: relative; }
.legend .line.cross-level::before { content: ''; position: absolute; left: -2px; top: -5px; width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
.legend .box { display: inline-block; width: 16px; height: 12px; border: 2px solid var(--accent); border-radius: 3px; margin-right: 4px; vertical-align: middle; }
.legend .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); margin-right: 4px; vertical-align: middle; }
.legend .dot.unregistered { background: var(--warning); border-radius: 0; transform: rotate(45deg); }
@media print { .map-body { grid-template-columns: 1fr; } .map-canvas { height: 520px; } }
`;

function levelName(code: string | undefined, locale: Locale): string {
  if (code === undefined) return t(locale, 'unknownLevel');
  return codeLabel('Agency', ['level'], code, locale) ?? code;
}

function regionTitle(code: string | undefined, locale: Locale): string {
  if (code === undefined) return t(locale, 'unknownRegion');
  const name = regionName(code);
  return name ? `${name.split(' ').pop()} ${code}` : code;
}

const CROSS_KINDS = ['level', 'region', 'department'] as const;
const CROSS_KEYS = { level: 'crossLevel', region: 'crossRegion', department: 'crossDepartment' } as const;

const regionsOf = (graph: SharingGraph) => [...new Set(graph.nodes.map((n) => n.region).filter((r): r is string => r !== undefined))].sort();

/**
 * What the page script reads: the graph and the labels it needs. The page's JSON block holds it, and the editor
 * posts a fresh one after an edit (`{ type: 'govspec.graph', data }`), which the page diffs in.
 */
export function sharingMapData(graph: SharingGraph, locale: Locale) {
  const regions = regionsOf(graph);
  return {
    graph,
    levelNames: graph.levels.map((l) => levelName(l.code, locale)),
    regionNames: graph.regions.map((r) => regionTitle(r.code, locale)),
    levelLabels: Object.fromEntries([...new Set(graph.nodes.map((n) => n.level ?? ''))].map((l) => [l, levelName(l || undefined, locale)])),
    regionTitles: Object.fromEntries(regions.map((r) => [r, `${regionName(r) ?? ''} ${r}`.trim()])),
    strings: {
      provider: t(locale, 'provider'), consumer: t(locale, 'consumer'), resource: t(locale, 'resource'), validity: t(locale, 'validity'),
      open: t(locale, 'openDocument'), agencies: t(locale, 'agencies'), agreements: t(locale, 'agreements'), problemEdges: t(locale, 'problemEdges'),
      national: t(locale, 'nationalGroup'), others: t(locale, 'otherAgencies'), unknownRegion: t(locale, 'unknownRegion'), unknownLevel: t(locale, 'unknownLevel'),
      level: t(locale, 'level'), region: t(locale, 'filterRegion'), crossing: t(locale, 'crossing'),
      cross: Object.fromEntries(CROSS_KINDS.map((k) => [k, t(locale, CROSS_KEYS[k])])),
      flags: Object.fromEntries(PROBLEM_FLAGS.map((f) => [f, t(locale, f)])),
    },
  };
}

/** The toolbar, canvas, details panel and the graph's JSON block; needs MAP_CSS, OPEN_SCRIPT, the library and the map scripts. */
export function sharingMapSection(graph: SharingGraph, locale: Locale): string {
  const regions = regionsOf(graph);
  const names = [...new Set(graph.nodes.map((n) => n.name))].sort();
  const data = sharingMapData(graph, locale);
  const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;
  const legendLine = (cls: string, key: Parameters<typeof t>[1]) => `<span><span class="line ${cls}"></span>${esc(t(locale, key))}</span>`;
  return `<div class="map-toolbar no-print">
<label>${esc(t(locale, 'searchAgency'))} <input id="govspec-filter-agency" type="search" list="govspec-agency-names" size="24"></label>
<datalist id="govspec-agency-names">${names.map((n) => `<option value="${esc(n)}">`).join('')}</datalist>
<label>${esc(t(locale, 'filterRegion'))} <select id="govspec-filter-region">${option('', t(locale, 'all'))}${regions.map((r) => option(r, regionTitle(r, locale))).join('')}</select></label>
<label>${esc(t(locale, 'filterProblem'))} <select id="govspec-filter-problem">${option('', t(locale, 'all'))}${option('any', t(locale, 'anyProblem'))}${PROBLEM_FLAGS.map((f) => option(f, t(locale, f))).join('')}</select></label>
<label>${esc(t(locale, 'crossing'))} <select id="govspec-filter-cross">${option('', t(locale, 'all'))}${CROSS_KINDS.map((k) => option(k, t(locale, CROSS_KEYS[k]))).join('')}</select></label>
<label><input id="govspec-problems-only" type="checkbox"> ${esc(t(locale, 'problemsOnly'))}</label>
<span id="govspec-map-counts" class="muted"></span>
</div>
<div class="map-body">
<div id="govspec-map" class="map-canvas" role="img" aria-label="${esc(t(locale, 'mapTitle'))}"></div>
<aside id="govspec-edge-details" class="edge-details">${esc(t(locale, 'clickEdge'))}</aside>
</div>
<div class="legend"><span><span class="dot"></span>${esc(t(locale, 'agencies'))}</span><span><span class="dot unregistered"></span>${esc(t(locale, 'unregistered'))}</span><span><span class="box"></span>${esc(t(locale, 'collapsedRegion'))}</span>${legendLine('', 'agreements')}${legendLine('problem', 'unshared')}${legendLine('worst-safeguards', 'safeguards')}${legendLine('worst-expired', 'expired')}${legendLine('worst-reply', 'reply')}${legendLine('cross-level', 'crossLevel')}${legendLine('cross-region', 'crossRegion')}${legendLine('cross-department', 'crossDepartment')}</div>
<script type="application/json" id="govspec-graph">${scriptJson(data)}</script>`;
}

/** Styles and scripts the section needs, in order; `library` is the graph libraries' source (graph-library.ts). */
export function sharingMapAssets(library: string): { styles: string[]; scripts: string[] } {
  return { styles: [MAP_CSS], scripts: [OPEN_SCRIPT, library, MAP_MODEL_SCRIPT, MAP_LAYOUT_SCRIPT, MAP_SCRIPT] };
}

/** Cytoscape's own stylesheet element, already present so that it does not try to add one. */
export function cytoscapeStylesheet(nonce: string): string {
  return `<style id="__________cytoscape_stylesheet" nonce="${esc(nonce)}">${CYTOSCAPE_CONTAINER_CSS}</style>`;
}

export function renderSharingMap(graph: SharingGraph, options: SharingMapOptions): string {
  const { locale } = options;
  const assets = sharingMapAssets(options.library);
  const body = `${cytoscapeStylesheet(options.nonce)}
<h1>${esc(t(locale, 'mapTitle'))}</h1>
${sharingMapSection(graph, locale)}`;
  return htmlDocument({ ...options, title: t(locale, 'mapTitle'), styles: [THEME_CSS, ...assets.styles], body, scripts: assets.scripts });
}

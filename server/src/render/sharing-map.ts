/**
 * The sharing map page: the graph model drawn by cytoscape, whose minified source the host passes in (render
 * functions stay pure; graph-library.ts reads the file). The same section is embedded in the HTML report.
 */
import type { Locale } from '../engine';
import { esc, htmlDocument, scriptJson } from './html';
import type { PageSecurity } from './html';
import { codeLabel, regionName } from './labels';
import { MAP_SCRIPT } from './map-script';
import { OPEN_SCRIPT } from './open-script';
import { PROBLEM_FLAGS } from './sharing-graph';
import type { SharingGraph } from './sharing-graph';
import { t } from './strings';
import { THEME_CSS } from './theme';

export interface SharingMapOptions extends PageSecurity {
  locale: Locale;
  /** The text of cytoscape's dist/cytoscape.min.js. */
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
.legend { display: flex; gap: 16px; margin-top: 6px; font-size: 0.88em; }
.legend .line { display: inline-block; width: 28px; height: 0; border-top: 2px solid var(--muted); vertical-align: middle; margin-right: 4px; }
.legend .line.problem { border-top: 3px solid var(--error); }
.legend .line.expired { border-top: 3px dashed var(--error); }
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

/** The toolbar, canvas, details panel and the graph's JSON block; needs MAP_CSS, OPEN_SCRIPT, the library and MAP_SCRIPT. */
export function sharingMapSection(graph: SharingGraph, locale: Locale): string {
  const regions = [...new Set(graph.nodes.map((n) => n.region).filter((r): r is string => r !== undefined))].sort();
  const names = [...new Set(graph.nodes.map((n) => n.name))].sort();
  const data = {
    graph,
    levelNames: graph.levels.map((l) => levelName(l.code, locale)),
    regionNames: graph.regions.map((r) => regionTitle(r.code, locale)),
    strings: {
      provider: t(locale, 'provider'), consumer: t(locale, 'consumer'), resource: t(locale, 'resource'), validity: t(locale, 'validity'),
      open: t(locale, 'openDocument'), agencies: t(locale, 'agencies'), agreements: t(locale, 'agreements'), problemEdges: t(locale, 'problemEdges'),
      flags: Object.fromEntries(PROBLEM_FLAGS.map((f) => [f, t(locale, f)])),
    },
  };
  const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;
  return `<div class="map-toolbar no-print">
<label>${esc(t(locale, 'filterAgency'))} <input id="govspec-filter-agency" type="search" list="govspec-agency-names" size="24"></label>
<datalist id="govspec-agency-names">${names.map((n) => `<option value="${esc(n)}">`).join('')}</datalist>
<label>${esc(t(locale, 'filterRegion'))} <select id="govspec-filter-region">${option('', t(locale, 'all'))}${regions.map((r) => option(r, regionTitle(r, locale))).join('')}</select></label>
<label>${esc(t(locale, 'filterProblem'))} <select id="govspec-filter-problem">${option('', t(locale, 'all'))}${option('any', t(locale, 'anyProblem'))}${PROBLEM_FLAGS.map((f) => option(f, t(locale, f))).join('')}</select></label>
<span id="govspec-map-counts" class="muted"></span>
</div>
<div class="map-body">
<div id="govspec-map" class="map-canvas" role="img" aria-label="${esc(t(locale, 'mapTitle'))}"></div>
<aside id="govspec-edge-details" class="edge-details">${esc(t(locale, 'clickEdge'))}</aside>
</div>
<div class="legend"><span><span class="dot"></span>${esc(t(locale, 'agencies'))}</span><span><span class="dot unregistered"></span>${esc(t(locale, 'unregistered'))}</span><span><span class="line"></span>${esc(t(locale, 'agreements'))}</span><span><span class="line problem"></span>${esc(t(locale, 'problemEdges'))}</span><span><span class="line expired"></span>${esc(t(locale, 'expired'))}</span></div>
<script type="application/json" id="govspec-graph">${scriptJson(data)}</script>`;
}

/** Styles and scripts the section needs, in order; `library` is cytoscape's source. */
export function sharingMapAssets(library: string): { styles: string[]; scripts: string[] } {
  return { styles: [MAP_CSS], scripts: [OPEN_SCRIPT, library, MAP_SCRIPT] };
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

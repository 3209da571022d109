/**
 * What the language server answers the extension's preview and map panels with, in one call each: the panel
 * gives its nonce and resource origin, the server gives back the whole page. Pure, like the rest of render/.
 */
import { classifyDocuments } from '../engine';
import type { Finding, Locale } from '../engine';
import type { WorkspaceIndex } from '../engine';
import type { ParsedFile } from '../engine';
import { esc, htmlDocument } from './html';
import type { PageSecurity } from './html';
import { placeFindings } from './place-findings';
import { renderServiceGuide } from './service-guide';
import { buildSharingGraph } from './sharing-graph';
import type { LineResolver } from './sharing-graph';
import { renderSharingMap, sharingMapData } from './sharing-map';
import { t } from './strings';
import { THEME_CSS } from './theme';

/** What a webview panel sends with its request. */
export interface PageRequest extends PageSecurity { locale: Locale }

/**
 * The guide of the Service document at `line` (0-based; the one the cursor is in), else of the file's first
 * Service; a page saying there is none when the file holds no Service.
 */
export function serviceGuidePage(file: string, parsed: ParsedFile, findings: readonly Finding[], index: WorkspaceIndex, page: PageRequest & { line?: number }): string {
  const services = classifyDocuments(file, parsed).filter((d) => d.kind === 'Service' && d.parsed.value !== undefined);
  const offset = page.line === undefined ? 0 : parsed.lines.offsetAt({ line: page.line, character: 0 });
  const chosen = [...services].reverse().find((d) => (d.parsed.ast.range?.[0] ?? 0) <= offset) ?? services[0];
  if (!chosen) {
    return htmlDocument({ ...page, title: t(page.locale, 'guideTitle'), styles: [THEME_CSS], scripts: [], body: `<p class="muted">${esc(t(page.locale, 'notAService'))}</p>` });
  }
  const placed = placeFindings(parsed, chosen.parsed.index, findings.filter((f) => f.file === file));
  return renderServiceGuide(chosen.parsed.value, { ...page, findings: placed, index });
}

/** The sharing map of the whole workspace; `library` is cytoscape's source (graph-library.ts reads it). */
export function sharingMapPage(index: WorkspaceIndex, findings: readonly Finding[], today: string, page: PageRequest & { library: string }, resolve?: LineResolver): string {
  return renderSharingMap(buildSharingGraph(index, findings, today, resolve), page);
}

/** The map's data alone, which the editor posts into an open map after an edit instead of reloading the page. */
export function sharingMapGraph(index: WorkspaceIndex, findings: readonly Finding[], today: string, locale: Locale, resolve?: LineResolver): ReturnType<typeof sharingMapData> {
  return sharingMapData(buildSharingGraph(index, findings, today, resolve), locale);
}

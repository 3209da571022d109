/**
 * `govspec report --html`: one standalone, offline HTML file with the summary, charts, the sharing map and every
 * finding with the clause it enforces. Pure: the caller passes the report, the graph, the library source and a nonce.
 */
import type { Finding, LintReport, Locale } from '../engine';
import { CHART_CSS, barChart, topBars } from './charts';
import { severityBadge } from './finding-list';
import { esc, htmlDocument } from './html';
import { regionName } from './labels';
import { drillDown, findingsPerFile, ruleTitle } from './report-findings';
import type { SourceReader } from './report-findings';
import { ownerKey } from './report-owners';
import type { ReportOwners } from './report-owners';
import type { SharingGraph } from './sharing-graph';
import { cytoscapeStylesheet, sharingMapAssets, sharingMapSection } from './sharing-map';
import { rulePagesSection } from './rule-pages';
import type { RuleDocReader } from './rule-pages';
import { confidenceLegend } from '../engine';
import { bilingual } from '../engine';
import { t } from './strings';
import type { StringKey } from './strings';
import { THEME_CSS } from './theme';

export interface HtmlReportInput {
  report: LintReport;
  graph: SharingGraph;
  locale: Locale;
  /** Document → agency, for the charts by agency and region (report-owners.ts); without it those charts are empty. */
  owners?: ReportOwners;
  /** cytoscape's minified source. */
  library: string;
  nonce: string;
  /** Each rule's documentation, bundled as the rules' pages that findings link to; without it, their summaries. */
  ruleDoc?: RuleDocReader;
  /** Each linted file's text by display path, for the findings' code frames; without it, no frames. */
  sourceOf?: SourceReader;
}

/** A standalone file is opened from disk: its own origin is the only source the policy needs to name. */
const STANDALONE_CSP_SOURCE = "'self'";

const REPORT_CSS = `
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
.figure { border: 1px solid var(--border); border-radius: 8px; padding: 8px 14px; min-width: 110px; background: var(--panel); }
.figure .value { font-size: 1.6em; font-weight: 700; }
.figure.errors .value { color: var(--error); }
.figure.warnings .value { color: var(--warning); }
section { margin-bottom: 28px; }
.file-findings h3 { font-size: 1em; margin: 16px 0 4px; font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
.file-findings table { table-layout: fixed; }
.file-findings th:nth-child(1) { width: 4em; }
.file-findings th:nth-child(2) { width: 5em; }
.file-findings th:nth-child(3) { width: 17em; }
.file-findings th:nth-child(5) { width: 17em; }
.file-findings td.line { text-align: right; }
.file-findings td.citation { font-size: 0.9em; }
.rule-page { border-top: 1px solid var(--border); padding-top: 8px; }
.rule-page pre { overflow-x: auto; }
.all-clear { border: 2px solid var(--ok); color: var(--ok); border-radius: 8px; padding: 12px 16px; font-size: 1.15em; font-weight: 600; }
.code-frame { margin: 0; padding: 6px 8px; background: var(--panel); overflow-x: auto; font-family: var(--vscode-editor-font-family, ui-monospace, Consolas, monospace); font-size: 0.85em; line-height: 1.4; }
.file-findings tr.frame td { border-top: 0; padding-top: 0; }
.rule-title { font-weight: 600; }
details.drill-region { margin: 4px 0; }
details.drill-agency { margin: 2px 0 2px 18px; }
details ul { margin: 4px 0 8px; }
@media print {
  #map .map-canvas { height: 480px; }
  .code-frame { white-space: pre-wrap; overflow: visible; }
  details > summary { list-style: none; }
  h2 { break-after: avoid; }
  .file-findings h3 { break-after: avoid; }
}
`;

/** Printing opens every drill-down entry: a closed <details> prints its summary alone. */
const REPORT_SCRIPT = `
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (d) { d.setAttribute('data-was-open', d.open ? '1' : ''); d.open = true; });
});
window.addEventListener('afterprint', function () {
  document.querySelectorAll('details[data-was-open]').forEach(function (d) { d.open = d.getAttribute('data-was-open') === '1'; d.removeAttribute('data-was-open'); });
});
`;

export function renderHtmlReport(input: HtmlReportInput): string {
  const { report, graph, locale } = input;
  const all = report.files.flatMap((f) => f.findings);
  const problemEdges = graph.edges.filter((e) => e.problems.length > 0).length;
  const figure = (cls: string, key: StringKey, value: number) =>
    `<div class="figure ${cls}" data-figure="${cls}"><div class="value">${value}</div><div class="muted">${esc(t(locale, key))}</div></div>`;
  const summary = `<div class="figures">
${figure('files', 'files', report.summary.files)}${figure('documents', 'documents', report.summary.documents)}
${figure('errors', 'errors', report.summary.errors)}${figure('warnings', 'warnings', report.summary.warnings)}${figure('infos', 'infos', report.summary.infos)}
${figure('agencies', 'agencies', graph.nodes.length)}${figure('agreements', 'agreements', graph.edges.length)}${figure('problem-agreements', 'problemEdges', problemEdges)}
</div>`;
  const assets = sharingMapAssets(input.library);
  const body = `${cytoscapeStylesheet(input.nonce)}
<header><h1>${esc(t(locale, 'reportTitle'))}</h1><div class="muted">${esc(graph.today)}</div></header>
<section id="summary"><h2>${esc(t(locale, 'summary'))}</h2>${summary}${all.length === 0
    ? `<p class="all-clear" data-state="clean">${esc(t(locale, 'allClear'))}</p>`
    : `<div class="charts">${charts(report, all, input.owners ?? {}, locale)}</div>`}</section>
<section id="map"><h2>${esc(t(locale, 'mapTitle'))}</h2>${sharingMapSection(graph, locale)}</section>
<section id="findings" class="file-findings"><h2>${esc(t(locale, 'findingsPerFile'))}</h2>${findingsPerFile(report, locale, input.sourceOf)}${all.length ? `<p class="muted legend">${esc(confidenceLegend(locale))}</p>` : ''}</section>
${all.length ? `<section id="drill-down"><h2>${esc(t(locale, 'drillDown'))}</h2>${drillDown(report, input.owners ?? {}, locale)}</section>` : ''}
<section id="suppressions" class="file-findings"><h2>${esc(t(locale, 'suppressedTitle'))}</h2>${suppressionsSection(report, locale)}</section>
<section id="rules"><h2>${esc(t(locale, 'rulePages'))}</h2>${rulePagesSection([...all, ...report.files.flatMap((f) => f.suppressed ?? [])].map((f) => f.ruleId), report.rules, locale, input.ruleDoc)}</section>`;
  return htmlDocument({
    locale, nonce: input.nonce, cspSource: STANDALONE_CSP_SOURCE, title: t(locale, 'reportTitle'),
    styles: [THEME_CSS, CHART_CSS, REPORT_CSS, ...assets.styles], body, scripts: [REPORT_SCRIPT, ...assets.scripts],
  });
}

function count(findings: readonly Finding[], keyOf: (f: Finding) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(keyOf(f), (out.get(keyOf(f)) ?? 0) + 1);
  return out;
}

function charts(report: LintReport, all: readonly Finding[], owners: ReportOwners, locale: Locale): string {
  const others = bilingual('其他', 'Others')[locale];
  const unattributed = t(locale, 'unattributed');
  const owner = (f: Finding) => owners[ownerKey(f.file, f.document)];
  const severities = (['error', 'warning', 'info'] as const).map((s) => ({ label: t(locale, s), value: all.filter((f) => f.severity === s).length, cls: `sev-${s}` }));
  const region = (f: Finding) => {
    const code = owner(f)?.region;
    return code ? `${regionName(code)?.split(' ').pop() ?? ''} ${code}`.trim() : unattributed;
  };
  return [
    barChart(t(locale, 'byRule'), topBars(count(all, (f) => `${ruleTitle(report, f.ruleId, locale)} (${f.ruleId})`), others), 'chart-rule'),
    barChart(t(locale, 'bySeverity'), severities, 'chart-severity'),
    barChart(t(locale, 'byAgency'), topBars(count(all, (f) => owner(f)?.name ?? unattributed), others), 'chart-agency'),
    barChart(t(locale, 'byRegion'), topBars(count(all, region), others), 'chart-region'),
  ].join('\n');
}

/** Every suppressed finding with its reason: what a reviewer must audit, since the counts above leave it out. */
function suppressionsSection(report: LintReport, locale: Locale): string {
  const suppressed = report.files.flatMap((file) => file.suppressed ?? []);
  if (suppressed.length === 0) return `<p>${esc(t(locale, 'noSuppressed'))}</p>`;
  const rows = suppressed.map((f) => {
    const reason = f.suppressed?.reason;
    return `<tr class="suppressed" data-rule="${esc(f.ruleId)}">
<td class="code">${esc(`${f.file}:${f.range.start.line + 1}`)}</td><td>${severityBadge(f.severity, locale)}</td><td class="code">${esc(f.ruleId)}</td>
<td>${esc(f.message[locale])}</td><td class="reason">${reason ? esc(reason) : `<span class="muted">${esc(t(locale, 'noReason'))}</span>`}</td></tr>`;
  });
  const head = [t(locale, 'place'), '', t(locale, 'rule'), t(locale, 'message'), t(locale, 'reason')].map((h) => `<th>${esc(h)}</th>`).join('');
  return `<p class="muted">${esc(t(locale, 'suppressedIntro'))}</p><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

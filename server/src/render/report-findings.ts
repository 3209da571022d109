/**
 * The report's findings: per file, each with its rule's title, its source regulation linking to the rule's page, and
 * a code frame of its YAML lines (@babel/code-frame: two lines of context, line numbers, the range marked); and the
 * drill-down by region and agency, whose entries link to those findings.
 */
import { codeFrameColumns } from '@babel/code-frame';
import type { Finding, LintReport, Locale } from '../engine';
import { severityBadge } from './finding-list';
import { esc } from './html';
import { regionName } from './labels';
import { ownerKey } from './report-owners';
import type { ReportOwners } from './report-owners';
import { citationLink } from './rule-pages';
import { t } from './strings';

/** The text of a linted file by its display path; undefined when it cannot be read (the frame is then left out). */
export type SourceReader = (file: string) => string | undefined;

/** Lines a frame shows above and below the finding's range. */
const CONTEXT_LINES = 2;

export function findingAnchor(file: string, index: number): string {
  return `finding-${index}-${file.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The rule's title in the report's language, else its id. */
export function ruleTitle(report: LintReport, ruleId: string, locale: Locale): string {
  return report.rules.get(ruleId)?.summary[locale] ?? ruleId;
}

function codeFrame(text: string, f: Finding): string {
  const { start, end } = f.range;
  const frame = codeFrameColumns(text, { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } },
    { linesAbove: CONTEXT_LINES, linesBelow: CONTEXT_LINES, highlightCode: false });
  return `<pre class="code-frame">${esc(frame)}</pre>`;
}

export function findingsPerFile(report: LintReport, locale: Locale, sourceOf: SourceReader | undefined): string {
  const files = report.files.filter((f) => f.findings.length > 0);
  if (files.length === 0) return `<p class="all-clear">${esc(t(locale, 'noFindings'))}</p>`;
  const head = [t(locale, 'line'), '', t(locale, 'rule'), t(locale, 'message'), t(locale, 'citation')].map((h) => `<th>${esc(h)}</th>`).join('');
  return files.map((file) => {
    const text = sourceOf?.(file.file);
    const rows = file.findings.map((f, i) => `<tr class="finding" id="${findingAnchor(file.file, i)}" data-rule="${esc(f.ruleId)}">
<td class="line">${f.range.start.line + 1}</td><td>${severityBadge(f.severity, locale)}</td><td><span class="rule-title">${esc(ruleTitle(report, f.ruleId, locale))}</span><br><span class="code muted">${esc(f.ruleId)}</span></td>
<td>${esc(f.message[locale])}</td><td class="citation">${citationLink(report.rules.get(f.ruleId), f.ruleId, locale)}</td></tr>${text === undefined ? '' : `
<tr class="frame"><td></td><td colspan="4">${codeFrame(text, f)}</td></tr>`}`);
    return `<h3>${esc(file.file)}</h3><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }).join('\n');
}

interface Drill { label: string; count: number; findings: { anchor: string; text: string }[] }

/** Findings by region, then by agency within it; each entry opens to links to its findings. */
export function drillDown(report: LintReport, owners: ReportOwners, locale: Locale): string {
  const unattributed = t(locale, 'unattributed');
  const regions = new Map<string, Map<string, Drill>>();
  for (const file of report.files) {
    file.findings.forEach((f, i) => {
      const owner = owners[ownerKey(f.file, f.document)];
      const region = owner?.region ? `${regionName(owner.region) ?? ''} ${owner.region}`.trim() : unattributed;
      const agency = owner?.name ?? unattributed;
      const agencies = regions.get(region) ?? regions.set(region, new Map()).get(region)!;
      const entry = agencies.get(agency) ?? agencies.set(agency, { label: agency, count: 0, findings: [] }).get(agency)!;
      entry.count++;
      entry.findings.push({ anchor: findingAnchor(file.file, i), text: `${f.file}:${f.range.start.line + 1} ${ruleTitle(report, f.ruleId, locale)}` });
    });
  }
  if (regions.size === 0) return '';
  const byCount = <T extends { count: number; label: string }>(a: T, b: T) => b.count - a.count || a.label.localeCompare(b.label);
  const blocks = [...regions].map(([label, agencies]) => ({ label, agencies: [...agencies.values()].sort(byCount), count: [...agencies.values()].reduce((n, a) => n + a.count, 0) }))
    .sort(byCount)
    .map((r) => `<details class="drill-region" data-region="${esc(r.label)}"><summary>${esc(r.label)} <span class="muted">(${r.count})</span></summary>
${r.agencies.map((a) => `<details class="drill-agency" data-agency="${esc(a.label)}"><summary>${esc(a.label)} <span class="muted">(${a.count})</span></summary><ul>${a.findings.map((f) => `<li><a href="#${f.anchor}">${esc(f.text)}</a></li>`).join('')}</ul></details>`).join('\n')}</details>`);
  return blocks.join('\n');
}

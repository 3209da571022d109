/** The list of findings shown beside a section, each one clickable back to its line in the editor. */
import type { Finding, Locale } from '../engine';
import { esc } from './html';
import type { PlacedFinding } from './place-findings';
import { t } from './strings';

export function severityBadge(severity: Finding['severity'], locale: Locale): string {
  return `<span class="badge sev-${severity}">${esc(t(locale, severity))}</span>`;
}

/** Attributes that let the page script ask the host to open a file at a 0-based line. */
export function openAttrs(file: string, line: number): string {
  return `data-open-file="${esc(file)}" data-open-line="${line}"`;
}

export function findingList(placed: readonly PlacedFinding[], locale: Locale): string {
  if (placed.length === 0) return '';
  const items = placed.map(({ finding: f }) =>
    `<li class="finding" ${openAttrs(f.file, f.range.start.line)}>${severityBadge(f.severity, locale)} ${esc(f.message[locale])} <span class="rule muted">${esc(f.ruleId)}</span></li>`);
  return `<ul class="findings" aria-label="${esc(t(locale, 'findingsHere'))}">${items.join('')}</ul>`;
}

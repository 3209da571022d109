/**
 * The rules' own pages, bundled in the HTML report so that every finding links to its rule offline: a section with
 * the README of each rule that appears (in the report's language), its readable source and the confidence legend.
 */
import MarkdownIt from 'markdown-it';
import { confidenceLegend, readableSource } from '../engine';
import type { Locale, RuleMeta } from '../engine';
import { esc } from './html';

/** A rule's documentation in one language, as Markdown; the host reads it (the engine has no files). */
export type RuleDocReader = (ruleId: string, locale: Locale) => string | undefined;

/** Raw HTML in the docs stays text: the report shows only what Markdown itself makes. */
const markdown = new MarkdownIt({ html: false, linkify: false });

/** The anchor of a rule's page inside the report. */
export function ruleAnchor(ruleId: string): string {
  return `rule-${ruleId.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** The citation cell of a finding: the source named in full, linking to the rule's page below. */
export function citationLink(meta: RuleMeta | undefined, ruleId: string, locale: Locale): string {
  const source = meta ? readableSource(meta.source, locale) : '';
  return `<a href="#${ruleAnchor(ruleId)}">${esc(source || ruleId)}</a>`;
}

export function rulePagesSection(ruleIds: readonly string[], rules: ReadonlyMap<string, RuleMeta>, locale: Locale, docOf: RuleDocReader | undefined): string {
  const pages = [...new Set(ruleIds)].sort().map((id) => {
    const meta = rules.get(id);
    const doc = docOf?.(id, locale);
    const source = meta ? `<p class="citation">${esc(readableSource(meta.source, locale))}</p>` : '';
    const body = doc ? markdown.render(doc.replace(/^# .*\n+/, '')) : `<p>${esc(meta?.summary[locale] ?? '')}</p>`;
    return `<article class="rule-page" id="${ruleAnchor(id)}"><h3><code>${esc(id)}</code> ${esc(meta?.summary[locale] ?? '')}</h3>${source}${body}</article>`;
  });
  return `<p class="muted legend">${esc(confidenceLegend(locale))}</p>\n${pages.join('\n')}`;
}

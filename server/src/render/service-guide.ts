/**
 * The service guide (办事指南): a Service document rendered as the page a citizen reads, with the linter's
 * findings shown beside the section they are about. Pure: data in, one HTML document out.
 */
import type { Locale } from '../engine';
import type { WorkspaceIndex } from '../engine';
import { obj, str } from './data';
import { findingList } from './finding-list';
import { applicantsSection, basicSection, feesSection, handlingSection, limitsSection, processSection } from './guide-sections';
import { esc, htmlDocument } from './html';
import type { PageSecurity } from './html';
import { codeLabel } from './labels';
import { OPEN_SCRIPT } from './open-script';
import type { PlacedFinding } from './place-findings';
import { materialViews, materialsTable } from './service-materials';
import { t } from './strings';
import type { StringKey } from './strings';
import { THEME_CSS } from './theme';
import { GUIDE_CSS } from './guide-style';

export interface ServiceGuideOptions extends PageSecurity {
  locale: Locale;
  /** Findings of this document with their data paths (place-findings.ts). */
  findings: readonly PlacedFinding[];
  index: WorkspaceIndex;
}

/** Which top-level fields each section shows; findings on any other field go to the basic information. */
const SECTIONS: { id: string; title: StringKey; keys: readonly string[]; body: (s: Record<string, unknown>, o: ServiceGuideOptions, here: readonly PlacedFinding[]) => string }[] = [
  { id: 'basic', title: 'basicInfo', keys: [], body: (s, o) => basicSection(s, o.locale) },
  { id: 'applicants', title: 'whoMayApply', keys: ['serviceObjects', 'acceptanceConditions', 'quantityLimit'], body: (s, o) => applicantsSection(s, o.locale) },
  { id: 'materials', title: 'materials', keys: ['materials'], body: (s, o, here) => materialsTable(materialViews(s, o.index), here.filter((p) => typeof p.path[1] === 'number'), o.locale) },
  { id: 'process', title: 'process', keys: ['process'], body: (s, o) => processSection(s, o.locale) },
  { id: 'limits', title: 'timeLimits', keys: ['statutoryLimit', 'promisedLimit', 'specialProcedures'], body: (s, o) => limitsSection(s, o.locale) },
  { id: 'fees', title: 'fees', keys: ['fee'], body: (s, o) => feesSection(s, o.locale) },
  { id: 'handling', title: 'whereAndWhen', keys: ['place', 'hours', 'consultPhone', 'supervisePhone', 'handlingForms', 'online', 'onSiteVisits', 'onSiteReason', 'appointment', 'onlinePayment', 'delivery', 'crossRegion', 'accessibility', 'intermediaryServices'], body: (s, o) => handlingSection(s, o.locale) },
];

const SECTION_OF = new Map(SECTIONS.flatMap((s) => s.keys.map((k) => [k, s.id] as const)));

function sectionOf(p: PlacedFinding): string {
  return SECTION_OF.get(String(p.path[0])) ?? 'basic';
}

export function renderServiceGuide(service: unknown, options: ServiceGuideOptions): string {
  const s = obj(service);
  const { locale } = options;
  const name = str(s.name) ?? '';
  const typeLabel = codeLabel('Service', ['type'], s.type, locale);
  const sections = SECTIONS.map((section) => {
    const here = options.findings.filter((p) => sectionOf(p) === section.id);
    // Findings on one material row are shown in that row; the rest at the top of the section.
    const aside = section.id === 'materials' ? here.filter((p) => typeof p.path[1] !== 'number') : here;
    return `<section id="${section.id}" class="guide-section${here.length ? ' has-findings' : ''}">
<h2>${esc(t(locale, section.title))}</h2>
${findingList(aside, locale)}
${section.body(s, options, here)}
</section>`;
  });
  const body = `<header class="guide-header">
<div class="muted">${esc(t(locale, 'guideTitle'))}${typeLabel ? ` · ${esc(typeLabel)}` : ''}</div>
<h1>${esc(name)}</h1>
</header>
<main>${sections.join('\n')}</main>`;
  return htmlDocument({
    ...options, title: `${t(locale, 'guideTitle')} · ${name}`, styles: [THEME_CSS, GUIDE_CSS], body, scripts: [OPEN_SCRIPT],
  });
}

/** The sections of a service guide other than materials: each reads the service data defensively and escapes every value. */
import type { Locale } from '../engine';
import { bilingual } from '../engine';
import { list, obj, str, strs } from './data';
import { esc, linkOrText } from './html';
import { codeLabel, codeWithLabel, fieldTitle, regionName } from './labels';
import { t } from './strings';

type Row = [title: string, valueHtml: string];

const title = (path: (string | number)[], locale: Locale) => esc(fieldTitle('Service', path, locale));
/** A code shown by its label: a citizen reads "事项类型", not the data element's name "事项类型代码". */
const labelTitle = (path: (string | number)[], locale: Locale) => title(path, locale).replace(/\s*(代码| code)$/i, '');
const code = (path: (string | number)[], value: unknown, locale: Locale) => esc(codeWithLabel('Service', path, value, locale));
const joiner = (locale: Locale) => (locale === 'zh-CN' ? '、' : ', ');

/** A two-column table; rows without a value are left out. */
export function infoTable(rows: readonly Row[], cls: string): string {
  const shown = rows.filter(([, v]) => v !== '');
  return `<table class="info ${cls}"><tbody>${shown.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function agencyText(v: unknown): string {
  const a = obj(v);
  const name = str(a.name);
  const uscc = str(a.uscc);
  if (!name && !uscc) return '';
  return `${esc(name ?? '')}${uscc ? ` <span class="code muted">${esc(uscc)}</span>` : ''}`;
}

/** `5 工作日` / `5 working days`, with the note after it. */
export function limitText(v: unknown, path: (string | number)[], locale: Locale): string {
  const l = obj(v);
  const value = str(l.value);
  if (value === undefined) return '';
  const unit = codeLabel('Service', [...path, 'unit'], l.unit, locale) ?? str(l.unit) ?? '';
  const note = str(l.note);
  const amount = bilingual(`${value} ${unit}`, `${value} ${unit.toLowerCase()}`)[locale];
  return `<span class="limit">${esc(amount)}</span>${note ? ` <span class="muted">${esc(note)}</span>` : ''}`;
}

export function basicSection(s: Record<string, unknown>, locale: Locale): string {
  const implementer = obj(s.implementer);
  const region = str(s.region);
  const place = regionName(region);
  const basis = list(s.legalBasis).map((raw) => {
    const b = obj(raw);
    return [str(b.law), str(b.docNo), str(b.article)].filter(Boolean).map(esc).join(' ');
  }).filter(Boolean);
  const result = obj(s.result);
  return infoTable([
    [title(['name'], locale), esc(str(s.name) ?? '')],
    [title(['basicCode'], locale), `<span class="code">${esc(str(s.basicCode) ?? '')}</span>`],
    [title(['implementationCode'], locale), `<span class="code">${esc(str(s.implementationCode) ?? '')}</span>`],
    [labelTitle(['type'], locale), s.type === undefined ? '' : code(['type'], s.type, locale)],
    [title(['levels'], locale), list(s.levels).map((l) => code(['levels', 0], l, locale)).join(joiner(locale))],
    [title(['region'], locale), region ? `${esc(place ?? '')} <span class="code muted">${esc(region)}</span>` : ''],
    [title(['implementer'], locale), agencyText(implementer)],
    [labelTitle(['implementer', 'nature'], locale), implementer.nature === undefined ? '' : code(['implementer', 'nature'], implementer.nature, locale)],
    [title(['handlingOrg'], locale), agencyText(s.handlingOrg)],
    [title(['jointDepartments'], locale), list(s.jointDepartments).map(agencyText).filter(Boolean).join('<br>')],
    [labelTitle(['caseType'], locale), s.caseType === undefined ? '' : code(['caseType'], s.caseType, locale)],
    [title(['legalBasis'], locale), basis.join('<br>')],
    [title(['result'], locale), str(result.name) ? `${esc(str(result.name))}${result.kind ? ` · ${code(['result', 'kind'], result.kind, locale)}` : ''}` : ''],
  ], 'basic');
}

export function applicantsSection(s: Record<string, unknown>, locale: Locale): string {
  const objects = list(s.serviceObjects).map((o) => `<span class="badge object">${code(['serviceObjects', 0], o, locale)}</span>`).join(' ');
  const conditions = strs(s.acceptanceConditions).map((c) => `<li>${esc(c)}</li>`).join('');
  const quantity = str(s.quantityLimit);
  return `${infoTable([[title(['serviceObjects'], locale), objects], [title(['quantityLimit'], locale), esc(quantity ?? '')]], 'objects')}
<h3>${title(['acceptanceConditions'], locale)}</h3>${conditions ? `<ol class="conditions">${conditions}</ol>` : `<p class="muted">${esc(t(locale, 'none'))}</p>`}`;
}

/** The process as numbered steps joined by arrows; each step shows its own limit and review standard. */
export function processSection(s: Record<string, unknown>, locale: Locale): string {
  const steps = list(s.process).map((raw, i) => {
    const p = obj(raw);
    const limit = limitText(p.limit, ['process', 0, 'limit'], locale);
    const standard = str(p.standard);
    return `<li class="step"><span class="num">${i + 1}</span><div class="step-name">${esc(str(p.step) ?? '')}</div>${limit ? `<div class="step-limit">${limit}</div>` : ''}${standard ? `<div class="muted step-standard">${esc(standard)}</div>` : ''}</li>`;
  });
  return steps.length ? `<ol class="steps">${steps.join('')}</ol>` : `<p class="muted">${esc(t(locale, 'none'))}</p>`;
}

export function limitsSection(s: Record<string, unknown>, locale: Locale): string {
  return infoTable([
    [title(['statutoryLimit'], locale), limitText(s.statutoryLimit, ['statutoryLimit'], locale)],
    [title(['promisedLimit'], locale), limitText(s.promisedLimit, ['promisedLimit'], locale)],
    [title(['specialProcedures'], locale), list(s.specialProcedures).map((p) => code(['specialProcedures', 0], p, locale)).join(joiner(locale))],
  ], 'limits');
}

export function feesSection(s: Record<string, unknown>, locale: Locale): string {
  const fee = obj(s.fee);
  if (fee.charged !== true) return `<p class="fee-free">${esc(t(locale, fee.charged === false ? 'noFee' : 'none'))}</p>`;
  const items = list(fee.items).map((raw) => {
    const i = obj(raw);
    const amount = str(i.amount);
    return `<tr><td>${esc(str(i.name) ?? '')}</td><td>${amount ? `${esc(amount)} ${esc(t(locale, 'yuan'))}` : ''}</td><td>${esc(str(i.basis) ?? '')}</td></tr>`;
  });
  const basis = str(fee.basis);
  return `<p><span class="badge">${esc(t(locale, 'charged'))}</span>${basis ? ` ${esc(basis)}` : ''}</p>${items.length ? `<table class="fees"><tbody>${items.join('')}</tbody></table>` : ''}`;
}

export function handlingSection(s: Record<string, unknown>, locale: Locale): string {
  const online = obj(s.online);
  const depth = list(online.depth).map((d) => esc(codeLabel('Service', ['online', 'depth', 0], d, locale) ?? str(d) ?? '')).join(joiner(locale));
  const entry = online.enabled === true
    ? `${linkOrText(online.url)}${depth ? `<div class="muted">${depth}</div>` : ''}`
    : esc(t(locale, 'notOnline'));
  const yesNo = (v: unknown) => (typeof v === 'boolean' ? esc(t(locale, v ? 'yes' : 'no')) : '');
  const cross = obj(s.crossRegion);
  return infoTable([
    [title(['place'], locale), esc(str(s.place) ?? '')],
    [title(['hours'], locale), esc(str(s.hours) ?? '')],
    [title(['consultPhone'], locale), `<span class="phone">${esc(str(s.consultPhone) ?? '')}</span>`],
    [title(['supervisePhone'], locale), `<span class="phone">${esc(str(s.supervisePhone) ?? '')}</span>`],
    [title(['handlingForms'], locale), list(s.handlingForms).map((f) => code(['handlingForms', 0], f, locale)).join(joiner(locale))],
    [esc(t(locale, 'onlineEntry')), `<div class="online-entry">${entry}</div>`],
    [title(['onSiteVisits'], locale), esc(str(s.onSiteVisits) ?? '')],
    [title(['onSiteReason'], locale), esc(str(s.onSiteReason) ?? '')],
    [title(['appointment'], locale), yesNo(s.appointment)],
    [title(['delivery'], locale), yesNo(s.delivery)],
    [title(['crossRegion'], locale), cross.scope === undefined ? '' : esc(codeLabel('Service', ['crossRegion', 'scope'], cross.scope, locale) ?? str(cross.scope) ?? '')],
  ], 'handling');
}

/**
 * The materials table of a service guide. A material obtained by data sharing asks nothing of the applicant; the
 * page says so plainly and names what makes it possible: the agreement and the catalogue resource behind it,
 * resolved through the workspace index (title, provider, resource name).
 */
import type { Locale } from '../engine';
import type { WorkspaceIndex } from '../engine';
import { list, obj, str, strs } from './data';
import { findingList } from './finding-list';
import { esc } from './html';
import { codeLabel, fieldTitle } from './labels';
import type { PlacedFinding } from './place-findings';
import { t } from './strings';

export interface SharedOrigin {
  agreementId: string | undefined;
  agreementTitle: string | undefined;
  providerName: string | undefined;
  resourceCode: string | undefined;
  resourceName: string | undefined;
  items: string[];
}

export interface MaterialView {
  index: number;
  name: string;
  required: boolean | undefined;
  source: string | undefined;
  originals: string | undefined;
  copies: string | undefined;
  issuer: string | undefined;
  shared: SharedOrigin | undefined;
  commitment: { text: string | undefined; verification: string | undefined } | undefined;
}

/** The materials of a service, with sharing sources resolved through the index. */
export function materialViews(service: unknown, index: WorkspaceIndex): MaterialView[] {
  return list(obj(service).materials).map((raw, i) => {
    const m = obj(raw);
    const source = str(m.source);
    const sharing = obj(m.sharing);
    const commitment = obj(m.commitment);
    return {
      index: i, name: str(m.name) ?? str(m.id) ?? '', required: typeof m.required === 'boolean' ? m.required : undefined,
      source, originals: str(m.originals), copies: str(m.copies), issuer: str(m.issuer),
      shared: source === 'sharing' || source === 'licence' ? sharedOrigin(sharing, index) : undefined,
      commitment: source === 'commitment' ? { text: str(commitment.text), verification: str(commitment.verification) } : undefined,
    };
  });
}

function sharedOrigin(sharing: Record<string, unknown>, index: WorkspaceIndex): SharedOrigin {
  const agreementId = str(sharing.agreement);
  const resourceCode = str(sharing.resource);
  const agreement = agreementId ? index.agreements(agreementId)[0] : undefined;
  const provider = agreement?.provider;
  // The registered name wins over the one written in the agreement (they may differ; agency/name-mismatch says so).
  const providerName = provider ? index.agencies(provider.uscc)[0]?.name ?? provider.name : undefined;
  return {
    agreementId, agreementTitle: agreement?.title, providerName,
    resourceCode, resourceName: resourceCode ? index.resources(resourceCode)[0]?.name : undefined,
    items: strs(sharing.items),
  };
}

export function materialsTable(views: readonly MaterialView[], placed: readonly PlacedFinding[], locale: Locale): string {
  if (views.length === 0) return `<p class="muted">${esc(t(locale, 'none'))}</p>`;
  const head = ['#', fieldTitle('Service', ['materials', 0, 'name'], locale), t(locale, 'required'), t(locale, 'source'), `${t(locale, 'originals')} / ${t(locale, 'copies')}`];
  const rows = views.map((v) => {
    const here = placed.filter((p) => p.path[1] === v.index);
    const required = v.required === undefined ? '' : t(locale, v.required ? 'required' : 'optional');
    const count = v.shared ? '—' : `${v.originals ?? 0} / ${v.copies ?? 0}`;
    const kind = v.shared ? ' shared' : v.commitment ? ' commitment' : '';
    return `<tr class="material${kind}" data-material="${v.index}">
<td>${v.index + 1}</td>
<td><div class="material-name">${esc(v.name)}</div>${v.issuer ? `<div class="muted">${esc(v.issuer)}</div>` : ''}${findingList(here, locale)}</td>
<td>${esc(required)}</td>
<td>${sourceCell(v, locale)}</td>
<td>${esc(count)}</td>
</tr>`;
  });
  return `<table class="materials"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function sourceCell(v: MaterialView, locale: Locale): string {
  if (v.shared) {
    const s = v.shared;
    const missing = `<span class="muted">${esc(t(locale, 'unresolved'))}</span>`;
    const label = t(locale, v.source === 'licence' ? 'licenceNoSubmit' : 'sharedNoSubmit');
    return `<div class="shared-origin"><span class="badge shared-badge">${esc(label)}</span>
<dl>
<dt>${esc(t(locale, 'agreement'))}</dt><dd><span class="code agreement-id">${esc(s.agreementId ?? '')}</span> ${s.agreementTitle ? esc(s.agreementTitle) : missing}</dd>
<dt>${esc(t(locale, 'provider'))}</dt><dd class="provider-name">${s.providerName ? esc(s.providerName) : missing}</dd>
<dt>${esc(t(locale, 'resource'))}</dt><dd><span class="code">${esc(s.resourceCode ?? '')}</span> ${s.resourceName ? esc(s.resourceName) : missing}</dd>
<dt>${esc(t(locale, 'items'))}</dt><dd>${esc(s.items.join(locale === 'zh-CN' ? '、' : ', '))}</dd>
</dl></div>`;
  }
  if (v.commitment) {
    return `<div class="commitment-origin"><span class="badge commitment-badge">${esc(t(locale, 'commitment'))}</span>
${v.commitment.text ? `<div>${esc(v.commitment.text)}</div>` : ''}
${v.commitment.verification ? `<div class="muted">${esc(t(locale, 'commitmentVerify'))}：${esc(v.commitment.verification)}</div>` : ''}</div>`;
  }
  return esc(codeLabel('Service', ['materials', 0, 'source'], v.source, locale) ?? v.source ?? '');
}

import type { Kind, Locale } from '../types';
import { schemaAt } from '../schema/schemas';
import type { AgreementFact, ResourceFact, ServiceFact } from '../workspace';
import type { FeatureWorkspace } from './context';
import { codeLabel, pair } from './docs';
import { agencyName } from './agencies';
import { bilingual } from '../l10n/message';

/** Markdown describing an identity found in the workspace: what a reference resolves to. */

const T = {
  provider: bilingual('提供方', 'Provider'),
  consumer: bilingual('使用方', 'Consumer'),
  share: bilingual('共享类型', 'Share type'),
  validity: bilingual('有效期', 'Valid'),
  implementer: bilingual('实施主体', 'Implementer'),
  items: bilingual('信息项', 'Items'),
  agency: bilingual('政务部门', 'Agency'),
  unregistered: bilingual('（工作区内没有该部门的 Agency 文档）', '(no Agency document for it in the workspace)'),
  duplicated: bilingual('处定义（重复）', 'definitions (duplicated)'),
} as const;

function label(kind: Kind, path: (string | number)[], code: string | undefined, locale: Locale): string | undefined {
  if (code === undefined) return undefined;
  const text = codeLabel(schemaAt(kind, path), code);
  return text ? `\`${code}\` ${pair(text, locale)}` : `\`${code}\``;
}

function party(ws: FeatureWorkspace, ref: { uscc: string; name: string | undefined } | undefined): string {
  if (!ref) return '—';
  return `${agencyName(ws.index, ref.uscc)?.name ?? ref.name ?? ''} (\`${ref.uscc}\`)`;
}

function lines(parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined).join('  \n');
}

function count(n: number, locale: Locale): string | undefined {
  return n > 1 ? `⚠ ${n} ${pair(T.duplicated, locale)}` : undefined;
}

export function resourceMarkdown(ws: FeatureWorkspace, r: ResourceFact, copies = 1): string {
  const l = ws.locale;
  return lines([
    `**${r.name}** \`${r.code}\``,
    `${pair(T.provider, l)}: ${party(ws, r.provider)}`,
    `${pair(T.share, l)}: ${label('Catalog', ['resources', 0, 'share', 'type'], r.shareType, l) ?? '—'}`,
    `${pair(T.items, l)}: ${r.items.map((i) => i.name).join('、')}`,
    count(copies, l),
  ]);
}

export function agreementMarkdown(ws: FeatureWorkspace, a: AgreementFact, copies = 1): string {
  const l = ws.locale;
  return lines([
    `**${a.title ?? a.id}** \`${a.id}\``,
    `${pair(T.provider, l)}: ${party(ws, a.provider)}`,
    `${pair(T.consumer, l)}: ${party(ws, a.consumer)}`,
    `${pair(T.validity, l)}: ${a.validFrom ?? '?'} – ${a.validTo ?? '?'}`,
    count(copies, l),
  ]);
}

export function serviceMarkdown(ws: FeatureWorkspace, s: ServiceFact, copies = 1): string {
  const l = ws.locale;
  return lines([`**${s.name ?? s.implementationCode}** \`${s.implementationCode}\``, `${pair(T.implementer, l)}: ${party(ws, s.implementer)}`, count(copies, l)]);
}

export function agencyMarkdown(ws: FeatureWorkspace, uscc: string): string {
  const l = ws.locale;
  const registered = ws.index.agencies(uscc);
  const known = agencyName(ws.index, uscc);
  const a = registered[0];
  return lines([
    `**${known?.name ?? uscc}** \`${uscc.toUpperCase()}\``,
    a ? `${pair(T.agency, l)}: ${[label('Agency', ['level'], a.level, l), a.region && `${a.region} ${ws.regions.fullName(a.region) ?? ''}`].filter(Boolean).join(' · ')}` : pair(T.unregistered, l),
    count(registered.length, l),
  ]);
}

export function itemMarkdown(ws: FeatureWorkspace, r: ResourceFact, name: string): string {
  const item = r.items.find((i) => i.name === name);
  const l = ws.locale;
  return lines([
    `**${name}** — ${r.name} \`${r.code}\``,
    item && [label('Catalog', ['resources', 0, 'items', 0, 'dataType'], item.dataType, l), label('Catalog', ['resources', 0, 'items', 0, 'personal'], item.personal, l)].filter(Boolean).join(' · '),
  ]);
}

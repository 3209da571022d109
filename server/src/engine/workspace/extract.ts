import type { JsonPath, Kind } from '../types';
import { isBlank } from '../values';
import { ResourceRecord } from './facts';
import type { AgencyRefFact, FileFacts, ItemFact, ReferenceFact, ReferenceKind } from './facts';

export interface DocumentData { index: number; kind: Kind; value: unknown }

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asText = (v: unknown): string | undefined => (typeof v === 'string' && !isBlank(v) ? v : undefined);

/** What a file defines and references, read from plain document data. */
export function extractFacts(file: string, documents: readonly DocumentData[]): FileFacts {
  const facts: FileFacts = { file, agencies: [], resources: [], agreements: [], services: [], references: [] };
  for (const doc of documents) {
    const data = asObj(doc.value);
    if (data) EXTRACTORS[doc.kind](new Reader(file, doc.index, facts), data);
  }
  return facts;
}

class Reader {
  constructor(readonly file: string, readonly document: number, readonly facts: FileFacts) {}

  at(path: JsonPath) { return { file: this.file, document: this.document, path }; }

  ref(kind: ReferenceKind, target: string | undefined, path: JsonPath): void {
    if (target) this.facts.references.push({ ...this.at(path), kind, target } satisfies ReferenceFact);
  }

  /** An agency reference `{ name, uscc }`, recorded as a reference to the USCC. */
  agency(value: unknown, path: JsonPath): AgencyRefFact | undefined {
    const o = asObj(value);
    const uscc = asText(o?.uscc);
    if (!o || !uscc) return undefined;
    this.ref('agency', uscc.toUpperCase(), [...path, 'uscc']);
    return { ...this.at(path), uscc: uscc.toUpperCase(), name: asText(o.name) };
  }
}

const EXTRACTORS: Record<Kind, (r: Reader, d: Obj) => void> = {
  Agency(r, d) {
    const uscc = asText(d.uscc);
    if (!uscc) return;
    const parent = asText(d.parent);
    r.ref('agency', parent?.toUpperCase(), ['parent']);
    r.facts.agencies.push({
      ...r.at([]), uscc: uscc.toUpperCase(), name: asText(d.name) ?? '',
      aliases: asList(d.aliases).filter((a): a is string => typeof a === 'string'),
      region: asText(d.region), level: asText(d.level), parent: parent?.toUpperCase(),
    });
  },

  Catalog(r, d) {
    const provider = r.agency(d.provider, ['provider']);
    // One owner object for all the resources of the catalogue.
    const owner = provider && { uscc: provider.uscc, name: provider.name };
    asList(d.resources).forEach((raw, i) => {
      const res = asObj(raw);
      const code = asText(res?.code);
      if (!res || !code) return;
      const path = ['resources', i];
      const items: ItemFact[] = [];
      asList(res.items).forEach((rawItem, j) => {
        const item = asObj(rawItem);
        const name = asText(item?.name);
        if (item && name) items.push({ name, dataType: asText(item.dataType), personal: asText(item.personal), path: [...path, 'items', j] });
      });
      asList(res.related).forEach((rel, j) => r.ref('resource', asText(rel), [...path, 'related', j]));
      r.facts.resources.push(new ResourceRecord({
        file: r.file, document: r.document, code, name: asText(res.name) ?? '',
        shareType: asText(asObj(res.share)?.type), dataGrade: asText(res.dataGrade),
        open: asObj(res.open)?.open === true,
        provider: owner,
      }, i, items));
    });
  },

  SharingAgreement(r, d) {
    const id = asText(d.id);
    const provider = r.agency(d.provider, ['provider']);
    const consumer = r.agency(d.consumer, ['consumer']);
    const resources: { code: string; items: string[]; path: JsonPath }[] = [];
    asList(d.resources).forEach((raw, i) => {
      const res = asObj(raw);
      const code = asText(res?.code);
      if (!res || !code) return;
      r.ref('resource', code, ['resources', i, 'code']);
      const items = asList(res.items).map(asText);
      items.forEach((item, j) => r.ref('item', item && `${code}#${item}`, ['resources', i, 'items', j]));
      resources.push({ code, items: items.filter((x): x is string => !!x), path: ['resources', i] });
    });
    asList(d.services).forEach((s, i) => r.ref('service', asText(s), ['services', i]));
    if (!id) return;
    r.facts.agreements.push({
      ...r.at([]), id, title: asText(d.title),
      provider: provider && { uscc: provider.uscc, name: provider.name },
      consumer: consumer && { uscc: consumer.uscc, name: consumer.name },
      resources, validFrom: asText(d.validFrom), validTo: asText(d.validTo),
    });
  },

  Service(r, d) {
    const implementer = r.agency(d.implementer, ['implementer']);
    r.agency(d.handlingOrg, ['handlingOrg']);
    asList(d.jointDepartments).forEach((dep, i) => r.agency(dep, ['jointDepartments', i]));
    asList(d.materials).forEach((raw, i) => {
      const sharing = asObj(asObj(raw)?.sharing);
      if (!sharing) return;
      const base = ['materials', i, 'sharing'];
      const resource = asText(sharing.resource);
      r.ref('agreement', asText(sharing.agreement), [...base, 'agreement']);
      r.ref('resource', resource, [...base, 'resource']);
      asList(sharing.items).forEach((item, j) => r.ref('item', resource && asText(item) && `${resource}#${asText(item)}`, [...base, 'items', j]));
    });
    const code = asText(d.implementationCode);
    if (!code) return;
    r.facts.services.push({ ...r.at([]), implementationCode: code, name: asText(d.name), implementer: implementer && { uscc: implementer.uscc, name: implementer.name } });
  },
};

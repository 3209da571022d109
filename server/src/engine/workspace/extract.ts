import { FlagSet } from '../flags';
import { checkUscc } from '../ids/uscc';
import type { KeyPatterns } from '../config/key-patterns';
import { flaggedPathOf, validateDocument } from '../schema/validate';
import type { JsonPath, Kind } from '../types';
import { isBlank, pathKey } from '../values';
import { ResourceRecord } from './facts';
import type { AgencyRefFact, AgreementResourceFact, FileFacts, ItemFact, ReferenceFact, ReferenceKind } from './facts';

export interface DocumentData { index: number; kind: Kind; value: unknown }

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asText = (v: unknown): string | undefined => (typeof v === 'string' && !isBlank(v) ? v : undefined);

/**
 * What a file defines and references, read from plain document data through the same one defect, one finding filter the rules use:
 * a field its own document reports (a schema finding, or a USCC failing GB 32100, whatever the config) is left
 * out of the facts and named in their `unread`; a key that fails its check defines nothing (`flaggedKeys`).
 * Checks that depend on the config are those of the file's own config: `keys`, the code patterns it holds keys to
 * (`keyPatternsOf`), so the definer's config decides whether its code defines, whoever refers to it.
 */
export function extractFacts(file: string, documents: readonly DocumentData[], keys: KeyPatterns = {}): FileFacts {
  const facts: FileFacts = { file, agencies: [], resources: [], agreements: [], services: [], references: [] };
  for (const doc of documents) {
    const data = asObj(doc.value);
    if (!data) continue;
    // A trie, not a list: a legacy catalogue reports millions of fields, and every read asks about its path.
    const reported = new FlagSet(validateDocument(doc.kind, data).map((p) => pathKey(flaggedPathOf(p))));
    EXTRACTORS[doc.kind](new Reader(file, doc.index, facts, reported, keys), data);
  }
  return facts;
}

class Reader {
  constructor(
    readonly file: string, readonly document: number, readonly facts: FileFacts,
    private readonly reported: FlagSet, private readonly keys: KeyPatterns,
  ) {}

  at(path: JsonPath) { return { file: this.file, document: this.document, path }; }

  ref(kind: ReferenceKind, target: string | undefined, path: JsonPath): void {
    if (target) this.facts.references.push({ ...this.at(path), kind, target } satisfies ReferenceFact);
  }

  /** The node at `path`, or a collection holding it, has a schema finding: a list or object not to be read as a whole. */
  reportedAt(path: JsonPath): boolean {
    return this.reported.covers(path);
  }

  /** Like `reportedAt`, or something inside the node is reported: a value not to be read. */
  reportedIn(path: JsonPath): boolean {
    return this.reported.has(path);
  }

  /** A string field the rules may read: present, a string, and not reported by its document. */
  text(value: unknown, path: JsonPath): string | undefined {
    return this.reportedIn(path) ? undefined : asText(value);
  }

  /** A USCC the rules may use: readable and passing GB 32100 (id/uscc's check, which holds even when it is off). */
  uscc(value: unknown, path: JsonPath): string | undefined {
    const code = this.text(value, path);
    return code !== undefined && !checkUscc(code) ? code.toUpperCase() : undefined;
  }

  /** A key readable as text and matching its pattern under the file's config (what id/code-pattern reports is not). */
  key(value: unknown, path: JsonPath, pattern: keyof KeyPatterns): string | undefined {
    const code = this.text(value, path);
    return code !== undefined && this.keys[pattern]?.test(code) !== false ? code : undefined;
  }

  /** An identity written with a key its document reports: it defines nothing, yet is not unknown (FileFacts.flaggedKeys). */
  flagKey(kind: 'agency' | 'resource' | 'agreement' | 'service', written: unknown): void {
    const key = asText(written);
    if (key) (this.facts.flaggedKeys ??= []).push(`${kind}\u0000${kind === 'agency' ? key.toUpperCase() : key}`);
  }

  /** An agency reference `{ name, uscc }`, recorded as a reference to the USCC; undefined when its USCC cannot be used. */
  agency(value: unknown, path: JsonPath): AgencyRefFact | undefined {
    const o = asObj(value);
    const written = asText(o?.uscc);
    if (!o || !written) return undefined;
    this.ref('agency', written.toUpperCase(), [...path, 'uscc']);
    const uscc = this.uscc(o.uscc, [...path, 'uscc']);
    return uscc ? { ...this.at(path), uscc, name: this.text(o.name, [...path, 'name']) } : undefined;
  }
}

/**
 * The names of the fields whose entry is true: a fact's `unread`, or undefined when all were read. Only lists and
 * names are marked, where an absent value would read as "not listed"; other reported fields are simply left out.
 */
function unreadOf(fields: Record<string, boolean>): string[] | undefined {
  const names = Object.keys(fields).filter((f) => fields[f]);
  return names.length > 0 ? names : undefined;
}

const EXTRACTORS: Record<Kind, (r: Reader, d: Obj) => void> = {
  Agency(r, d) {
    const uscc = r.uscc(d.uscc, ['uscc']);
    if (!uscc) {
      r.flagKey('agency', d.uscc);
      return;
    }
    const parent = asText(d.parent);
    r.ref('agency', parent?.toUpperCase(), ['parent']);
    const name = r.text(d.name, ['name']);
    const aliasesRead = !r.reportedAt(['aliases']);
    const aliases = aliasesRead ? asList(d.aliases).filter((a, i): a is string => typeof a === 'string' && !r.reportedIn(['aliases', i])) : [];
    r.facts.agencies.push({
      ...r.at([]), uscc, name: name ?? '',
      aliases, region: r.text(d.region, ['region']), level: r.text(d.level, ['level']), parent: parent?.toUpperCase(),
      ...optional(unreadOf({ name: name === undefined, aliases: !aliasesRead || aliases.length !== asList(d.aliases).length })),
    });
  },

  Catalog(r, d) {
    const provider = r.agency(d.provider, ['provider']);
    // One owner object for all the resources of the catalogue.
    const owner = provider && { uscc: provider.uscc, name: provider.name };
    if (r.reportedAt(['resources'])) {
      // Resources written as a mapping (schema/type there): their codes are known but define nothing.
      for (const res of Object.values(asObj(d.resources) ?? {})) r.flagKey('resource', asObj(res)?.code);
      return;
    }
    asList(d.resources).forEach((raw, i) => {
      const res = asObj(raw);
      const path = ['resources', i];
      const code = r.key(res?.code, [...path, 'code'], 'resourceCode');
      if (!res) return;
      if (!code) {
        r.flagKey('resource', res.code);
        return;
      }
      const itemsRead = !r.reportedAt([...path, 'items']);
      const items: ItemFact[] = [];
      let itemsComplete = itemsRead;
      if (itemsRead) {
        asList(res.items).forEach((rawItem, j) => {
          const at = [...path, 'items', j];
          const item = asObj(rawItem);
          const name = r.text(item?.name, [...at, 'name']);
          // Rules compare data types and `personal` with exact tokens, which a reported value never equals.
          if (item && name) items.push({ name, dataType: asText(item.dataType), personal: asText(item.personal), path: at });
          // A nameless item cannot be the one an agreement names; a name its document reports might be.
          else if (!isBlank(item?.name)) itemsComplete = false;
        });
      }
      asList(res.related).forEach((rel, j) => r.ref('resource', asText(rel), [...path, 'related', j]));
      const shareType = r.text(asObj(res.share)?.type, [...path, 'share', 'type']);
      const dataGrade = r.text(res.dataGrade, [...path, 'dataGrade']);
      const openRead = !r.reportedIn([...path, 'open', 'open']);
      r.facts.resources.push(new ResourceRecord({
        file: r.file, document: r.document, code, name: r.text(res.name, [...path, 'name']) ?? '',
        shareType, dataGrade, open: openRead && asObj(res.open)?.open === true,
        provider: owner,
        unread: unreadOf({ items: !itemsComplete }),
      }, i, items));
    });
  },

  SharingAgreement(r, d) {
    const id = r.text(d.id, ['id']);
    const provider = r.agency(d.provider, ['provider']);
    const consumer = r.agency(d.consumer, ['consumer']);
    const resources: AgreementResourceFact[] = [];
    const resourcesRead = !r.reportedAt(['resources']);
    let resourcesComplete = resourcesRead;
    if (resourcesRead) {
      asList(d.resources).forEach((raw, i) => {
        const res = asObj(raw);
        const code = r.text(res?.code, ['resources', i, 'code']);
        if (!res || !code) {
          // An entry without a code requests nothing; one whose code is reported might be what a service needs.
          if (!isBlank(res?.code)) resourcesComplete = false;
          return;
        }
        r.ref('resource', code, ['resources', i, 'code']);
        const itemsPath = ['resources', i, 'items'];
        const itemsRead = !r.reportedAt(itemsPath);
        const items = itemsRead ? asList(res.items).map((item, j) => r.text(item, [...itemsPath, j])) : [];
        items.forEach((item, j) => r.ref('item', item && `${code}#${item}`, [...itemsPath, j]));
        const listed = items.filter((x): x is string => !!x);
        resources.push({ code, items: listed, path: ['resources', i], ...optional(unreadOf({ items: !itemsRead || listed.length !== items.length })) });
      });
    }
    asList(d.services).forEach((s, i) => r.ref('service', asText(s), ['services', i]));
    if (!id) {
      r.flagKey('agreement', d.id);
      return;
    }
    const validFrom = r.text(d.validFrom, ['validFrom']);
    const validTo = r.text(d.validTo, ['validTo']);
    r.facts.agreements.push({
      ...r.at([]), id, title: r.text(d.title, ['title']),
      provider: provider && { uscc: provider.uscc, name: provider.name },
      consumer: consumer && { uscc: consumer.uscc, name: consumer.name },
      resources, validFrom, validTo,
      ...optional(unreadOf({ resources: !resourcesComplete })),
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
    const code = r.key(d.implementationCode, ['implementationCode'], 'implementationCode');
    if (!code) {
      r.flagKey('service', d.implementationCode);
      return;
    }
    r.facts.services.push({
      ...r.at([]), implementationCode: code, name: r.text(d.name, ['name']),
      implementer: implementer && { uscc: implementer.uscc, name: implementer.name },
    });
  },
};

/** `{ unread }` when there is something to say, else nothing (facts of clean documents stay as they were). */
function optional(unread: string[] | undefined): { unread?: string[] } {
  return unread ? { unread } : {};
}

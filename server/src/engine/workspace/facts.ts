import type { JsonPath } from '../types';

/**
 * What one file contributes to the workspace: the identities it defines and the references it makes, each with the
 * data path of its node (ranges are resolved on demand from the file's text, so facts can come from a fast parse).
 */

export interface NodeRef { file: string; document: number; path: JsonPath }

/**
 * docs/semantics.md at the far end of a reference: the fields of a fact that its own document already reports
 * (a yaml/schema/id finding there). Their values are left out of the fact, and rules that read them from another
 * document stay silent instead of reading an absence as a mistake.
 */
export interface Unread { unread?: readonly string[] }

/** Whether the fact's own document already reports `field` (see `Unread`). */
export function isUnread(fact: Unread, field: string): boolean {
  return fact.unread !== undefined && fact.unread.includes(field);
}

export interface AgencyRefFact extends NodeRef { uscc: string; name: string | undefined }

export interface AgencyFact extends NodeRef, Unread {
  uscc: string;
  name: string;
  aliases: string[];
  region: string | undefined;
  level: string | undefined;
  parent: string | undefined;
}

export interface ItemFact { name: string; dataType: string | undefined; personal: string | undefined; path: JsonPath }

export interface ResourceFact extends NodeRef, Unread {
  code: string;
  name: string;
  items: ItemFact[];
  shareType: string | undefined;
  dataGrade: string | undefined;
  open: boolean;
  provider: { uscc: string; name: string | undefined } | undefined;
}

export interface AgreementFact extends NodeRef, Unread {
  id: string;
  title: string | undefined;
  provider: { uscc: string; name: string | undefined } | undefined;
  consumer: { uscc: string; name: string | undefined } | undefined;
  resources: AgreementResourceFact[];
  validFrom: string | undefined;
  validTo: string | undefined;
}

/** One entry of an agreement's `resources`; `unread: ['items']` when its items list is reported. */
export interface AgreementResourceFact extends Unread { code: string; items: string[]; path: JsonPath }

export interface ServiceFact extends NodeRef, Unread {
  implementationCode: string;
  name: string | undefined;
  implementer: { uscc: string; name: string | undefined } | undefined;
}

export type ReferenceKind = 'agency' | 'resource' | 'item' | 'agreement' | 'service';

/** A use of an identity defined elsewhere; `target` is the identity (for items: `resourceCode#itemName`). */
export interface ReferenceFact extends NodeRef { kind: ReferenceKind; target: string }

export interface FileFacts {
  file: string;
  agencies: AgencyFact[];
  resources: ResourceFact[];
  agreements: AgreementFact[];
  services: ServiceFact[];
  references: ReferenceFact[];
  /**
   * Identities the file writes whose key fails its check (`kind\0key`, agencies upper-cased), e.g. a lower-case
   * USCC: they neither define nor collide, but a reference to one is not "unknown" either (docs/semantics.md).
   */
  flaggedKeys?: string[];
}

/**
 * A resource as the index keeps it. A national catalogue holds millions of items, and an object (with a path array)
 * each would outweigh the rest of the index, while only the few resources an agreement or a service names are ever
 * asked for theirs: so the items are kept packed in one string and made when asked for. Written (JSON) as a plain
 * `ResourceFact`; `compactFacts` turns plain resources back into records, whether from JSON (items listed) or from a
 * structured clone (items packed).
 */
export class ResourceRecord implements ResourceFact {
  readonly file: string;
  readonly document: number;
  /** The resource's index in `resources` (its path, without an array of its own). */
  private readonly at: number;
  readonly code: string;
  readonly name: string;
  readonly shareType: string | undefined;
  readonly dataGrade: string | undefined;
  readonly open: boolean;
  readonly provider: { uscc: string; name: string | undefined } | undefined;
  readonly unread: readonly string[] | undefined;
  /** The items packed (see `pack`), or as they are when a value holds a separator. */
  private readonly packed: string | ItemFact[];

  constructor(fact: Omit<ResourceFact, 'items' | 'path'>, at: number, items: ItemFact[] | string) {
    this.file = fact.file;
    this.document = fact.document;
    this.at = at;
    this.code = fact.code;
    this.name = fact.name;
    this.shareType = fact.shareType;
    this.dataGrade = fact.dataGrade;
    this.open = fact.open;
    this.provider = fact.provider;
    this.unread = fact.unread;
    this.packed = typeof items === 'string' ? items : pack(items);
  }

  get path(): JsonPath { return ['resources', this.at]; }

  get items(): ItemFact[] {
    return typeof this.packed === 'string' ? unpack(this.packed, this.path) : this.packed;
  }

  /** The record as `storedFacts` writes it: its items packed, without the file (the facts name it once). */
  stored(): StoredResource {
    return {
      document: this.document, at: this.at, code: this.code, name: this.name, shareType: this.shareType,
      dataGrade: this.dataGrade, open: this.open, provider: this.provider, packed: this.packed,
      ...(this.unread ? { unread: this.unread } : {}),
    };
  }

  toJSON(): ResourceFact {
    return {
      file: this.file, document: this.document, path: this.path, code: this.code, name: this.name, items: this.items,
      shareType: this.shareType, dataGrade: this.dataGrade, open: this.open, provider: this.provider,
      ...(this.unread ? { unread: this.unread } : {}),
    };
  }
}

/** A resource as stored (the cache): what `compactFacts` reads back into a record, like a structured clone. */
export type StoredResource = Omit<ResourceFact, 'file' | 'items' | 'path'> & { at: number; packed: string | ItemFact[] };

/**
 * The facts as the cache stores them, a fraction of their plain JSON (a national workspace's items would take
 * hundreds of megabytes listed one by one); `compactFacts` makes them facts again.
 */
export function storedFacts(facts: FileFacts): unknown {
  return { ...facts, resources: facts.resources.map((r) => (r instanceof ResourceRecord ? r.stored() : r)) };
}

// Characters item values hardly ever hold (one that does keeps its items unpacked), and that JSON writes in two
// characters where other control characters take six: the cache stores the packed form.
const FIELD = '\t';
const ITEM = '\n';

/** Name, data type, personal and index of each item; an absent value is empty (facts hold no blank string). */
function pack(items: readonly ItemFact[]): string | ItemFact[] {
  const fields: string[] = [];
  for (const i of items) {
    const values = [i.name, i.dataType ?? '', i.personal ?? ''];
    if (values.some((v) => v.includes(FIELD) || v.includes(ITEM))) return items.map((x) => ({ name: x.name, dataType: x.dataType, personal: x.personal, path: x.path }));
    fields.push([...values, String(i.path[i.path.length - 1])].join(FIELD));
  }
  return fields.join(ITEM);
}

function unpack(packed: string, path: JsonPath): ItemFact[] {
  if (packed === '') return [];
  return packed.split(ITEM).map((entry) => {
    const [name, dataType, personal, j] = entry.split(FIELD);
    return { name, dataType: dataType || undefined, personal: personal || undefined, path: [...path, 'items', Number(j)] };
  });
}

/**
 * The same facts with their resources as `ResourceRecord`s (in place), their file name one string and the owners of
 * a catalogue's resources one object: facts from JSON, a clone or `storedFacts` come through here, which copy both
 * per fact (or leave the file out).
 */
export function compactFacts(facts: FileFacts): FileFacts {
  const file = facts.file;
  const owners = new Map<string, ResourceFact['provider']>();
  const owner = (p: ResourceFact['provider']) => {
    if (!p) return p;
    const key = `${p.uscc}\u0000${p.name ?? '\u0001'}`;
    const known = owners.get(key);
    if (known) return known;
    owners.set(key, p);
    return p;
  };
  facts.resources = facts.resources.map((r) => {
    if (r instanceof ResourceRecord) return r;
    const clone = r as unknown as { packed?: string | ItemFact[]; at?: number };
    const at = clone.at ?? (r.path[1] as number);
    return new ResourceRecord({ ...r, file, provider: owner(r.provider) }, at, clone.packed ?? r.items);
  });
  for (const list of [facts.agencies, facts.agreements, facts.services, facts.references] as { file: string }[][]) {
    for (const fact of list) fact.file = file;
  }
  return facts;
}

import type { AgencyFact, AgreementFact, FileFacts, ReferenceFact, ReferenceKind, ResourceFact, ServiceFact } from './facts';

export * from './facts';
export { extractFacts } from './extract';
export type { DocumentData } from './extract';

/**
 * The cross-file index. Files are replaced or removed one at a time; the look-up tables are rebuilt lazily on the
 * next query, so a burst of changes costs one rebuild. Look-ups by exact identity, by prefix and by name serve both
 * the rules and the editor (completion, definition, references, rename, workspace symbols).
 */
/** Thrown by a query of an index that is still being built (see `WorkspaceIndex.pending`). */
export class IndexPending extends Error {
  constructor() { super('the workspace index is not built yet'); }
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  private tables: Tables | undefined;
  private generation = 0;
  private pending = false;

  /**
   * An index that cannot be queried yet: every look-up throws `IndexPending`. The CLI's file phase lints with it,
   * so a rule that needs other files is found out by its first query and moved to the workspace phase.
   */
  static pending(): WorkspaceIndex {
    const index = new WorkspaceIndex();
    index.pending = true;
    return index;
  }

  /** Replaces what a file contributes. */
  update(facts: FileFacts): void {
    this.files.set(facts.file, facts);
    this.invalidate();
  }

  remove(file: string): void {
    if (this.files.delete(file)) this.invalidate();
  }

  has(file: string): boolean { return this.files.has(file); }
  factsOf(file: string): FileFacts | undefined { return this.files.get(file); }
  allFiles(): IterableIterator<string> { return this.files.keys(); }
  get size(): number { return this.files.size; }
  /** Changes whenever the index content changes; callers key caches on it. */
  get version(): number { return this.generation; }

  /** True when the workspace holds any Agency document (agency rules only run then). */
  hasAgencies(): boolean { return this.t().agencies.size > 0; }

  agencies(uscc: string): readonly AgencyFact[] { return this.t().agencies.get(uscc.toUpperCase()) ?? []; }
  resources(code: string): readonly ResourceFact[] { return this.t().resources.get(code) ?? []; }
  agreements(id: string): readonly AgreementFact[] { return this.t().agreements.get(id) ?? []; }
  services(code: string): readonly ServiceFact[] { return this.t().services.get(code) ?? []; }

  allAgencies(): Iterable<AgencyFact> { return flat(this.t().agencies); }
  allResources(): Iterable<ResourceFact> { return flat(this.t().resources); }
  allAgreements(): Iterable<AgreementFact> { return flat(this.t().agreements); }
  allServices(): Iterable<ServiceFact> { return flat(this.t().services); }

  /** Every use of an identity (for items the target is `resourceCode#itemName`). */
  references(kind: ReferenceKind, target: string): readonly ReferenceFact[] {
    const key = kind === 'agency' ? target.toUpperCase() : target;
    return this.t().references.get(`${kind}\u0000${key}`) ?? [];
  }

  /** Files whose findings may change when `file` changes: those that reference what it defines, or define what it references. */
  dependentsOf(file: string, previous?: FileFacts): Set<string> {
    const out = new Set<string>();
    const facts = [this.files.get(file), previous].filter((f): f is FileFacts => !!f);
    const t = this.t();
    for (const f of facts) {
      for (const key of definedKeys(f)) {
        for (const ref of t.references.get(key) ?? []) out.add(ref.file);
        for (const twin of t.definers.get(key) ?? []) out.add(twin);
      }
      for (const ref of f.references) {
        const key = ref.kind === 'item' ? `resource\u0000${ref.target.split('#')[0]}` : `${ref.kind}\u0000${ref.target}`;
        for (const def of t.definers.get(key) ?? []) out.add(def);
      }
    }
    out.delete(file);
    return out;
  }

  /** Identities whose key starts with `prefix`, or whose name contains `text`, for completion and symbol search. */
  search(kind: 'agency' | 'resource' | 'agreement' | 'service', text: string, limit = 100): (AgencyFact | ResourceFact | AgreementFact | ServiceFact)[] {
    const table = { agency: this.t().agencies, resource: this.t().resources, agreement: this.t().agreements, service: this.t().services }[kind] as Map<string, (AgencyFact | ResourceFact | AgreementFact | ServiceFact)[]>;
    const needle = text.toLowerCase();
    const out: (AgencyFact | ResourceFact | AgreementFact | ServiceFact)[] = [];
    for (const [key, list] of table) {
      for (const fact of list) {
        if (out.length >= limit) return out;
        if (key.toLowerCase().startsWith(needle) || displayName(fact).toLowerCase().includes(needle)) out.push(fact);
      }
    }
    return out;
  }

  private invalidate(): void {
    this.tables = undefined;
    this.generation++;
  }

  private t(): Tables {
    if (this.pending) throw new IndexPending();
    return (this.tables ??= buildTables(this.files.values()));
  }
}

export function displayName(fact: AgencyFact | ResourceFact | AgreementFact | ServiceFact): string {
  if ('title' in fact) return fact.title ?? fact.id;
  return fact.name ?? '';
}

interface Tables {
  agencies: Map<string, AgencyFact[]>;
  resources: Map<string, ResourceFact[]>;
  agreements: Map<string, AgreementFact[]>;
  services: Map<string, ServiceFact[]>;
  references: Map<string, ReferenceFact[]>;
  /** `kind\0identity` → files that define it. */
  definers: Map<string, Set<string>>;
}

function buildTables(files: Iterable<FileFacts>): Tables {
  const t: Tables = { agencies: new Map(), resources: new Map(), agreements: new Map(), services: new Map(), references: new Map(), definers: new Map() };
  for (const f of files) {
    for (const a of f.agencies) push(t.agencies, a.uscc, a);
    for (const r of f.resources) push(t.resources, r.code, r);
    for (const a of f.agreements) push(t.agreements, a.id, a);
    for (const s of f.services) push(t.services, s.implementationCode, s);
    for (const ref of f.references) push(t.references, `${ref.kind}\u0000${ref.target}`, ref);
    for (const key of definedKeys(f)) {
      let set = t.definers.get(key);
      if (!set) t.definers.set(key, (set = new Set()));
      set.add(f.file);
    }
  }
  return t;
}

function definedKeys(f: FileFacts): string[] {
  return [
    ...f.agencies.map((a) => `agency\u0000${a.uscc}`),
    ...f.resources.map((r) => `resource\u0000${r.code}`),
    ...f.resources.flatMap((r) => r.items.map((i) => `item\u0000${r.code}#${i.name}`)),
    ...f.agreements.map((a) => `agreement\u0000${a.id}`),
    ...f.services.map((s) => `service\u0000${s.implementationCode}`),
  ];
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

function* flat<V>(map: Map<string, V[]>): Iterable<V> {
  for (const list of map.values()) yield* list;
}

import type { AgencyFact, AgreementFact, FileFacts, ReferenceFact, ReferenceKind, ResourceFact, ServiceFact } from './facts';

export * from './facts';
export { extractFacts } from './extract';
export { changedLookups, lookupsOf } from './changed-lookups';
export type { DocumentData } from './extract';

/**
 * The cross-file index. Files are replaced or removed one at a time. The look-up tables are built on the first query
 * and from then on patched per file, so an edit in the editor costs what that file holds, not what the workspace
 * holds. Look-ups by exact identity, by prefix and by name serve both the rules and the editor (completion,
 * definition, references, rename, workspace symbols).
 */
/** Thrown by a query of an index that is still being built (see `WorkspaceIndex.pending`). */
export class IndexPending extends Error {
  constructor() { super('the workspace index is not built yet'); }
}

/**
 * Where a lazy index (`WorkspaceIndex.lazy`) finds its facts: every file in the order a full index enters them, the
 * files whose facts give part of a look-up's answer, and a file's facts, fetched only when a look-up needs them.
 */
export interface FactsSource {
  readonly files: readonly string[];
  /**
   * Every file whose facts are in the answer of a per-key look-up (`lookupKey`); more files are harmless, one missing
   * gives a wrong answer. Undefined when not known: every file is then loaded.
   */
  contributors(lookup: string): Iterable<string> | undefined;
  facts(file: string): FileFacts | undefined;
  /** Every resource code once, in the order of a full index's `resourceCodes`, when known without every file's facts. */
  resourceCodes?(): Iterable<string> | undefined;
}

/** The look-ups that list every file's facts: a lazy index answers them only once it holds every file. */
export const WHOLE_TABLE_LOOKUPS: ReadonlySet<LookupMethod> = new Set<LookupMethod>(['allAgencies', 'allResources', 'resourceCodes', 'allAgreements', 'allServices']);

export class WorkspaceIndex {
  private files = new Map<string, FileFacts>();
  /** A lazy index's facts not fetched yet, each file's place in a full index, and the look-ups it answers fully. */
  private lazySource: { source: FactsSource; rank: Map<string, number>; fetched: Set<string>; complete: Set<string>; codes?: string[] } | undefined;
  private tables: Tables | undefined;
  /**
   * `kind\0identity` → files that define it: one key per catalogue item, so it is built only for `dependentsOf`
   * (the editor, `--fix`), never for a headless run, where it would outweigh every other table.
   */
  private definers: Map<string, Set<string>> | undefined;
  private generation = 0;
  private pending = false;
  /** The look-ups made since `recordLookups` began, as `lookupKey`s (dependency tracking for the CLI's cache). */
  private recorder: Set<string> | undefined;
  /** What `memo` built, with the look-ups made to build it, per key, for one version of the index. */
  private readonly memos = new Map<string, { version: number; value: unknown; lookups: readonly string[] }>();

  /**
   * An index that cannot be queried yet: every look-up throws `IndexPending`. The CLI's file phase lints with it,
   * so a rule that needs other files is found out by its first query and moved to the workspace phase.
   */
  static pending(): WorkspaceIndex {
    const index = new WorkspaceIndex();
    index.pending = true;
    return index;
  }

  /**
   * An index that fetches from `source` only the facts its look-ups need: a look-up first fetches the files that
   * give part of its answer, then lists its facts in the full index's order (files in `source.files` order, each
   * file's facts in its own), so it answers exactly as an index of every file would. What it fetches later cannot
   * change an answer already given: a file in that answer was fetched with it. For queries by look-up only (the
   * CLI's phase 2); anything else (`search`, `dependentsOf`, `update`) first fetches every file.
   */
  static lazy(source: FactsSource): WorkspaceIndex {
    const index = new WorkspaceIndex();
    index.lazySource = { source, rank: new Map(source.files.map((file, i) => [file, i])), fetched: new Set(), complete: new Set() };
    index.tables = buildTables([]);
    return index;
  }

  /** Replaces what a file contributes. */
  update(facts: FileFacts): void {
    this.fetchEverything();
    const previous = this.files.get(facts.file);
    this.files.set(facts.file, facts);
    if (this.tables) {
      if (previous) withdraw(this.tables, previous);
      enter(this.tables, facts);
    }
    if (this.definers) {
      if (previous) withdrawDefiner(this.definers, previous);
      enterDefiner(this.definers, facts);
    }
    this.generation++;
  }

  remove(file: string): void {
    this.fetchEverything();
    const previous = this.files.get(file);
    if (!previous) return;
    this.files.delete(file);
    if (this.tables) withdraw(this.tables, previous);
    if (this.definers) withdrawDefiner(this.definers, previous);
    this.generation++;
  }

  has(file: string): boolean { return this.files.has(file); }
  factsOf(file: string): FileFacts | undefined { return this.files.get(file); }
  allFiles(): IterableIterator<string> { return this.files.keys(); }
  get size(): number { return this.files.size; }
  /** Changes whenever the index content changes; callers key caches on it. */
  get version(): number { return this.generation; }

  /** True when the workspace holds any Agency document (agency rules only run then). */
  hasAgencies(): boolean { return this.note('hasAgencies').agencies.size > 0; }

  agencies(uscc: string): readonly AgencyFact[] { return this.note('agencies', uscc.toUpperCase()).agencies.get(uscc.toUpperCase()) ?? []; }
  resources(code: string): readonly ResourceFact[] { return this.note('resources', code).resources.get(code) ?? []; }
  agreements(id: string): readonly AgreementFact[] { return this.note('agreements', id).agreements.get(id) ?? []; }
  /** The agreements whose consumer is this USCC, as written: what one consumer is given, asked without every agreement. */
  agreementsTo(consumer: string): readonly AgreementFact[] { return this.note('agreementsTo', consumer).consumers.get(consumer) ?? []; }
  services(code: string): readonly ServiceFact[] { return this.note('services', code).services.get(code) ?? []; }

  /**
   * True when some file writes this identity with a key that fails its check (`FileFacts.flaggedKeys`): the finding
   * is there, so a reference to it is neither resolved nor "unknown" (docs/semantics.md).
   */
  isReportedIdentity(kind: 'agency' | 'resource' | 'agreement' | 'service', key: string): boolean {
    // Recorded as the table's key, so that a changed fact names the same look-up (`changedLookups`).
    const tableKey = kind === 'agency' ? key.toUpperCase() : key;
    return this.note('isReportedIdentity', kind, tableKey).reported.has(`${kind}\u0000${tableKey}`);
  }

  allAgencies(): Iterable<AgencyFact> { return flat(this.note('allAgencies').agencies); }
  allResources(): Iterable<ResourceFact> { return flat(this.note('allResources').resources); }
  /** Every resource code once, in the order of `allResources` (a suggestion scans them all). */
  resourceCodes(): Iterable<string> {
    const lazy = this.lazySource;
    if (lazy?.source.resourceCodes && !this.pending) {
      if (!lazy.codes) {
        const codes = lazy.source.resourceCodes();
        if (codes) lazy.codes = [...codes];
      }
      if (lazy.codes) {
        this.recorder?.add(lookupKey('resourceCodes'));
        return lazy.codes;
      }
    }
    return this.note('resourceCodes').resources.keys();
  }
  allAgreements(): Iterable<AgreementFact> { return flat(this.note('allAgreements').agreements); }
  allServices(): Iterable<ServiceFact> { return flat(this.note('allServices').services); }

  /** Every use of an identity (for items the target is `resourceCode#itemName`). */
  references(kind: ReferenceKind, target: string): readonly ReferenceFact[] {
    const key = kind === 'agency' ? target.toUpperCase() : target;
    return this.note('references', kind, key).references.get(`${kind}\u0000${key}`) ?? [];
  }

  /**
   * Runs `work`, and gives the look-ups it made (`lookupKey`s, each once, in first-asked order): what its result
   * depends on in this index. A result computed against another index is the same when every one of these answers
   * the same there (`answerOf`), whatever else changed.
   */
  recordLookups<T>(work: () => T): { result: T; lookups: string[] } {
    const outer = this.recorder;
    const lookups = (this.recorder = new Set());
    try {
      return { result: work(), lookups: [...lookups] };
    } finally {
      this.recorder = outer;
      if (outer) for (const key of lookups) outer.add(key);
    }
  }

  /** What a look-up (`lookupKey`) answers in this index, as plain data, without recording it. */
  answerOf(lookup: string): unknown {
    const outer = this.recorder;
    this.recorder = undefined;
    try {
      const { method, args } = parseLookup(lookup);
      const answer: unknown = (this[method] as (...a: string[]) => unknown)(...args);
      return typeof answer === 'boolean' || Array.isArray(answer) ? answer : [...(answer as Iterable<unknown>)];
    } finally {
      this.recorder = outer;
    }
  }

  /**
   * A value derived from the index, built once per version of it (a table every file of a run asks). Whoever asks
   * is recorded as having made the look-ups its building made, so that dependency tracking sees through the memo.
   */
  memo<T>(key: string, build: () => T): T {
    let memo = this.memos.get(key);
    if (!memo || memo.version !== this.generation) {
      const { result, lookups } = this.recordLookups(build);
      this.memos.set(key, (memo = { version: this.generation, value: result, lookups }));
    } else if (this.recorder) {
      for (const lookup of memo.lookups) this.recorder.add(lookup);
    }
    return memo.value as T;
  }

  /** Files whose findings may change when `file` changes: those that reference what it defines, or define what it references. */
  dependentsOf(file: string, previous?: FileFacts): Set<string> {
    const out = new Set<string>();
    const facts = [this.files.get(file), previous].filter((f): f is FileFacts => !!f);
    const t = this.t();
    const definers = this.definersTable();
    for (const f of facts) {
      // An agreement gives its consumer data that the consumer's services may then no longer collect themselves.
      for (const a of f.agreements) {
        for (const ref of a.consumer ? t.references.get(`agency\u0000${a.consumer.uscc}`) ?? [] : []) if (ref.path[0] === 'implementer') out.add(ref.file);
      }
      for (const key of definedKeys(f)) {
        for (const ref of t.references.get(key) ?? []) out.add(ref.file);
        for (const twin of definers.get(key) ?? []) out.add(twin);
      }
      for (const ref of f.references) {
        const key = ref.kind === 'item' ? `resource\u0000${ref.target.split('#')[0]}` : `${ref.kind}\u0000${ref.target}`;
        for (const def of definers.get(key) ?? []) out.add(def);
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
        const folded = foldedOf(key, fact);
        if (folded.key.startsWith(needle) || folded.name.includes(needle)) out.push(fact);
      }
    }
    return out;
  }

  private definersTable(): Map<string, Set<string>> {
    if (this.pending) throw new IndexPending();
    if (!this.definers) {
      const definers = new Map<string, Set<string>>();
      for (const f of this.files.values()) enterDefiner(definers, f);
      this.definers = definers;
    }
    return this.definers;
  }

  private t(): Tables {
    if (this.pending) throw new IndexPending();
    this.fetchEverything();
    return (this.tables ??= buildTables(this.files.values()));
  }

  /** The tables, the look-up noted first when look-ups are being recorded (and, for a lazy index, its facts fetched). */
  private note(method: LookupMethod, ...args: string[]): Tables {
    const lookup = lookupKey(method, ...args);
    this.recorder?.add(lookup);
    if (this.lazySource && !WHOLE_TABLE_LOOKUPS.has(method)) return this.fetchFor(lookup, method, args);
    return this.t();
  }

  /** A lazy index's tables once they hold the whole answer of `lookup`, in a full index's order. */
  private fetchFor(lookup: string, method: LookupMethod, args: readonly string[]): Tables {
    const lazy = this.lazySource!;
    const tables = this.tables!;
    if (lazy.complete.has(lookup)) return tables;
    const files = lazy.source.contributors(lookup);
    if (files === undefined) return this.t();
    for (const file of files) {
      if (lazy.fetched.has(file)) continue;
      lazy.fetched.add(file);
      const facts = lazy.source.facts(file);
      if (!facts) continue;
      this.files.set(file, facts);
      enter(tables, facts);
    }
    // Entered file by file as fetched: put back in the full index's order (a stable sort keeps each file's own).
    const list = answerList(tables, method, args);
    if (list && list.length > 1) {
      const rank = (entry: string | { file: string }) => lazy.rank.get(typeof entry === 'string' ? entry : entry.file) ?? Infinity;
      list.sort((a, b) => rank(a) - rank(b));
    }
    lazy.complete.add(lookup);
    return tables;
  }

  /** Makes a lazy index a full one: every file fetched, entered in the full index's order. */
  private fetchEverything(): void {
    const lazy = this.lazySource;
    if (!lazy) return;
    this.lazySource = undefined;
    const files = new Map<string, FileFacts>();
    for (const file of lazy.source.files) {
      const facts = lazy.fetched.has(file) ? this.files.get(file) : lazy.source.facts(file);
      if (facts) files.set(file, facts);
    }
    this.files = files;
    this.tables = undefined;
  }
}

/** The table list that answers a per-key look-up. */
function answerList(t: Tables, method: LookupMethod, args: readonly string[]): (string | { file: string })[] | undefined {
  switch (method) {
    case 'agencies': return t.agencies.get(args[0]);
    case 'resources': return t.resources.get(args[0]);
    case 'agreements': return t.agreements.get(args[0]);
    case 'agreementsTo': return t.consumers.get(args[0]);
    case 'services': return t.services.get(args[0]);
    case 'references': return t.references.get(`${args[0]}\u0000${args[1]}`);
    case 'isReportedIdentity': return t.reported.get(`${args[0]}\u0000${args[1]}`);
    default: return undefined;
  }
}

/** The queries rules make of the index: what `recordLookups` records and `answerOf` replays. */
export type LookupMethod = 'hasAgencies' | 'agencies' | 'resources' | 'agreements' | 'agreementsTo' | 'services' | 'allAgencies' | 'allResources'
  | 'resourceCodes' | 'allAgreements' | 'allServices' | 'references' | 'isReportedIdentity';

/** A look-up as one string: the method and its arguments. */
export function lookupKey(method: LookupMethod, ...args: string[]): string {
  return [method, ...args].join('\u0000');
}

/** The method and arguments of a `lookupKey`; `references` and `isReportedIdentity` have two, the first (a kind) without NUL. */
function parseLookup(lookup: string): { method: LookupMethod; args: string[] } {
  const cut = lookup.indexOf('\u0000');
  if (cut < 0) return { method: lookup as LookupMethod, args: [] };
  const method = lookup.slice(0, cut) as LookupMethod;
  const rest = lookup.slice(cut + 1);
  if (method !== 'references' && method !== 'isReportedIdentity') return { method, args: [rest] };
  const second = rest.indexOf('\u0000');
  return { method, args: [rest.slice(0, second), rest.slice(second + 1)] };
}

/** One index holding the files of several (workspaces linted separately shown together: the sharing map). */
export function joinIndexes(indexes: readonly WorkspaceIndex[]): WorkspaceIndex {
  if (indexes.length === 1) return indexes[0];
  const joined = new WorkspaceIndex();
  for (const index of indexes) for (const file of index.allFiles()) joined.update(index.factsOf(file)!);
  return joined;
}

export function displayName(fact: AgencyFact | ResourceFact | AgreementFact | ServiceFact): string {
  if ('title' in fact) return fact.title ?? fact.id;
  return fact.name ?? '';
}

interface Tables {
  agencies: Map<string, AgencyFact[]>;
  resources: Map<string, ResourceFact[]>;
  agreements: Map<string, AgreementFact[]>;
  /** Agreements by their consumer's USCC as written. */
  consumers: Map<string, AgreementFact[]>;
  services: Map<string, ServiceFact[]>;
  references: Map<string, ReferenceFact[]>;
  /** `kind\0key` of identities written with a failing key → the files that write them. */
  reported: Map<string, string[]>;
}

function buildTables(files: Iterable<FileFacts>): Tables {
  const t: Tables = { agencies: new Map(), resources: new Map(), agreements: new Map(), consumers: new Map(), services: new Map(), references: new Map(), reported: new Map() };
  for (const f of files) enter(t, f);
  return t;
}

/** Adds what one file contributes to the tables. */
function enter(t: Tables, f: FileFacts): void {
  for (const a of f.agencies) push(t.agencies, a.uscc, a);
  for (const r of f.resources) push(t.resources, r.code, r);
  for (const a of f.agreements) push(t.agreements, a.id, a);
  for (const a of f.agreements) if (a.consumer) push(t.consumers, a.consumer.uscc, a);
  for (const s of f.services) push(t.services, s.implementationCode, s);
  for (const ref of f.references) push(t.references, `${ref.kind}\u0000${ref.target}`, ref);
  for (const key of f.flaggedKeys ?? []) push(t.reported, key, f.file);
}

function enterDefiner(definers: Map<string, Set<string>>, f: FileFacts): void {
  for (const key of identityKeys(f)) {
    let set = definers.get(key);
    if (!set) definers.set(key, (set = new Set()));
    set.add(f.file);
  }
}

/** Takes what one file contributed out of the tables again (the facts it was entered with). */
function withdraw(t: Tables, f: FileFacts): void {
  const notOf = (fact: { file: string }) => fact.file !== f.file;
  for (const a of f.agencies) pull(t.agencies, a.uscc, notOf);
  for (const r of f.resources) pull(t.resources, r.code, notOf);
  for (const a of f.agreements) pull(t.agreements, a.id, notOf);
  for (const a of f.agreements) if (a.consumer) pull(t.consumers, a.consumer.uscc, notOf);
  for (const s of f.services) pull(t.services, s.implementationCode, notOf);
  for (const ref of f.references) pull(t.references, `${ref.kind}\u0000${ref.target}`, notOf);
  for (const key of f.flaggedKeys ?? []) pull(t.reported, key, (file) => file !== f.file);
}

function withdrawDefiner(definers: Map<string, Set<string>>, f: FileFacts): void {
  for (const key of identityKeys(f)) {
    const set = definers.get(key);
    set?.delete(f.file);
    if (set?.size === 0) definers.delete(key);
  }
}

function pull<V>(map: Map<string, V[]>, key: string, keep: (value: V) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter(keep);
  if (kept.length > 0) map.set(key, kept); else map.delete(key);
}

/** Lower-cased key and name of a fact, computed once: search runs over every identity on each keystroke. */
const folded = new WeakMap<object, { key: string; name: string }>();
function foldedOf(key: string, fact: AgencyFact | ResourceFact | AgreementFact | ServiceFact): { key: string; name: string } {
  let f = folded.get(fact);
  if (!f) folded.set(fact, (f = { key: key.toLowerCase(), name: displayName(fact).toLowerCase() }));
  return f;
}

function definedKeys(f: FileFacts): string[] {
  return [...identityKeys(f), ...f.resources.flatMap((r) => r.items.map((i) => `item\u0000${r.code}#${i.name}`))];
}

/**
 * What a file defines, its catalogue items aside: the keys of the definers table. A file that defines an item
 * defines its resource, so an item's definers are among its resource's, and references to items look up the
 * resource's (`dependentsOf`); item keys (a national workspace's millions, each unpacking its resource's items)
 * would change no answer.
 */
function identityKeys(f: FileFacts): string[] {
  return [
    ...f.agencies.map((a) => `agency\u0000${a.uscc}`),
    ...f.resources.map((r) => `resource\u0000${r.code}`),
    ...f.agreements.map((a) => `agreement\u0000${a.id}`),
    ...f.services.map((s) => `service\u0000${s.implementationCode}`),
    // A reference to an identity written with a failing key changes when that key is corrected.
    ...(f.flaggedKeys ?? []),
  ];
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

function* flat<V>(map: Map<string, V[]>): Iterable<V> {
  for (const list of map.values()) yield* list;
}

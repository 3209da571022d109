import type { JsonPath, Kind } from './types';
import { setOwn } from './values';

/**
 * A document reduced to the data its workspace-scope rules read: what the CLI keeps of a file between its two phases,
 * so that phase 2 can run those rules without reading and parsing the file again (lint.ts `quietOnViews`). A rule
 * reading outside the view, or reporting anything, sends the file back to the full workspace phase, so a view can be
 * too small (slower) but never wrong.
 */
export interface DocumentView { index: number; kind: Kind; value: unknown }

/** A data path where `*` stands for any key or index. */
export type ViewPath = readonly (string | number)[];

/**
 * What the workspace-scope rules of a kind read (`ctx.get` of these paths and of their prefixes). Kinds without an
 * entry always take the full workspace phase. Catalogues and services are most of a national repository's bytes,
 * and their workspace rules read little of them: codes, agency references, and how each material is obtained.
 */
const AGENCY_REFERENCE = (...at: (string | number)[]): ViewPath[] => [[...at, 'uscc'], [...at, 'name']];

export const VIEW_PATHS: Readonly<Partial<Record<Kind, readonly ViewPath[]>>> = {
  // Agreements and agencies are small, and their workspace rules read most of them: their view is all of them.
  SharingAgreement: [[]],
  Agency: [[]],
  Catalog: [...AGENCY_REFERENCE('provider'), ['resources', '*', 'code'], ['resources', '*', 'related', '*']],
  Service: [
    ['implementationCode'], ...AGENCY_REFERENCE('implementer'), ...AGENCY_REFERENCE('handlingOrg'), ...AGENCY_REFERENCE('jointDepartments', '*'),
    ['materials', '*', 'name'], ['materials', '*', 'source'], ['materials', '*', 'sharing'],
  ],
};

type Trie = Map<string | number, Trie>;

function trieOf(paths: readonly ViewPath[]): Trie {
  const root: Trie = new Map();
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      let next = node.get(step);
      if (!next) node.set(step, (next = new Map()));
      node = next;
    }
  }
  return root;
}

/** The views of a file's documents, or undefined when one of their kinds has no view (or the paths hold none). */
export function viewsOf(documents: readonly { index: number; kind: Kind; value: unknown }[], paths = VIEW_PATHS): DocumentView[] | undefined {
  const views: DocumentView[] = [];
  for (const doc of documents) {
    const kindPaths = paths[doc.kind];
    if (!kindPaths) return undefined;
    views.push({ index: doc.index, kind: doc.kind, value: project(doc.value, trieOf(kindPaths)) });
  }
  return views;
}

/** A copy of `value` holding only what the trie reaches; at its leaves (and at scalars) values are kept as they are. */
function project(value: unknown, trie: Trie): unknown {
  if (trie.size === 0 || value === null || typeof value !== 'object') return value;
  const any = trie.get('*');
  // An array keeps its length, so that a rule counting or walking it sees the same entries.
  if (Array.isArray(value)) return value.map((v, i) => { const sub = trie.get(i) ?? any; return sub ? project(v, sub) : undefined; });
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const sub = trie.get(key) ?? any;
    if (sub) setOwn(out, key, project((value as Record<string, unknown>)[key], sub));
  }
  return out;
}

/**
 * Whether a view answers a read of `path` as the full data would: the path leads to one of the view's paths (a
 * partial node on the way), or lies under one (a value kept whole).
 */
export function viewCovers(kind: Kind, path: JsonPath, paths = VIEW_PATHS): boolean {
  const kindPaths = paths[kind] ?? [];
  return kindPaths.some((p) => path.every((step, i) => i >= p.length || p[i] === '*' || p[i] === step));
}

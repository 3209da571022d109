import type { FileFacts } from './facts';
import { ResourceRecord } from './facts';
import { WHOLE_TABLE_LOOKUPS, lookupKey } from './index';
import type { LookupMethod } from './index';

/**
 * What one file's facts give each look-up of the index (`WorkspaceIndex.recordLookups` keys): per look-up, the
 * file's part of its answer, each fact as JSON, in the order the index lists them. The keys follow the index's tables
 * (`enter` in index.ts): a fact is in the answer of its table's key and of the table's "all" query.
 */
function answerParts(facts: FileFacts | undefined, withText = true): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  if (!facts) return parts;
  const add = (key: string, part: string) => {
    const list = parts.get(key);
    if (list) list.push(part); else parts.set(key, [part]);
  };
  const each = <T>(list: readonly T[], all: string, keyOf: (fact: T) => string, json: (fact: T) => string = (fact) => JSON.stringify(fact)) => {
    for (const fact of list) {
      const text = withText ? json(fact) : '';
      add(keyOf(fact), text);
      add(all, text);
    }
  };
  each(facts.agencies, 'allAgencies', (a) => lookupKey('agencies', a.uscc));
  if (facts.agencies.length > 0) add('hasAgencies', '');
  // A record is written as the cache stores it: its items packed, not made one object each.
  each(facts.resources, 'allResources', (r) => lookupKey('resources', r.code), (r) => JSON.stringify(r instanceof ResourceRecord ? r.stored() : r));
  for (const r of facts.resources) add('resourceCodes', r.code);
  each(facts.agreements, 'allAgreements', (a) => lookupKey('agreements', a.id));
  for (const a of facts.agreements) if (a.consumer) add(lookupKey('agreementsTo', a.consumer.uscc), withText ? JSON.stringify(a) : '');
  each(facts.services, 'allServices', (s) => lookupKey('services', s.implementationCode));
  for (const ref of facts.references) add(lookupKey('references', ref.kind, ref.target), withText ? JSON.stringify(ref) : '');
  for (const key of facts.flaggedKeys ?? []) {
    const cut = key.indexOf('\u0000');
    add(lookupKey('isReportedIdentity', key.slice(0, cut), key.slice(cut + 1)), '');
  }
  return parts;
}

/**
 * The look-ups whose answer can differ once a file's facts go from `before` to `after` (either absent: a new or a
 * deleted file), all other files alike: those to which the file gave a different part. The index lists a file's
 * facts in one run of the file's own order, and files in the order they are entered, which both runs share; so a
 * look-up outside this set answers the same, fact for fact.
 */
export function changedLookups(before: FileFacts | undefined, after: FileFacts | undefined, into: Set<string> = new Set()): Set<string> {
  const old = answerParts(before);
  const now = answerParts(after);
  for (const [key, parts] of old) {
    const next = now.get(key);
    if (!next || next.length !== parts.length || next.some((part, i) => part !== parts[i])) into.add(key);
  }
  for (const key of now.keys()) if (!old.has(key)) into.add(key);
  return into;
}

/**
 * The per-key look-ups to whose answer a file's facts give a part (`hasAgencies` among them): what a lazy index must
 * fetch the file for (`FactsSource.contributors`).
 */
export function lookupsOf(facts: FileFacts | undefined): string[] {
  return [...answerParts(facts, false).keys()].filter((key) => !WHOLE_TABLE_LOOKUPS.has(key as LookupMethod));
}

import type { RuleContext } from '../api';
import { readableString } from '../readable';
import type { JsonPath } from '../../types';
import type { AgreementFact, NodeRef, ResourceFact } from '../../workspace';
import { isRealDate } from '../../calendar/dates';

/** One entry of the agreement's `resources` list whose `code` can be looked up (present, a string, not flagged). */
export interface RequestedCode { code: string; codePath: JsonPath; itemsPath: JsonPath }

/** A requested resource whose code resolves to at least one catalogue resource (several when the code is duplicated). */
export interface RequestedResource extends RequestedCode { facts: readonly ResourceFact[] }

/** A requested item name that can be looked up: present, a string, not flagged. */
export interface RequestedItem { name: string; path: JsonPath }

export function requestedCodes(ctx: RuleContext): RequestedCode[] {
  const list = ctx.get(['resources']);
  if (!Array.isArray(list)) return [];
  const out: RequestedCode[] = [];
  list.forEach((_, i) => {
    const codePath = ['resources', i, 'code'];
    const code = readableString(ctx, codePath);
    if (code !== undefined) out.push({ code, codePath, itemsPath: ['resources', i, 'items'] });
  });
  return out;
}

/**
 * Requested resources that resolve. docs/semantics.md: a code that resolves to nothing is reported only by
 * agreement/resource-exists, so every other resource rule starts from this list.
 */
export function resolvedResources(ctx: RuleContext): RequestedResource[] {
  return requestedCodes(ctx).flatMap((r) => {
    const facts = ctx.index.resources(r.code);
    return facts.length > 0 ? [{ ...r, facts }] : [];
  });
}

export function requestedItems(ctx: RuleContext, resource: RequestedCode): RequestedItem[] {
  const items = ctx.get(resource.itemsPath);
  if (!Array.isArray(items)) return [];
  return items.flatMap((_, j) => {
    const path = [...resource.itemsPath, j];
    const name = readableString(ctx, path);
    return name !== undefined ? [{ name, path }] : [];
  });
}

/**
 * docs/semantics.md: a reference to a duplicated identity satisfies a rule when any one of the duplicates does, so a
 * resource rule fires only when every catalogue resource of that code fails it.
 */
export function failsForAll(facts: readonly ResourceFact[], fails: (fact: ResourceFact) => boolean): boolean {
  return facts.length > 0 && facts.every(fails);
}

/** A node inside a catalogue resource, as a related location. */
export function inResource(fact: ResourceFact, path: JsonPath): NodeRef {
  return { file: fact.file, document: fact.document, path: [...fact.path, ...path] };
}

/** A date field that rules may read: present, a string, a real date, and without a schema finding. */
export function usableDate(ctx: RuleContext, path: JsonPath): string | undefined {
  const value = readableString(ctx, path);
  return value !== undefined && isRealDate(value) ? value : undefined;
}

// ---- the period of validity (docs/semantics.md): in force from validFrom through validTo, both days included ----

/** Whether an agreement valid through `validTo` has lapsed on `day` (real `YYYY-MM-DD` dates compare as strings). */
export function lapsed(validTo: string, day: string): boolean {
  return validTo < day;
}

export type Period = 'not yet' | 'in force' | 'lapsed';

/**
 * Where `day` falls against an agreement of the workspace. Undefined when either date cannot be read (the agreement's
 * own findings cover it), so rules of other documents neither fire on it nor rely on it.
 */
export function periodOn(agreement: AgreementFact, day: string): Period | undefined {
  const { validFrom, validTo } = agreement;
  if (!validFrom || !validTo || !isRealDate(validFrom) || !isRealDate(validTo)) return undefined;
  return lapsed(validTo, day) ? 'lapsed' : day < validFrom ? 'not yet' : 'in force';
}

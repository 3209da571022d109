import { checkUscc } from '../../ids/uscc';
import type { JsonPath, Kind } from '../../types';
import type { WorkspaceIndex } from '../../workspace';
import type { RuleContext } from '../api';
import { readableString } from '../readable';

/** What the walks need from a rule context: the kind and the data (so features can reuse them too). */
export type DocumentReader = Pick<RuleContext, 'kind' | 'get'>;

/** The fields of each kind that hold one agency reference `{ name, uscc }` (format.md "Agency reference"). */
const SINGLE_REFERENCES: Readonly<Record<Kind, readonly string[]>> = {
  Service: ['implementer', 'handlingOrg'],
  Catalog: ['provider'],
  SharingAgreement: ['provider', 'consumer'],
  Agency: [],
};

/**
 * The path of every agency reference object the document holds: provider, consumer, implementer, handlingOrg and
 * each of `jointDepartments`. Only references that are objects are listed; the schema reports the others.
 */
export function agencyReferences(doc: DocumentReader): JsonPath[] {
  const paths: JsonPath[] = SINGLE_REFERENCES[doc.kind].map((field) => [field]);
  if (doc.kind === 'Service') {
    const joint = doc.get(['jointDepartments']);
    if (Array.isArray(joint)) joint.forEach((_, i) => paths.push(['jointDepartments', i]));
  }
  return paths.filter((path) => isObject(doc.get(path)));
}

/**
 * The path of every USCC the document writes: each agency reference's `uscc`, and an Agency's own `uscc` and
 * `parent`. Missing values are left out; the paths may still hold a value of the wrong type.
 */
export function usccPaths(doc: DocumentReader): JsonPath[] {
  const paths = doc.kind === 'Agency' ? [['uscc'], ['parent']] : agencyReferences(doc).map((ref) => [...ref, 'uscc']);
  return paths.filter((path) => doc.get(path) !== undefined);
}

// ---- when a rule may use a USCC (docs/semantics.md: one defect, one finding; the Agency register) ----

/**
 * The USCC at `path` when agency rules may look it up: a string, not flagged already, and passing the GB 32100
 * check. The check is repeated here because id/uscc may be switched off, and a malformed code is still that rule's
 * defect, never "unknown" or "duplicate" as well (docs/semantics.md).
 */
export function checkedUscc(ctx: RuleContext, path: JsonPath): string | undefined {
  const code = readableString(ctx, path);
  return code !== undefined && !checkUscc(code) ? code : undefined;
}

/** Whether a USCC may stand for an agency: the workspace keeps no Agency documents, or one of them has it (cross-file details). */
export function registered(index: WorkspaceIndex, uscc: string): boolean {
  return !index.hasAgencies() || index.agencies(uscc).length > 0;
}

/**
 * The upper-cased USCC at `path` (an agency reference's `uscc`) when rules may compare it with another: a string
 * without a yaml/schema/id finding, and registered. One that is not is reported by id/ or agency/unknown (one defect, one finding; cross-file details).
 */
export function comparableUscc(ctx: RuleContext, path: JsonPath): string | undefined {
  const uscc = readableString(ctx, path);
  return uscc !== undefined && registered(ctx.index, uscc) ? uscc.toUpperCase() : undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { JsonPath, Kind } from '../../types';
import type { RuleContext } from '../api';

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

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

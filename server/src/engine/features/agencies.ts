import type { WorkspaceIndex } from '../workspace';

export interface KnownAgency { uscc: string; name: string; registered: boolean }

/**
 * Agencies the workspace knows: those with an Agency document first, then the names other documents give a USCC
 * (providers, consumers, implementers), so that completion helps before any Agency document exists.
 */
export function knownAgencies(index: WorkspaceIndex): KnownAgency[] {
  const out = new Map<string, KnownAgency>();
  for (const a of index.allAgencies()) if (!out.has(a.uscc)) out.set(a.uscc, { uscc: a.uscc, name: a.name, registered: true });
  const named = (ref: { uscc: string; name: string | undefined } | undefined) => {
    if (ref?.name && !out.has(ref.uscc)) out.set(ref.uscc, { uscc: ref.uscc, name: ref.name, registered: false });
  };
  for (const r of index.allResources()) named(r.provider);
  for (const a of index.allAgreements()) { named(a.provider); named(a.consumer); }
  for (const s of index.allServices()) named(s.implementer);
  return [...out.values()];
}

/** The registered name of a USCC, or the name some document gives it. */
export function agencyName(index: WorkspaceIndex, uscc: string): { name: string; registered: boolean } | undefined {
  const registered = index.agencies(uscc)[0];
  if (registered) return { name: registered.name, registered: true };
  const known = knownAgencies(index).find((a) => a.uscc === uscc.toUpperCase());
  return known && { name: known.name, registered: false };
}

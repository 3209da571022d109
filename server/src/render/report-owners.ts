/**
 * Which agency a document belongs to, for the report's charts by agency and region: a service's implementer, a
 * catalogue's provider, an agreement's consumer (the agency that asked for the data), an agency itself.
 * Plain data, keyed `file#document`, so the report renderer needs no index.
 */
import type { WorkspaceIndex } from '../engine';

export interface DocumentOwner { uscc: string; name: string; region: string | undefined }
export type ReportOwners = Record<string, DocumentOwner>;

export const ownerKey = (file: string, document: number | null) => `${file}#${document ?? -1}`;

export function documentOwners(index: WorkspaceIndex): ReportOwners {
  const out: ReportOwners = {};
  const set = (file: string, document: number, party: { uscc: string; name: string | undefined } | undefined) => {
    if (!party) return;
    const registered = index.agencies(party.uscc)[0];
    out[ownerKey(file, document)] ??= { uscc: party.uscc, name: registered?.name ?? party.name ?? party.uscc, region: registered?.region };
  };
  for (const file of index.allFiles()) {
    const facts = index.factsOf(file)!;
    for (const a of facts.agencies) set(file, a.document, a);
    for (const s of facts.services) set(file, s.document, s.implementer);
    for (const r of facts.resources) set(file, r.document, r.provider);
    for (const a of facts.agreements) set(file, a.document, a.consumer);
  }
  return out;
}

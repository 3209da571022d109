/**
 * The data-sharing map as plain data: agencies are nodes, agreements are edges from provider to consumer. Problems
 * are read from the findings on each agreement's document, by rule id, so the map says exactly what the linter says.
 * Plain data (no functions, no Maps) so that it crosses the LSP connection and is inlined into pages as JSON.
 */
import type { Anchor, Finding, Range } from '../engine';
import type { AgreementFact, NodeRef, WorkspaceIndex } from '../engine';
import { layoutAgencies } from './graph-layout';
import { buildGroups, crossFlags, groupOf, splitByLevel } from './map-groups';
import type { CrossFlags, MapGroup } from './map-groups';

export type ProblemFlag = 'expired' | 'unshared' | 'reply' | 'safeguards';
export const PROBLEM_FLAGS: readonly ProblemFlag[] = ['expired', 'unshared', 'reply', 'safeguards'];

const FLAG_OF_RULE: Readonly<Record<string, ProblemFlag>> = {
  'agreement/expired': 'expired',
  'agreement/unshared-resource': 'unshared',
  'agreement/conditional-needs-reply': 'reply',
  'agreement/sensitive-safeguards': 'safeguards',
};

export interface AgencyNode {
  id: string;
  uscc: string;
  name: string;
  level: string | undefined;
  region: string | undefined;
  /** Named by an agreement but defined by no Agency document. */
  registered: boolean;
  /** The innermost group (map-groups.ts) the map draws it in: its region's, or a level sub-group of it. */
  group: string;
  /** The parent agency's USCC (its Agency document's `parent`). */
  parent?: string;
  x: number;
  y: number;
}

export interface AgreementEdge {
  id: string;
  agreementId: string;
  title: string | undefined;
  source: string;
  target: string;
  resources: { code: string; name: string | undefined }[];
  validFrom: string | undefined;
  validTo: string | undefined;
  /** In force on `today` by its dates alone (the linter's findings may say more). */
  status: 'in-force' | 'not-yet' | 'lapsed' | 'unknown';
  problems: ProblemFlag[];
  /** 跨层级 / 跨地域 / 跨部门. */
  cross: CrossFlags;
  /** Every finding on the agreement's document, of any rule. */
  findingCount: number;
  file: string;
  /** 0-based line of the agreement (of its first problem when it has one). */
  line: number;
}

export interface SharingGraph {
  today: string;
  nodes: AgencyNode[];
  edges: AgreementEdge[];
  /** Group headings in layout order, with where the layout put them. */
  levels: { code: string | undefined; x: number }[];
  regions: { code: string | undefined; y: number }[];
  /** Where region headings end (they are drawn to the left of it). */
  headingX: number;
  /**
   * The region groups and their level sub-groups, parents first; the two special groups carry the labels `national`
   * and `unknown`, a level sub-group its level code (the page names it).
   */
  groups: MapGroup[];
}

/** How to find the line of a document node; the editor and the CLI pass their parse cache's resolver. */
export type LineResolver = (at: NodeRef, anchor: Anchor) => Range | undefined;

export function buildSharingGraph(index: WorkspaceIndex, findings: readonly Finding[], today: string, resolve?: LineResolver): SharingGraph {
  const byDocument = groupFindings(findings);
  const agencies = new Map<string, Omit<AgencyNode, 'x' | 'y'>>();
  for (const a of index.allAgencies()) {
    if (!agencies.has(a.uscc)) agencies.set(a.uscc, { id: a.uscc, uscc: a.uscc, name: a.name, level: a.level, region: a.region, registered: true, group: groupOf(a), parent: a.parent });
  }
  const edges: AgreementEdge[] = [];
  for (const a of index.allAgreements()) {
    if (!a.provider || !a.consumer) continue;
    for (const party of [a.provider, a.consumer]) {
      if (!agencies.has(party.uscc)) agencies.set(party.uscc, { id: party.uscc, uscc: party.uscc, name: party.name ?? party.uscc, level: undefined, region: undefined, registered: false, group: groupOf({ level: undefined, region: undefined }) });
    }
    const cross = crossFlags(agencies.get(a.provider.uscc)!, agencies.get(a.consumer.uscc)!);
    edges.push(edgeOf(a, byDocument.get(docKey(a.file, a.document)) ?? [], index, today, cross, resolve));
  }
  const regionGroups = buildGroups([...agencies.values()], { national: 'national', unknown: 'unknown' });
  const split = splitByLevel([...agencies.values()], regionGroups);
  for (const a of agencies.values()) a.group = split.groupOf(a);
  const layout = layoutAgencies([...agencies.values()]);
  return { today, edges, ...layout, groups: split.groups };
}

function edgeOf(a: AgreementFact, found: readonly Finding[], index: WorkspaceIndex, today: string, cross: CrossFlags, resolve?: LineResolver): AgreementEdge {
  const problems = PROBLEM_FLAGS.filter((flag) => found.some((f) => FLAG_OF_RULE[f.ruleId] === flag));
  const problemLine = found.find((f) => FLAG_OF_RULE[f.ruleId])?.range.start.line;
  return {
    id: `${a.file}#${a.document}`,
    agreementId: a.id,
    title: a.title,
    source: a.provider!.uscc,
    target: a.consumer!.uscc,
    resources: a.resources.map((r) => ({ code: r.code, name: index.resources(r.code)[0]?.name })),
    validFrom: a.validFrom,
    validTo: a.validTo,
    status: statusOn(today, a.validFrom, a.validTo),
    problems,
    cross,
    findingCount: found.length,
    file: a.file,
    line: problemLine ?? resolve?.({ file: a.file, document: a.document, path: ['id'] }, 'key')?.start.line ?? 0,
  };
}

/** Dates compare as text: both are YYYY-MM-DD. validTo is the last day in force (docs/semantics.md). */
function statusOn(today: string, from: string | undefined, to: string | undefined): AgreementEdge['status'] {
  if (!from || !to) return 'unknown';
  if (today < from) return 'not-yet';
  return today > to ? 'lapsed' : 'in-force';
}

const docKey = (file: string, document: number | null) => `${file}\u0000${document ?? -1}`;

function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = docKey(f.file, f.document);
    const list = out.get(key);
    if (list) list.push(f); else out.set(key, [f]);
  }
  return out;
}

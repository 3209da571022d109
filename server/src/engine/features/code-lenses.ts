import type { Locale, Range } from '../types';
import { bilingual } from '../l10n/message';
import type { NodeRef, ReferenceFact } from '../workspace';
import type { FeatureWorkspace, Location, OpenFile } from './context';
import { locationOf } from './context';
import { definitionNodes } from './navigation';

/** What a lens counts the uses of: a catalogue resource, an agreement or an agency, by its identity. */
export interface LensTarget { kind: 'resource' | 'agreement' | 'agency'; target: string }

/** A lens as first shown: where it stands and what it counts; `resolveCodeLens` gives its title and locations. */
export interface CodeLensEntry { range: Range; target: LensTarget }

export interface ResolvedLens { title: string; locations: Location[] }

/**
 * The lenses of an open file, from its facts in the index: one over each resource code of a catalogue, each
 * agreement id and each agency USCC it defines. Nothing is counted yet (resolving does that, for the lenses shown).
 */
export function codeLenses(ws: FeatureWorkspace, open: OpenFile): CodeLensEntry[] {
  const facts = ws.index.factsOf(open.file);
  if (!facts) return [];
  const lens = (node: NodeRef, target: LensTarget) => {
    const at = locationOf(ws, node);
    return at ? [{ range: at.range, target }] : [];
  };
  return [
    ...facts.agencies.flatMap((a) => lens({ ...a, path: [...a.path, 'uscc'] }, { kind: 'agency', target: a.uscc })),
    ...facts.agreements.flatMap((a) => lens({ ...a, path: [...a.path, 'id'] }, { kind: 'agreement', target: a.id })),
    ...facts.resources.flatMap((r) => lens({ file: r.file, document: r.document, path: [...r.path, 'code'] }, { kind: 'resource', target: r.code })),
  ];
}

/** Nodes of distinct documents: the first node of each (file, document). */
function perDocument(nodes: readonly NodeRef[]): NodeRef[] {
  const seen = new Map<string, NodeRef>();
  for (const n of nodes) {
    const key = `${n.file}\u0000${n.document}`;
    if (!seen.has(key)) seen.set(key, n);
  }
  return [...seen.values()];
}

/** A reference made by a service's material (`materials[i].sharing.*`). */
const fromService = (r: ReferenceFact) => r.path[0] === 'materials';
/** A reference made by an agreement's `resources[i].code` (a catalogue's `related` codes have a longer path). */
const fromAgreementResources = (r: ReferenceFact) => r.path[0] === 'resources' && r.path.length === 3 && r.path[2] === 'code';

/** `1 agreement`, `2 agreements`: the English titles' counts. */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function resourceLens(ws: FeatureWorkspace, code: string, locale: Locale): { title: string; nodes: NodeRef[] } {
  const refs = ws.index.references('resource', code);
  const agreements = perDocument(refs.filter(fromAgreementResources));
  const services = perDocument(refs.filter(fromService));
  const title = bilingual(
    `${agreements.length} 份协议共享 · ${services.length} 个事项引用`,
    `shared by ${plural(agreements.length, 'agreement', 'agreements')} · used by ${plural(services.length, 'service', 'services')}`,
  )[locale];
  return { title, nodes: [...agreements, ...services] };
}

function agreementLens(ws: FeatureWorkspace, id: string, locale: Locale): { title: string; nodes: NodeRef[] } {
  // The services that name the agreement in a material, and those the agreement lists in its `services`.
  const named = ws.index.references('agreement', id).filter(fromService);
  const listed = ws.index.agreements(id).flatMap((a) => (ws.index.factsOf(a.file)?.references ?? [])
    .filter((r) => r.kind === 'service' && r.document === a.document && r.path[0] === 'services')
    .flatMap((r) => definitionNodes(ws, { kind: 'service', target: r.target })));
  const services = perDocument([...named, ...listed]);
  const title = bilingual(`${services.length} 个事项使用`, `used by ${plural(services.length, 'service', 'services')}`)[locale];
  return { title, nodes: services };
}

function agencyLens(ws: FeatureWorkspace, uscc: string, locale: Locale): { title: string; nodes: NodeRef[] } {
  const refs = ws.index.references('agency', uscc);
  // A catalogue's provider provides each of its resources; an agreement's consumer uses the agreement.
  const provided = refs.filter((r) => r.path.length === 2 && r.path[0] === 'provider')
    .flatMap((r) => (ws.index.factsOf(r.file)?.resources ?? []).filter((res) => res.document === r.document)
      .map((res) => ({ file: res.file, document: res.document, path: [...res.path, 'code'] })));
  const used = perDocument(refs.filter((r) => r.path.length === 2 && r.path[0] === 'consumer'
    && (ws.index.factsOf(r.file)?.agreements ?? []).some((a) => a.document === r.document)));
  const title = bilingual(
    `提供 ${provided.length} 项资源 · 使用 ${used.length} 份协议`,
    `provides ${plural(provided.length, 'resource', 'resources')} · uses ${plural(used.length, 'agreement', 'agreements')}`,
  )[locale];
  return { title, nodes: [...provided, ...used] };
}

/** A lens's title in the reader's language and the places it counts, from the index's references. */
export function resolveCodeLens(ws: FeatureWorkspace, target: LensTarget): ResolvedLens {
  const lens = target.kind === 'resource' ? resourceLens(ws, target.target, ws.locale)
    : target.kind === 'agreement' ? agreementLens(ws, target.target, ws.locale)
      : agencyLens(ws, target.target, ws.locale);
  return { title: lens.title, locations: lens.nodes.flatMap((n) => locationOf(ws, n) ?? []) };
}

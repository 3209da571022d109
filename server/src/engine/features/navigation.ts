import type { JsonPath, Position, TextEdit } from '../types';
import type { NodeRef, ReferenceKind } from '../workspace';
import type { FeatureWorkspace, Location, OpenFile } from './context';
import { govDocumentAt, locationOf, samePath } from './context';
import { nodeAt } from './ast';
import { isAgencyReference } from './slots';
import { rewriteScalar } from '../text/yaml-scalar';
import { locate } from '../yaml/locate';

/** A cross-file identity: a USCC, a resource code, `code#item`, an agreement id or an implementation code. */
export interface Identity { kind: ReferenceKind; target: string }

export interface IdentityHit extends Identity {
  /** The node under the cursor names the identity itself (a rename can start there), not only refers to it by name. */
  renamable: boolean;
  start: number;
  end: number;
}

/** The identity named by the scalar under a position, whether it defines it or refers to it. */
export function identityAt(ws: FeatureWorkspace, open: OpenFile, position: Position): IdentityHit | undefined {
  const offset = open.parsed.lines.offsetAt(position);
  const gov = govDocumentAt(open, offset);
  const doc = open.parsed.documents[gov?.index ?? -1];
  const hit = doc && nodeAt(doc, offset);
  if (!gov?.kind || !hit || hit.on !== 'value') return undefined;
  const id = identityOfPath(ws, open.file, gov.index, hit.path);
  if (id) return { ...id, renamable: true, start: hit.start, end: hit.end };
  // The name of an agency reference leads to the agency its USCC names.
  const parent = hit.path.slice(0, -1);
  if (hit.path[hit.path.length - 1] === 'name' && isAgencyReference(gov.kind, parent)) {
    const uscc = identityOfPath(ws, open.file, gov.index, [...parent, 'uscc']);
    if (uscc) return { ...uscc, renamable: false, start: hit.start, end: hit.end };
  }
  return undefined;
}

function identityOfPath(ws: FeatureWorkspace, file: string, document: number, path: JsonPath): Identity | undefined {
  const facts = ws.index.factsOf(file);
  if (!facts) return undefined;
  const here = (at: NodeRef, sub: JsonPath) => at.document === document && samePath([...at.path, ...sub], path);
  const ref = facts.references.find((r) => here(r, []));
  if (ref) return { kind: ref.kind, target: ref.target };
  const agency = facts.agencies.find((a) => here(a, ['uscc']));
  if (agency) return { kind: 'agency', target: agency.uscc };
  for (const r of facts.resources) {
    if (here(r, ['code'])) return { kind: 'resource', target: r.code };
    const item = r.items.find((i) => r.document === document && samePath([...i.path, 'name'], path));
    if (item) return { kind: 'item', target: `${r.code}#${item.name}` };
  }
  const agreement = facts.agreements.find((a) => here(a, ['id']));
  if (agreement) return { kind: 'agreement', target: agreement.id };
  const service = facts.services.find((s) => here(s, ['implementationCode']));
  if (service) return { kind: 'service', target: service.implementationCode };
  return undefined;
}

/** The nodes that define an identity (several when it is duplicated). */
export function definitionNodes(ws: FeatureWorkspace, id: Identity): NodeRef[] {
  const at = (n: NodeRef, sub: JsonPath): NodeRef => ({ file: n.file, document: n.document, path: [...n.path, ...sub] });
  switch (id.kind) {
    case 'agency': return ws.index.agencies(id.target).map((a) => at(a, ['uscc']));
    case 'resource': return ws.index.resources(id.target).map((r) => at(r, ['code']));
    case 'agreement': return ws.index.agreements(id.target).map((a) => at(a, ['id']));
    case 'service': return ws.index.services(id.target).map((s) => at(s, ['implementationCode']));
    case 'item': {
      const [code, name] = splitItem(id.target);
      return ws.index.resources(code).flatMap((r) => r.items.filter((i) => i.name === name).map((i) => ({ file: r.file, document: r.document, path: [...i.path, 'name'] })));
    }
  }
}

export function splitItem(target: string): [string, string] {
  const hash = target.indexOf('#');
  return [target.slice(0, hash), target.slice(hash + 1)];
}

function locations(ws: FeatureWorkspace, nodes: readonly NodeRef[]): Location[] {
  return nodes.flatMap((n) => locationOf(ws, n) ?? []);
}

export function definition(ws: FeatureWorkspace, open: OpenFile, position: Position): Location[] {
  const id = identityAt(ws, open, position);
  return id ? locations(ws, definitionNodes(ws, id)) : [];
}

export function references(ws: FeatureWorkspace, open: OpenFile, position: Position, includeDeclaration: boolean): Location[] {
  const id = identityAt(ws, open, position);
  if (!id) return [];
  return locations(ws, [...(includeDeclaration ? definitionNodes(ws, id) : []), ...ws.index.references(id.kind, id.target)]);
}

/** Where a rename may start, with the text to offer: the identity itself (an item shows only its name). */
export function prepareRename(ws: FeatureWorkspace, open: OpenFile, position: Position): { range: Location['range']; placeholder: string } | undefined {
  const id = identityAt(ws, open, position);
  if (!id?.renamable) return undefined;
  return { range: open.parsed.lines.rangeOf(id.start, id.end), placeholder: id.kind === 'item' ? splitItem(id.target)[1] : id.target };
}

/** Edits, by file, that rename an identity at every definition and every reference, keeping each scalar's quoting. */
export function rename(ws: FeatureWorkspace, open: OpenFile, position: Position, newName: string): Map<string, TextEdit[]> | undefined {
  const id = identityAt(ws, open, position);
  if (!id?.renamable || newName.trim() === '') return undefined;
  const edits = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  for (const node of [...definitionNodes(ws, id), ...ws.index.references(id.kind, id.target)]) {
    const parsed = ws.parsed(node.file);
    const doc = parsed?.documents[node.document];
    if (!parsed || !doc) continue;
    const [s, e] = locate(doc.ast, node.path, 'value');
    const key = `${node.file}\u0000${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = edits.get(node.file) ?? [];
    list.push({ range: parsed.lines.rangeOf(s, e), newText: rewriteScalar(parsed.text.slice(s, e), newName) });
    edits.set(node.file, list);
  }
  return edits;
}

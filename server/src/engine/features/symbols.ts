import type { JsonPath, Kind, Range } from '../types';
import { classifyDocuments } from '../lint';
import { locate } from '../yaml/locate';
import type { ParsedDocument } from '../yaml/parse';
import { displayName } from '../workspace';
import type { AgreementFact, ResourceFact, ServiceFact } from '../workspace';
import type { FeatureWorkspace, Location, OpenFile } from './context';
import { locationOf } from './context';
import { spanOf } from './ast';

export type SymbolKind = 'document' | 'resource' | 'material' | 'item' | 'service' | 'agreement';

export interface DocumentSymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbolEntry[];
}

export interface WorkspaceSymbolEntry { name: string; detail: string; kind: SymbolKind; location: Location }

type Obj = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The outline of a file: each GovSpec document, its resources (with their items) or materials. */
export function documentSymbols(open: OpenFile): DocumentSymbolEntry[] {
  return classifyDocuments(open.file, open.parsed).flatMap((d) => {
    if (!d.kind || !d.parsed.value || typeof d.parsed.value !== 'object') return [];
    return [new Outline(open, d.parsed).document(d.kind, d.parsed.value as Obj)];
  });
}

class Outline {
  constructor(private readonly open: OpenFile, private readonly doc: ParsedDocument) {}

  document(kind: Kind, data: Obj): DocumentSymbolEntry {
    const provider = (data.provider ?? {}) as Obj;
    const [name, detail, idPath]: [string | undefined, string | undefined, JsonPath] = {
      Service: [text(data.name), text(data.implementationCode), ['implementationCode']],
      Catalog: [text(provider.name), text(provider.uscc), ['provider']],
      SharingAgreement: [text(data.title), text(data.id), ['id']],
      Agency: [text(data.name), text(data.uscc), ['uscc']],
    }[kind] as [string | undefined, string | undefined, JsonPath];
    const children = kind === 'Catalog' ? this.listOf(data, 'resources', 'resource', (r) => [text(r.code), text(r.name)], (r, path) => this.listOf(r, 'items', 'item', (i) => [text(i.name), text(i.dataType)], undefined, path))
      : kind === 'Service' ? this.listOf(data, 'materials', 'material', (m) => [text(m.name), text(m.id)])
      : kind === 'SharingAgreement' ? this.listOf(data, 'resources', 'resource', (r) => [text(r.code), list(r.items).filter((x) => typeof x === 'string').join('、')])
      : [];
    return this.symbol(`${kind}: ${name ?? detail ?? '?'}`, detail, 'document', [], idPath, children);
  }

  private listOf(owner: Obj, key: string, kind: SymbolKind, label: (o: Obj) => [string | undefined, string | undefined], nested?: (o: Obj, path: JsonPath) => DocumentSymbolEntry[], base: JsonPath = []): DocumentSymbolEntry[] {
    return list(owner[key]).flatMap((raw, i) => {
      if (!raw || typeof raw !== 'object') return [];
      const o = raw as Obj;
      const path = [...base, key, i];
      const [name, detail] = label(o);
      return [this.symbol(name ?? `#${i + 1}`, detail, kind, path, [...path, Object.keys(o)[0] ?? ''], nested ? nested(o, path) : [])];
    });
  }

  private symbol(name: string, detail: string | undefined, kind: SymbolKind, path: JsonPath, selection: JsonPath, children: DocumentSymbolEntry[]): DocumentSymbolEntry {
    const { lines } = this.open.parsed;
    const span = spanOf(this.doc, path) ?? [0, 0];
    const [s, e] = locate(this.doc.ast, selection, 'key');
    // The selection must lie inside the range: clamp it (a list item's first key can sit on the dash's line).
    const sel = lines.rangeOf(Math.max(s, span[0]), Math.min(Math.max(e, span[0]), span[1]));
    return { name, detail, kind, range: lines.rangeOf(...span), selectionRange: sel, children };
  }
}

/** Services, resources and agreements whose code starts with, or whose name contains, the query. */
export function workspaceSymbols(ws: FeatureWorkspace, query: string, limit = 200): WorkspaceSymbolEntry[] {
  const out: WorkspaceSymbolEntry[] = [];
  const add = (kind: SymbolKind, code: string, name: string, at: { file: string; document: number; path: JsonPath }) => {
    const location = locationOf(ws, at);
    if (location) out.push({ name: name ? `${code} ${name}` : code, detail: kind, kind, location });
  };
  for (const s of ws.index.search('service', query, limit) as ServiceFact[]) add('service', s.implementationCode, displayName(s), { ...s, path: ['implementationCode'] });
  for (const r of ws.index.search('resource', query, limit) as ResourceFact[]) add('resource', r.code, displayName(r), { ...r, path: [...r.path, 'code'] });
  for (const a of ws.index.search('agreement', query, limit) as AgreementFact[]) add('agreement', a.id, displayName(a), { ...a, path: ['id'] });
  return out.slice(0, limit);
}

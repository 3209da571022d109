import type { JsonPath, Kind, Locale, Position, Range, TextEdit } from '../types';
import { KINDS } from '../types';
import type { SchemaNode } from '../schema/schemas';
import { schemaAt } from '../schema/schemas';
import { displayName } from '../workspace';
import type { AgreementFact, ResourceFact, ServiceFact } from '../workspace';
import { isGovSpecFileName } from '../lint';
import { locate } from '../yaml/locate';
import type { FeatureWorkspace, OpenFile } from './context';
import { cursorAt } from './cursor';
import type { Cursor } from './cursor';
import { fieldSnippet, documentSnippet, enumText } from './snippets';
import { codeLabel, fieldMarkdown, pair } from './docs';
import { slotAt } from './slots';
import type { Slot } from './slots';
import { knownAgencies } from './agencies';
import { quotedCode, yamlString } from '../text/yaml-scalar';
import { agreementMarkdown, resourceMarkdown, serviceMarkdown } from './describe';

export type CompletionKind = 'property' | 'enum' | 'value' | 'reference' | 'region' | 'agency' | 'document';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  snippet: boolean;
  range: Range;
  sortText?: string;
  filterText?: string;
  additionalEdits?: TextEdit[];
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The list depends on what is typed (searched on the server): ask again as typing goes on. */
  incomplete: boolean;
}

const NOTHING: CompletionResult = { items: [], incomplete: false };
const LIMIT = 50;

/** Completions at a position of a GovSpec document: keys from the schema, code lists, regions and workspace identities. */
export function complete(ws: FeatureWorkspace, open: OpenFile, position: Position): CompletionResult {
  const cursor = cursorAt(open.file, open.parsed, position);
  if (!cursor || !isGovSpec(open.file, cursor)) return NOTHING;
  const range: Range = { start: { line: position.line, character: cursor.replaceStart }, end: { line: position.line, character: cursor.replaceEnd } };
  const c = new Completer(ws, open, cursor, range, position);
  if (!cursor.kind) return { items: c.rootKeys(), incomplete: false };
  if (cursor.key !== undefined) return c.values(cursor.kind, [...cursor.container, cursor.key]);
  const holder = schemaAt(cursor.kind, cursor.container);
  if (cursor.item && holder && !holder.properties) return c.values(cursor.kind, cursor.container);
  return { items: c.keys(cursor.kind, cursor.container), incomplete: false };
}

function isGovSpec(file: string, cursor: Cursor): boolean {
  const api = (cursor.data as Record<string, unknown> | null)?.apiVersion;
  return isGovSpecFileName(file) || (typeof api === 'string' && api.toLowerCase().startsWith('govspec/'));
}

function dataAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const step of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

class Completer {
  private readonly locale: Locale;

  constructor(
    private readonly ws: FeatureWorkspace,
    private readonly open: OpenFile,
    private readonly cursor: Cursor,
    private readonly range: Range,
    private readonly position: Position,
  ) {
    this.locale = ws.locale;
  }

  /** A document without a kind yet: `apiVersion` and `kind`. */
  rootKeys(): CompletionEntry[] {
    const present = (dataAt(this.cursor.data, []) ?? {}) as Record<string, unknown>;
    const out: CompletionEntry[] = [];
    if (!('apiVersion' in present)) out.push(this.entry('apiVersion', 'property', 'apiVersion: govspec/v1', false, { sortText: '0' }));
    if (!('kind' in present)) out.push(this.entry('kind', 'property', `kind: \${1|${KINDS.join(',')}|}`, true, { sortText: '1' }));
    return out;
  }

  keys(kind: Kind, container: JsonPath): CompletionEntry[] {
    const schema = schemaAt(kind, container);
    if (!schema?.properties) return [];
    const present = (dataAt(this.cursor.data, container) ?? {}) as Record<string, unknown>;
    const required = new Set(schema.required ?? []);
    const out = Object.keys(schema.properties)
      .filter((key) => !Object.prototype.hasOwnProperty.call(present, key))
      .map((key, i) => {
        const field = schemaAt(kind, [...container, key]);
        return this.entry(key, 'property', fieldSnippet(kind, [...container, key]), true, {
          detail: field?.['x-i18n'] ? pair(field['x-i18n'].title, this.locale) : undefined,
          documentation: field && fieldMarkdown(field, this.locale),
          sortText: `${required.has(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
        });
      });
    if (container.length === 0 && Object.keys(present).every((k) => k === 'apiVersion' || k === 'kind')) {
      const title = schema['x-i18n'] ? pair(schema['x-i18n'].title, this.locale) : kind;
      const header = Object.keys(present).length === 0;
      out.unshift(this.entry(`${kind} …`, 'document', documentSnippet(kind, header), true, { detail: title, sortText: '/', filterText: this.cursor.typed || kind }));
    }
    return out;
  }

  values(kind: Kind, path: JsonPath): CompletionResult {
    const slot = slotAt(kind, path);
    if (slot) return this.slotValues(slot);
    const schema = schemaAt(kind, path);
    if (path.length === 1 && path[0] === 'kind') return { items: KINDS.map((k) => this.entry(k, 'enum', k, false)), incomplete: false };
    if (schema?.enum) return { items: this.enumValues(schema), incomplete: false };
    if (schema?.type === 'boolean') return { items: ['true', 'false'].map((b) => this.entry(b, 'value', b, false)), incomplete: false };
    return NOTHING;
  }

  private enumValues(schema: SchemaNode): CompletionEntry[] {
    return schema.enum!.map((value, i) => {
      const label = codeLabel(schema, value);
      const text = enumText(value);
      return this.entry(String(value), 'enum', text, false, {
        detail: label?.[this.locale],
        documentation: label && `\`${String(value)}\` ${pair(label, this.locale)}`,
        sortText: String(i).padStart(3, '0'),
        filterText: label ? `${text} ${label['zh-CN']} ${label.en}` : text,
      });
    });
  }

  private slotValues(slot: Slot): CompletionResult {
    const typed = this.cursor.typed;
    switch (slot.kind) {
      case 'region':
        return {
          incomplete: true,
          items: this.ws.regions.search(typed, LIMIT).map((r, i) => this.entry(`${r.code} ${r.name}`, 'region', quotedCode(r.code), false, {
            detail: r.fullName, sortText: String(i).padStart(3, '0'), filterText: this.typedSource(),
          })),
        };
      case 'agency':
      case 'agency-uscc':
        return { incomplete: true, items: this.agencies(slot) };
      case 'resource':
        return this.identities(this.ws.index.search('resource', typed, LIMIT) as ResourceFact[], (r) => r.code, (r) => resourceMarkdown(this.ws, r));
      case 'agreement':
        return this.identities(this.ws.index.search('agreement', typed, LIMIT) as AgreementFact[], (a) => a.id, (a) => agreementMarkdown(this.ws, a));
      case 'service':
        return this.identities(this.ws.index.search('service', typed, LIMIT) as ServiceFact[], (s) => s.implementationCode, (s) => serviceMarkdown(this.ws, s));
      case 'item': {
        const code = dataAt(this.cursor.data, slot.resource);
        const taken = new Set((dataAt(this.cursor.data, this.itemsPath()) as unknown[] | undefined ?? []).filter((x) => typeof x === 'string'));
        const items = typeof code === 'string' ? this.ws.index.resources(code).flatMap((r) => r.items) : [];
        return {
          incomplete: false,
          items: items.filter((item) => !taken.has(item.name)).map((item) => this.entry(item.name, 'reference', yamlString(item.name), false, {
            detail: [item.dataType, item.personal].filter(Boolean).join(' · '),
          })),
        };
      }
    }
  }

  /** The list that holds the item being completed. */
  private itemsPath(): JsonPath {
    const path = this.cursor.key !== undefined ? [...this.cursor.container, this.cursor.key] : this.cursor.container;
    return path.slice(0, -1);
  }

  private identities<T extends ResourceFact | AgreementFact | ServiceFact>(facts: T[], code: (f: T) => string, doc: (f: T) => string): CompletionResult {
    const seen = new Set<string>();
    const items = facts.filter((f) => !seen.has(code(f)) && seen.add(code(f))).map((f) => this.entry(code(f), 'reference', quotedCode(code(f)), false, {
      detail: displayName(f), documentation: doc(f), filterText: `${code(f)} ${displayName(f)}`,
    }));
    return { items, incomplete: items.length >= LIMIT };
  }

  /** Agencies by name or USCC; in an agency reference the other field is filled in too. */
  private agencies(slot: Extract<Slot, { kind: 'agency' | 'agency-uscc' }>): CompletionEntry[] {
    const typed = this.cursor.typed.toLowerCase();
    const field = slot.kind === 'agency' ? slot.field : 'uscc';
    return knownAgencies(this.ws.index)
      .filter((a) => a.uscc.toLowerCase().startsWith(typed) || a.name.toLowerCase().includes(typed))
      .slice(0, LIMIT)
      .map((a, i) => {
        const value = field === 'uscc' ? quotedCode(a.uscc) : yamlString(a.name);
        return this.entry(field === 'uscc' ? a.uscc : a.name, 'agency', value, false, {
          detail: field === 'uscc' ? a.name : a.uscc,
          sortText: `${a.registered ? 0 : 1}${String(i).padStart(3, '0')}`,
          filterText: this.typedSource() || `${a.name} ${a.uscc}`,
          additionalEdits: slot.kind === 'agency' ? this.siblingEdit(slot.object, field === 'uscc' ? 'name' : 'uscc', field === 'uscc' ? yamlString(a.name) : quotedCode(a.uscc)) : [],
        });
      });
  }

  /** Sets the other field of an agency reference: its value if present, else a new line after the cursor's. */
  private siblingEdit(object: JsonPath, key: string, value: string): TextEdit[] {
    const { parsed } = this.open;
    const doc = parsed.documents[this.cursor.document];
    const written = dataAt(doc?.value, [...object, key]);
    if (doc && typeof written === 'string' && written.trim() !== '') {
      return [{ range: parsed.lines.rangeOf(...locate(doc.ast, [...object, key], 'value')), newText: value }];
    }
    if (doc && doc.value && dataAt(doc.value, object) && Object.prototype.hasOwnProperty.call(dataAt(doc.value, object), key)) {
      const [start, end] = locate(doc.ast, [...object, key], 'key');
      const colon = parsed.text.indexOf(':', end);
      return [{ range: parsed.lines.rangeOf(start, colon + 1), newText: `${key}: ${value}` }];
    }
    const lineEnd = parsed.lines.positionAt(parsed.lines.lineEnd(this.position.line));
    return [{ range: { start: lineEnd, end: lineEnd }, newText: `\n${' '.repeat(this.cursor.indent)}${key}: ${value}` }];
  }

  /** The text the editor filters by (from the start of the replaced range to the cursor), so server-side matches stay. */
  private typedSource(): string {
    const start = this.open.parsed.lines.offsetAt(this.range.start);
    return this.open.parsed.text.slice(start, this.open.parsed.lines.offsetAt(this.position));
  }

  private entry(label: string, kind: CompletionKind, insertText: string, snippet: boolean, extra: Partial<CompletionEntry> = {}): CompletionEntry {
    return { label, kind, insertText, snippet, range: this.range, ...extra };
  }
}

import type { JsonPath, Kind, Position } from '../types';
import { KINDS } from '../types';
import { parseYaml } from '../yaml/parse';
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import { isGovSpecFileName } from '../lint';
import { documentAt, nodeAt } from './ast';

/**
 * Where the cursor stands while the user types. When the document under the cursor parses, its cached tree says
 * which object (or list item) the cursor's line belongs to, so a completion costs no parse. When it does not parse
 * (`  reg` half typed), the cursor's line is replaced by a placeholder key at the same indentation, that one document
 * is parsed again, and the placeholder's position in the data tells the same.
 */
export interface Cursor {
  document: number;
  kind: Kind | undefined;
  /** Data of the document with the cursor's line taken out. */
  data: unknown;
  /** The object that holds the line (for a list item written `- `, the item itself). */
  container: JsonPath;
  /** Set when the line reads `key: value…`. */
  key?: string;
  /** What is typed so far of the key or the value, without its quotes. */
  typed: string;
  /** Line columns of the text a completion replaces. */
  replaceStart: number;
  replaceEnd: number;
  /** The line starts with `- ` (a list item). */
  item: boolean;
  /** The line's indentation, in columns, of the key. */
  indent: number;
}

const PLACEHOLDER = '__govspec_cursor__';
// One line of LineMap's, which breaks at `\n` only: `s` lets `.` take what JavaScript alone calls a line terminator
// (U+2028, U+2029, a lone `\r`), and indentation is YAML's, spaces and tabs, not every character `\s` takes.
const LINE = /^([ \t]*(?:-[ \t]+)*)(.*)$/s;
const KEY_VALUE = /^([^\s#'"{[-][^:#]*?)\s*:(\s*)(.*)$/s;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;

/** The cursor's line, split the way completion reads it. */
interface CursorLine {
  start: number;
  end: number;
  text: string;
  /** Indentation and list dashes before the cursor's token. */
  lead: string;
  /** What follows `lead` up to the cursor. */
  rest: string;
  kv: RegExpExecArray | null;
}

/** Where the line sits in its document's data. */
interface Placement { document: number; data: unknown; container: JsonPath }

export function cursorAt(file: string, parsed: ParsedFile, position: Position): Cursor | undefined {
  const start = parsed.lines.lineStart(position.line);
  const end = parsed.lines.lineEnd(position.line);
  const text = parsed.text.slice(start, end);
  const [, lead, rest] = LINE.exec(text.slice(0, position.character))!;
  const line: CursorLine = { start, end, text, lead, rest, kv: KEY_VALUE.exec(rest) };
  const doc = documentAt(parsed, start);
  const placed = (doc && readsCleanly(doc) ? fromTree(parsed, doc, line, position.line) : undefined) ?? fromProbe(parsed, doc, line);
  if (!placed) return undefined;
  const root = placed.data as Record<string, unknown> | null;
  const kind = root && KINDS.includes(root.kind as Kind) ? (root.kind as Kind) : kindFromFileName(file, root);
  const tokenEnd = position.character + (/^[^\s,\]}#]*/.exec(text.slice(position.character))?.[0].length ?? 0);
  const common = { document: placed.document, kind, data: placed.data, container: placed.container, item: /-\s/.test(lead), indent: lead.length };
  if (line.kv) {
    const valueStart = lead.length + rest.length - line.kv[3].length;
    return { ...common, key: line.kv[1], typed: unquote(line.kv[3]), replaceStart: valueStart, replaceEnd: Math.max(tokenEnd, position.character) };
  }
  return { ...common, typed: unquote(rest), replaceStart: lead.length, replaceEnd: tokenEnd };
}

function readsCleanly(doc: ParsedDocument): boolean {
  return doc.value !== undefined && !doc.problems.some((p) => p.kind === 'syntax');
}

/** The placement read off the cached tree; undefined where the tree does not settle it (the probe then does). */
function fromTree(parsed: ParsedFile, doc: ParsedDocument, line: CursorLine, lineNumber: number): Placement | undefined {
  const at = line.start + line.lead.length;
  const body = line.text.slice(line.lead.length);
  if (body.trim() !== '' && !body.startsWith('#')) {
    const hit = nodeAt(doc, at);
    if (!hit || hit.start !== at) return undefined;
    const last = hit.path[hit.path.length - 1];
    // A key starts the line: the line belongs to the object holding it.
    if (hit.on === 'key' && (!line.kv || line.kv[1] === String(last))) return placement(doc, hit.path.slice(0, -1), hit.path);
    // A scalar list item (`- 海淀`): the item itself is completed.
    if (hit.on === 'value' && typeof last === 'number' && /-\s/.test(line.lead) && !line.kv) return placement(doc, hit.path, hit.path);
    return undefined;
  }
  // An empty line starting a list item (`- `) is left to the probe; a blank line belongs where its indentation says.
  if (/-/.test(line.lead)) return undefined;
  const container = containerByIndent(parsed, doc, line.lead.length, lineNumber);
  return container && placement(doc, container, undefined);
}

/**
 * The object a new key at column `column` would join: the nearest line above at that column holds a sibling key;
 * a line above at a smaller column ending in `key:` opens the object itself.
 */
function containerByIndent(parsed: ParsedFile, doc: ParsedDocument, column: number, lineNumber: number): JsonPath | undefined {
  const docStart = doc.ast.range[0];
  for (let n = lineNumber - 1; n >= 0; n--) {
    const start = parsed.lines.lineStart(n);
    if (start < docStart) break;
    const [, lead, body] = LINE.exec(parsed.text.slice(start, parsed.lines.lineEnd(n)))!;
    if (DOCUMENT_MARKER.test(body)) break;
    if (body.trim() === '' || body.startsWith('#') || lead.length > column) continue;
    const hit = nodeAt(doc, start + lead.length);
    if (!hit || hit.on !== 'key' || hit.start !== start + lead.length) return undefined;
    if (lead.length === column) return hit.path.slice(0, -1);
    return /:\s*(?:#.*)?$/s.test(body) ? hit.path : undefined;
  }
  return column === 0 ? [] : undefined;
}

function placement(doc: ParsedDocument, container: JsonPath, lineNode: JsonPath | undefined): Placement {
  return { document: doc.index, data: lineNode ? without(doc.value, lineNode) : doc.value, container };
}

/** A copy of `value` without the node at `path` (a list item becomes null); only the objects along the path are copied. */
function without(value: unknown, path: JsonPath): unknown {
  if (path.length === 0 || !value || typeof value !== 'object') return value;
  const [step, ...tail] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  if (tail.length > 0) copy[step] = without(copy[step], tail);
  else if (Array.isArray(copy)) copy[step as number] = null;
  else delete copy[step];
  return copy;
}

/** The placeholder trick, on the text of the cursor's document only (the whole text when the document is unknown). */
function fromProbe(parsed: ParsedFile, doc: ParsedDocument | undefined, line: CursorLine): Placement | undefined {
  const next = doc && parsed.documents[doc.index + 1];
  let from = doc ? doc.ast.range[0] : 0;
  let to = next ? next.ast.range[0] : parsed.text.length;
  let base = doc ? doc.index : 0;
  if (line.start < from || line.end > to) [from, to, base] = [0, parsed.text.length, 0];
  const probe = parseYaml(`${parsed.text.slice(from, line.start)}${line.lead}${PLACEHOLDER}: 0${parsed.text.slice(line.end, to)}`);
  for (const d of probe.documents) {
    const found = findPlaceholder(d.value, []);
    if (found) return { document: base + d.index, data: withoutPlaceholder(d.value), container: found };
  }
  return undefined;
}

/** A new, empty file named like a GovSpec file starts as the kind its name says. */
function kindFromFileName(file: string, root: Record<string, unknown> | null): Kind | undefined {
  if (!isGovSpecFileName(file) || (root && 'kind' in root)) return undefined;
  const word = /\.(service|catalog|agreement|agency)\.ya?ml$/i.exec(file)![1].toLowerCase();
  return ({ service: 'Service', catalog: 'Catalog', agreement: 'SharingAgreement', agency: 'Agency' } as const)[word as 'service'];
}

function unquote(typed: string): string {
  return typed.replace(/^["']/, '').replace(/["']$/, '');
}

function findPlaceholder(value: unknown, path: (string | number)[]): JsonPath | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findPlaceholder(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    if (Object.prototype.hasOwnProperty.call(value, PLACEHOLDER)) return path;
    for (const [key, child] of Object.entries(value)) {
      const found = findPlaceholder(child, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function withoutPlaceholder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaceholder);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== PLACEHOLDER).map(([k, v]) => [k, withoutPlaceholder(v)]));
  }
  return value;
}

import type { JsonPath, Kind, Position } from '../types';
import { KINDS } from '../types';
import { parseYaml } from '../yaml/parse';
import { isGovSpecFileName } from '../lint';

/**
 * Where the cursor stands while the user types, when the text may not parse yet (`  reg`, `- `, `region: 海`).
 * The cursor's line is replaced by a placeholder key at the same indentation, the document is parsed again, and
 * the placeholder's position in the data tells which object (or list) the line belongs to.
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
const LINE = /^(\s*(?:-\s+)*)(.*)$/;
const KEY_VALUE = /^([^\s#'"{[-][^:#]*?)\s*:(\s*)(.*)$/;

export function cursorAt(file: string, text: string, lineStarts: { lineStart(line: number): number; lineEnd(line: number): number }, position: Position): Cursor | undefined {
  const start = lineStarts.lineStart(position.line);
  const end = lineStarts.lineEnd(position.line);
  const line = text.slice(start, end);
  const before = line.slice(0, position.character);
  const [, lead, rest] = LINE.exec(before)!;
  const kv = KEY_VALUE.exec(rest);
  const probe = parseYaml(`${text.slice(0, start)}${lead}${PLACEHOLDER}: 0${text.slice(end)}`);
  for (const doc of probe.documents) {
    const found = findPlaceholder(doc.value, []);
    if (!found) continue;
    const data = withoutPlaceholder(doc.value);
    const root = data as Record<string, unknown> | null;
    const kind = root && KINDS.includes(root.kind as Kind) ? (root.kind as Kind) : kindFromFileName(file, root);
    const tokenEnd = position.character + (/^[^\s,\]}#]*/.exec(line.slice(position.character))?.[0].length ?? 0);
    if (kv) {
      const valueStart = lead.length + rest.length - kv[3].length;
      return { document: doc.index, kind, data, container: found, key: kv[1], typed: unquote(kv[3]), replaceStart: valueStart, replaceEnd: Math.max(tokenEnd, position.character), item: /-\s/.test(lead), indent: lead.length };
    }
    return { document: doc.index, kind, data, container: found, typed: unquote(rest), replaceStart: lead.length, replaceEnd: tokenEnd, item: /-\s/.test(lead), indent: lead.length };
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

import { isNode, visit } from 'yaml';
import type { Document } from 'yaml';
import { parseYaml } from './parse';

/**
 * A precise tree for a few entries of a long top-level list, at the cost of those entries rather than of the file.
 *
 * A national catalogue is one document whose `resources` list runs to 300 KB; a finding in one resource needed the
 * precise parse of all of them (about 1 MB/s). Here every other entry of the list is replaced, in a copy of the text
 * of the same length, by `- ~` and spaces on one line: the kept entries and everything outside the list stay at their
 * offsets, the list keeps its length, so a path into a kept entry locates exactly as in the full parse, at a
 * twentieth of the price. The copy is checked against the data the fast reader gave: same keys, same values, the
 * kept entries equal and the others null. Anything unexpected in the layout (a list not in block style, a dash alone
 * on its line, a count that does not match) gives undefined, and the caller parses the whole file.
 */
export function regionTree(text: string, value: unknown, key: string, kept: ReadonlySet<number>): Document.Parsed | undefined {
  if (!isRecord(value) || !Array.isArray(value[key])) return undefined;
  const list = value[key] as unknown[];
  const entries = entryStarts(text, key);
  if (!entries || entries.starts.length !== list.length) return undefined;
  const { starts, end } = entries;
  const pieces = [text.slice(0, starts[0])];
  for (let j = 0; j < starts.length; j++) {
    const stop = j + 1 < starts.length ? starts[j + 1] : end;
    const piece = kept.has(j) ? text.slice(starts[j], stop) : placeholder(text, starts[j], stop);
    if (piece === undefined) return undefined;
    pieces.push(piece);
  }
  pieces.push(text.slice(end));
  const parsed = parseYaml(pieces.join(''));
  const doc = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
  if (!doc || doc.problems.length > 0 || !isRecord(doc.value)) return undefined;
  return sameOutsideBlanks(value, doc.value, key, kept) ? doc.ast : undefined;
}

/** Where the entries of a top-level block list open in a text, checked against the data: see `entryIndex`. */
export interface EntryIndex {
  key: string;
  /** Offset of the line that opens each entry. */
  starts: Uint32Array;
  /** Offset of the line after the list. */
  end: number;
}

/**
 * The entries of the list under the top-level `key`, as offsets, once per file; undefined unless the layout is one
 * `entryStarts` reads and it finds as many entries as the data holds.
 */
export function entryIndex(text: string, value: unknown, key: string): EntryIndex | undefined {
  if (!isRecord(value) || !Array.isArray(value[key])) return undefined;
  const entries = entryStarts(text, key);
  if (!entries || entries.starts.length !== (value[key] as unknown[]).length) return undefined;
  return { key, starts: Uint32Array.from(entries.starts), end: entries.end };
}

/**
 * A precise tree for the entries `[first, last)` of the list `index` describes, at the cost of those entries and of
 * the text around the list, whatever the list's length: the text parsed is the head (up to the list), those entries
 * and the tail (after the list), and every node's range is then moved back to its offset in `text`. The list's
 * items sit at their own indexes (a sparse array), so a path into one of those entries locates and edits exactly as
 * in the full parse. Checked as `regionTree` is: the data read must equal the fast data's, entries and all the rest;
 * undefined otherwise.
 */
export function windowTree(text: string, value: unknown, index: EntryIndex, first: number, last: number): Document.Parsed | undefined {
  if (!isRecord(value) || !Array.isArray(value[index.key]) || first < 0 || last > index.starts.length || first >= last) return undefined;
  const listStart = index.starts[0];
  const from = index.starts[first];
  const to = last < index.starts.length ? index.starts[last] : index.end;
  const windowEnd = listStart + (to - from);
  const parsed = parseYaml(text.slice(0, listStart) + text.slice(from, to) + text.slice(index.end));
  const doc = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
  if (!doc?.ast || doc.problems.length > 0 || !isRecord(doc.value)) return undefined;
  const list = value[index.key] as unknown[];
  if (!sameAround(value, doc.value, index.key, list.slice(first, last))) return undefined;
  // Offsets in the window move by where the window was; those after it, by what was left out of the list.
  // A start at a boundary opens what follows it, an end there closes what precedes it.
  const toOriginal = (offset: number, isEnd: boolean) => {
    const before = (edge: number) => (isEnd ? offset <= edge : offset < edge);
    return before(listStart) ? offset : before(windowEnd) ? offset + (from - listStart) : offset + (index.end - windowEnd);
  };
  const shift = (range: [number, number, number]) => {
    range[0] = toOriginal(range[0], false);
    range[1] = toOriginal(range[1], true);
    range[2] = toOriginal(range[2], true);
  };
  visit(doc.ast, (_, node) => {
    const range = isNode(node) ? (node as { range?: [number, number, number] }).range : undefined;
    if (range) shift(range);
  });
  const seq = (doc.ast.contents as { get(key: string, keepScalar: true): unknown } | null)?.get(index.key, true) as { items?: unknown[] } | undefined;
  if (!seq?.items || seq.items.length !== last - first) return undefined;
  const items: unknown[] = [];
  seq.items.forEach((item, j) => { items[first + j] = item; });
  seq.items = items;
  return doc.ast;
}

/** The window's data: the fast data outside the list, and exactly the window's entries in it. */
function sameAround(fast: Record<string, unknown>, window: Record<string, unknown>, key: string, entries: readonly unknown[]): boolean {
  const keys = Object.keys(fast);
  if (keys.length !== Object.keys(window).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(window, k) && equalData(k === key ? entries : fast[k], window[k]));
}

/** The entry `[start, stop)` (whole lines, its final line break included) as `- ~`, spaces and one line break. */
function placeholder(text: string, start: number, stop: number): string | undefined {
  const dash = text.indexOf('-', start);
  if (stop - dash < 4) return undefined;
  return `${' '.repeat(dash - start)}- ~${' '.repeat(stop - dash - 4)}\n`;
}

/**
 * Offsets of the lines that open the entries of the block list under the top-level `key:`, and of the line after
 * the list; undefined unless every entry opens with `- ` and content on the same line, at one indentation.
 */
function entryStarts(text: string, key: string): { starts: number[]; end: number } | undefined {
  const keyLine = new RegExp(`^${escapeRegExp(key)}:[ \\t]*(?:#.*)?\\r?$`, 'm').exec(text);
  if (!keyLine) return undefined;
  const starts: number[] = [];
  let indent = -1;
  let at = text.indexOf('\n', keyLine.index) + 1;
  while (at > 0 && at < text.length) {
    const next = text.indexOf('\n', at);
    const lineEnd = next === -1 ? text.length : next;
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    const line = text.slice(i, lineEnd);
    // Blank and comment lines belong to the entry they follow.
    if (!/^[ \t\r]*(?:#|$)/.test(line)) {
      const depth = i - at;
      const isEntry = /^-[ \t]+\S/.test(line);
      if (indent === -1) {
        if (!isEntry) return undefined;
        indent = depth;
      }
      if (depth < indent || (depth === indent && !isEntry)) {
        // A dash alone on its line opens an entry this layout cannot blank.
        return /^-\r?$/.test(line) || starts.length === 0 ? undefined : { starts, end: at };
      }
      if (depth === indent) starts.push(at);
    }
    at = next === -1 ? text.length : next + 1;
  }
  return starts.length > 0 ? { starts, end: text.length } : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The region's data is the fast data with every entry of `key` not kept read as null. */
function sameOutsideBlanks(fast: Record<string, unknown>, region: Record<string, unknown>, key: string, kept: ReadonlySet<number>): boolean {
  const keys = Object.keys(fast);
  if (keys.length !== Object.keys(region).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(region, k)) return false;
    if (k !== key) {
      if (!equalData(fast[k], region[k])) return false;
      continue;
    }
    const a = fast[k] as unknown[];
    const b = region[k];
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) if (kept.has(j) ? !equalData(a[j], b[j]) : b[j] !== null) return false;
  }
  return true;
}

/** Equality of data as YAML gives it: scalars by `Object.is`, lists in order, mappings by their own keys. */
function equalData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => equalData(x, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length
    && keys.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && equalData(ra[k], rb[k]));
}

import { createHash } from 'node:crypto';
import { lookupsOf } from '../../engine';
import type { FileFacts } from '../../engine';

/**
 * Which files give part of each per-key look-up's answer (`lookupsOf`), and each file's resource codes: what a warm
 * run's lazy index fetches for a look-up (`WorkspaceIndex.lazy`), and lists as `resourceCodes` without fetching. One text, `index.keys`, of lines `<look-up as JSON>\t<file as JSON>\t…`, sorted
 * by the look-up's bytes, after the header `govspec-keys/1`: a look-up is found by a binary search of the bytes as
 * read, nothing parsed but the lines it lands on, and a change is a copy of the text with a few lines replaced. The
 * index state names the SHA-1 of the directory of its index, so a damaged directory, one that another run replaced,
 * or one written while its state was not, is not used (a wrong line would be a wrong answer, not a miss).
 */
export const KEYS_HEADER = 'govspec-keys/1';

const NEWLINE = 0x0a;
const TAB = 0x09;

export class KeyDirectory {
  private constructor(private readonly bytes: Buffer, private readonly start: number, readonly sum: string) {}

  /** The directory in `bytes` when they are those whose SHA-1 is `sum`; undefined otherwise. */
  static of(bytes: Buffer | undefined, sum: string): KeyDirectory | undefined {
    if (!bytes || sumOf(bytes) !== sum) return undefined;
    const end = bytes.indexOf(NEWLINE);
    if (end < 0 || bytes.toString('utf8', 0, end) !== KEYS_HEADER) return undefined;
    return new KeyDirectory(bytes, end + 1, sum);
  }

  /** A new directory of these files' look-ups and resource codes, and its sum. */
  static build(files: Iterable<[file: string, entry: DirectoryEntry]>): { sum: string; text: Buffer } {
    const values = new Map<string, string[]>();
    for (const [file, { lookups, codes }] of files) {
      for (const key of lookups) {
        const list = values.get(key);
        if (list) list.push(file); else values.set(key, [file]);
      }
      if (codes.length > 0) values.set(codesKey(file), [...new Set(codes)]);
    }
    const lines = [...values].map(([key, list]) => ({ key: encoded(key), values: list }));
    lines.sort((a, b) => Buffer.compare(a.key, b.key));
    return summed([Buffer.from(`${KEYS_HEADER}\n`), ...lines.map((line) => lineOf(line.key, line.values))]);
  }

  /** The files listed for a look-up (none when it has no line). */
  filesOf(lookup: string): string[] {
    const at = this.find(encoded(lookup), this.start);
    return at.found ? this.valuesAt(at) : [];
  }

  /** Each file's resource codes, in its own order (a file without resources has no line). */
  resourceCodes(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    // The code lines lie together: their keys share the prefix, and a key sorts by its bytes.
    const prefix = encoded(CODES_PREFIX).subarray(0, -1);
    let at = this.find(prefix, this.start).lineStart;
    while (at < this.bytes.length) {
      const lineEnd = this.bytes.indexOf(NEWLINE, at);
      const end = lineEnd < 0 ? this.bytes.length : lineEnd;
      const keyEnd = this.bytes.indexOf(TAB, at);
      if (keyEnd < 0 || keyEnd > end || !this.bytes.subarray(at, at + prefix.length).equals(prefix)) break;
      const key = JSON.parse(this.bytes.toString('utf8', at, keyEnd)) as string;
      out.set(key.slice(CODES_PREFIX.length), this.valuesAt({ keyEnd, lineEnd: end }));
      at = end + 1;
    }
    return out;
  }

  /**
   * This directory with the files of `changes` (file → what it gave before, and what it gives now) moved between
   * look-ups and their codes replaced; undefined when nothing moves (a changed name, a changed item). Every other
   * line is copied as is.
   */
  patched(changes: ReadonlyMap<string, { before: DirectoryEntry; after: DirectoryEntry }>): { sum: string; text: Buffer } | undefined {
    const next = new Map<string, (old: string[]) => string[]>();
    const moves = new Map<string, { out: Set<string>; in: Set<string> }>();
    const move = (key: string) => {
      let m = moves.get(key);
      if (!m) {
        const made = (m = { out: new Set<string>(), in: new Set<string>() });
        moves.set(key, made);
        next.set(key, (old) => [...old.filter((file) => !made.out.has(file)), ...[...made.in].filter((file) => !old.includes(file))]);
      }
      return m;
    };
    for (const [file, { before, after }] of changes) {
      const now = new Set(after.lookups);
      const was = new Set(before.lookups);
      for (const key of was) if (!now.has(key)) move(key).out.add(file);
      for (const key of now) if (!was.has(key)) move(key).in.add(file);
      const codes = [...new Set(after.codes)];
      if (codes.join('\n') !== [...new Set(before.codes)].join('\n')) next.set(codesKey(file), () => codes);
    }
    if (next.size === 0) return undefined;
    const keys = [...next.keys()].map((key) => ({ key, bytes: encoded(key) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    const parts: Buffer[] = [this.bytes.subarray(0, this.start)];
    let copied = this.start;
    for (const { key, bytes } of keys) {
      const at = this.find(bytes, copied);
      parts.push(this.bytes.subarray(copied, at.lineStart));
      const values = next.get(key)!(at.found ? this.valuesAt(at) : []);
      if (values.length > 0) parts.push(lineOf(bytes, values));
      copied = at.found ? at.lineEnd + 1 : at.lineStart;
    }
    parts.push(this.bytes.subarray(copied));
    return summed(parts);
  }

  private valuesAt(at: { keyEnd: number; lineEnd: number }): string[] {
    return this.bytes.toString('utf8', at.keyEnd + 1, at.lineEnd).split('\t').map((value) => JSON.parse(value) as string);
  }

  /**
   * The line of `key` at or after `from` (a line start), by a binary search of the bytes: found, or where it would go.
   * Every line start in [lo, hi) is a candidate; a probe lands on the line around the middle byte.
   */
  private find(key: Buffer, from: number): { found: boolean; lineStart: number; keyEnd: number; lineEnd: number } {
    const bytes = this.bytes;
    let lo = from;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lineStart = Math.max(lo, bytes.lastIndexOf(NEWLINE, mid - 1) + 1);
      let lineEnd = bytes.indexOf(NEWLINE, lineStart);
      if (lineEnd < 0) lineEnd = bytes.length;
      let keyEnd = bytes.indexOf(TAB, lineStart);
      if (keyEnd < 0 || keyEnd > lineEnd) keyEnd = lineEnd;
      const order = Buffer.compare(bytes.subarray(lineStart, keyEnd), key);
      if (order === 0) return { found: true, lineStart, keyEnd, lineEnd };
      if (order < 0) lo = lineEnd + 1;
      else hi = lineStart;
    }
    return { found: false, lineStart: Math.min(lo, bytes.length), keyEnd: lo, lineEnd: lo };
  }
}

/** What one file gives the directory: its per-key look-ups (`lookupsOf`) and its resource codes in order. */
export interface DirectoryEntry { lookups: readonly string[]; codes: readonly string[] }

export function directoryEntryOf(facts: FileFacts | undefined): DirectoryEntry {
  return { lookups: lookupsOf(facts), codes: facts?.resources.map((r) => r.code) ?? [] };
}

/**
 * The key of a file's line of resource codes: what a lazy index lists as `resourceCodes` without every file's facts.
 * No look-up starts so (`lookupKey` starts with a method's name).
 */
const CODES_PREFIX = '\u0001codes\u0000';
const codesKey = (file: string) => `${CODES_PREFIX}${file}`;

/** A look-up as the directory writes it: JSON, which escapes tabs, line breaks and the NUL that `lookupKey` joins with. */
function encoded(lookup: string): Buffer {
  return Buffer.from(JSON.stringify(lookup));
}

function lineOf(key: Buffer, values: readonly string[]): Buffer {
  return Buffer.concat([key, Buffer.from(`\t${values.map((value) => JSON.stringify(value)).join('\t')}\n`)]);
}

function sumOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

function summed(parts: readonly Buffer[]): { sum: string; text: Buffer } {
  const text = Buffer.concat(parts);
  return { sum: sumOf(text), text };
}

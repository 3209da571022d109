import { createHash } from 'node:crypto';

/**
 * Which files give part of each per-key look-up's answer (`lookupsOf`): what a warm run's lazy index fetches for a
 * look-up (`WorkspaceIndex.lazy`). One text, `index.keys`, of lines `<look-up as JSON>\t<file as JSON>\t…`, sorted
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

  /** A new directory of these files' look-ups, and its sum. */
  static build(lookups: Iterable<[file: string, lookups: readonly string[]]>): { sum: string; text: Buffer } {
    const files = new Map<string, string[]>();
    for (const [file, keys] of lookups) {
      for (const key of keys) {
        const list = files.get(key);
        if (list) list.push(file); else files.set(key, [file]);
      }
    }
    const lines = [...files].map(([key, list]) => ({ key: encoded(key), files: list }));
    lines.sort((a, b) => Buffer.compare(a.key, b.key));
    return summed([Buffer.from(`${KEYS_HEADER}\n`), ...lines.map((line) => lineOf(line.key, line.files))]);
  }

  /** The files listed for a look-up (none when it has no line). */
  filesOf(lookup: string): string[] {
    const at = this.find(encoded(lookup), this.start);
    if (!at.found) return [];
    const line = this.bytes.toString('utf8', at.keyEnd + 1, at.lineEnd);
    return line.split('\t').map((file) => JSON.parse(file) as string);
  }

  /**
   * This directory with the files of `changes` (file → the look-ups it gave before, and those it gives now) moved
   * between look-ups; undefined when nothing moves (a changed name, a changed item). Every other line is copied as is.
   */
  patched(changes: ReadonlyMap<string, { before: readonly string[]; after: readonly string[] }>): { sum: string; text: Buffer } | undefined {
    const moves = new Map<string, { out: Set<string>; in: Set<string> }>();
    const move = (key: string) => {
      let m = moves.get(key);
      if (!m) moves.set(key, (m = { out: new Set(), in: new Set() }));
      return m;
    };
    for (const [file, { before, after }] of changes) {
      const now = new Set(after);
      const was = new Set(before);
      for (const key of was) if (!now.has(key)) move(key).out.add(file);
      for (const key of now) if (!was.has(key)) move(key).in.add(file);
    }
    if (moves.size === 0) return undefined;
    const keys = [...moves.keys()].map((key) => ({ key, bytes: encoded(key) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    const parts: Buffer[] = [this.bytes.subarray(0, this.start)];
    let copied = this.start;
    for (const { key, bytes } of keys) {
      const at = this.find(bytes, copied);
      parts.push(this.bytes.subarray(copied, at.lineStart));
      const { out, in: added } = moves.get(key)!;
      const files = at.found ? this.bytes.toString('utf8', at.keyEnd + 1, at.lineEnd).split('\t').map((file) => JSON.parse(file) as string).filter((file) => !out.has(file)) : [];
      for (const file of added) if (!files.includes(file)) files.push(file);
      if (files.length > 0) parts.push(lineOf(bytes, files));
      copied = at.found ? at.lineEnd + 1 : at.lineStart;
    }
    parts.push(this.bytes.subarray(copied));
    return summed(parts);
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

/** A look-up as the directory writes it: JSON, which escapes tabs, line breaks and the NUL that `lookupKey` joins with. */
function encoded(lookup: string): Buffer {
  return Buffer.from(JSON.stringify(lookup));
}

function lineOf(key: Buffer, files: readonly string[]): Buffer {
  return Buffer.concat([key, Buffer.from(`\t${files.map((file) => JSON.stringify(file)).join('\t')}\n`)]);
}

function sumOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

function summed(parts: readonly Buffer[]): { sum: string; text: Buffer } {
  const text = Buffer.concat(parts);
  return { sum: sumOf(text), text };
}

import { resolvePlain } from './core-scalars';
import { setOwn } from '../values';

/**
 * The block reader: one pass over the text for the YAML this format is written in — block mappings and sequences
 * (`- key: value` compact mappings too), plain and quoted scalars on one line, one-line flow collections, comments,
 * `---` between documents — giving exactly the data `yaml` 2 gives under the YAML 1.2 core schema (yaml/parse.ts),
 * several times faster than js-yaml. Anything else it meets (a scalar over several lines, a block scalar, a tab, a
 * tag, anchor or alias, a complex or merge key, a duplicate key, odd indentation, a code point escape, a character
 * that is not one, a suppression comment, nesting near the guard) makes it unsure: `readBlock` returns undefined and
 * the file takes the next reader. The property tests in test/speed hold it to `yaml` 2's data.
 */

/** Nesting past the bound is `yaml/unsafe`, which only the precise parse places: anything near it goes there. */
export const NESTING_GUARD = 64;

/** Thrown (one instance, no stack to capture) when the text holds anything the reader does not read exactly. */
const UNSURE = new Error('unsure');

/** `yaml` refuses an implicit key longer than this. */
const MAX_KEY = 1024;

const enum Ch { Tab = 9, Lf = 10, Cr = 13, Space = 32, Bang = 33, Quote = 34, Hash = 35, Percent = 37, Amp = 38, Apos = 39, Star = 42, Comma = 44, Dash = 45, Dot = 46, Colon = 58, Lt = 60, Gt = 62, Question = 63, At = 64, LBracket = 91, Backslash = 92, RBracket = 93, Backtick = 96, LBrace = 123, Pipe = 124, RBrace = 125, Del = 127 }

/** The current line is a document marker (`---`), or there is no line left. */
const MARKER = -1;
const END = -2;

/** `\` escapes of double-quoted scalars that name one fixed character (as `yaml` 2 reads them). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

export interface BlockDocument { index: number; value: unknown }

/** The documents of a text as plain data, or undefined when the block reader is unsure of any of it. */
export function readBlock(text: string): BlockDocument[] | undefined {
  try {
    return new BlockReader(text).documents();
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

class BlockReader {
  /** The current line: its start, the column of its content (MARKER, END), where that ends (before `\r\n`) and the next line. */
  private lineStart = 0;
  private indent = END;
  private contentStart = 0;
  private lineEnd = 0;
  private nextLine = 0;
  private depth = 0;

  constructor(private readonly t: string) {}

  documents(): BlockDocument[] {
    const out: BlockDocument[] = [];
    let open = false;
    let value: unknown = null;
    let filled = false;
    this.seek(0);
    while (this.indent !== END) {
      if (this.indent === MARKER) {
        if (open) out.push({ index: out.length, value });
        open = true;
        value = null;
        filled = false;
        this.seek(this.nextLine);
        continue;
      }
      if (filled) throw UNSURE; // content after the top node at a lesser indent
      open = true;
      filled = true;
      value = this.node(this.contentStart, -1);
    }
    if (open) out.push({ index: out.length, value });
    // A text of comments and blank lines only: none to `yaml`, one to js-yaml; the precise parser decides.
    if (out.length === 0) throw UNSURE;
    return out;
  }

  /** Moves to the first line at or after `from` that holds content or a document marker, skipping comment lines. */
  private seek(from: number): void {
    const t = this.t;
    const n = t.length;
    let p = from;
    while (p < n) {
      let nl = t.indexOf('\n', p);
      if (nl === -1) nl = n;
      let end = nl;
      if (end > p && t.charCodeAt(end - 1) === Ch.Cr) end--;
      let i = p;
      while (i < end && t.charCodeAt(i) === Ch.Space) i++;
      if (i === end) {
        p = nl + 1;
        continue;
      }
      const c = t.charCodeAt(i);
      if (c === Ch.Hash) {
        this.comment(i, end);
        p = nl + 1;
        continue;
      }
      this.lineStart = p;
      this.contentStart = i;
      this.lineEnd = end;
      this.nextLine = nl + 1;
      this.indent = i - p;
      if (i === p) this.columnZero(c);
      return;
    }
    this.indent = END;
    this.lineStart = this.contentStart = this.lineEnd = this.nextLine = n;
  }

  /** A line starting `---` is a document marker (nothing may follow it but a comment); `...` and `%` lines are left to the precise parser. */
  private columnZero(c: number): void {
    const t = this.t;
    const p = this.lineStart;
    if (c === Ch.Percent) throw UNSURE;
    if (c === Ch.Dot && t.startsWith('...', p)) throw UNSURE;
    if (c !== Ch.Dash || !t.startsWith('---', p)) return;
    let i = p + 3;
    if (i < this.lineEnd && t.charCodeAt(i) !== Ch.Space) throw UNSURE; // `---word`: a scalar to `yaml`
    while (i < this.lineEnd && t.charCodeAt(i) === Ch.Space) i++;
    if (i < this.lineEnd) {
      if (t.charCodeAt(i) !== Ch.Hash) throw UNSURE; // content on the marker's line
      this.comment(i, this.lineEnd);
    }
    this.indent = MARKER;
  }

  /** A comment, `#` at `i`: suppressions need the precise lexer's comments; a tab or lone `\r` in it, its parser's rules. */
  private comment(i: number, end: number): void {
    const t = this.t;
    for (let j = i + 1; j < end; j++) if (t.charCodeAt(j) < Ch.Space) throw UNSURE;
    if (end - i > 15 && t.slice(i, end).includes('govspec-disable')) throw UNSURE;
  }

  /** After a node on the current line ends at `i`: spaces, then nothing or a comment; then on to the next line. */
  private endLine(i: number): void {
    const t = this.t;
    const end = this.lineEnd;
    while (i < end && t.charCodeAt(i) === Ch.Space) i++;
    if (i < end) {
      // `"a"#b` and `[a]#b` are errors to `yaml`; `[a]: b` a complex key.
      if (t.charCodeAt(i) !== Ch.Hash || t.charCodeAt(i - 1) !== Ch.Space) throw UNSURE;
      this.comment(i, end);
    }
    this.seek(this.nextLine);
  }

  private isDashItem(p: number): boolean {
    return this.t.charCodeAt(p) === Ch.Dash && (p + 1 === this.lineEnd || this.t.charCodeAt(p + 1) === Ch.Space);
  }

  /**
   * The node that starts at `p` on the current line, inside a collection at column `parent`. On return the current
   * line is the first one after the node.
   */
  private node(p: number, parent: number): unknown {
    if (++this.depth > NESTING_GUARD) throw UNSURE;
    const value = this.nodeOf(p, parent);
    this.depth--;
    return value;
  }

  private nodeOf(p: number, parent: number): unknown {
    const t = this.t;
    const column = p - this.lineStart;
    if (column <= parent) throw UNSURE;
    const c = t.charCodeAt(p);
    if (this.isDashItem(p)) return this.sequence(column, p);
    if (c === Ch.LBracket || c === Ch.LBrace) {
      const [value, after] = this.flow(p);
      this.endLine(after);
      return value;
    }
    if (c === Ch.Quote || c === Ch.Apos) {
      const [value, after] = this.quoted(p);
      if (t.charCodeAt(after) === Ch.Colon && this.colonEnds(after)) return this.mapping(column, p);
      this.endLine(after);
      return value;
    }
    this.plainStart(c, p);
    const stop = this.scanPlain(p);
    if (stop.colon) return this.mapping(column, p);
    const value = resolvePlain(t.slice(p, stop.end));
    this.endLine(stop.at);
    return value;
  }

  /** Whether the `:` at `i` ends an implicit key: followed by a space or the end of the line. */
  private colonEnds(i: number): boolean {
    return i + 1 === this.lineEnd || this.t.charCodeAt(i + 1) === Ch.Space;
  }

  /** Indicators that cannot start a plain scalar (and `<`, which could make a merge key `<<`). */
  private plainStart(c: number, p: number): void {
    switch (c) {
      case Ch.Question: case Ch.Colon: case Ch.Comma: case Ch.LBracket: case Ch.RBracket: case Ch.LBrace: case Ch.RBrace:
      case Ch.Hash: case Ch.Amp: case Ch.Star: case Ch.Bang: case Ch.Pipe: case Ch.Gt: case Ch.Apos: case Ch.Quote:
      case Ch.Percent: case Ch.At: case Ch.Backtick: case Ch.Lt:
        throw UNSURE;
      case Ch.Dash:
        if (this.isDashItem(p)) throw UNSURE;
    }
  }

  /**
   * A plain scalar in block context from `p` to the first `: ` (an implicit key: `colon`), ` #` or the end of the
   * line; `end` is where its text ends (trailing spaces dropped), `at` where the scan stopped.
   */
  private scanPlain(p: number): { colon: boolean; end: number; at: number } {
    const t = this.t;
    const end = this.lineEnd;
    let last = p;
    let i = p;
    for (; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === Ch.Space) continue;
      if (c === Ch.Colon && this.colonEnds(i)) return { colon: true, end: last, at: i };
      if (c === Ch.Hash && t.charCodeAt(i - 1) === Ch.Space) break;
      if (c < Ch.Space || c === Ch.Del) throw UNSURE;
      if (c > Ch.Del) i = this.wide(i, c);
      last = i + 1;
    }
    return { colon: false, end: last, at: i };
  }

  /** A character past ASCII at `i`: a surrogate pair is skipped whole; what `yaml` could read otherwise is unsure. */
  private wide(i: number, c: number): number {
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return i + 1;
      throw UNSURE;
    }
    if (c <= 0x9f || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfeff || c === 0x2028 || c === 0x2029 || c >= 0xfffe) throw UNSURE;
    return i;
  }

  /** A block mapping at `column` whose first key starts at `p` on the current line. */
  private mapping(column: number, p: number): Record<string, unknown> {
    const t = this.t;
    const out: Record<string, unknown> = {};
    for (;;) {
      const [key, colon] = this.key(p);
      if (Object.prototype.hasOwnProperty.call(out, key)) throw UNSURE;
      let i = colon + 1;
      while (i < this.lineEnd && t.charCodeAt(i) === Ch.Space) i++;
      let value: unknown;
      if (i === this.lineEnd || t.charCodeAt(i) === Ch.Hash) {
        if (i < this.lineEnd) this.comment(i, this.lineEnd);
        this.seek(this.nextLine);
        if (this.indent > column) value = this.node(this.contentStart, column);
        else if (this.indent === column && this.isDashItem(this.contentStart)) value = this.sequenceValue(column);
        else value = null;
      } else {
        value = this.inlineValue(i);
      }
      setOwn(out, key, value);
      if (this.indent > column) throw UNSURE;
      if (this.indent < column) return out;
      p = this.contentStart;
    }
  }

  /** `key:` followed by `- item` lines at the key's own column: a sequence, as deep as the mapping. */
  private sequenceValue(column: number): unknown[] {
    if (++this.depth > NESTING_GUARD) throw UNSURE;
    const value = this.sequence(column, this.contentStart);
    this.depth--;
    return value;
  }

  /** An implicit key at `p`: its string (as `yaml` makes it of the resolved scalar) and the offset of its `:`. */
  private key(p: number): [string, number] {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === Ch.Quote || c === Ch.Apos) {
      const [value, after] = this.quoted(p);
      if (t.charCodeAt(after) !== Ch.Colon || !this.colonEnds(after) || after - p > MAX_KEY) throw UNSURE;
      return [value, after];
    }
    this.plainStart(c, p);
    const stop = this.scanPlain(p);
    // Not a key (a scalar where an entry belongs), space before the colon, or flow indicators in it: the precise parser.
    if (!stop.colon || stop.end !== stop.at || stop.at - p > MAX_KEY) throw UNSURE;
    for (let i = p; i < stop.end; i++) {
      const d = t.charCodeAt(i);
      if (d === Ch.LBracket || d === Ch.RBracket || d === Ch.LBrace || d === Ch.RBrace || d === Ch.Comma) throw UNSURE;
    }
    return [String(resolvePlain(t.slice(p, stop.end))), stop.at];
  }

  /** A value on its key's line, from `i`: a scalar or a flow collection, nothing after it but a comment. */
  private inlineValue(i: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === Ch.LBracket || c === Ch.LBrace) {
      if (++this.depth > NESTING_GUARD) throw UNSURE;
      const [value, after] = this.flow(i);
      this.depth--;
      this.endLine(after);
      return value;
    }
    if (c === Ch.Quote || c === Ch.Apos) {
      const [value, after] = this.quoted(i);
      this.endLine(after);
      return value;
    }
    this.plainStart(c, i); // `a: - b`, `a: ? b`, `a: &x`, `a: |`…
    const stop = this.scanPlain(i);
    if (stop.colon) throw UNSURE; // `a: b: c`
    const value = resolvePlain(t.slice(i, stop.end));
    this.endLine(stop.at);
    return value;
  }

  /** A block sequence at `column` whose first `-` is at `p` on the current line. */
  private sequence(column: number, p: number): unknown[] {
    const t = this.t;
    const out: unknown[] = [];
    for (;;) {
      let i = p + 1;
      while (i < this.lineEnd && t.charCodeAt(i) === Ch.Space) i++;
      // An empty item (`-` alone, or before a comment): `yaml` refuses some of those layouts; the precise parser decides.
      if (i === this.lineEnd || t.charCodeAt(i) === Ch.Hash) throw UNSURE;
      out.push(this.node(i, column));
      if (this.indent > column) throw UNSURE;
      if (this.indent < column || !this.isDashItem(this.contentStart)) return out;
      p = this.contentStart;
    }
  }

  /** A quoted scalar at `p`, closed on its line: its value and the offset after the closing quote. */
  private quoted(p: number): [string, number] {
    const t = this.t;
    const end = this.lineEnd;
    const double = t.charCodeAt(p) === Ch.Quote;
    let out = '';
    let from = p + 1;
    for (let i = p + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c < Ch.Space || c === Ch.Del) throw UNSURE;
      if (c > Ch.Del) {
        i = this.wide(i, c);
      } else if (double) {
        if (c === Ch.Quote) return [out + t.slice(from, i), i + 1];
        if (c === Ch.Backslash) {
          const escaped = ESCAPES[t[i + 1]];
          // `\x`, `\u`, `\U` can name what is no character; a `\` at the end of the line continues the scalar.
          if (escaped === undefined || i + 1 >= end) throw UNSURE;
          out += t.slice(from, i) + escaped;
          from = i + 2;
          i++;
        }
      } else if (c === Ch.Apos) {
        if (t.charCodeAt(i + 1) !== Ch.Apos || i + 1 >= end) return [out + t.slice(from, i), i + 1];
        out += t.slice(from, i + 1);
        from = i + 2;
        i++;
      }
    }
    throw UNSURE; // the scalar goes on to the next line
  }

  /** A flow collection at `p` (`[` or `{`), closed on its line: its value and the offset after it. */
  private flow(p: number): [unknown, number] {
    const t = this.t;
    const end = this.lineEnd;
    const isSeq = t.charCodeAt(p) === Ch.LBracket;
    const close = isSeq ? Ch.RBracket : Ch.RBrace;
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    let i = this.spaces(p + 1);
    if (t.charCodeAt(i) === close && i < end) return [isSeq ? seq : map, i + 1];
    for (;;) {
      if (isSeq) {
        const [value, after] = this.flowItem(i);
        seq.push(value);
        i = this.spaces(after);
      } else {
        const [key, colon] = this.flowKey(i);
        if (Object.prototype.hasOwnProperty.call(map, key)) throw UNSURE;
        const [value, after] = this.flowItem(this.spaces(colon + 2));
        setOwn(map, key, value);
        i = this.spaces(after);
      }
      if (i >= end) throw UNSURE;
      const c = t.charCodeAt(i);
      if (c === close) return [isSeq ? seq : map, i + 1];
      if (c !== Ch.Comma) throw UNSURE;
      i = this.spaces(i + 1);
      const d = t.charCodeAt(i);
      if (i >= end || d === close || d === Ch.Comma) throw UNSURE; // a trailing or doubled comma
    }
  }

  private spaces(i: number): number {
    while (i < this.lineEnd && this.t.charCodeAt(i) === Ch.Space) i++;
    return i;
  }

  /** Whether the character at `i` is a space, a flow indicator or the end of the line. */
  private endsFlowPlain(i: number): boolean {
    if (i >= this.lineEnd) return true;
    const d = this.t.charCodeAt(i);
    return d === Ch.Space || d === Ch.Comma || d === Ch.RBracket || d === Ch.RBrace || d === Ch.LBracket || d === Ch.LBrace;
  }

  /** A key in a flow mapping and the offset of its `:`, which a space must follow. */
  private flowKey(i: number): [string, number] {
    const t = this.t;
    const c = t.charCodeAt(i);
    let key: string;
    let colon: number;
    if (c === Ch.Quote || c === Ch.Apos) {
      [key, colon] = this.quoted(i);
    } else {
      const stop = this.scanFlowPlain(i);
      if (!stop.colon || stop.end !== stop.at) throw UNSURE;
      key = String(resolvePlain(t.slice(i, stop.end)));
      colon = stop.at;
    }
    if (t.charCodeAt(colon) !== Ch.Colon || colon + 1 >= this.lineEnd || t.charCodeAt(colon + 1) !== Ch.Space) throw UNSURE;
    return [key, colon];
  }

  /** An entry of a flow sequence or a value of a flow mapping: a scalar or a nested flow collection (no pairs). */
  private flowItem(i: number): [unknown, number] {
    const t = this.t;
    if (i >= this.lineEnd) throw UNSURE;
    const c = t.charCodeAt(i);
    let result: [unknown, number];
    if (c === Ch.LBracket || c === Ch.LBrace) {
      if (++this.depth > NESTING_GUARD) throw UNSURE;
      result = this.flow(i);
      this.depth--;
    } else if (c === Ch.Quote || c === Ch.Apos) {
      result = this.quoted(i);
    } else {
      const stop = this.scanFlowPlain(i);
      if (stop.colon) throw UNSURE; // a pair inside a sequence, or `a: b: c`
      result = [resolvePlain(t.slice(i, stop.end)), stop.at];
    }
    // `[a]: b`, `["a": b]`, `{a: "b":c}`: pairs and keys the precise parser reads.
    if (t.charCodeAt(this.spaces(result[1])) === Ch.Colon) throw UNSURE;
    return result;
  }

  /**
   * A plain scalar in flow context from `i`: it ends at `,`, `]`, `}` or a `:` that a space or flow indicator
   * follows (`colon`); a `[`, `{` or comment inside it is left to the precise parser.
   */
  private scanFlowPlain(i: number): { colon: boolean; end: number; at: number } {
    const t = this.t;
    const end = this.lineEnd;
    this.plainStart(t.charCodeAt(i), i);
    // `-` starts a plain scalar only before a character that can go on one (`[-]`, `{a: -}` are errors).
    if (t.charCodeAt(i) === Ch.Dash && this.endsFlowPlain(i + 1)) throw UNSURE;
    let last = i;
    for (; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === Ch.Space) continue;
      if (c === Ch.Comma || c === Ch.RBracket || c === Ch.RBrace) break;
      if (c === Ch.LBracket || c === Ch.LBrace) throw UNSURE;
      if (c === Ch.Colon && this.endsFlowPlain(i + 1)) return { colon: true, end: last, at: i };
      if (c === Ch.Hash && t.charCodeAt(i - 1) === Ch.Space) throw UNSURE;
      if (c < Ch.Space || c === Ch.Del) throw UNSURE;
      if (c > Ch.Del) i = this.wide(i, c);
      last = i + 1;
    }
    return { colon: false, end: last, at: i };
  }
}

import type { Position, Range } from '../types';

/**
 * The product's one definition of a line break, LSP's: `\r\n`, `\n`, or a lone `\r`. Every position GovSpec reports
 * or reads back (findings, fixes, editor requests) counts lines this way, so an editor that follows LSP and the CLI
 * that applies fixes agree on every offset. (A lone `\r` is still a `yaml/syntax` finding, as the two YAML parsers
 * disagree on it: see `loneCarriageReturn`.)
 */
const LINE_BREAK = /\r\n?|\n/g;

/** Offset of the first `\r` that is not followed by `\n`, or -1. */
export function loneCarriageReturn(text: string): number {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return i;
  return -1;
}

/** Offsets ⇄ positions over one text, lines ending at `\r\n`, `\n` or `\r` (the break belongs to no line). */
export class LineMap {
  private readonly starts: number[] = [0];
  /** Offset where each line's content ends (its break starts). */
  private readonly ends: number[] = [];

  constructor(private readonly text: string) {
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
      this.ends.push(m.index);
      this.starts.push(m.index + m[0].length);
    }
    this.ends.push(text.length);
  }

  get lineCount(): number { return this.starts.length; }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid; else high = mid - 1;
    }
    // An offset inside a line break (the parser places some errors at the `\r` of a CRLF) is the end of the line.
    return { line: low, character: Math.min(clamped, this.ends[low]) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const line = Math.max(0, position.line);
    return Math.min(this.starts[line] + Math.max(0, position.character), this.ends[line]);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the end of a line's content, before its break. */
  lineEnd(line: number): number { return this.ends[line] ?? this.text.length; }

  lineStart(line: number): number { return this.starts[line] ?? this.text.length; }
}

export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

import type { Position, Range } from '../types';

/** Offsets ⇄ positions over one text. Lines end at `\n`; a `\r` before it belongs to the line break. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
    // An offset inside a CRLF (the parser places some errors at the `\r`) is the end of the line's content.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the end of a line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.starts[line] && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineStart(line: number): number { return this.starts[line] ?? this.text.length; }
}

export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

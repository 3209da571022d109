/**
 * The lint runs on the YAML import wrote; each of its findings is then told which spreadsheet cell the data it is
 * about came from: the cell of the smallest imported field (key and value) that holds the finding's position.
 */
import { isMap, isPair, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Finding, SheetCell } from '../engine';
import type { AssembledDocument } from './assemble';

interface Span { start: number; end: number; cell: SheetCell }

/** Offsets of the node at `path` in `root`, from its key (when it has one) to the end of its value. */
function spanOf(root: unknown, path: readonly (string | number)[]): [number, number] | undefined {
  let node = root;
  let start: number | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (p.key as { value?: unknown } | null)?.value === step);
      if (!pair) return undefined;
      start = (pair.key as { range?: [number, number, number] }).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      start = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    } else {
      return undefined;
    }
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  return [start ?? range[0], range[1]];
}

export class CellLocator {
  private spans: Span[][] = [];
  private readonly lines = new LineCounter();
  private lineStarts: number[] = [];
  private built = false;

  /**
   * `documents`: per document index of the written file, what was imported into it. Parsed on the first question
   * only; `text` may be a function that reads the file then, so that a large import does not hold every file's text.
   */
  constructor(private readonly text: string | (() => string), private readonly documents: ReadonlyMap<number, Pick<AssembledDocument, 'cells'>>) {}

  private build(): void {
    this.built = true;
    const { documents } = this;
    const text = typeof this.text === 'string' ? this.text : this.text();
    const docs = parseAllDocuments(text, { lineCounter: this.lines });
    const all = Array.isArray(docs) ? docs : [];
    this.spans = all.map((doc, index) => {
      const assembled = documents.get(index);
      if (!assembled) return [];
      const spans: Span[] = [];
      for (const [path, cell] of assembled.cells) {
        const span = spanOf(doc.contents, path);
        if (span) spans.push({ start: span[0], end: span[1], cell });
      }
      return spans;
    });
    this.lineStarts = this.lines.lineStarts;
  }

  cellOf(finding: Finding): SheetCell | undefined {
    if (!this.built) this.build();
    const spans = finding.document === null ? this.spans.flat() : this.spans[finding.document] ?? [];
    const offset = (this.lineStarts[finding.range.start.line] ?? 0) + finding.range.start.character;
    let best: Span | undefined;
    for (const span of spans) {
      if (span.start <= offset && offset <= span.end && (!best || span.end - span.start < best.end - best.start)) best = span;
    }
    return best?.cell;
  }
}

import type { Anchor, Range } from '../types';
import type { NodeRef } from '../workspace';
import type { ParsedFile } from './parse';
import { REGION_MIN_CHARS, YamlSource } from './source';
import { locate } from './locate';

/** Resolves a node of any file of the workspace to a range; undefined when the file or node is gone. */
export type RelatedResolver = (at: NodeRef, anchor: Anchor) => Range | undefined;

/**
 * Reads a text once and remembers it, so indexing, linting and related locations share one read. The data comes
 * from the fast reader where it can; the precise parse is made when a range is first needed (`get`, `resolve`).
 */
export class ParseCache {
  private readonly sources = new Map<string, YamlSource>();
  /** Files whose ranges come from the full parse only (see `source`). */
  private readonly parsedWhole = new Set<string>();

  /**
   * `precise`: read every text with the precise parser. `regionMinChars`: texts shorter than this are parsed whole for
   * ranges (YamlSource; the editor's bound is lower).
   */
  constructor(private readonly readText: (file: string) => string | undefined, private readonly precise = false, private readonly regionMinChars = REGION_MIN_CHARS) {}

  source(file: string): YamlSource | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    const hit = this.sources.get(file);
    if (hit && hit.text === text) return hit;
    // A file edited again (the editor) one of whose versions had findings in more entries than region trees serve
    // is parsed whole from then on: the region trees would be built and thrown away on every change.
    if (hit?.regionsExhausted) this.parsedWhole.add(file);
    const regionMinChars = this.parsedWhole.has(file) ? Infinity : this.regionMinChars;
    const source = this.precise ? YamlSource.precise(text) : new YamlSource(text, undefined, regionMinChars);
    this.sources.set(file, source);
    return source;
  }

  /** The precise parse of a file. */
  get(file: string): ParsedFile | undefined {
    return this.source(file)?.parsed;
  }

  forget(file: string): void {
    this.sources.delete(file);
    this.parsedWhole.delete(file);
  }

  /** Range of a node of any file, for related locations (a region tree's when that places it: YamlSource.treeFor). */
  readonly resolve: RelatedResolver = (at: NodeRef, anchor: Anchor): Range | undefined => {
    const source = this.source(at.file);
    const ast = source?.treeFor(at.document, at.path);
    if (!source || !ast) return undefined;
    const [s, e] = locate(ast, at.path, anchor);
    return source.lines.rangeOf(s, e);
  };
}

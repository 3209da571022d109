import type { ResolvedConfig } from './config/types';
import type { Anchor, Range } from './types';
import type { FileLint, RelatedResolver } from './lint';
import { classifyDocuments, documentData, lintFile, looksLikeGovSpec } from './lint';
import { WorkspaceIndex, extractFacts } from './workspace';
import type { NodeRef } from './workspace';
import type { ParsedFile } from './yaml/parse';
import { YamlSource } from './yaml/source';
import { locate } from './yaml/locate';

/**
 * Reads a text once and remembers it, so indexing, linting and related locations share one read. The data comes
 * from the fast reader where it can; the precise parse is made when a range is first needed (`get`, `resolve`).
 */
export class ParseCache {
  private readonly sources = new Map<string, YamlSource>();

  /** `precise`: read every text with the precise parser, as the editor does for the documents it shows. */
  constructor(private readonly readText: (file: string) => string | undefined, private readonly precise = false) {}

  source(file: string): YamlSource | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    const hit = this.sources.get(file);
    if (hit && hit.text === text) return hit;
    const source = this.precise ? YamlSource.precise(text) : new YamlSource(text);
    this.sources.set(file, source);
    return source;
  }

  /** The precise parse of a file. */
  get(file: string): ParsedFile | undefined {
    return this.source(file)?.parsed;
  }

  forget(file: string): void { this.sources.delete(file); }

  /** Range of a node of any file, for related locations (a region tree's when that places it: YamlSource.treeFor). */
  readonly resolve: RelatedResolver = (at: NodeRef, anchor: Anchor): Range | undefined => {
    const source = this.source(at.file);
    const ast = source?.treeFor(at.document, at.path);
    if (!source || !ast) return undefined;
    const [s, e] = locate(ast, at.path, anchor);
    return source.lines.rangeOf(s, e);
  };
}

/** Adds (or replaces) one file's facts in the index from its text. */
export function indexText(index: WorkspaceIndex, file: string, text: string, cache?: ParseCache): void {
  if (!looksLikeGovSpec(file, text)) {
    index.remove(file);
    return;
  }
  const source = cache?.source(file) ?? new YamlSource(text);
  index.update(extractFacts(file, documentData(classifyDocuments(file, source))));
}

export interface WorkspaceLintOptions {
  configFor(file: string): ResolvedConfig;
  today: string;
  /** Files to report on; default all. Every file is indexed either way (docs/semantics.md). */
  only?: ReadonlySet<string>;
  /** Read every file with the precise parser only (the fast path is the default; both give the same findings). */
  precise?: boolean;
}

/** Lints a set of texts as one workspace: index everything, then lint the requested files against it. */
export function lintTexts(texts: ReadonlyMap<string, string>, options: WorkspaceLintOptions): Map<string, FileLint> {
  const cache = new ParseCache((file) => texts.get(file), options.precise);
  const index = new WorkspaceIndex();
  for (const [file, text] of texts) indexText(index, file, text, cache);
  const out = new Map<string, FileLint>();
  for (const [file, text] of texts) {
    if (options.only && !options.only.has(file)) continue;
    out.set(file, lintFile({ file, text, config: options.configFor(file), today: options.today, index, related: cache.resolve, source: looksLikeGovSpec(file, text) ? cache.source(file) : undefined }));
  }
  return out;
}

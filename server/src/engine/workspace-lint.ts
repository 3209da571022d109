import type { ResolvedConfig } from './config/types';
import type { Anchor, Range } from './types';
import type { FileLint, RelatedResolver } from './lint';
import { classifyDocuments, documentData, lintFile, looksLikeGovSpec } from './lint';
import { WorkspaceIndex, extractFacts } from './workspace';
import type { NodeRef } from './workspace';
import { parseYaml } from './yaml/parse';
import type { ParsedFile } from './yaml/parse';
import { locate } from './yaml/locate';

/** Parses a text once and remembers it, so indexing, linting and related locations share one parse. */
export class ParseCache {
  private readonly parsed = new Map<string, { text: string; parsed: ParsedFile }>();

  constructor(private readonly readText: (file: string) => string | undefined) {}

  get(file: string): ParsedFile | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    const hit = this.parsed.get(file);
    if (hit && hit.text === text) return hit.parsed;
    const parsed = parseYaml(text);
    this.parsed.set(file, { text, parsed });
    return parsed;
  }

  forget(file: string): void { this.parsed.delete(file); }

  /** Range of a node of any file, for related locations. */
  readonly resolve: RelatedResolver = (at: NodeRef, anchor: Anchor): Range | undefined => {
    const parsed = this.get(at.file);
    const doc = parsed?.documents[at.document];
    if (!parsed || !doc) return undefined;
    const [s, e] = locate(doc.ast, at.path, anchor);
    return parsed.lines.rangeOf(s, e);
  };
}

/** Adds (or replaces) one file's facts in the index from its text. */
export function indexText(index: WorkspaceIndex, file: string, text: string, cache?: ParseCache): void {
  if (!looksLikeGovSpec(file, text)) {
    index.remove(file);
    return;
  }
  const parsed = cache?.get(file) ?? parseYaml(text);
  index.update(extractFacts(file, documentData(classifyDocuments(file, parsed))));
}

export interface WorkspaceLintOptions {
  configFor(file: string): ResolvedConfig;
  today: string;
  /** Files to report on; default all. Every file is indexed either way (semantics.md §6). */
  only?: ReadonlySet<string>;
}

/** Lints a set of texts as one workspace: index everything, then lint the requested files against it. */
export function lintTexts(texts: ReadonlyMap<string, string>, options: WorkspaceLintOptions): Map<string, FileLint> {
  const cache = new ParseCache((file) => texts.get(file));
  const index = new WorkspaceIndex();
  for (const [file, text] of texts) indexText(index, file, text, cache);
  const out = new Map<string, FileLint>();
  for (const [file, text] of texts) {
    if (options.only && !options.only.has(file)) continue;
    out.set(file, lintFile({ file, text, config: options.configFor(file), today: options.today, index, related: cache.resolve, parsed: looksLikeGovSpec(file, text) ? cache.get(file) : undefined }));
  }
  return out;
}

import type { ResolvedConfig } from './config/types';
import { DEFAULT_CONFIG } from './config/types';
import { keyPatternsOf } from './config/key-patterns';
import type { KeyPatterns } from './config/key-patterns';
import type { FileLint } from './lint';
import { classifyDocuments, documentData, lintFile, looksLikeGovSpec } from './lint';
import { WorkspaceIndex, extractFacts } from './workspace';
import type { FileFacts } from './workspace';
import { YamlSource } from './yaml/source';
import { ParseCache } from './yaml/parse-cache';

export { ParseCache } from './yaml/parse-cache';

/**
 * Adds (or replaces) one file's facts in the index from its text; `config` is the file's own (its code patterns
 * decide which of its keys define anything), the built-in one's patterns when absent.
 */
export function indexText(index: WorkspaceIndex, file: string, text: string, cache?: ParseCache, config?: ResolvedConfig): void {
  const facts = factsOfText(file, text, keyPatternsOf(config ?? DEFAULT_CONFIG), cache);
  if (facts) index.update(facts); else index.remove(file);
}

/** What a text gives the index (`patterns`: its config's key patterns); undefined when it is no GovSpec file. */
export function factsOfText(file: string, text: string, patterns: KeyPatterns, cache?: ParseCache): FileFacts | undefined {
  if (!looksLikeGovSpec(file, text)) return undefined;
  const source = cache?.source(file) ?? new YamlSource(text);
  return extractFacts(file, documentData(classifyDocuments(file, source)), patterns);
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
  for (const [file, text] of texts) indexText(index, file, text, cache, options.configFor(file));
  const out = new Map<string, FileLint>();
  for (const [file, text] of texts) {
    if (options.only && !options.only.has(file)) continue;
    out.set(file, lintFile({ file, text, config: options.configFor(file), today: options.today, index, related: cache.resolve, source: looksLikeGovSpec(file, text) ? cache.source(file) : undefined }));
  }
  return out;
}

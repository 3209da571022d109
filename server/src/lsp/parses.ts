import type { Anchor, Range } from '../engine';
import type { NodeRef } from '../engine';
import type { ParsedFile } from '../engine';
import type { YamlSource } from '../engine';
import { EDITOR_REGION_MIN_CHARS, ParseCache } from '../engine';
import { overEditorBound } from './editor-bound';

/**
 * How many closed files keep their text and parse. Related locations, definitions and references point into files
 * that are not open (a catalogue of 1 MB and more); keeping a few spares re-reading them on every lint, and the bound
 * keeps memory with the open documents, not with the size of the workspace.
 */
export const CLOSED_FILES_KEPT = 8;

/**
 * The parses the server keeps: one per open document (replaced when its text changes, dropped on close) and those
 * of the few closed files used most recently. Each text is read once: the fast reader first, the precise parse when
 * a range or a syntax tree is first needed (`ParseCache`).
 */
export class DocumentParses {
  /** The engine's cache, for `indexText`; ranges of findings come from region trees from 16 KB on (yaml/source.ts). */
  readonly cache = new ParseCache((key) => this.text(key), false, EDITOR_REGION_MIN_CHARS);
  /** Texts of closed files in use, least recently used first. */
  private readonly closedTexts = new Map<string, string>();

  constructor(private readonly openText: (key: string) => string | undefined, private readonly diskText: (key: string) => string | undefined) {}

  source(key: string): YamlSource | undefined { return this.cache.source(key); }

  /** The precise parse (syntax tree, ranges, comments) of a file. */
  get = (key: string): ParsedFile | undefined => this.cache.get(key);

  readonly resolve = (at: NodeRef, anchor: Anchor): Range | undefined => this.cache.resolve(at, anchor);

  forget(key: string): void {
    this.closedTexts.delete(key);
    this.cache.forget(key);
  }

  /** Closed files whose text and parse are kept (at most CLOSED_FILES_KEPT). */
  get closedKept(): number { return this.closedTexts.size; }

  private text(key: string): string | undefined {
    const open = this.openText(key);
    if (open !== undefined) return overEditorBound(open) ? undefined : open;
    let text = this.closedTexts.get(key);
    if (text !== undefined) this.closedTexts.delete(key); // re-inserted below as the most recently used
    else text = this.diskText(key);
    // Never parsed here (lsp/editor-bound.ts): a related location into a 20 MB catalogue would hold the server.
    if (text === undefined || overEditorBound(text)) return undefined;
    this.closedTexts.set(key, text);
    if (this.closedTexts.size > CLOSED_FILES_KEPT) this.forget(this.closedTexts.keys().next().value!);
    return text;
  }
}

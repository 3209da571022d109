import type { Document } from 'yaml';
import type { JsonPath } from '../types';
import { readFast } from './fast';
import { LineMap } from './lines';
import { parseYaml } from './parse';
import type { ParsedFile, YamlProblem } from './parse';
import { entryIndex, regionTree, windowTree } from './region';
import type { EntryIndex } from './region';

/** A document as the engine reads it: plain data and the YAML problems found in it (docs/semantics.md). */
export interface PlainDocument {
  index: number;
  /** Undefined when the document is unusable (only the precise parse reports that). */
  value: unknown;
  problems: readonly YamlProblem[];
  /** The document's own syntax tree; present when the precise parser read it. */
  ast?: { range: readonly number[] };
}

/** Region trees built for one file before its findings are placed on the full parse instead. */
const MAX_REGION_BUILDS = 4;

/**
 * Files shorter than this are parsed whole: there a region tree costs nearly what the full parse does, and the
 * editor, which lints such files on every keystroke, needs the full parse for its other features anyway.
 */
export const REGION_MIN_CHARS = 64 * 1024;

/** About how much of a list one window tree parses: a few hundred short entries, or one long one. */
const WINDOW_CHARS = 32 * 1024;

/**
 * The most text around a list (before and after it) that every window tree parses again; a list with more around it
 * gets region trees instead.
 */
const MAX_AROUND_CHARS = 64 * 1024;

/**
 * The editor's bound instead (`ParseCache`'s option): it lints an open document on every change, and a region tree
 * of a 1,000-line service with its lists blanked costs a third of its full parse, which waits until a request needs it.
 */
export const EDITOR_REGION_MIN_CHARS = 16 * 1024;

/**
 * One file's text and documents. The fast reader gives the data when it can; the precise parse — the only source of
 * ranges, comments and YAML problems — is made on first need, so a file with no findings never pays for it.
 */
export class YamlSource {
  readonly documents: readonly PlainDocument[];
  private precise: ParsedFile | undefined;
  private lineMap: LineMap | undefined;
  /**
   * The last region tree (region.ts), for the entries `kept` of the top-level list `key` and for every path outside
   * that list; undefined `ast`: it failed.
   */
  private region: { key: string; kept: Set<number>; ast: Document.Parsed | undefined } | undefined;
  private regionBuilds = 0;
  /** Each top-level list's entries (undefined: its layout or its data does not allow windows). */
  private readonly entryIndexes = new Map<string, EntryIndex | undefined>();
  /** The last window tree (region.ts): the entries `[first, last)` of the list `key`. */
  private window: { key: string; first: number; last: number; ast: Document.Parsed } | undefined;

  /**
   * `parsed`: a precise parse of exactly this text made earlier (the editor's cache); it is used as it is.
   * `regionMinChars`: texts shorter than this are always parsed whole for ranges.
   */
  constructor(readonly text: string, parsed?: ParsedFile, private readonly regionMinChars = REGION_MIN_CHARS) {
    const fast = parsed ? undefined : readFast(text);
    this.precise = fast ? undefined : parsed ?? parseYaml(text);
    this.documents = fast ? fast.map((d) => ({ ...d, problems: [] })) : this.precise!.documents;
  }

  /** A source read by the precise parser only, as the editor reads open documents. */
  static precise(text: string): YamlSource {
    return new YamlSource(text, parseYaml(text));
  }

  get parsed(): ParsedFile {
    return (this.precise ??= parseYaml(this.text));
  }

  /** Whether ranges needed more region trees than a file gets, so that the whole file was parsed for them. */
  get regionsExhausted(): boolean {
    return this.regionBuilds >= MAX_REGION_BUILDS;
  }

  /** Whether the precise parse has been made (a clean file that the fast reader read never needs it). */
  get preciselyParsed(): boolean {
    return this.precise !== undefined;
  }

  get lines(): LineMap {
    return this.precise?.lines ?? (this.lineMap ??= new LineMap(this.text));
  }

  /**
   * A precise tree of a document in which `path` locates (and edits) exactly as in the full parse; undefined when
   * there is no such document. In a long fast-read file, a path into an entry of a top-level list gets a region tree
   * (region.ts) for the entries asked so far, and a path under another top-level key one in which the longest list is
   * blanked (its text is the same as the full parse's there); rebuilt a few times at most before the whole file is parsed.
   */
  treeFor(document: number, path: JsonPath): Document.Parsed | undefined {
    const [key, entry] = path;
    if (typeof key !== 'string' || document !== 0) return this.parsed.documents[document]?.ast;
    if (typeof entry === 'number') {
      const windowed = this.windowFor(document, key, entry);
      if (windowed) return windowed;
    }
    const region = this.region;
    const intoEntry = typeof entry === 'number';
    if (region?.ast && (intoEntry ? region.key === key && region.kept.has(entry) : region.key !== key)) return region.ast;
    if (!this.precise && this.text.length >= this.regionMinChars && this.documents.length === 1 && this.regionBuilds < MAX_REGION_BUILDS) {
      const list = intoEntry ? key : region && region.key !== key ? region.key : this.longestListBut(key);
      if (list !== undefined) {
        const kept = new Set(region?.key === list ? region.kept : []);
        if (intoEntry) kept.add(entry);
        this.regionBuilds++;
        this.region = { key: list, kept, ast: regionTree(this.text, this.documents[0].value, list, kept) };
        if (this.region.ast) return this.region.ast;
        this.regionBuilds = MAX_REGION_BUILDS;
      }
    }
    return this.parsed.documents[document]?.ast;
  }

  /**
   * A window tree of the entries around `entry` of the list `key` of a long fast-read file: the list is cut into
   * windows of about `WINDOW_CHARS`, each parsed when a path into it is asked, so that findings in every entry of a
   * list of a million cost a parse of each entry once, never the precise parse of the whole file (its tree alone
   * takes gigabytes). Undefined when the file, the list or the text around it does not allow windows.
   */
  private windowFor(document: number, key: string, entry: number): Document.Parsed | undefined {
    if (this.precise || this.text.length < REGION_MIN_CHARS || this.documents.length !== 1 || document !== 0) return undefined;
    if (!this.entryIndexes.has(key)) this.entryIndexes.set(key, entryIndex(this.text, this.documents[0].value, key));
    const index = this.entryIndexes.get(key);
    if (!index || entry >= index.starts.length) return undefined;
    const listChars = index.end - index.starts[0];
    if (this.text.length - listChars > MAX_AROUND_CHARS) return undefined;
    const perWindow = Math.max(1, Math.floor((WINDOW_CHARS * index.starts.length) / Math.max(1, listChars)));
    const first = entry - (entry % perWindow);
    const window = this.window;
    if (window?.key === key && window.first === first) return window.ast;
    const last = Math.min(index.starts.length, first + perWindow);
    const ast = windowTree(this.text, this.documents[0].value, index, first, last);
    // A window the check refuses: this list is placed as before (region trees, then the whole parse).
    if (!ast) this.entryIndexes.set(key, undefined);
    else this.window = { key, first, last, ast };
    return ast;
  }

  /** The top-level key other than `key` whose list is the longest (undefined: no list of two entries or more). */
  private longestListBut(key: string): string | undefined {
    const value = this.documents[0].value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    let best: string | undefined;
    let length = 1;
    for (const [k, v] of Object.entries(value)) {
      if (k !== key && Array.isArray(v) && v.length > length) [best, length] = [k, v.length];
    }
    return best;
  }

  /** Whether the text can hold suppression comments; only then are comments read (docs/semantics.md). */
  get mayHaveDirectives(): boolean {
    return this.text.includes('govspec-disable');
  }
}

import * as path from 'path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../engine/workspace';
import type { FileFacts } from '../engine/workspace';
import { indexText } from '../engine/workspace-lint';
import { looksLikeGovSpec } from '../engine/lint';
import { ConfigResolver } from './configs';
import type { DocumentConfig } from './configs';
import { DocumentParses } from './parses';
import { overEditorBound } from './editor-bound';
import { canonicalUri, pathOfUri, readTextFile, uriOfPath, yamlFilesUnder } from './files';

/** Indexing runs in slices of about this long, then lets requests and edits through. */
const INDEX_SLICE_MS = 20;

/** What a file contributed to the index before its facts changed (`undefined`: nothing). */
export interface FactsChange { previous: FileFacts | undefined }

export class ServerWorkspace {
  readonly index = new WorkspaceIndex();
  readonly parses = new DocumentParses((key) => this.document(key)?.getText(), (key) => this.diskText(key));
  readonly configs = new ConfigResolver((fsPath) => this.text(canonicalUri(uriOfPath(fsPath))));
  /** Canonical key → the URI the client used, for answers about open documents. */
  private readonly clientUris = new Map<string, string>();
  /** The document version each open file was last indexed at. */
  private readonly indexedVersions = new Map<string, number>();
  folders: string[] = [];
  /** Each folder's `govspec.configPath` setting (absolute), for the files read without settings of their own (closed). */
  configOverrides = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  opened(uri: string): string {
    const key = canonicalUri(uri);
    this.clientUris.set(key, uri);
    this.parses.forget(key);
    return key;
  }

  closed(uri: string): string {
    const key = canonicalUri(uri);
    this.clientUris.delete(key);
    this.indexedVersions.delete(key);
    this.parses.forget(key);
    return key;
  }

  /** The URI to give the client for a file: its own spelling when it has the file open. */
  uriOf = (key: string): string => this.clientUris.get(key) ?? key;

  document(key: string): TextDocument | undefined {
    const uri = this.clientUris.get(key);
    return uri ? this.documents.get(uri) : undefined;
  }

  openKeys(): string[] { return [...this.clientUris.keys()]; }

  /** The text of a file: the open document's, else the disk's. */
  text(key: string): string | undefined {
    const doc = this.document(key);
    return doc ? doc.getText() : this.diskText(key);
  }

  private diskText(key: string): string | undefined {
    const fsPath = pathOfUri(key);
    return fsPath ? readTextFile(fsPath) : undefined;
  }

  /** Configs are read again, and open documents indexed again (a config's `ignore` may have changed). */
  configsChanged(): void {
    this.configs.invalidate();
    this.indexedVersions.clear();
  }

  configFor(key: string, override = this.configOverrides.get(this.folderOf(key) ?? '')): DocumentConfig {
    return this.configs.forFile(pathOfUri(key), override);
  }

  isIgnored(key: string, dc: DocumentConfig): boolean {
    const fsPath = pathOfUri(key);
    return !!fsPath && this.configs.isIgnored(fsPath, dc);
  }

  /**
   * Brings a file's facts in the index up to date with its text. Returns what the file contributed before when its
   * facts changed (other files' findings may then change), else undefined. The index is left untouched when the
   * facts are the same: any change of it makes the next query rebuild the look-up tables of the whole workspace.
   * Ignored and non-GovSpec files contribute nothing.
   */
  reindex(key: string, dc = this.configFor(key)): FactsChange | undefined {
    const doc = this.document(key);
    if (doc && this.indexedVersions.get(key) === doc.version) return undefined;
    if (doc) this.indexedVersions.set(key, doc.version);
    const previous = this.index.factsOf(key);
    const text = this.text(key);
    // An open document over the editor's bound is not read: the index keeps what the file on disk gave it.
    if (doc && overEditorBound(text)) return undefined;
    const scratch = new WorkspaceIndex();
    if (text !== undefined && !this.isIgnored(key, dc)) indexText(scratch, key, text, doc ? this.parses.cache : undefined);
    const next = scratch.factsOf(key);
    if (JSON.stringify(next ?? null) === JSON.stringify(previous ?? null)) return undefined;
    if (next) this.index.update(next); else this.index.remove(key);
    return { previous };
  }

  forget(key: string): FactsChange | undefined {
    const previous = this.index.factsOf(key);
    this.parses.forget(key);
    this.index.remove(key);
    return previous ? { previous } : undefined;
  }

  /**
   * Indexes every YAML file of every folder (docs/semantics.md), again after a config change (its `ignore` may have
   * changed). Runs in slices that yield to the event loop, so requests are answered meanwhile. Closed files are read
   * by the fast path and not kept, so memory stays with the index.
   */
  async indexFolders(report: (done: number, total: number) => void): Promise<void> {
    const files: string[] = [];
    for (const folder of this.folders) for await (const file of yamlFilesUnder(folder)) files.push(file);
    report(0, files.length);
    let sliceStart = Date.now();
    for (let i = 0; i < files.length; i++) {
      const key = canonicalUri(uriOfPath(files[i]));
      if (!this.clientUris.has(key)) this.indexClosed(key, files[i]);
      if (Date.now() - sliceStart >= INDEX_SLICE_MS) {
        report(i + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    report(files.length, files.length);
  }

  private indexClosed(key: string, fsPath: string): void {
    const text = readTextFile(fsPath);
    if (text === undefined || this.isIgnored(key, this.configFor(key)) || !looksLikeGovSpec(key, text)) this.index.remove(key);
    else indexText(this.index, key, text);
  }

  /** The workspace folder that holds a file (for a relative `govspec.configPath`). */
  folderOf(key: string): string | undefined {
    const fsPath = pathOfUri(key);
    return this.folders.find((f) => fsPath && !path.relative(f, fsPath).startsWith('..')) ?? this.folders[0];
  }
}

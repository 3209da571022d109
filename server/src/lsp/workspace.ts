import * as path from 'path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../engine/workspace';
import { ParseCache, indexText } from '../engine/workspace-lint';
import { looksLikeGovSpec } from '../engine/lint';
import { ConfigResolver } from './configs';
import type { DocumentConfig } from './configs';
import { canonicalUri, pathOfUri, readTextFile, uriOfPath, yamlFilesUnder } from './files';

/**
 * The server's view of the workspace: open documents (their text wins over the disk), the cross-file index of every
 * GovSpec file, one parse cache, and the configs. Files are keyed by canonical URI throughout.
 */
export class ServerWorkspace {
  readonly index = new WorkspaceIndex();
  readonly parses = new ParseCache((key) => this.text(key));
  readonly configs = new ConfigResolver((fsPath) => this.text(canonicalUri(uriOfPath(fsPath))));
  /** Canonical key → the URI the client used, for answers about open documents. */
  private readonly clientUris = new Map<string, string>();
  /** The document version each open file was last indexed at. */
  private readonly indexedVersions = new Map<string, number>();
  folders: string[] = [];

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  opened(uri: string): string {
    const key = canonicalUri(uri);
    this.clientUris.set(key, uri);
    return key;
  }

  closed(uri: string): string {
    const key = canonicalUri(uri);
    this.clientUris.delete(key);
    this.indexedVersions.delete(key);
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
    if (doc) return doc.getText();
    const fsPath = pathOfUri(key);
    return fsPath ? readTextFile(fsPath) : undefined;
  }

  configFor(key: string, override?: string): DocumentConfig {
    return this.configs.forFile(pathOfUri(key), override);
  }

  isIgnored(key: string, dc: DocumentConfig): boolean {
    const fsPath = pathOfUri(key);
    return !!fsPath && this.configs.isIgnored(fsPath, dc);
  }

  /**
   * Brings a file's facts in the index up to date with its text; true when they changed (other files' findings may
   * then change). Ignored and non-GovSpec files contribute nothing.
   */
  reindex(key: string, dc = this.configFor(key)): boolean {
    const doc = this.document(key);
    if (doc && this.indexedVersions.get(key) === doc.version) return false;
    const before = JSON.stringify(this.index.factsOf(key) ?? null);
    const text = this.text(key);
    if (text === undefined || this.isIgnored(key, dc) || !looksLikeGovSpec(key, text)) this.index.remove(key);
    else indexText(this.index, key, text, doc ? this.parses : undefined);
    if (doc) this.indexedVersions.set(key, doc.version);
    return JSON.stringify(this.index.factsOf(key) ?? null) !== before;
  }

  forget(key: string): void {
    this.parses.forget(key);
    this.index.remove(key);
  }

  /**
   * Indexes every YAML file of every folder (semantics.md §6). Only files that look like GovSpec are parsed (the fast
   * path); closed files are not kept in the parse cache, so memory stays with the index.
   */
  async indexFolders(report: (done: number, total: number) => void): Promise<void> {
    const files: string[] = [];
    for (const folder of this.folders) for await (const file of yamlFilesUnder(folder)) files.push(file);
    report(0, files.length);
    for (let i = 0; i < files.length; i++) {
      const key = canonicalUri(uriOfPath(files[i]));
      if (!this.clientUris.has(key)) this.reindex(key);
      if (i % 50 === 49) {
        report(i + 1, files.length);
        // Let requests and edits through between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    report(files.length, files.length);
  }

  /** The workspace folder that holds a file (for a relative `govspec.configPath`). */
  folderOf(key: string): string | undefined {
    const fsPath = pathOfUri(key);
    return this.folders.find((f) => fsPath && !path.relative(f, fsPath).startsWith('..')) ?? this.folders[0];
  }
}

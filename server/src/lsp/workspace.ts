import * as path from 'path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, WorkspaceIndex, compactFacts, indexText, keyPatternTextsOf } from '../engine';
import type { FileFacts } from '../engine';
import { BUILT_IN_CONFIG } from '../host/configs';
import type { Governing } from '../host/configs';
import { NODE_FILE_SYSTEM } from '../host/file-system';
import type { HostFileSystem } from '../host/file-system';
import { Workspaces } from '../host/workspaces';
import { DocumentParses } from './parses';
import { overEditorBound } from './editor-bound';
import { canonicalUri, diskTextOfUri, pathOfUri, uriOfPath } from './files';
import { closedFileFacts } from './index-worker';
import type { ClosedFilesReader, IndexJob } from './index-worker';

/** Indexing in this thread runs in slices of about this long, then lets requests and edits through. */
const INDEX_SLICE_MS = 20;

/** What a file contributed to the index before its facts changed (`undefined`: nothing). */
export interface FactsChange { previous: FileFacts | undefined }

/** The root of files that are not on disk (untitled documents): they share one index. */
const NO_ROOT = '';

/**
 * The editor's view of the workspace model (host/workspaces.ts, docs/semantics.md): the same roots, configs and
 * ignores as the CLI, with open documents read before the disk. Each workspace root has its own index, as each is
 * linted on its own by the CLI; a workspace folder of the editor plays the part of a folder given to `govspec lint`.
 */
export class ServerWorkspace {
  readonly parses = new DocumentParses((key) => this.document(key)?.getText(), diskTextOfUri);
  private readonly fs: HostFileSystem = { ...NODE_FILE_SYSTEM, readText: (fsPath) => this.text(canonicalUri(uriOfPath(fsPath))) };
  readonly workspaces = new Workspaces(this.fs, { gitignore: true });
  private readonly indexes = new Map<string, WorkspaceIndex>();
  private readonly roots = new Map<string, string>();
  /** Canonical key → the URI the client used, for answers about open documents. */
  private readonly clientUris = new Map<string, string>();
  /** The document version each open file was last indexed at. */
  private readonly indexedVersions = new Map<string, number>();
  folders: string[] = [];
  /** Each folder's `govspec.configPath` setting (absolute), for the files read without settings of their own (closed). */
  configOverrides = new Map<string, string>();

  /** Closed files whose facts were read again while indexing ran: what an indexing thread read of them is older. */
  private readonly readSinceIndexing = new Set<string>();

  /** `closedFiles`: how closed files are indexed (on threads: index-worker.ts), else in this thread; `log`: a line for the user's log. */
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly closedFiles?: ClosedFilesReader,
    private readonly log: (line: string) => void = () => {},
  ) {}

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
    return doc ? doc.getText() : diskTextOfUri(key);
  }

  /** Configs, roots and ignores are read again, and open documents indexed again (an `ignore` may have changed). */
  configsChanged(): void {
    this.workspaces.invalidate();
    this.roots.clear();
    this.indexedVersions.clear();
  }

  /** The config of a file: `override` (a `govspec.configPath`), else the nearest config up to its workspace root. */
  configFor(key: string, override = this.configOverrides.get(this.folderOf(key) ?? '')): Governing {
    const fsPath = pathOfUri(key);
    if (fsPath) return this.workspaces.configs.of(fsPath, false, override);
    return override ? this.workspaces.configs.load(override) : BUILT_IN_CONFIG;
  }

  /** A config file checked as itself (its own findings), when it is the open document. */
  configFile(fsPath: string): Governing { return this.workspaces.configs.load(fsPath); }

  isConfigFile(fsPath: string): boolean { return this.workspaces.configs.isConfigFile(fsPath); }

  /** docs/semantics.md: the root of a file's workspace, as `govspec lint` run on its workspace folder finds it. */
  rootOf(key: string): string {
    let root = this.roots.get(key);
    if (root === undefined) {
      const fsPath = pathOfUri(key);
      const folder = fsPath && this.folders.find((f) => isBelow(f, fsPath));
      root = !fsPath ? NO_ROOT : folder ? this.workspaces.rootWithin(fsPath, folder) : this.workspaces.rootOf(fsPath, false);
      this.roots.set(key, root);
    }
    return root;
  }

  /** The index of the workspace a file belongs to. */
  indexOf(key: string): WorkspaceIndex {
    const root = this.rootOf(key);
    let index = this.indexes.get(root);
    if (!index) this.indexes.set(root, (index = new WorkspaceIndex()));
    return index;
  }

  /** Every workspace's index (workspace symbols, "lint workspace", the sharing map). */
  allIndexes(): WorkspaceIndex[] { return [...this.indexes.values()]; }

  isIgnored(key: string): boolean {
    const fsPath = pathOfUri(key);
    return !!fsPath && this.workspaces.ignoredBy(fsPath, false, this.rootOf(key)) !== undefined;
  }

  /**
   * Brings a file's facts in the index up to date with its text. Returns what the file contributed before when its
   * facts changed (other files' findings may then change), else undefined. The index is left untouched when the
   * facts are the same: any change of it makes the next query rebuild the look-up tables of the whole workspace.
   * Ignored and non-GovSpec files contribute nothing.
   */
  reindex(key: string): FactsChange | undefined {
    const doc = this.document(key);
    if (doc && this.indexedVersions.get(key) === doc.version) return undefined;
    if (doc) this.indexedVersions.set(key, doc.version);
    else this.readSinceIndexing.add(key);
    const index = this.indexOf(key);
    const previous = index.factsOf(key);
    const text = this.text(key);
    // An open document over the editor's bound is not read: the index keeps what the file on disk gave it.
    if (doc && overEditorBound(text)) return undefined;
    const scratch = new WorkspaceIndex();
    if (text !== undefined && !this.isIgnored(key)) indexText(scratch, key, text, doc ? this.parses.cache : undefined, this.configFor(key).config);
    const next = scratch.factsOf(key);
    if (JSON.stringify(next ?? null) === JSON.stringify(previous ?? null)) return undefined;
    if (next) index.update(next); else index.remove(key);
    return { previous };
  }

  forget(key: string): FactsChange | undefined {
    const index = this.indexOf(key);
    const previous = index.factsOf(key);
    this.readSinceIndexing.add(key);
    this.parses.forget(key);
    index.remove(key);
    return previous ? { previous } : undefined;
  }

  /**
   * Indexes every GovSpec file of every folder and of the workspaces nested in them (docs/workspace.md), again after
   * a config change. Closed files are read by `closedFiles` when there is one (on threads: index-worker.ts), else here in
   * slices that yield to the event loop; requests are answered meanwhile either way. Closed files are read by the
   * fast path and not kept, so memory stays with the index.
   */
  async indexFolders(report: (done: number, total: number) => void): Promise<void> {
    const files = this.filesOfFolders();
    // A file gone, now ignored, or now in another workspace (a config said `root: true`) leaves its old index.
    for (const [root, index] of this.indexes) {
      for (const key of [...index.allFiles()]) {
        const stays = this.clientUris.has(key) ? this.rootOf(key) === root : files.has(key) && this.rootOf(key) === root;
        if (!stays) index.remove(key);
      }
    }
    report(0, files.size);
    this.readSinceIndexing.clear();
    const jobs: IndexJob[] = [];
    for (const [key, fsPath] of files) if (!this.clientUris.has(key)) jobs.push({ key, fsPath, patterns: keyPatternTextsOf(this.configFor(key).config ?? DEFAULT_CONFIG) });
    let sliceStart = Date.now();
    let done = files.size - jobs.length;
    const progress = () => {
      if (Date.now() - sliceStart < INDEX_SLICE_MS) return false;
      report(done, files.size);
      sliceStart = Date.now();
      return true;
    };
    let left = jobs;
    if (this.closedFiles && jobs.length >= this.closedFiles.minFiles) {
      try {
        await this.closedFiles.read(jobs, (facts, job) => {
          // A file opened, changed or deleted meanwhile has been indexed again from what it is now.
          if (!this.clientUris.has(job.key) && !this.readSinceIndexing.has(job.key)) this.indexFacts(job.key, facts);
          done++;
          progress();
        });
        left = [];
      } catch (error) {
        this.log(`GovSpec: indexing goes on in the main thread: ${error instanceof Error ? error.message : String(error)}`);
        left = jobs.slice(done - (files.size - jobs.length));
      }
    }
    for (const job of left) {
      if (!this.clientUris.has(job.key)) {
        const facts = closedFileFacts(job);
        this.indexFacts(job.key, facts && structuredClone(facts));
      }
      done++;
      if (progress()) await new Promise((resolve) => setImmediate(resolve));
    }
    this.readSinceIndexing.clear();
    report(files.size, files.size);
  }

  /** Every candidate file of the folders, by key, each found once, with the root it was found in. */
  private filesOfFolders(): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (start: string, root: string) => {
      for (const entry of this.workspaces.walk(start, root)) {
        if ('nestedRoot' in entry) walk(entry.nestedRoot, entry.nestedRoot);
        else {
          const key = canonicalUri(uriOfPath(entry.file));
          files.set(key, entry.file);
          this.roots.set(key, root);
        }
      }
    };
    for (const folder of this.folders) walk(folder, this.workspaces.rootOf(folder, true));
    return files;
  }

  /**
   * A closed file's facts into its index. They are a copy, as the CLI's worker threads hand facts over: a string cut
   * from the text by the YAML reader (a code, a name) is a slice that keeps the whole text alive, and a national
   * workspace's texts would stay in memory.
   */
  private indexFacts(key: string, copied: FileFacts | undefined): void {
    const index = this.indexOf(key);
    if (copied) index.update(compactFacts(copied));
    else index.remove(key);
  }

  /** The workspace folder that holds a file (for a relative `govspec.configPath`). */
  folderOf(key: string): string | undefined {
    const fsPath = pathOfUri(key);
    return this.folders.find((f) => fsPath && isBelow(f, fsPath)) ?? this.folders[0];
  }
}

function isBelow(folder: string, fsPath: string): boolean {
  const rel = path.relative(folder, fsPath);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { EventEmitter } from 'events';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeParams, InitializeResult, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol';
import { GovSpecServer } from '../../server/src/lsp/server';
import { StatusNotification } from '../../server/src/lsp/protocol';
import type { StatusParams } from '../../server/src/lsp/protocol';
import type { ClosedFilesReader } from '../../server/src/lsp/index-worker';
import { uriOfPath } from '../../server/src/lsp/files';
import { FIXTURE_TODAY } from '../support/fixtures';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** The example workspace, by path relative to it. */
export function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else files[path.relative(EXAMPLES, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(EXAMPLES);
  return files;
}

/**
 * The real server behind an in-memory LSP connection (two PassThrough pipes), driven by a minimal client that answers
 * `workspace/configuration` from `settings` and records what the server publishes. Waits are on events, with timeouts.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  status: StatusParams | undefined;
  /** The server's answer to `initialize`. */
  initialized: InitializeResult | undefined;
  /** How many `workspace/diagnostic/refresh` requests the server sent (clients that pull diagnostics). */
  refreshes = 0;
  settings: Record<string, unknown> = { today: FIXTURE_TODAY };
  private readonly events = new EventEmitter();
  /** How many `workspace/configuration` requests the server sent. */
  configurationRequests = 0;
  /** The scope URI of every item those requests asked about, in order. */
  readonly configurationScopes: (string | undefined)[] = [];
  /** What the server registered dynamically (watched files, configuration). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  private readonly versions = new Map<string, number>();
  readonly server: GovSpecServer;

  /** `closedFiles`: how the server indexes closed files (lsp/index-worker.ts); on its event loop when absent. */
  constructor(readonly root: string, closedFiles?: ClosedFilesReader) {
    const up = new PassThrough();
    const down = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
    this.server = new GovSpecServer(serverConnection, undefined, closedFiles);
    this.server.listen();
    this.connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.events.emit('diagnostics', p);
    });
    this.connection.onNotification(StatusNotification.type, (s) => {
      this.status = s;
      this.events.emit('status', s);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) => {
      this.configurationRequests++;
      this.configurationScopes.push(...p.items.map((item) => item.scopeUri));
      return p.items.map(() => this.settings);
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.events.emit('refresh', this.refreshes);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (m: { message: string }) => { if (process.env.GOVSPEC_TEST_LOG) console.error(m.message); });
    this.connection.listen();
  }

  /**
   * A temporary workspace folder holding `files` (relative path → text); `prepare` adds what text cannot say (links,
   * `.git`). `options.settings` are merged into the `govspec` settings the client answers with from the start, as an
   * editor whose user set them before opening the folder.
   */
  static async start(files: Record<string, string>, locale = 'zh-CN', prepare?: (root: string) => void, options: { pull?: boolean; settings?: Record<string, unknown>; closedFiles?: ClosedFilesReader; created?: (client: TestClient) => void } = {}): Promise<TestClient> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-lsp-'));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    prepare?.(root);
    const client = new TestClient(root, options.closedFiles);
    client.settings = { ...client.settings, ...options.settings };
    options.created?.(client);
    const ready = client.waitForStatus((s) => s.state === 'ready');
    const params: InitializeParams = {
      processId: null, rootUri: uriOfPath(root), locale, workspaceFolders: [{ uri: uriOfPath(root), name: 'ws' }],
      capabilities: {
        workspace: {
          configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true },
          ...options.pull ? { diagnostics: { refreshSupport: true } } : {},
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, ...options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {} },
      },
      initializationOptions: { opensRuleDocs: true },
    };
    client.initialized = await client.connection.sendRequest<InitializeResult>('initialize', params);
    await client.connection.sendNotification('initialized', {});
    await ready;
    return client;
  }

  uri(rel: string): string { return uriOfPath(path.join(this.root, rel)); }
  text(rel: string): string { return fs.readFileSync(path.join(this.root, rel), 'utf8'); }

  /** Opens a file and waits for its first diagnostics. */
  async open(rel: string, text = this.text(rel)): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const published = this.waitForDiagnostics(uri);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** Replaces the whole text of an open file and waits for diagnostics of the new version. */
  async change(rel: string, text: string): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.waitForDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  /** Opens a file without waiting for diagnostics (a client that pulls them gets none pushed). */
  async sendOpen(rel: string, text = this.text(rel)): Promise<void> {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Replaces the whole text of an open file without waiting for diagnostics. */
  async sendChange(rel: string, text: string): Promise<void> {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Writes a file on disk and tells the server, as a file watcher would. */
  async writeOnDisk(rel: string, text: string): Promise<void> {
    const existed = fs.existsSync(path.join(this.root, rel));
    fs.writeFileSync(path.join(this.root, rel), text);
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: this.uri(rel), type: existed ? 2 : 1 }] });
  }

  /** Tells the server of a change on disk made by the test itself (a folder created or removed), as a watcher would. */
  async changedOnDisk(rel: string, type: 'created' | 'changed' | 'deleted'): Promise<void> {
    const code = { created: 1, changed: 2, deleted: 3 }[type];
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: this.uri(rel), type: code }] });
  }

  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.waitFor<PublishDiagnosticsParams>('diagnostics', (p) => p.uri === uri && accept(p), timeoutMs).then((p) => p.diagnostics);
  }

  /** Resolves at the next `workspace/diagnostic/refresh` the server sends. */
  waitForRefresh(timeoutMs = 10_000): Promise<number> {
    return this.waitFor<number>('refresh', () => true, timeoutMs);
  }

  waitForStatus(accept: (s: StatusParams) => boolean, timeoutMs = 10_000): Promise<StatusParams> {
    return this.waitFor<StatusParams>('status', accept, timeoutMs);
  }

  private waitFor<T>(event: string, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off(event, listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
      }, timeoutMs);
      const listener = (value: T) => {
        if (!accept(value)) return;
        clearTimeout(timer);
        this.events.off(event, listener);
        resolve(value);
      };
      this.events.on(event, listener);
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Merges `settings` into what the client answers and pushes them, as an editor does when the user changes one. */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govspec: this.settings } });
  }

  /** What the server declares to a client that offers nothing, with no workspace. */
  static async serverCapabilities(): Promise<ServerCapabilities> {
    const other = new TestClient(fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-lsp-')));
    const result = await other.request<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities: {} });
    await other.dispose();
    return result.capabilities;
  }

  async dispose(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

import * as path from 'path';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType,
  ResponseError, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult, ServerCapabilities } from 'vscode-languageserver';
import type { Finding, Locale } from '../engine';
import { lintFile, looksLikeGovSpec } from '../engine';
import { bundledRegions } from '../engine';
import { codeActions, codeLenses, complete, definition, documentLinks, documentSymbols, hover, inlayHints, prepareRename, references, rename, replyWorkdays, resolveCodeLens, workspaceSymbols } from '../engine';
import type { FeatureWorkspace, OpenFile } from '../engine';
import { Debouncer } from './debounce';
import { DocumentSync } from './document-sync';
import { notCheckedFinding, overEditorBound } from './editor-bound';
import { LINT_HERE, OffThreadLinter } from './off-thread';
import { countsOf } from './finding-counts';
import type { FindingCounts } from './finding-counts';
import { ServerWorkspace } from './workspace';
import type { FactsChange } from './workspace';
import type { ClosedFilesReader } from './index-worker';
import type { Governing } from '../host/configs';
import { environmentLocale, localeOfTag, resolveLocale } from '../host/locale';
import { CONFIG_FILE_NAME, GIT_ENTRY, isGitEntry } from '../host/names';
import { ruleDocTarget } from '../host/rule-pages';
import { joinIndexes } from '../engine';
import { SettingsCache, todayFor, DEFAULT_SETTINGS } from './settings';
import type { GovSpecSettings } from './settings';
import { canonicalUri, pathOfUri, uriOfPath } from './files';
import * as convert from './convert';
import { ExportSpreadsheetRequest, ImportSpreadsheetRequest, LintWorkspaceRequest, OPEN_RULE_DOC_COMMAND, ServiceGuideRequest, SharingGraphRequest, SharingMapRequest, StatusNotification } from './protocol';
import { loadSheets } from '../sheets/load';
import { FIX_ALL_KIND, admits, fixAllAction } from './fix-all';
import { toInlayHint } from './inlay-hints';
import { DIAGNOSTIC_PROVIDER, PulledDiagnostics } from './pull-diagnostics';
import { workspaceDiagnostics } from './workspace-diagnostics';
import type { WorkspacePullHost } from './workspace-diagnostics';
import { serviceGuidePage, sharingMapGraph, sharingMapPage } from '../render/pages';
import { CodeLensRefresh, isLensData, resolvedCodeLens, toCodeLens } from './code-lens';
import { toDocumentLink } from './document-links';
import { readGraphLibrary } from '../render/graph-library';
import type { InitializationOptions, LintWorkspaceResult, StatusParams } from './protocol';

/**
 * While typing, a document whose last lint took less than this is linted at once, with no delay: its diagnostics
 * come as fast as the lint allows, and a request waits for one such lint at most.
 */
const IMMEDIATE_LINT_MS = 50;
/**
 * A costlier document is linted once the typing has paused for half as long as its last lint took (at most this): a
 * big catalogue is not linted on every keystroke, and lints take at most about two thirds of the server's time.
 */
const MAX_TYPING_DEBOUNCE_MS = 300;
/** How long to wait after a change elsewhere before re-linting the documents that may depend on it. */
const DEPENDENTS_DEBOUNCE_MS = 300;
const DATE_CHECK_MS = 60_000;
/** Findings of other files that change together (a rename, a config) are announced in one diagnostic refresh. */
const REFRESH_DEBOUNCE_MS = 50;


/**
 * The GovSpec language server: wires a connection to the engine. Language logic lives in engine/features; this
 * class only keeps documents, the index, settings and configs current, and converts to and from LSP.
 */
export class GovSpecServer {
  /** Applies `didChange`, refusing edits past the end of the text (document-sync.ts). */
  private readonly sync = new DocumentSync((uri) => this.documentLost(uri));
  private readonly documents = new TextDocuments(this.sync);
  /** Set by `initialize`: before it every request is answered with error -32002 (LSP). */
  private started = false;
  private readonly ws: ServerWorkspace;
  private readonly lints = new Debouncer((key) => void this.validate(key));
  /** Lints documents over the editor's bound on a worker thread, so that requests are answered meanwhile. */
  private readonly offThread = new OffThreadLinter();
  /** How long the last lint of each open document took, in ms. */
  private readonly lintCosts = new Map<string, number>();
  /** Validations started and not finished (they wait for settings). */
  private validating = 0;
  private readonly settings: SettingsCache;
  private capabilities: ClientCapabilities = {};
  private clientLocale: Locale | undefined;
  private options: InitializationOptions = {};
  /** Files with published diagnostics, and what they count. */
  private readonly published = new Map<string, FindingCounts & { findings: Finding[] }>();
  /** Closed files whose diagnostics the client shows (after "lint workspace"): kept current like open ones. */
  private readonly trackedClosed = new Set<string>();
  /** For a client that pulls diagnostics (LSP 3.17): what each file's last lint found; undefined: push them. */
  private pulled: PulledDiagnostics | undefined;
  /** Closed files the workspace pull reports (`govspec.diagnostics.scope: workspace`): kept current like tracked ones. */
  private readonly pulledClosed = new Set<string>();
  /** Files being linted to answer a pull: that answer carries their diagnostics, no refresh is needed. */
  private readonly pulling = new Set<string>();
  private readonly refreshes = new Debouncer(() => this.refreshDiagnostics());
  private status: StatusParams = { state: 'indexing', indexed: 0, errors: 0, warnings: 0 };
  private lastToday = todayFor(DEFAULT_SETTINGS);
  /** The running indexing, and whether it must start over when done (a config changed meanwhile). */
  private indexing: Promise<void> | undefined;
  private indexAgain = false;
  private dateTimer: NodeJS.Timeout | undefined;
  /** Settings a client pushes with didChangeConfiguration, for clients that cannot be asked (Neovim before 0.8, Helix). */
  private pushedSettings: unknown;
  /** Lens counts come from the index: the client is asked to fetch them again when it changes. */
  private readonly lensRefresh: CodeLensRefresh;

  /** `onShutdown`: told when the client asks the server to shut down (main.ts decides the exit code with it). */
  /** `closedFiles`: how closed files are indexed (on worker threads: index-worker.ts), else on the event loop. */
  constructor(private readonly connection: Connection, private readonly onShutdown: () => void = () => {}, closedFiles?: ClosedFilesReader) {
    this.ws = new ServerWorkspace(this.documents, closedFiles, (line) => connection.console.warn(line));
    this.settings = new SettingsCache((uri) => this.fetchSettings(uri));
    this.lensRefresh = new CodeLensRefresh(connection, DEPENDENTS_DEBOUNCE_MS);
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.initialized());
    c.onShutdown(() => {
      this.onShutdown();
      return this.dispose();
    });
    c.onDidChangeConfiguration((params) => this.guard('configuration', undefined, async () => {
      this.pushedSettings = (params.settings as { govspec?: unknown } | null)?.govspec;
      this.settings.clear();
      this.pulled?.wake(); // govspec.diagnostics.scope may have changed
      this.ws.configsChanged();
      this.scheduleAll(0);
      this.lensRefresh.schedule();
      // Only another config file can change which files are ignored, hence the index.
      if (await this.readConfigOverrides()) this.configFilesChanged();
    }));
    c.onDidChangeWatchedFiles(({ changes }) => this.guard('watched files', undefined, () => {
      let configChanged = false;
      for (const change of changes) {
        const key = canonicalUri(change.uri);
        const fsPath = pathOfUri(key);
        // A .gitignore decides which files are indexed, as a config's `ignore` does.
        if (fsPath && (this.ws.isConfigFile(fsPath) || path.basename(fsPath) === '.gitignore')) configChanged = true;
        // A `.git` (folder or file) that appears or goes moves a workspace root, as `root: true` does; it is no document.
        if (fsPath && isGitEntry(fsPath)) {
          configChanged = true;
          continue;
        }
        if (this.ws.document(key)) continue; // the open document's text wins over the disk's
        this.ws.parses.forget(key);
        if (change.type === FileChangeType.Deleted) {
          this.scheduleDependents(key, this.ws.forget(key));
          if ([this.trackedClosed.delete(key), this.pulledClosed.delete(key)].some(Boolean)) this.publish(key, [], 'en');
        } else {
          // Related locations into this file move with its text even when its facts stay the same.
          this.scheduleDependents(key, this.ws.reindex(key) ?? { previous: this.ws.indexOf(key).factsOf(key) });
          if (this.trackedClosed.has(key) || this.pulledClosed.has(key)) this.lints.schedule(key, DEPENDENTS_DEBOUNCE_MS);
        }
      }
      if (configChanged) this.configFilesChanged();
    }));

    this.documents.onDidOpen(({ document }) => {
      const key = this.ws.opened(document.uri);
      this.trackedClosed.delete(key);
      this.pulledClosed.delete(key);
      // Also for a client that pulls: a pull that comes first lints at once instead; one that comes after finds the
      // result kept, and a client that does not pull on change is told to by a refresh.
      this.lints.schedule(key, 0);
    });
    this.documents.onDidChangeContent(({ document }) => {
      const key = canonicalUri(document.uri);
      if (path.basename(pathOfUri(key) ?? '') === CONFIG_FILE_NAME) this.configFilesChanged();
      this.lints.schedule(key, typingDelay(this.lintCosts.get(key) ?? 0));
    });
    this.documents.onDidClose(({ document }) => this.guard('close', undefined, () => {
      const key = this.ws.closed(document.uri);
      this.lints.cancel(key);
      this.offThread.cancel(key);
      this.lintCosts.delete(key);
      this.settings.forget(document.uri);
      // The disk's text counts again (unsaved edits are gone).
      this.scheduleDependents(key, this.ws.reindex(key));
      if (!this.pulled) return this.publish(key, [], 'en');
      // The disk's findings replace the document's if the workspace pull reports the file; else it is cleared there.
      this.pulled.forget(key);
      this.published.delete(key);
      this.pulled.wake();
    }));
    c.languages.diagnostics.on((p) => this.answer('document diagnostics', { kind: 'full' as const, items: [] }, async () => {
      const key = canonicalUri(p.textDocument.uri);
      if (!this.pulled) return { kind: 'full' as const, items: [] };
      if (!this.pulled.isCurrent(key, this.ws.document(key)?.version)) await this.lintToAnswer(key);
      return this.pulled.documentReport(key, p.previousResultId);
    }));
    c.languages.diagnostics.onWorkspace((p, token) => this.answer('workspace diagnostics', { items: [] }, () =>
      this.pulled ? workspaceDiagnostics(this.pulled, this.workspacePull, p, token) : { items: [] }));

    c.onCompletion((p) => this.withFile(p.textDocument.uri, null, (ws, open) => {
      const result = complete(ws, open, p.position);
      return { isIncomplete: result.incomplete, items: result.items.map(convert.toCompletionItem) };
    }));
    c.onHover((p) => this.withFile(p.textDocument.uri, null, (ws, open, key) => {
      const h = hover(ws, open, p.position, this.published.get(key)?.findings ?? []);
      return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
    }));
    c.onDefinition((p) => this.withFile(p.textDocument.uri, [], (ws, open) =>
      definition(ws, open, p.position).map((l) => ({ uri: this.ws.uriOf(l.file), range: l.range }))));
    c.onReferences((p) => this.withFile(p.textDocument.uri, [], (ws, open) =>
      references(ws, open, p.position, p.context.includeDeclaration).map((l) => ({ uri: this.ws.uriOf(l.file), range: l.range }))));
    c.onPrepareRename((p) => this.withFile(p.textDocument.uri, null, (ws, open) => prepareRename(ws, open, p.position) ?? null));
    c.onRenameRequest((p) => this.withFile(p.textDocument.uri, null, (ws, open) => {
      const edits = rename(ws, open, p.position, p.newName);
      return edits ? convert.toWorkspaceEdit(edits, this.ws.uriOf) : null;
    }));
    c.onDocumentSymbol((p) => this.withFile(p.textDocument.uri, [], (_ws, open) => documentSymbols(open).map(convert.toDocumentSymbol)));
    c.onWorkspaceSymbol((p) => this.answer('workspace symbols', [], async () => {
      const locale = resolveLocale(undefined, undefined, this.clientLocale);
      return this.ws.allIndexes().flatMap((index) => workspaceSymbols(this.featureWorkspace(locale, index), p.query))
        .map((s) => convert.toWorkspaceSymbol(s, this.ws.uriOf));
    }));
    c.onCodeAction((p) => this.withFile(p.textDocument.uri, [], (ws, open, key, lint) => [
      // Fix all lints the text as it is now: the last published findings may be a few keystrokes old.
      ...admits(p.context.only, FIX_ALL_KIND) ? fixAllAction(key, open.parsed.text, lint(), ws.locale, this.ws.uriOf) : [],
      ...admits(p.context.only, CodeActionKind.QuickFix) ? p.context.diagnostics.flatMap((d) => {
        const finding = convert.fromDiagnostic(d);
        return finding ? codeActions(open, [finding], ws.locale, ws.ruleDoc).map((a) => convert.toCodeAction(a, d, this.ws.uriOf)) : [];
      }) : [],
    ]));
    c.languages.inlayHint.on((p) => this.withFile(p.textDocument.uri, [], async (ws, open, key, _lint, settings) => {
      // The document's cached settings, as every handler reads them (refreshed on didChangeConfiguration).
      if (!settings.inlayHints) return [];
      const { lines } = open.parsed;
      const dates = { today: todayFor(settings), replyWorkdays: replyWorkdays(this.configOf(key, settings).config) };
      return inlayHints(ws, open, dates, lines.offsetAt(p.range.start), lines.offsetAt(p.range.end)).map(toInlayHint);
    }));
    // The reading aids read the document's cached settings (refreshed on didChangeConfiguration), as inlay hints do.
    c.onCodeLens((p) => this.withFile(p.textDocument.uri, [], async (ws, open, _key, _lint, settings) =>
      settings.codeLens
        ? codeLenses(ws, open).map((lens) => toCodeLens(lens, p.textDocument.uri)) : []));
    c.onCodeLensResolve((lens) => (isLensData(lens.data)
      ? this.withFile(lens.data.uri, lens, (ws) => resolvedCodeLens(lens, lens.data, resolveCodeLens(ws, lens.data), this.ws.uriOf))
      : lens));
    c.onDocumentLinks((p) => this.withFile(p.textDocument.uri, [], async (ws, open, _key, _lint, settings) =>
      settings.documentLinks
        ? documentLinks(ws, open).flatMap((link) => toDocumentLink(link, this.ws.uriOf) ?? []) : []));
    c.onExecuteCommand((p) => this.answer('command', undefined, async () => {
      const url = p.arguments?.[0];
      // The package's page opens in the editor itself; a web page (a rule the package has no page for) outside.
      if (p.command === OPEN_RULE_DOC_COMMAND && typeof url === 'string') await c.window.showDocument({ uri: url, external: !url.startsWith('file:') });
    }));
    c.onRequest(LintWorkspaceRequest.type, () => this.answer('lint workspace', { files: 0, errors: 0, warnings: 0, infos: 0 }, () => this.lintWorkspace()));
    c.onRequest(ServiceGuideRequest.type, (p) => this.answer('service guide', null, async () => {
      const key = canonicalUri(p.uri);
      const parsed = this.ws.parses.get(key);
      return parsed ? serviceGuidePage(key, parsed, this.published.get(key)?.findings ?? [], this.ws.indexOf(key), p) : null;
    }));
    // The spreadsheet commands run only when the user asks for them, on the files they chose (server/src/sheets).
    c.onRequest(ImportSpreadsheetRequest.type, (p) => this.answer('import spreadsheet', { written: [], problems: 0, error: 'failed' }, () => loadSheets().importForEditor(p)));
    c.onRequest(ExportSpreadsheetRequest.type, (p) => this.answer('export spreadsheet', { documents: 0, rows: 0, error: 'failed' }, () => loadSheets().exportForEditor(p)));
    // The map page and the map's data alone (posted into an open map after an edit) read the same workspace.
    const mapInputs = async () => ({
      index: joinIndexes(this.ws.allIndexes()),
      findings: [...this.published.values()].flatMap((x) => x.findings),
      today: todayFor(await this.settings.get(this.ws.folders[0] ?? '')),
    });
    c.onRequest(SharingMapRequest.type, (p) => this.answer('sharing map', null, async () => {
      const { index, findings, today } = await mapInputs();
      return sharingMapPage(index, findings, today, { ...p, library: readGraphLibrary() }, this.ws.parses.resolve);
    }));
    c.onRequest(SharingGraphRequest.type, (p) => this.answer('sharing graph', null, async () => {
      const { index, findings, today } = await mapInputs();
      return sharingMapGraph(index, findings, today, p.locale, this.ws.parses.resolve);
    }));

    // Any other request: not initialized yet (-32002), or a method this server does not have.
    c.onRequest((method) => this.started
      ? new ResponseError(ErrorCodes.MethodNotFound, `GovSpec: no method ${method}`)
      : notInitialized());

    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.started = true;
    this.capabilities = params.capabilities;
    // Neovim before 0.10, Helix and other clients without pull diagnostics get them pushed.
    if (params.capabilities.textDocument?.diagnostic) this.pulled = new PulledDiagnostics();
    this.lensRefresh.supported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    this.options = (params.initializationOptions ?? {}) as InitializationOptions;
    // The editor's own language stands where the CLI reads the environment; the server's environment comes after it.
    this.clientLocale = (params.locale ? localeOfTag(params.locale) : undefined) ?? environmentLocale(process.env);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.ws.folders = folders.flatMap((uri) => pathOfUri(uri) ?? []);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '-', '"'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      inlayHintProvider: true,
      diagnosticProvider: this.pulled ? DIAGNOSTIC_PROVIDER : undefined,
      codeLensProvider: { resolveProvider: true },
      documentLinkProvider: { resolveProvider: false },
      // Editors other than VS Code get rule docs opened by the server (window/showDocument).
      executeCommandProvider: this.options.opensRuleDocs ? undefined : { commands: [OPEN_RULE_DOC_COMMAND] },
    };
    return { capabilities, serverInfo: { name: 'govspec' } };
  }

  private async initialized(): Promise<void> {
    const c = this.connection;
    if (this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await c.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.gitignore' }, { globPattern: `**/${GIT_ENTRY}` }] });
    }
    if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await c.client.register(DidChangeConfigurationNotification.type, { section: 'govspec' });
    }
    this.dateTimer = setInterval(() => this.checkDate(), DATE_CHECK_MS);
    this.dateTimer.unref();
    await this.guard('settings', undefined, () => this.readConfigOverrides());
    this.requestIndexing();
  }

  /** Reads each folder's `govspec.configPath`; true when one changed. */
  private async readConfigOverrides(): Promise<boolean> {
    const overrides = new Map<string, string>();
    for (const folder of this.ws.folders) {
      const { configPath } = await this.settings.get(uriOfPath(folder));
      if (configPath) overrides.set(folder, path.resolve(folder, configPath));
    }
    const changed = JSON.stringify([...overrides]) !== JSON.stringify([...this.ws.configOverrides]);
    this.ws.configOverrides = overrides;
    return changed;
  }

  /** Starts indexing the workspace, or has the running indexing start over once it is done. */
  private requestIndexing(): void {
    if (this.indexing) {
      this.indexAgain = true;
      return;
    }
    this.indexing = this.guard('indexing', undefined, () => this.indexWorkspace()).finally(() => { this.indexing = undefined; });
  }

  /**
   * Indexes the workspace in the background (requests are answered meanwhile, against the index so far), with
   * progress, then re-lints what is shown against the complete index. A newer run (after a config change) takes
   * over from an older one.
   */
  private async indexWorkspace(): Promise<void> {
    const progress = this.capabilities.window?.workDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('GovSpec', 0, 'Indexing…', false);
    this.setStatus({ state: 'indexing', indexed: 0 });
    try {
      do {
        this.indexAgain = false;
        await this.ws.indexFolders((done, total) => {
          progress?.report(total === 0 ? 100 : Math.floor((done * 100) / total), `${done}/${total}`);
          this.setStatus({ indexed: done, total });
        });
      } while (this.indexAgain);
    } finally {
      progress?.done();
    }
    this.setStatus({ state: 'ready' });
    this.pulled?.wake();
    this.scheduleAll(0);
    this.lensRefresh.schedule();
  }

  /** A config file changed: every finding may change, and so may which files are ignored, hence the index. */
  private configFilesChanged(): void {
    this.ws.configsChanged();
    this.scheduleAll(DEPENDENTS_DEBOUNCE_MS);
    this.requestIndexing();
  }

  private fetchSettings(uri: string): Promise<unknown> {
    if (!this.capabilities.workspace?.configuration) return Promise.resolve(this.pushedSettings);
    return this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'govspec' });
  }

  /** The config governing a file: its `govspec.configPath` setting, else the nearest govspec.config.yaml. */
  private configOf(key: string, settings: GovSpecSettings): Governing {
    const folder = this.ws.folderOf(key);
    const override = settings.configPath ? path.resolve(folder ?? '.', settings.configPath) : undefined;
    return this.ws.configFor(key, override);
  }

  /** docs/semantics.md: the editor setting, then the config's `locale`, then the editor's language, then the environment, else zh-CN. */
  private localeOf(settings: GovSpecSettings, dc: Governing | undefined): Locale {
    return resolveLocale(settings.locale !== 'auto' ? settings.locale : undefined, dc?.config?.locale, this.clientLocale);
  }

  /** Lints one file (open, or closed and tracked) and publishes its diagnostics unless a newer version has arrived. */
  private async validate(key: string): Promise<void> {
    // Against a half-built (or not yet started) index, cross-file rules would publish findings that are false (an
    // agreement not found because its file is not read yet); the end of indexing lints every shown file.
    if (this.status.state === 'indexing') return;
    this.validating++;
    try {
      await this.validateNow(key);
    } finally {
      this.validating--;
    }
  }

  private async validateNow(key: string): Promise<void> {
    await this.guard(`validate ${key}`, undefined, async () => {
      const version = this.ws.document(key)?.version;
      // A closed file reads its folder's settings: a workspace of closed files asks the client once per folder.
      const settings = await this.settings.get(version === undefined ? this.folderUriOf(key) : this.ws.uriOf(key));
      if (this.ws.document(key)?.version !== version) return; // superseded while settings were fetched
      // A text the client does not have would give findings on lines it does not show.
      if (this.isLost(key)) return this.publish(key, [], 'en', version);
      if (!settings.enable) return this.publish(key, [], 'en');
      const fsPath = pathOfUri(key);
      if (fsPath && path.basename(fsPath) === CONFIG_FILE_NAME) return this.publishConfig(this.ws.configFile(fsPath), settings);
      const dc = this.configOf(key, settings);
      const locale = this.localeOf(settings, dc);
      this.scheduleDependents(key, this.ws.reindex(key));
      this.publishConfig(dc, settings);
      const text = this.ws.text(key);
      if (!dc.config || text === undefined || this.ws.isIgnored(key)) return this.publish(key, [], locale);
      const started = performance.now();
      if (overEditorBound(text)) await this.lintOffThread(key, text, dc.config, settings, locale, version);
      else this.publish(key, this.lintText(key, text, dc.config, settings).findings, locale, version);
      if (version !== undefined) this.lintCosts.set(key, performance.now() - started);
    });
  }

  /** A document over the editor's bound, linted on the worker (off-thread.ts) while requests are answered. */
  private async lintOffThread(key: string, text: string, config: NonNullable<Governing['config']>, settings: GovSpecSettings, locale: Locale, version: number | undefined): Promise<void> {
    let lint;
    try {
      lint = await this.offThread.lint(key, { text, config, today: todayFor(settings) }, this.ws.indexOf(key));
    } catch (error) {
      this.connection.console.warn(`GovSpec: ${key} could not be linted: ${error instanceof Error ? error.message : String(error)}`);
      return this.publish(key, [notCheckedFinding(key, config) ?? []].flat(), locale, version);
    }
    if (lint === undefined || this.ws.document(key)?.version !== version) return; // superseded
    // The worker's index could not answer as the server's does: the server lints it itself, holding requests meanwhile.
    if (lint === LINT_HERE) return this.publish(key, this.lintText(key, text, config, settings).findings, locale, version);
    this.publish(key, lint.findings, locale, version, lint.counts);
  }

  private lintText(key: string, text: string, config: NonNullable<Governing['config']>, settings: GovSpecSettings): ReturnType<typeof lintFile> {
    return lintFile({
      file: key, text, config, today: todayFor(settings), index: this.ws.indexOf(key), related: this.ws.parses.resolve,
      source: looksLikeGovSpec(key, text) ? this.ws.parses.source(key) : undefined,
    });
  }

  /** A config's own findings (meta/config, meta/unknown-rule) go to the files of its chain. */
  private readonly configPublished = new Map<string, string>();
  private publishConfig(dc: Governing, settings: GovSpecSettings): void {
    if (!dc.file || !dc.loaded) return;
    const byFile = new Map<string, Finding[]>([[dc.file, []]]);
    for (const f of dc.loaded.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, findings] of byFile) {
      const key = canonicalUri(uriOfPath(file));
      const locale = this.localeOf(settings, undefined);
      const signature = JSON.stringify([locale, findings]);
      if (this.configPublished.get(key) === signature) continue;
      this.configPublished.set(key, signature);
      this.publish(key, findings.map((f) => ({ ...f, file: key })), locale);
    }
  }

  /** `counts`: of all the findings, when only the first are published (off-thread.ts). */
  private publish(key: string, findings: Finding[], locale: Locale, version?: number, counts = countsOf(findings)): void {
    if (findings.length > 0) this.published.set(key, { ...counts, findings }); else this.published.delete(key);
    const diagnostics = findings.map((f) => convert.toDiagnostic(f, locale));
    if (!this.pulled) void this.connection.sendDiagnostics({ uri: this.ws.uriOf(key), version, diagnostics });
    else if (this.pulled.set(key, diagnostics, version) && !this.pulling.has(key)) this.refreshes.schedule('all', REFRESH_DEBOUNCE_MS);
    this.setStatus({});
  }

  /** The client pulls again what it shows (`workspace/diagnostic/refresh`): findings of files it did not ask about changed. */
  private refreshDiagnostics(): void {
    if (this.capabilities.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** Lints a file now, for a pull that asked for it. */
  private async lintToAnswer(key: string): Promise<void> {
    this.pulling.add(key);
    this.lints.cancel(key);
    try {
      await this.validate(key);
    } finally {
      this.pulling.delete(key);
    }
  }

  private folderUriOf(key: string): string {
    const folder = this.ws.folderOf(key);
    return folder ? uriOfPath(folder) : this.ws.uriOf(key);
  }

  /** What `workspace/diagnostic` reads of the server (workspace-diagnostics.ts). */
  private readonly workspacePull: WorkspacePullHost = {
    ready: async (token) => {
      while ((this.status.state === 'indexing' || this.indexing) && !token.isCancellationRequested) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    files: async () => {
      const scopes = new Map<string, string>();
      // The folder's cached settings, as every handler reads them (refreshed on didChangeConfiguration).
      for (const folder of this.ws.folders) scopes.set(folder, (await this.settings.get(uriOfPath(folder))).diagnosticsScope);
      for (const key of this.workspaceFiles()) {
        if (this.ws.document(key)) continue;
        if (scopes.get(this.ws.folderOf(key) ?? '') === 'openFiles') this.pulledClosed.delete(key); else this.pulledClosed.add(key);
      }
      return [...new Set([...this.shown(), ...this.configPublished.keys()])];
    },
    lint: (key) => this.lintToAnswer(key),
    versionOf: (key) => this.ws.document(key)?.version ?? null,
    uriOf: (key) => this.ws.uriOf(key),
  };

  private setStatus(change: Partial<StatusParams>): void {
    let errors = 0;
    let warnings = 0;
    for (const [key, c] of this.published) {
      // The status bar counts the open documents and what "lint workspace" checked; the Problems panel lists the rest.
      if (this.pulledClosed.has(key) && !this.trackedClosed.has(key)) continue;
      errors += c.errors;
      warnings += c.warnings;
    }
    this.status = { ...this.status, ...change, errors, warnings };
    void this.connection.sendNotification(StatusNotification.type, this.status);
  }

  /** Every open document and every tracked closed file: the files whose diagnostics the client shows. */
  private shown(): string[] {
    return [...new Set([...this.ws.openKeys(), ...this.trackedClosed, ...this.pulledClosed])];
  }

  /** Every GovSpec file of the workspace folders, and every open document. */
  private workspaceFiles(): Set<string> {
    return new Set([...this.ws.allIndexes().flatMap((index) => [...index.allFiles()]), ...this.ws.openKeys()]);
  }

  private scheduleAll(delayMs: number): void {
    for (const key of this.shown()) this.lints.schedule(key, delayMs);
  }

  /** After a file's facts changed: re-lints the shown files whose findings may depend on them, and only those. */
  private scheduleDependents(key: string, change: FactsChange | undefined): void {
    if (!change) return;
    this.lensRefresh.schedule();
    const index = this.ws.indexOf(key);
    const now = index.factsOf(key)?.agencies.length ?? 0;
    const before = change.previous?.agencies.length ?? 0;
    // The agency rules run only while the workspace holds an Agency document: the first to come or the last to go
    // concerns every file.
    if ((now > 0) !== (before > 0) && [...index.allAgencies()].every((a) => a.file === key)) {
      for (const other of this.shown()) if (other !== key) this.lints.schedule(other, DEPENDENTS_DEBOUNCE_MS);
      return;
    }
    const dependents = index.dependentsOf(key, change.previous);
    for (const other of this.shown()) if (dependents.has(other)) this.lints.schedule(other, DEPENDENTS_DEBOUNCE_MS);
  }

  private async lintWorkspace(): Promise<LintWorkspaceResult> {
    const keys = this.workspaceFiles();
    for (const key of keys) {
      if (!this.ws.document(key)) this.trackedClosed.add(key);
      this.lints.cancel(key);
      await this.validate(key);
    }
    const total = { files: keys.size, errors: 0, warnings: 0, infos: 0 };
    for (const c of this.published.values()) {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.infos += c.infos;
    }
    return total;
  }

  private checkDate(): void {
    const today = todayFor(DEFAULT_SETTINGS);
    if (today === this.lastToday) return;
    this.lastToday = today;
    this.scheduleAll(0);
  }

  private featureWorkspace(locale: Locale, index: FeatureWorkspace['index']): FeatureWorkspace {
    return { index, regions: bundledRegions(), locale, parsed: (file) => this.ws.parses.get(file), ruleDoc: ruleDocTarget };
  }

  /** Runs a feature on an open document with its settings, index up to date; nothing when disabled or on failure. */
  private withFile<T>(uri: string, fallback: T, run: (ws: FeatureWorkspace, open: OpenFile, key: string, lint: () => Finding[], settings: GovSpecSettings) => T | Promise<T>): Promise<T> {
    return this.answer(`request on ${uri}`, fallback, async () => {
      const key = canonicalUri(uri);
      if (this.isLost(key) || overEditorBound(this.ws.text(key))) return fallback;
      const settings = await this.settings.get(uri);
      const parsed = this.ws.document(key) && this.ws.parses.get(key);
      if (!settings.enable || !parsed) return fallback;
      const dc = this.configOf(key, settings);
      if (this.ws.isIgnored(key)) return fallback;
      this.scheduleDependents(key, this.ws.reindex(key));
      const lint = () => (dc.config ? this.lintText(key, parsed.text, dc.config, settings).findings : []);
      return run(this.featureWorkspace(this.localeOf(settings, dc), this.ws.indexOf(key)), { file: key, parsed }, key, lint, settings);
    });
  }

  /** A request's handler: error -32002 before `initialize`, then `guard`. */
  private answer<T>(what: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
    return this.started ? this.guard(what, fallback, run) : Promise.reject(notInitialized());
  }

  private isLost(key: string): boolean {
    const document = this.ws.document(key);
    return document !== undefined && this.sync.isLost(document.uri);
  }

  /** The client's edits and the server's copy parted (document-sync.ts): say so once; a full text or reopening mends it. */
  private documentLost(uri: string): void {
    const message = `GovSpec: an edit of ${uri} lay past the end of its text; GovSpec shows nothing for it until it is closed and opened again.`;
    this.connection.console.warn(message);
    void this.connection.window.showWarningMessage(message);
  }

  /** The server's copy of an open document, as the client named it (for tests). */
  documentText(uri: string): string | undefined {
    return this.documents.get(uri)?.getText();
  }

  /** Every handler runs through here: a failure is logged and answered with an empty result, never a crash. */
  private async guard<T>(what: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.connection.console.error(`GovSpec: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  /**
   * Resolves once nothing is left to do: indexing done, no lint pending or running. For tests and benchmarks that
   * compare what the server shows with what the engine computes.
   */
  async settled(): Promise<void> {
    while (this.indexing || this.lints.pending > 0 || this.validating > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** Entries of each per-file cache: bounded by the documents shown, whatever the number of edits. */
  cacheSizes(): Record<string, number> {
    return {
      open: this.ws.openKeys().length, published: this.published.size, lintCosts: this.lintCosts.size,
      settings: this.settings.size, closedParses: this.ws.parses.closedKept, pendingLints: this.lints.pending,
    };
  }

  private dispose(): void {
    this.lints.dispose();
    this.offThread.dispose();
    this.refreshes.dispose();
    this.lensRefresh.dispose();
    clearInterval(this.dateTimer);
  }
}

/** How long to wait after a change before linting, given what the document's last lint cost (ms). */
function typingDelay(lastLintMs: number): number {
  return lastLintMs < IMMEDIATE_LINT_MS ? 0 : Math.min(MAX_TYPING_DEBOUNCE_MS, lastLintMs / 2);
}

function notInitialized(): ResponseError<void> {
  return new ResponseError(ErrorCodes.ServerNotInitialized, 'GovSpec: the server is not initialized yet');
}

import type { CancellationToken, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { canonicalUri } from './files';
import type { PulledDiagnostics } from './pull-diagnostics';

/** Linting closed files for a workspace pull runs in slices of about this long, then lets requests and edits through. */
const LINT_SLICE_MS = 20;

/** What a workspace pull needs of the server. */
export interface WorkspacePullHost {
  /** Resolves once the first index is complete (cross-file findings are true only then). */
  ready(token: CancellationToken): Promise<void>;
  /** The files to report, by key: every GovSpec file of the folders, or only those shown (`openFiles`). */
  files(): Promise<string[]>;
  /** Lints a file whose diagnostics are not kept yet (it is closed, or its open version was not linted). */
  lint(key: string): Promise<void>;
  /** The open document's version, `null` for a closed file. */
  versionOf(key: string): number | null;
  uriOf(key: string): string;
}

/**
 * Answers `workspace/diagnostic`: every file in scope with its result id, `unchanged` where the client's previous
 * result id still holds, cleared where a file the client knows is no longer in scope. When nothing changed, the
 * request is held open until something does (LSP's long poll), so a client that pulls again at once — VS Code does,
 * every two seconds — costs nothing.
 */
export async function workspaceDiagnostics(
  store: PulledDiagnostics, host: WorkspacePullHost, params: WorkspaceDiagnosticParams, token: CancellationToken,
): Promise<WorkspaceDiagnosticReport> {
  await host.ready(token);
  const previous = new Map(params.previousResultIds.map((r) => [canonicalUri(r.uri), { uri: r.uri, value: r.value }]));
  for (;;) {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    let sliceStart = Date.now();
    for (const key of await host.files()) {
      if (token.isCancellationRequested) return { items: [] };
      const version = host.versionOf(key);
      if (!store.isCurrent(key, version ?? undefined)) await host.lint(key);
      reported.add(key);
      items.push(store.workspaceItem(key, host.uriOf(key), version, previous.get(key)?.value));
      if (Date.now() - sliceStart >= LINT_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    for (const [key, p] of previous) {
      const cleared = reported.has(key) ? undefined : store.clearedItem(p.uri, p.value);
      if (cleared) items.push(cleared);
    }
    if (previous.size === 0 || items.some((i) => i.kind === 'full') || token.isCancellationRequested) return { items };
    await store.nextChange(token);
  }
}

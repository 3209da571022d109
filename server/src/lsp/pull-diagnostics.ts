import { createHash } from 'crypto';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type {
  CancellationToken, Diagnostic, DiagnosticOptions, FullDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';

/** LSP 3.17 pull diagnostics: findings depend on other files, and the whole workspace is reported. */
export const DIAGNOSTIC_PROVIDER: DiagnosticOptions = { identifier: 'govspec', interFileDependencies: true, workspaceDiagnostics: true };

/** `govspec.diagnostics.scope`: which files `workspace/diagnostic` reports. */
export type DiagnosticsScope = 'workspace' | 'openFiles';

/** `govspec.diagnostics.scope` from the client's raw `govspec` settings: the whole workspace unless set to open files. */
export function diagnosticsScope(raw: unknown): DiagnosticsScope {
  const diagnostics = (raw as { diagnostics?: { scope?: unknown } } | null | undefined)?.diagnostics;
  return diagnostics?.scope === 'openFiles' ? 'openFiles' : 'workspace';
}

/** What a file's diagnostics say, as a result id: an unchanged answer is recognised whatever caused the lint. */
function resultIdOf(diagnostics: Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64url').slice(0, 16);
}

const NO_DIAGNOSTICS_ID = resultIdOf([]);

interface Stored { resultId: string; diagnostics: Diagnostic[]; version: number | undefined }

/**
 * The latest diagnostics of each file, for a client that pulls them: kept as the server lints (the same lints push
 * mode publishes), answered with result ids, so a file whose findings did not change costs the client nothing.
 */
export class PulledDiagnostics {
  private readonly stored = new Map<string, Stored>();
  private wakers: (() => void)[] = [];

  /** Keeps a file's diagnostics; true when they differ from those kept before (or none were). */
  set(key: string, diagnostics: Diagnostic[], version: number | undefined): boolean {
    const resultId = resultIdOf(diagnostics);
    const changed = this.stored.get(key)?.resultId !== resultId;
    this.stored.set(key, { resultId, diagnostics, version });
    if (changed) this.wake();
    return changed;
  }

  /** True when the kept diagnostics are those of this version of the file (closed files: `undefined`). */
  isCurrent(key: string, version: number | undefined): boolean {
    const kept = this.stored.get(key);
    return kept !== undefined && kept.version === version;
  }

  has(key: string): boolean { return this.stored.has(key); }

  forget(key: string): void { this.stored.delete(key); }

  documentReport(key: string, previousResultId: string | undefined): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
    const kept = this.stored.get(key) ?? { resultId: NO_DIAGNOSTICS_ID, diagnostics: [], version: undefined };
    return kept.resultId === previousResultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: kept.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, resultId: kept.resultId, items: kept.diagnostics };
  }

  workspaceItem(key: string, uri: string, version: number | null, previousResultId: string | undefined): WorkspaceDocumentDiagnosticReport {
    return { uri, version, ...this.documentReport(key, previousResultId) };
  }

  /**
   * A file the client was told about and that is no longer reported (deleted, ignored, out of scope): its
   * diagnostics are cleared once, then it is left out.
   */
  clearedItem(uri: string, previousResultId: string): WorkspaceDocumentDiagnosticReport | undefined {
    return previousResultId === NO_DIAGNOSTICS_ID ? undefined : { uri, version: null, kind: DocumentDiagnosticReportKind.Full, resultId: NO_DIAGNOSTICS_ID, items: [] };
  }

  /** Resolves when some file's diagnostics change, `wake` is called, or the request is cancelled. */
  nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        listener.dispose();
        resolve();
      };
      const listener = token.onCancellationRequested(done);
      this.wakers.push(done);
    });
  }

  /** Lets waiting workspace pulls answer again (a setting changed, the index was rebuilt). */
  wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const w of wakers) w();
  }
}

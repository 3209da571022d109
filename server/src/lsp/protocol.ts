/**
 * The custom messages between the extension and the server, declared once and imported by both sides
 * (as vscode-eslint does), so a method name or a payload cannot drift apart.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { PageRequest } from '../render/pages';

export interface StatusParams {
  /** `indexing` while the workspace is first read, then `ready`. */
  state: 'indexing' | 'ready';
  /** Files indexed so far, and the number found when known. */
  indexed: number;
  total?: number;
  /** Over every file with published diagnostics. */
  errors: number;
  warnings: number;
}

export namespace StatusNotification {
  export const method = 'govspec/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface LintWorkspaceResult { files: number; errors: number; warnings: number; infos: number }

/** Lints every GovSpec file of the workspace, open or not, and publishes the diagnostics of each. */
export namespace LintWorkspaceRequest {
  export const method = 'govspec/lintWorkspace';
  export const type = new RequestType0<LintWorkspaceResult, void>(method);
}

/** The 办事指南 page of the Service at `line` of a document, for the preview panel; null when the file is unknown. */
export namespace ServiceGuideRequest {
  export const method = 'govspec/serviceGuide';
  export const type = new RequestType<PageRequest & { uri: string; line: number }, string | null, void>(method);
}

/** The data-sharing map page of the whole workspace, for the map panel. */
export namespace SharingMapRequest {
  export const method = 'govspec/sharingMap';
  export const type = new RequestType<PageRequest, string | null, void>(method);
}

/** The map's data alone (render/pages.ts `sharingMapGraph`), posted into an open map after an edit. */
export namespace SharingGraphRequest {
  export const method = 'govspec/sharingGraph';
  export const type = new RequestType<{ locale: PageRequest['locale'] }, unknown, void>(method);
}

/** Opens a rule's documentation; the code action "open the rule's documentation" carries it with the URL. */
export const OPEN_RULE_DOC_COMMAND = 'govspec.openRuleDoc';

/**
 * The command a code lens runs: VS Code's peek of references, with its arguments in LSP form (uri, position,
 * locations), which the extension's middleware converts to VS Code's types (client/src/code-lens.ts).
 */
export const SHOW_REFERENCES_COMMAND = 'editor.action.showReferences';

/** What the client tells the server in `initializationOptions`. */
export interface InitializationOptions {
  /** The client opens rule docs itself; otherwise the server does, through `window/showDocument`. */
  opensRuleDocs?: boolean;
}

/** "Import spreadsheet…": the files the user chose, imported into the folder they chose (server/src/sheets). */
export interface ImportSpreadsheetParams { files: string[]; kind: string; outDir: string; locale: 'zh-CN' | 'en' }
/** The YAML files written or updated, how many problems the import itself found, or why it could not run. */
export interface ImportSpreadsheetResult { written: string[]; problems: number; error?: string }
export namespace ImportSpreadsheetRequest {
  export const method = 'govspec/importSpreadsheet';
  export const type = new RequestType<ImportSpreadsheetParams, ImportSpreadsheetResult, void>(method);
}

/** "Export to spreadsheet…": the GovSpec documents under `root` into the workbook `output` the user chose. */
export interface ExportSpreadsheetParams { root: string; output: string; locale: 'zh-CN' | 'en' }
export interface ExportSpreadsheetResult { documents: number; rows: number; error?: string }
export namespace ExportSpreadsheetRequest {
  export const method = 'govspec/exportSpreadsheet';
  export const type = new RequestType<ExportSpreadsheetParams, ExportSpreadsheetResult, void>(method);
}

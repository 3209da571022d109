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

/** Opens a rule's documentation; the code action "open the rule's documentation" carries it with the URL. */
export const OPEN_RULE_DOC_COMMAND = 'govspec.openRuleDoc';

/** What the client tells the server in `initializationOptions`. */
export interface InitializationOptions {
  /** The client opens rule docs itself; otherwise the server does, through `window/showDocument`. */
  opensRuleDocs?: boolean;
}

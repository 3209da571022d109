/** What the preview and the map panels share: nonces, the locked-down webview options, debouncing, and 'open'. */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** A fresh nonce for every page load, as the webview CSP requires. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Scripts on (the pages need them, each carrying the nonce); no local resource at all, since every page is
 * self-contained (styles and the graph library are inlined); the page survives being hidden, so the map keeps its zoom.
 */
export const PANEL_OPTIONS: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
  enableScripts: true,
  localResourceRoots: [],
  retainContextWhenHidden: true,
};

export function debounce(ms: number, fn: () => void): { (): void; dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  run.dispose = () => timer && clearTimeout(timer);
  return run;
}

interface OpenMessage { type: 'open'; file: string; line: number }

function isOpenMessage(m: unknown): m is OpenMessage {
  const o = m as Partial<OpenMessage> | undefined;
  return !!o && o.type === 'open' && typeof o.file === 'string' && typeof o.line === 'number';
}

/** `{ type: 'open', file, line }` from a page: the file is a URI (the server's keys) or a workspace-relative path. */
export async function openFromMessage(message: unknown): Promise<void> {
  if (!isOpenMessage(message)) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = /^[a-z][a-z0-9+.-]+:/i.test(message.file) ? vscode.Uri.parse(message.file) : folder && vscode.Uri.joinPath(folder, message.file);
  if (!uri) return;
  const line = Math.max(0, Math.floor(message.line));
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0) });
}

export function isYaml(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' || /\.ya?ml$/i.test(document.fileName);
}

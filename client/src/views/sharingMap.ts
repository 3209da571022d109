/** The data-sharing map of the workspace in one panel, re-rendered as YAML documents change (debounced). */
import * as vscode from 'vscode';
import type { ViewData } from './data';
import { PANEL_OPTIONS, debounce, isYaml, newNonce, openFromMessage } from './webview';

export const SHOW_SHARING_MAP_COMMAND = 'govspec.showSharingMap';
const VIEW_TYPE = 'govspec.sharingMap';
/** Longer than the preview's: the page carries the whole graph and the library. */
const DEBOUNCE_MS = 1000;

export function registerSharingMap(context: vscode.ExtensionContext, data: ViewData): void {
  let panel: vscode.WebviewPanel | undefined;
  let generation = 0;

  const render = async () => {
    if (!panel) return;
    const mine = ++generation;
    const html = await data.sharingMap({ nonce: newNonce(), cspSource: panel.webview.cspSource, locale: data.locale() });
    if (panel && html !== undefined && mine === generation) panel.webview.html = html;
  };
  const refresh = debounce(DEBOUNCE_MS, () => void render());

  const show = () => {
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside);
      void render();
      return;
    }
    panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Data-sharing map'), vscode.ViewColumn.Beside, PANEL_OPTIONS);
    panel.webview.onDidReceiveMessage(openFromMessage);
    panel.onDidDispose(() => { panel = undefined; });
    void render();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_SHARING_MAP_COMMAND, show),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (panel && isYaml(e.document) && e.contentChanges.length > 0) refresh();
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (panel && isYaml(d)) refresh();
    }),
    { dispose: () => { refresh.dispose(); panel?.dispose(); } },
  );
}

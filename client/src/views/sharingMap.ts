/** The data-sharing map of the workspace in one panel, updated in place as YAML documents change (debounced). */
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

  // The page is loaded once per panel (and per language); after that an edit posts the new graph into it, which
  // the page diffs in keeping zoom, pan, expansion and selection.
  let loaded: string | undefined;
  const render = async () => {
    if (!panel) return;
    const mine = ++generation;
    const locale = data.locale();
    if (loaded === locale) {
      const graph = await data.sharingGraph(locale);
      if (panel && graph !== undefined && mine === generation) void panel.webview.postMessage({ type: 'govspec.graph', data: graph });
      return;
    }
    const html = await data.sharingMap({ nonce: newNonce(), cspSource: panel.webview.cspSource, locale });
    if (panel && html !== undefined && mine === generation) { panel.webview.html = html; loaded = locale; }
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
    panel.onDidDispose(() => { panel = undefined; loaded = undefined; });
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

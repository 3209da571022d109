/**
 * 办事指南 preview: a panel beside a Service file showing the page a citizen reads. It re-renders when any YAML
 * document changes (debounced), since an edited agreement or catalogue changes what the guide resolves.
 */
import * as vscode from 'vscode';
import type { ViewData } from './data';
import { PANEL_OPTIONS, debounce, isYaml, newNonce, openFromMessage } from './webview';

export const PREVIEW_SERVICE_GUIDE_COMMAND = 'govspec.previewServiceGuide';
const VIEW_TYPE = 'govspec.serviceGuide';
const DEBOUNCE_MS = 300;

interface Preview { panel: vscode.WebviewPanel; uri: vscode.Uri; line: number; generation: number }

export function registerServicePreview(context: vscode.ExtensionContext, data: ViewData): void {
  const previews = new Map<string, Preview>();

  const render = async (preview: Preview) => {
    const generation = ++preview.generation;
    const page = { nonce: newNonce(), cspSource: preview.panel.webview.cspSource, locale: data.locale() };
    const html = await data.serviceGuide(preview.uri.toString(), preview.line, page);
    // A later edit may have started another render meanwhile; only the newest one is shown.
    if (html !== undefined && generation === preview.generation && previews.has(preview.uri.toString())) preview.panel.webview.html = html;
  };
  const refreshAll = debounce(DEBOUNCE_MS, () => previews.forEach((p) => void render(p)));

  const open = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !isYaml(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a service YAML file to preview its guide.'));
      return;
    }
    const key = editor.document.uri.toString();
    const line = editor.selection.active.line;
    const existing = previews.get(key);
    if (existing) {
      existing.line = line;
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      void render(existing);
      return;
    }
    const title = vscode.l10n.t('Guide: {0}', editor.document.uri.path.split('/').pop() ?? '');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, PANEL_OPTIONS);
    const preview: Preview = { panel, uri: editor.document.uri, line, generation: 0 };
    previews.set(key, preview);
    panel.webview.onDidReceiveMessage(openFromMessage);
    panel.onDidDispose(() => previews.delete(key));
    void render(preview);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(PREVIEW_SERVICE_GUIDE_COMMAND, () => open(vscode.window.activeTextEditor)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (previews.size > 0 && isYaml(e.document) && e.contentChanges.length > 0) refreshAll();
    }),
    // Moving into another Service document of the same file switches the guide to it.
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const preview = previews.get(e.textEditor.document.uri.toString());
      if (preview && preview.line !== e.selections[0].active.line) {
        preview.line = e.selections[0].active.line;
        refreshAll();
      }
    }),
    { dispose: () => { refreshAll.dispose(); previews.forEach((p) => p.panel.dispose()); } },
  );
}

/**
 * "Import spreadsheet…" and "Export to spreadsheet…": the client asks for the files and the language server does the
 * work (server/src/sheets, the same code as `govspec import` and `govspec export`). Both write files, so in a
 * workspace VS Code has not trusted they say so and do nothing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportSpreadsheetRequest, ImportSpreadsheetRequest } from '../../server/src/lsp/protocol';
import { editorLocale } from './locale';

/** The kinds, with the Chinese name a user knows them by; `detail` is the kind `--kind` takes. */
const KINDS: vscode.QuickPickItem[] = [
  { label: '政务信息资源目录', detail: 'Catalog' },
  { label: '政务服务事项', detail: 'Service' },
  { label: '数据共享协议', detail: 'SharingAgreement' },
  { label: '政务部门', detail: 'Agency' },
];

/** Writing files is for trusted workspaces only (restricted mode applies no edit and writes nothing). */
function trusted(): boolean {
  if (vscode.workspace.isTrusted === true) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('GovSpec: trust this workspace to import or export spreadsheets.'));
  return false;
}

async function importSpreadsheet(client: LanguageClient): Promise<void> {
  if (!trusted()) return;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const files = await vscode.window.showOpenDialog({ canSelectMany: true, filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx', 'xlsm', 'csv'] }, defaultUri: workspace });
  if (!files || files.length === 0) return;
  const kind = await vscode.window.showQuickPick(KINDS, { placeHolder: vscode.l10n.t('What the spreadsheet lists') });
  if (!kind) return;
  const out = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Import here'), defaultUri: workspace });
  if (!out || out.length === 0) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('GovSpec: importing the spreadsheet') }, () =>
    client.sendRequest(ImportSpreadsheetRequest.type, { files: files.map((f) => f.fsPath), kind: kind.detail ?? 'Catalog', outDir: out[0].fsPath, locale: editorLocale() }));
  if (result.error !== undefined) {
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  if (result.written.length > 0) await vscode.window.showTextDocument(vscode.Uri.file(result.written[0]));
  void vscode.window.showInformationMessage(vscode.l10n.t('GovSpec: {0} files imported, {1} problems in the spreadsheet (the lint shows the rest in the Problems view)', result.written.length, result.problems));
}

async function exportSpreadsheet(client: LanguageClient): Promise<void> {
  if (!trusted()) return;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!workspace) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder to export its documents.'));
    return;
  }
  const target = await vscode.window.showSaveDialog({ filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx'] }, defaultUri: vscode.Uri.joinPath(workspace, 'govspec.xlsx') });
  if (!target) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('GovSpec: exporting to a spreadsheet') }, () =>
    client.sendRequest(ExportSpreadsheetRequest.type, { root: workspace.fsPath, output: target.fsPath, locale: editorLocale() }));
  if (result.error !== undefined) void vscode.window.showErrorMessage(result.error);
  else void vscode.window.showInformationMessage(vscode.l10n.t('GovSpec: exported to {0}', target.fsPath));
}

export function registerSheetCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('govspec.importSpreadsheet', () => importSpreadsheet(client)),
    vscode.commands.registerCommand('govspec.exportSpreadsheet', () => exportSpreadsheet(client)),
  ];
}

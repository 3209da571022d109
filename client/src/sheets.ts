/**
 * "Import spreadsheet…" and "Export to spreadsheet…": the client asks for the files and runs the CLI bundle that
 * ships beside it (dist/cli.js) as a child process, exactly as `govspec import` and `govspec export` run in a shell.
 * Nothing of the work is done here.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** The kinds, with the Chinese name a user knows them by; `detail` is the kind `--kind` takes. */
const KINDS: vscode.QuickPickItem[] = [
  { label: '政务信息资源目录', detail: 'Catalog' },
  { label: '政务服务事项', detail: 'Service' },
  { label: '数据共享协议', detail: 'SharingAgreement' },
  { label: '政务部门', detail: 'Agency' },
];

interface CliRun { code: number; stdout: string; stderr: string }

/** The CLI bundle under VS Code's own Node (ELECTRON_RUN_AS_NODE), in the given folder. */
function runCli(extensionPath: string, cwd: string, args: readonly string[]): Promise<CliRun> {
  const cli = join(extensionPath, 'dist', 'cli.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? 2 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function localeArgs(): string[] {
  const set = vscode.workspace.getConfiguration('govspec').get<string>('locale');
  const locale = set === 'zh-CN' || set === 'en' ? set : vscode.env.language.startsWith('zh') ? 'zh-CN' : 'en';
  return ['--locale', locale];
}

/** The YAML files the import wrote or updated (those changed since it started), newest first. */
function writtenSince(folder: string, started: number): string[] {
  try {
    return readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => join(folder, f))
      .filter((f) => statSync(f).mtimeMs >= started - 1000).sort();
  } catch {
    return [];
  }
}

async function importSpreadsheet(extensionPath: string): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const files = await vscode.window.showOpenDialog({ canSelectMany: true, filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx', 'xlsm', 'csv'] }, defaultUri: workspace });
  if (!files || files.length === 0) return;
  const kind = await vscode.window.showQuickPick(KINDS, { placeHolder: vscode.l10n.t('What the spreadsheet lists') });
  if (!kind) return;
  const out = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Import here'), defaultUri: workspace });
  if (!out || out.length === 0) return;
  const cwd = workspace?.fsPath ?? out[0].fsPath;
  const started = Date.now();
  const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('GovSpec: importing the spreadsheet') }, () =>
    runCli(extensionPath, cwd, ['import', ...files.map((f) => f.fsPath), '--kind', kind.detail ?? 'Catalog', '-o', out[0].fsPath, '-f', 'json', ...localeArgs()]));
  if (run.code === 2) {
    void vscode.window.showErrorMessage(run.stderr.trim().split('\n')[0] ?? vscode.l10n.t('GovSpec: the import failed'));
    return;
  }
  const written = writtenSince(out[0].fsPath, started);
  if (written.length > 0) await vscode.window.showTextDocument(vscode.Uri.file(written[0]));
  let problems = 0;
  try {
    problems = (JSON.parse(run.stdout) as { results: unknown[] }).results.length;
  } catch {
    // A report that does not parse still leaves the files written; the count is only a summary.
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('GovSpec: {0} files imported, {1} problems (see the Problems view)', written.length, problems));
}

async function exportSpreadsheet(extensionPath: string): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!workspace) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder to export its documents.'));
    return;
  }
  const target = await vscode.window.showSaveDialog({ filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx'] }, defaultUri: vscode.Uri.joinPath(workspace, 'govspec.xlsx') });
  if (!target) return;
  const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('GovSpec: exporting to a spreadsheet') }, () =>
    runCli(extensionPath, workspace.fsPath, ['export', '.', '-o', target.fsPath, ...localeArgs()]));
  if (run.code !== 0) {
    void vscode.window.showErrorMessage(run.stderr.trim().split('\n')[0] ?? vscode.l10n.t('GovSpec: the export failed'));
    return;
  }
  const open = vscode.l10n.t('Open');
  if (await vscode.window.showInformationMessage(vscode.l10n.t('GovSpec: exported to {0}', target.fsPath), open) === open) await vscode.env.openExternal(target);
}

export function registerSheetCommands(extensionPath: string): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('govspec.importSpreadsheet', () => importSpreadsheet(extensionPath)),
    vscode.commands.registerCommand('govspec.exportSpreadsheet', () => exportSpreadsheet(extensionPath)),
  ];
}

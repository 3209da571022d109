// Helpers of the GovSpec extension-host suite: the workspace copy of examples/, waiting for the server's
// diagnostics (event driven, with a deadline), and undoing every edit a test made.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'govspec.govspec';
export const SOURCE = 'govspec';
const WAIT_MS = Number(process.env.GOVSPEC_E2E_WAIT ?? 30_000);

/** The findings of examples/ as of 2026-11-26 (1-based line:column, as the CLI prints them). */
export const EXPECTED: Record<string, string[]> = {
  'agreements/household-data-for-market.agreement.yaml': ['17:10 agreement/expired'],
  'agreements/wanted-persons-for-hr.agreement.yaml': ['9:11 agreement/unshared-resource'],
  'services/food-business-licence.service.yaml': ['43:18 service/shared-material-agreement'],
  'services/household-migration.service.yaml': ['20:9 schema/enum'],
  'services/individual-business-registration.service.yaml': ['16:9 id/uscc', '37:12 service/fee-basis'],
  'services/marriage-registration.service.yaml': ['7:7 schema/type'],
  'services/minimum-living-allowance.service.yaml': ['39:11 service/resubmitted-shared-data'],
  'services/unemployment-registration.service.yaml': ['34:18 service/shared-material-agreement'],
};

/** What each finding must say (zh-CN, the config's locale): the part that tells the author what is wrong or what to do. */
export const EXPECTED_MESSAGES: Record<string, string> = {
  '17:10 agreement/expired': '协议已于 validTo 2025-12-31 到期',
  '9:11 agreement/unshared-resource': 'share.type 为 none（不予共享），不能通过共享协议申请',
  '43:18 service/shared-material-agreement': '协议“GA-SC-2024-002”有效期为 2024-01-01 至 2025-12-31',
  '20:9 schema/enum': '应写作 "workday"（工作日）',
  '16:9 id/uscc': '的校验码（第 18 位）应为“2”',
  '37:12 service/fee-basis': '请在 fee.basis 写明收费所依据的法律法规或价格主管部门的文件',
  '7:7 schema/type': '代码须加引号，按原样书写，如 "07"',
  '39:11 service/resubmitted-shared-data': '请把 source 改为 sharing 并填写 sharing',
  '34:18 service/shared-material-agreement': '“GA-RS-2025-009”在工作区中没有对应的数据共享协议',
};

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

/** Activates the extension (it also activates on its own through workspaceContains). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed; have: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  await ext.activate();
  return ext;
}

export async function openDoc(rel: string, show = false): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function govspecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** `LINE:COL rule` with 1-based positions, the CLI's notation. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`;
}

export function summary(uri: vscode.Uri): string[] {
  return govspecDiagnostics(uri).map(describeDiagnostic).sort();
}

/** Resolves once GovSpec's diagnostics for `uri` satisfy `pred`; rejects with what was last seen otherwise. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (d: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const test = () => pred(govspecDiagnostics(uri));
    if (test()) return resolve(govspecDiagnostics(uri));
    const timer = setTimeout(() => {
      sub.dispose();
      const seen = govspecDiagnostics(uri).map((d) => `${describeDiagnostic(d)} ${d.message}`);
      reject(new Error(`${vscode.workspace.asRelativePath(uri)}: timed out after ${ms} ms waiting for ${what}; have: ${JSON.stringify(seen)}`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (test()) {
        clearTimeout(timer);
        sub.dispose();
        resolve(govspecDiagnostics(uri));
      }
    });
  });
}

/** Waits until the set of `LINE:COL rule` of uri is exactly `expected`. */
export function waitForExactly(uri: vscode.Uri, expected: string[], ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify([...expected].sort());
  return waitForDiagnostics(uri, (d) => JSON.stringify(d.map(describeDiagnostic).sort()) === want, `exactly ${want}`, ms);
}

/** Reverts every document with unsaved edits (rename and quick fixes touch several), so tests stay independent. */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!doc.isDirty, `${vscode.workspace.asRelativePath(doc.uri)} reverted`);
  }
}

/** The 0-based position of the `needle` in a document, plus `shift` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(offset + shift);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export async function complete(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items;
}

/** Whether `uri` is the installed extension's own copy of a rule's page (offline), as the server links it. */
export function isRulePage(uri: vscode.Uri, ruleId: string): boolean {
  return uri.scheme === 'file' && uri.fsPath.endsWith(path.join('rules', ...ruleId.split('/'), 'README.md')) && fs.existsSync(uri.fsPath);
}

export async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

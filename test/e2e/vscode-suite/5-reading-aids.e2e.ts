// Fix on save, code lenses, document links and inlay hints through VS Code's own provider commands, and the
// extension's process tree. Every test leaves the workspace as it found it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, fileUri, openDoc, positionOf, revertAll, workspaceRoot } from './helpers';

const MARRIAGE = 'services/marriage-registration.service.yaml';
const FOOD = 'services/food-business-licence.service.yaml';
const MARKET = 'agreements/household-data-for-market.agreement.yaml';
const CATALOG = 'catalogs/public-security.catalog.yaml';
const TODAY = '2026-11-26';

/** What `govspec lint --fix` writes for `text` as `rel`, in a copy of the whole workspace (cross-file rules see the rest). */
function cliFix(rel: string, text: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-fix-'));
  try {
    fs.cpSync(workspaceRoot().fsPath, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, rel), text);
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'bin', 'govspec.js');
    try {
      execFileSync(process.execPath, [cli, 'lint', '--fix', '--today', TODAY, rel], { cwd: copy, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'pipe' });
    } catch (error) {
      // Findings left after the fixes exit 1; anything else is a failure of the CLI.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    return fs.readFileSync(path.join(copy, rel), 'utf8');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

describe('GovSpec fix on save, code lenses, document links and inlay hints', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await revertAll();
  });

  it('saving with codeActionsOnSave source.fixAll.govspec writes what govspec lint --fix writes', async () => {
    const file = fileUri(MARRIAGE).fsPath;
    const original = fs.readFileSync(file, 'utf8');
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await editor.update('codeActionsOnSave', { 'source.fixAll.govspec': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await openDoc(MARRIAGE, true);
      // An edit of its own makes the save a real one (a clean document is not saved, so nothing would run).
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().length), '# 保存时修复 fix on save\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const edited = doc.getText();
      assert.match(edited, /^type: 07 /m, 'the unquoted code the safe fix quotes');
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = fs.readFileSync(file, 'utf8');
      assert.notStrictEqual(saved, edited, 'the save applied fixes');
      assert.match(saved, /^type: "07" /m);
      assert.strictEqual(saved, cliFix(MARRIAGE, edited));
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      fs.writeFileSync(file, original);
      const doc = await openDoc(MARRIAGE);
      if (doc.getText() !== original) await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('vscode.executeCodeLensProvider: a resource shows its agreements and services, with VS Code locations to peek', async () => {
    const doc = await openDoc(CATALOG, true);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
    const line = positionOf(doc, 'code: "1010100001/00001"').line;
    const households = lenses.find((l) => l.range.start.line === line);
    assert.strictEqual(households?.command?.title, '2 份协议共享 · 4 个事项引用', JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.strictEqual(households.command.command, 'editor.action.showReferences');
    const [uri, position, locations] = households.command.arguments as [vscode.Uri, vscode.Position, vscode.Location[]];
    // The middleware converted the LSP arguments: VS Code's own types, as showReferences needs them.
    assert.ok(uri instanceof vscode.Uri && uri.toString() === doc.uri.toString());
    assert.ok(position instanceof vscode.Position);
    assert.strictEqual(locations.length, 6);
    assert.ok(locations.every((l) => l instanceof vscode.Location));
    const market = await openDoc(MARKET);
    const agreementLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', market.uri, 100);
    assert.deepStrictEqual(agreementLenses.map((l) => l.command?.title), ['1 个事项使用']);
  });

  it('vscode.executeLinkProvider: a suppressed rule id opens its page in the extension, an agreement id its definition', async () => {
    const marriage = await openDoc(MARRIAGE);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', marriage.uri, 100);
    const rule = links.find((l) => l.range.contains(positionOf(marriage, 'service/max-one-visit', 1)));
    assert.ok(rule?.target, JSON.stringify(links.map((l) => l.target?.toString())));
    assert.strictEqual(rule.target.scheme, 'file');
    assert.ok(rule.target.fsPath.startsWith(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath), rule.target.fsPath);
    assert.ok(rule.target.fsPath.endsWith(path.join('service', 'max-one-visit', 'README.md')));
    assert.ok(fs.existsSync(rule.target.fsPath));
    const food = await openDoc(FOOD);
    const foodLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', food.uri, 100);
    const agreement = foodLinks.find((l) => l.range.contains(positionOf(food, 'GA-SC-2024-002', 1)));
    assert.strictEqual(agreement?.target?.fsPath, fileUri(MARKET).fsPath);
    assert.strictEqual(agreement.target.fragment, 'L4,5');
  });

  it('vscode.executeInlayHintProvider: the reply deadline and the expiry of an agreement, counted from govspec.today', async () => {
    const doc = await openDoc(MARKET);
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.includes('答复期限 2023-12-15（10 个工作日）'), JSON.stringify(labels));
    // validTo 2025-12-31 against 2026-11-26.
    assert.ok(labels.includes('已过期 330 天'), JSON.stringify(labels));
  });

  it("the extension's process tree holds only the language server", async () => {
    if (process.platform !== 'linux') return;
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const children = (pid: number): number[] => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
      try {
        return /^PPid:\s+(\d+)$/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] === String(pid) ? [Number(p)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
    const commandLine = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a);
    // The extension host's children started from the extension's own files: the server, once. Run from a checkout,
    // the extension's folder also holds the test tools (.cache/e2e: code-server and its built-in extensions, whose
    // language servers are the host's children too), which are not the extension's.
    const own = (a: string) => a.startsWith(extensionPath + path.sep) && !/^[\\/](\.cache|node_modules)[\\/]/.test(a.slice(extensionPath.length));
    const ours = children(process.pid).map(commandLine).filter((args) => args.some(own));
    assert.deepStrictEqual(ours.map((args) => args.filter(own)), [[path.join(extensionPath, 'dist', 'server.js')]]);
    const server = children(process.pid).find((pid) => commandLine(pid).includes(path.join(extensionPath, 'dist', 'server.js')))!;
    assert.ok(commandLine(server).includes('--node-ipc'), commandLine(server).join(' '));
    // And the server starts nothing of its own.
    assert.deepStrictEqual(children(server).map(commandLine), []);
  });
});

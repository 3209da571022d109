// Generates a throwaway probe extension (NOT product code) into a temp dir, to prove the e2e infrastructure
// before the real extension exists: a YAML diagnostic, completion, hover, quick fix and status bar item,
// an in-extension-host test of it, a workspace, and a .vsix of it.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface Probe { root: string; extension: string; tests: string; workspace: string; vsix: string; id: string }

const manifest = {
  name: 'e2e-probe',
  displayName: 'GovSpec e2e probe',
  description: 'Throwaway extension that proves the e2e harness',
  publisher: 'govspec-e2e',
  version: '0.0.1',
  license: 'MIT',
  engines: { vscode: '^1.90.0' },
  activationEvents: ['onLanguage:yaml', 'onStartupFinished'],
  main: './extension.js',
  contributes: {},
};

const extensionJs = String.raw`const vscode = require('vscode');
const SOURCE = 'e2e-probe';
function activate(context) {
  const coll = vscode.languages.createDiagnosticCollection(SOURCE);
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 1000);
  status.name = 'E2E probe';
  const update = (doc) => {
    if (doc.languageId !== 'yaml') return;
    const diags = [];
    for (let i = 0; i < doc.lineCount; i++) {
      const col = doc.lineAt(i).text.indexOf('PROBE_BAD');
      if (col < 0) continue;
      const d = new vscode.Diagnostic(new vscode.Range(i, col, i, col + 9),
        'E2E_PROBE: PROBE_BAD is not allowed here', vscode.DiagnosticSeverity.Warning);
      d.source = SOURCE;
      d.code = 'probe-001';
      diags.push(d);
    }
    coll.set(doc.uri, diags);
    status.text = '$(beaker) Probe: ' + diags.length + ' problem(s)';
    status.show();
  };
  vscode.workspace.textDocuments.forEach(update);
  context.subscriptions.push(coll, status,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.languages.registerCompletionItemProvider('yaml', {
      provideCompletionItems() {
        return ['probeAlpha', 'probeBeta'].map((l) => {
          const it = new vscode.CompletionItem(l, vscode.CompletionItemKind.Property);
          it.detail = 'from e2e probe';
          return it;
        });
      },
    }),
    vscode.languages.registerHoverProvider('yaml', {
      provideHover(doc, pos) {
        const r = doc.getWordRangeAtPosition(pos, /PROBE_[A-Z]+/);
        if (!r) return undefined;
        return new vscode.Hover(new vscode.MarkdownString('**E2E probe hover** for ' + doc.getText(r)), r);
      },
    }),
    vscode.languages.registerCodeActionsProvider('yaml', {
      provideCodeActions(doc, range, ctx) {
        return ctx.diagnostics.filter((d) => d.source === SOURCE).map((d) => {
          const fix = new vscode.CodeAction('Replace PROBE_BAD with PROBE_GOOD', vscode.CodeActionKind.QuickFix);
          fix.edit = new vscode.WorkspaceEdit();
          fix.edit.replace(doc.uri, d.range, 'PROBE_GOOD');
          fix.diagnostics = [d];
          fix.isPreferred = true;
          return fix;
        });
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  console.log('E2E_PROBE activated');
}
module.exports = { activate, deactivate() {} };
`;

const probeTest = String.raw`import * as assert from 'assert';
import * as vscode from 'vscode';

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'e2e-probe');
}

/** Resolves when the probe's diagnostics for uri satisfy pred (event driven, with a deadline). */
function waitForDiagnostics(uri: vscode.Uri, pred: (d: vscode.Diagnostic[]) => boolean, ms = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    if (pred(diagnosticsOf(uri))) return resolve(diagnosticsOf(uri));
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('diagnostics not as expected: ' + JSON.stringify(diagnosticsOf(uri).map((d) => d.message)))); }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (pred(diagnosticsOf(uri))) { clearTimeout(timer); sub.dispose(); resolve(diagnosticsOf(uri)); }
    });
  });
}

describe('e2e probe in a real extension host', () => {
  let uri: vscode.Uri;
  before(async () => {
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'sample.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  it('loads the extension under development', () => {
    const ext = vscode.extensions.getExtension('govspec-e2e.e2e-probe');
    assert.ok(ext, 'extension present');
  });

  it('publishes a diagnostic for PROBE_BAD', async () => {
    const diags = await waitForDiagnostics(uri, (d) => d.length === 1);
    assert.match(diags[0].message, /E2E_PROBE/);
    assert.strictEqual(diags[0].range.start.line, 1);
  });

  it('offers completion items', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 0));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('probeAlpha'), labels.join(','));
  });

  it('clears the diagnostic after the quick fix edit', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnosticsOf(uri)[0].range);
    const fix = actions.find((a) => a.title.startsWith('Replace PROBE_BAD'));
    assert.ok(fix && fix.edit, 'quick fix offered');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
`;

const sampleYaml = 'name: probe sample\nvalue: PROBE_BAD\nother: fine\n\n';

export function makeProbe(root: string): Probe {
  const extension = path.join(root, 'extension');
  const tests = path.join(root, 'tests');
  const workspace = path.join(root, 'workspace');
  for (const d of [extension, tests, workspace]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(extension, 'extension.js'), extensionJs);
  fs.writeFileSync(path.join(tests, 'probe.e2e.ts'), probeTest);
  fs.writeFileSync(path.join(workspace, 'sample.yaml'), sampleYaml);
  fs.writeFileSync(path.join(workspace, 'other.yaml'), 'plain: yaml\n');
  const vsix = path.join(root, 'e2e-probe.vsix');
  writeVsix(extension, vsix);
  return { root, extension, tests, workspace, vsix, id: `${manifest.publisher}.${manifest.name}` };
}

/** A minimal .vsix (what `vsce package` makes): a zip of extension/ plus the two manifests. */
function writeVsix(extensionDir: string, out: string): void {
  const stage = fs.mkdtempSync(path.join(path.dirname(out), 'vsix-'));
  fs.cpSync(extensionDir, path.join(stage, 'extension'), { recursive: true });
  fs.writeFileSync(path.join(stage, '[Content_Types].xml'),
    '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension=".json" ContentType="application/json"/><Default Extension=".js" ContentType="application/javascript"/>' +
    '<Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>');
  const { publisher, name, version, displayName, description } = manifest;
  fs.writeFileSync(path.join(stage, 'extension.vsixmanifest'),
    `<?xml version="1.0" encoding="utf-8"?><PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">` +
    `<Metadata><Identity Language="en-US" Id="${name}" Version="${version}" Publisher="${publisher}"/>` +
    `<DisplayName>${displayName}</DisplayName><Description xml:space="preserve">${description}</Description>` +
    `<Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="${manifest.engines.vscode}"/></Properties></Metadata>` +
    `<Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation><Dependencies/>` +
    `<Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true"/></Assets></PackageManifest>`);
  fs.rmSync(out, { force: true });
  execFileSync('zip', ['-q', '-r', out, '.'], { cwd: stage });
  fs.rmSync(stage, { recursive: true, force: true });
}

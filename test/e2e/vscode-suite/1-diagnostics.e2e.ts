// Diagnostics through the vscode API: every defect of examples/ with its rule id and range, as the CLI reports
// them with --today 2026-11-26 (the workspace's .vscode/settings.json sets govspec.today).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXPECTED, EXPECTED_MESSAGES, activateExtension, codeOf, describeDiagnostic, fileUri, govspecDiagnostics, isRulePage, openDoc, waitForExactly } from './helpers';

describe('GovSpec diagnostics in a real extension host', () => {
  before(async () => {
    await activateExtension();
  });

  it('activates the extension and reads govspec.today from the workspace settings', async () => {
    const ext = await activateExtension();
    assert.ok(ext.isActive);
    assert.strictEqual(vscode.workspace.getConfiguration('govspec', fileUri('services')).get('today'), '2026-11-26');
  });

  for (const [rel, expected] of Object.entries(EXPECTED)) {
    it(`${rel}: ${expected.join(', ')}`, async () => {
      const doc = await openDoc(rel);
      const diagnostics = await waitForExactly(doc.uri, expected);
      for (const d of diagnostics) {
        assert.ok(d.message.length > 10, `a message for ${codeOf(d)}`);
        assert.match(d.message, /[\u4e00-\u9fff]/, 'messages follow the config locale zh-CN');
        const phrase = EXPECTED_MESSAGES[describeDiagnostic(d)];
        assert.ok(d.message.includes(phrase), `${describeDiagnostic(d)} says "${phrase}"; it says: ${d.message}`);
        const target = typeof d.code === 'object' ? d.code.target : undefined;
        assert.ok(target && isRulePage(target, codeOf(d)), `codeDescription links the rule's page in the extension: ${target?.toString()}`);
      }
    });
  }

  it('ranges cover the offending text', async () => {
    const cases: [string, string, string][] = [
      ['services/food-business-licence.service.yaml', 'service/shared-material-agreement', 'GA-SC-2024-002'],
      ['services/marriage-registration.service.yaml', 'schema/type', '07'],
      ['services/household-migration.service.yaml', 'schema/enum', '工作日'],
      ['agreements/household-data-for-market.agreement.yaml', 'agreement/expired', '"2025-12-31"'],
      ['services/individual-business-registration.service.yaml', 'id/uscc', '"115116020082010423"'],
    ];
    for (const [rel, code, text] of cases) {
      const doc = await openDoc(rel);
      const d = govspecDiagnostics(doc.uri).find((x) => codeOf(x) === code);
      assert.ok(d, `${rel}: ${code}`);
      assert.strictEqual(doc.getText(d.range), text, `${rel}: ${code} covers ${text}`);
    }
  });

  it('severity: agreement/expired is a warning, service/shared-material-agreement an error', async () => {
    const expired = govspecDiagnostics(fileUri('agreements/household-data-for-market.agreement.yaml'))[0];
    assert.strictEqual(expired?.severity, vscode.DiagnosticSeverity.Warning);
    const shared = govspecDiagnostics(fileUri('services/food-business-licence.service.yaml'))[0];
    assert.strictEqual(shared?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('date rules take today from govspec.today (2026-11-26), not the clock', async () => {
    const [expired] = govspecDiagnostics(fileUri('agreements/household-data-for-market.agreement.yaml'));
    assert.match(expired?.message ?? '', /今天是 2026-11-26/);
    const [shared] = govspecDiagnostics(fileUri('services/food-business-licence.service.yaml'));
    assert.match(shared?.message ?? '', /今天（2026-11-26）/);
  });

  it('gives no completion or hover to YAML that is not GovSpec (a CI file in the same workspace)', async () => {
    const ci = fileUri('.github/workflows/ci.yaml');
    fs.mkdirSync(vscode.Uri.joinPath(ci, '..').fsPath, { recursive: true });
    fs.writeFileSync(ci.fsPath, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    type: 07\n');
    const doc = await vscode.workspace.openTextDocument(ci);
    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(4, 10));
    assert.deepStrictEqual(items.items.filter((i) => i.detail === '行政确认').map((i) => i.label), []);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 11));
    assert.strictEqual(hovers.length, 0, 'no hover');
  });
});

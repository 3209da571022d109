// What changes documents: a quick fix, a rename across files, and a change in one file updating the diagnostics of
// another (in an editor, and on disk). Every test leaves the workspace as it found it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  EXPECTED, activateExtension, codeOf, describeDiagnostic, fileUri, isRulePage, openDoc, positionOf, revertAll,
  waitForDiagnostics, waitForExactly,
} from './helpers';

const FOOD = 'services/food-business-licence.service.yaml';
const MARRIAGE = 'services/marriage-registration.service.yaml';
const MARKET = 'agreements/household-data-for-market.agreement.yaml';
const UNEMPLOYMENT = 'services/unemployment-registration.service.yaml';
/** The agreement GA-RS-2025-009 that services/unemployment-registration.service.yaml cites but the workspace lacks. */
const NEW_AGREEMENT = `apiVersion: govspec/v1
kind: SharingAgreement
id: GA-RS-2025-009
title: 居民户籍信息共享协议（就业服务）
provider: { name: 广安市公安局广安区分局, uscc: "1151160200820100XH" }
consumer: { name: 广安市广安区人力资源和社会保障局, uscc: "115116020082010347" }
resources:
  - code: "1010100001/00001"
    items: [姓名, 公民身份号码]
purpose: { category: data-verification, description: 核验失业登记人员身份 }
legalBasis:
  - law: 就业服务与就业管理规定
services: ["115116020082010347200006"]
channel: api
validFrom: "2025-06-01"
validTo: "2028-05-31"
application: { date: "2025-05-06" }
retention: { period: P1Y, deletion: 到期后删除 }
security: { measures: [接口调用留痕], riskAssessment: 广安区数据安全风险评估报告〔2025〕3号 }
personalInfo: { present: true, sensitive: false }
onwardTransfer: false
`;

async function renameEdit(doc: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, position, newName);
  assert.ok(edit, 'a rename edit');
  return edit;
}

describe('GovSpec quick fixes, rename and cross-file updates', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await revertAll();
  });

  it('quick fix schema/type: quotes 07 as "07" and the finding goes away', async () => {
    const doc = await openDoc(MARRIAGE, true);
    const [d] = await waitForExactly(doc.uri, EXPECTED[MARRIAGE]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, `a preferred fix among ${titles.join(' | ')}`);
    assert.strictEqual(fix.title, '加引号："07"');
    assert.ok(titles.some((t) => t.includes('禁用 schema/type')), `disable-for-this-line among ${titles.join(' | ')}`);
    const docs = actions.find((a) => a.command?.command === 'govspec.openRuleDoc')?.command;
    assert.ok(docs, 'open the rule doc');
    await vscode.commands.executeCommand(docs.command, ...(docs.arguments ?? []));
    const opened = vscode.window.activeTextEditor?.document.uri;
    assert.ok(opened && isRulePage(opened, 'schema/type'), `the command opens the extension's page of the rule in an editor: ${opened?.toString()}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(doc);
    const lineBefore = doc.lineAt(6).text;
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(6).text, `${lineBefore.slice(0, 6)}"07"${lineBefore.slice(8)}`, 'only the value changes, the comment stays');
    assert.match(doc.lineAt(6).text, /^type: "07" +# 缺陷示例/);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no finding after the fix');
    assert.strictEqual(doc.getText().split('\n').length, fs.readFileSync(doc.uri.fsPath, 'utf8').split('\n').length, 'no line added');
  });

  it('quick fix "disable for this line" adds a suppression comment that silences the rule', async () => {
    const doc = await openDoc(FOOD, true);
    const [d] = await waitForExactly(doc.uri, EXPECTED[FOOD]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title.includes('禁用') && a.edit);
    assert.ok(disable?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(doc.getText(), /govspec-disable-(next-)?line service\/shared-material-agreement -- /);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => codeOf(x) === 'service/shared-material-agreement'), 'the finding suppressed');
  });

  it('renames an agreement id in the agreement and in the service that cites it', async () => {
    const food = await openDoc(FOOD, true);
    const position = positionOf(food, 'agreement: GA-SC-2024-002', 'agreement: GA-'.length);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string } | vscode.Range>('vscode.prepareRename', food.uri, position);
    assert.ok(prepared && 'placeholder' in prepared ? prepared.placeholder === 'GA-SC-2024-002' : food.getText(prepared as vscode.Range) === 'GA-SC-2024-002');
    const edit = await renameEdit(food, position, 'GA-SC-2026-010');
    const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
    assert.deepStrictEqual(files, [MARKET, FOOD].sort());
    assert.ok(await vscode.workspace.applyEdit(edit));
    const market = await openDoc(MARKET);
    assert.match(market.lineAt(3).text, /^id: GA-SC-2026-010$/);
    assert.match(food.getText(), /agreement: GA-SC-2026-010 /);
    for (const doc of [market, food]) assert.ok(!doc.getText().includes('GA-SC-2024-002'), vscode.workspace.asRelativePath(doc.uri));
    // Both renamed: the reference still resolves, so the service's finding is still "expired", not "unknown agreement".
    // Wait for the diagnostics of both renamed texts: those from before the rename sit at the same place, and the
    // service may be linted once before the agreement's new id reaches the index ("no such agreement").
    await waitForDiagnostics(food.uri, (ds) => ds.some((x) => x.message.includes('GA-SC-2026-010') && x.message.includes('2025-12-31')), 'the expired agreement under its new id');
    const [d] = await waitForExactly(food.uri, EXPECTED[FOOD]);
    assert.match(d.message, /GA-SC-2026-010/);
  });

  it('renames a resource code in the catalogue, every agreement and every service', async () => {
    const food = await openDoc(FOOD, true);
    const edit = await renameEdit(food, positionOf(food, 'resource: "1010100001/00001"', 'resource: "10'.length), '1010100001/00099');
    const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
    const expected = [
      'catalogs/public-security.catalog.yaml',
      'agreements/household-data-for-civil-affairs.agreement.yaml',
      MARKET,
      FOOD,
      MARRIAGE,
      'services/minimum-living-allowance.service.yaml',
      'services/unemployment-registration.service.yaml',
    ].sort();
    assert.deepStrictEqual(files, expected);
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const rel of expected) {
      const doc = await openDoc(rel);
      assert.ok(!doc.getText().includes('1010100001/00001'), `${rel}: old code gone`);
      assert.ok(doc.getText().includes('"1010100001/00099"'), `${rel}: new code, quoted`);
    }
    // Every reference renamed together: nothing new is reported for the marriage service (its only finding stays).
    await waitForExactly(fileUri(MARRIAGE), EXPECTED[MARRIAGE]);
  });

  it('extending validTo of the expired agreement in an editor clears the finding of the service that relies on it', async () => {
    const food = await openDoc(FOOD, true);
    await waitForExactly(food.uri, EXPECTED[FOOD]);
    const market = await openDoc(MARKET, true);
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(market, 'validTo: "2025-12-31"', 'validTo: "'.length);
    edit.replace(market.uri, new vscode.Range(at, at.translate(0, 10)), '2027-12-31');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForExactly(market.uri, []);
    await waitForExactly(food.uri, []);
    await revertAll();
    await waitForExactly(food.uri, EXPECTED[FOOD]);
    await waitForExactly(market.uri, EXPECTED[MARKET]);
  });

  it('extending validTo on disk updates the service\'s diagnostics too', async () => {
    const food = await openDoc(FOOD, true);
    await waitForExactly(food.uri, EXPECTED[FOOD]);
    const file = fileUri(MARKET).fsPath;
    const original = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, original.replace('validTo: "2025-12-31"', 'validTo: "2027-12-31"'));
      await waitForExactly(food.uri, []);
    } finally {
      fs.writeFileSync(file, original);
    }
    const back = await waitForExactly(food.uri, EXPECTED[FOOD]);
    assert.deepStrictEqual(back.map(describeDiagnostic), EXPECTED[FOOD]);
  });

  it('a new agreement file written on disk (never opened) resolves the unknown agreement of another service', async () => {
    const unemployment = await openDoc(UNEMPLOYMENT, true);
    await waitForExactly(unemployment.uri, EXPECTED[UNEMPLOYMENT]);
    const file = fileUri('agreements/household-data-for-hr.agreement.yaml').fsPath;
    try {
      fs.writeFileSync(file, NEW_AGREEMENT); // reaches the server only through the file watcher
      await waitForExactly(unemployment.uri, []);
    } finally {
      fs.rmSync(file, { force: true });
    }
    await waitForExactly(unemployment.uri, EXPECTED[UNEMPLOYMENT]);
  });

  it('leaves every example file as it was', async () => {
    for (const rel of Object.keys(EXPECTED)) {
      const doc = await openDoc(rel);
      assert.ok(!doc.isDirty, `${rel} not dirty`);
      await waitForExactly(doc.uri, EXPECTED[rel]);
    }
  });
});

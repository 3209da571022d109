// Completion, hover and navigation through the vscode API, including references to other files of the workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, complete, fileUri, hoverText, isRulePage, labelOf, openDoc, positionOf, waitForExactly, EXPECTED } from './helpers';

const FOOD = 'services/food-business-licence.service.yaml';
const WANTED = 'agreements/wanted-persons-for-hr.agreement.yaml';

describe('GovSpec completion, hover and navigation', () => {
  let food: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    food = await openDoc(FOOD, true);
    // The index is complete once the cross-file finding is there (it names an agreement of another file).
    await waitForExactly(food.uri, EXPECTED[FOOD]);
  });

  it('completes a code-list value with its Chinese label (type: 01 行政许可)', async () => {
    const items = await complete(food, positionOf(food, 'type: "01"', 'type: '.length));
    const licence = items.find((i) => labelOf(i) === '01');
    assert.ok(licence, items.map(labelOf).join(', '));
    assert.strictEqual(licence.detail, '行政许可');
    assert.strictEqual(items.find((i) => labelOf(i) === '07')?.detail, '行政确认');
    const insert = licence.insertText;
    assert.strictEqual(typeof insert === 'string' ? insert : insert?.value, '"01"', 'inserts the quoted code');
  });

  it('completes sharing.agreement with agreement ids from the agreement files', async () => {
    const items = await complete(food, positionOf(food, 'agreement: GA-SC-2024-002', 'agreement: '.length));
    const labels = items.map(labelOf);
    for (const id of ['GA-MZ-2025-001', 'GA-SC-2024-002', 'SC-RS-2025-004', 'GA-RS-2025-003']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
    assert.strictEqual(items.find((i) => labelOf(i) === 'GA-MZ-2025-001')?.detail, '居民户籍信息共享协议（社会救助与婚姻登记）');
  });

  it('completes sharing.resource with catalogue resource codes and names', async () => {
    const items = await complete(food, positionOf(food, 'resource: "1010100001/00001"', 'resource: '.length));
    assert.strictEqual(items.find((i) => labelOf(i) === '1010100001/00001')?.detail, '居民户籍信息');
    assert.strictEqual(items.find((i) => labelOf(i) === '1020100001/00001')?.detail, '市场主体登记信息');
  });

  it('completes resources[].code of an agreement with the provider\'s catalogue resources', async () => {
    const wanted = await openDoc(WANTED);
    const items = await complete(wanted, positionOf(wanted, '- code: "3010200003/00003"', '- code: '.length));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('3010200002/00002'), labels.join(', '));
    assert.strictEqual(items.find((i) => labelOf(i) === '3010200002/00002')?.detail, '居民身份证人像信息');
  });

  it('hovers a code with its label and the field in both languages', async () => {
    const text = await hoverText(food, positionOf(food, 'type: "01"', 'type: "0'.length));
    assert.match(text, /行政许可/);
    assert.match(text, /Item type code/);
    assert.match(text, /事项类型代码/);
  });

  it('hovers a resource code with what the catalogue in another file says', async () => {
    const text = await hoverText(food, positionOf(food, 'resource: "1010100001/00001"', 'resource: "10'.length));
    assert.match(text, /居民户籍信息/);
    assert.match(text, /广安市公安局广安区分局/);
    assert.match(text, /无条件共享/);
  });

  it('hovers an agreement id with its parties and validity, and the finding on it', async () => {
    const text = await hoverText(food, positionOf(food, 'agreement: GA-SC-2024-002', 'agreement: GA-'.length));
    assert.match(text, /居民户籍信息共享协议（市场准入）/);
    assert.match(text, /2024-01-01 – 2025-12-31/);
    assert.match(text, /service\/shared-material-agreement/);
    const link = /\]\((file:[^)\s]+)\)/.exec(text)?.[1];
    assert.ok(link && isRulePage(vscode.Uri.parse(link), 'service/shared-material-agreement'), `the finding's rule doc link opens the extension's page: ${link}`);
  });

  it('goes to the definition of an agreement id in another file', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', food.uri, positionOf(food, 'agreement: GA-SC-2024-002', 'agreement: GA-'.length));
    const target = fileUri('agreements/household-data-for-market.agreement.yaml');
    const uris = locations.map((l) => ('targetUri' in l ? l.targetUri : l.uri).toString());
    assert.deepStrictEqual(uris, [target.toString()]);
    const l = locations[0];
    const range = 'targetUri' in l ? l.targetSelectionRange ?? l.targetRange : l.range;
    assert.strictEqual(range.start.line, 3, 'the `id:` line of the agreement');
  });

  it('finds the references of a resource code in the catalogue, agreements and services', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', food.uri, positionOf(food, 'resource: "1010100001/00001"', 'resource: "10'.length));
    const files = new Set(refs.map((r) => vscode.workspace.asRelativePath(r.uri)));
    for (const f of ['catalogs/public-security.catalog.yaml', 'agreements/household-data-for-civil-affairs.agreement.yaml',
      'services/marriage-registration.service.yaml', FOOD]) assert.ok(files.has(f), `${f} in ${[...files].join(', ')}`);
  });
});

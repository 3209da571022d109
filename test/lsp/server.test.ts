import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient, exampleFiles } from './harness';

const SERVICE = 'services/food-business-licence.service.yaml';
const CATALOG = 'catalogs/public-security.catalog.yaml';

/** Whether a link leads to the package's own page of the rule (offline), not to the web. */
function isRulePage(target: string | undefined, ruleId: string): boolean {
  if (!target?.startsWith('file:')) return false;
  const page = fileURLToPath(target);
  return page.endsWith(path.join('rules', ...ruleId.split('/'), 'README.md')) && fs.existsSync(page);
}

/** The position of the `n`th occurrence of `needle` in a text, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0) {
  const offset = text.indexOf(needle) + shift;
  assert.ok(offset >= shift, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server over an in-memory connection', function () {
  let client: TestClient;
  let service: string;

  before(async () => {
    client = await TestClient.start(exampleFiles());
    service = client.text(SERVICE);
  });
  after(() => client.dispose());

  it('publishes diagnostics with rule ids, doc links and fixes on open', async () => {
    const diagnostics = await client.open(SERVICE);
    assert.ok(diagnostics.length > 0, 'the example service has a known defect');
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'govspec');
      assert.match(String(d.code), /^[a-z]+\/[a-z-]+$/);
      assert.ok(isRulePage(d.codeDescription?.href, String(d.code)), `the rule's page in the package: ${d.codeDescription?.href}`);
      assert.ok(Array.isArray((d.data as { fixes: unknown[] }).fixes));
    }
  });

  it('completes region codes by place name', async () => {
    const text = service.replace('region: "511602"', 'region: 海淀');
    await client.change(SERVICE, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(SERVICE) }, position: positionOf(text, 'region: 海淀', 'region: 海淀'.length) });
    const item = list.items.find((i) => i.label === '110108 海淀区');
    assert.ok(item, list.items.map((i) => i.label).join(', '));
    assert.strictEqual((item.textEdit as { newText: string }).newText, '"110108"');
    await client.change(SERVICE, service);
  });

  it('completes code-list values with their Chinese labels', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(SERVICE) }, position: positionOf(service, 'type: "01"', 'type: '.length) });
    const licence = list.items.find((i) => i.label === '01');
    assert.strictEqual(licence?.detail, '行政许可');
  });

  it('hovers a code with its label and the field in both languages', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri(SERVICE) }, position: positionOf(service, 'type: "01"', 'type: "0'.length) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /行政许可/);
    assert.match(value, /Item type code/);
  });

  it('goes to the definition of a resource code in another file', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(SERVICE) }, position: positionOf(service, '"1010100001/00001"', 3) });
    assert.deepStrictEqual(locations.map((l) => l.uri), [client.uri(CATALOG)]);
    const catalog = client.text(CATALOG);
    assert.strictEqual(locations[0].range.start.line, positionOf(catalog, '"1010100001/00001"').line);
  });

  it('finds references across files and renames them all', async () => {
    const position = positionOf(service, '"1010100001/00001"', 3);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: client.uri(SERVICE) }, position, context: { includeDeclaration: true } });
    assert.ok(new Set(refs.map((r) => r.uri)).size >= 3, refs.map((r) => r.uri).join('\n'));
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri(SERVICE) }, position, newName: '1010100001/00099' });
    const changes = edit.changes ?? {};
    assert.deepStrictEqual(Object.keys(changes).sort(), [...new Set(refs.map((r) => r.uri))].sort());
    for (const list of Object.values(changes)) for (const e of list) assert.strictEqual(e.newText, '"1010100001/00099"');
  });

  it('outlines the documents and their materials', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(SERVICE) } });
    assert.strictEqual(symbols.length, 1);
    assert.match(symbols[0].name, /食品经营许可/);
    assert.ok(symbols[0].children!.some((c) => c.name === '法定代表人身份证明'));
  });

  it('searches workspace symbols by name', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '户籍' });
    assert.ok(symbols.some((s) => s.location.uri === client.uri(CATALOG)), symbols.map((s) => s.name).join(', '));
  });

  it('offers the fixes of a diagnostic, disabling the rule for the line and the rule doc', async () => {
    const broken = service.replace('caseType: "2"', 'caseType: "２"');
    const d = (await client.change(SERVICE, broken)).find((x) => x.code === 'schema/enum') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(SERVICE) }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.edit?.changes?.[client.uri(SERVICE)]?.[0].newText === '"2"');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const disable = actions.find((a) => a.title.includes('禁用'));
    assert.deepStrictEqual(disable?.edit?.changes?.[client.uri(SERVICE)], [{
      range: { start: { line: d.range.start.line, character: 13 }, end: { line: d.range.start.line, character: 13 } },
      newText: '  # govspec-disable-line schema/enum -- 原因',
    }]);
    assert.ok(actions.some((a) => a.command?.command === 'govspec.openRuleDoc' && a.command.arguments?.[0] === d.codeDescription?.href));
    await client.change(SERVICE, service);
  });

  it("hovers a finding with a link to the rule's page inside the package, offline", async () => {
    const broken = service.replace('caseType: "2"', 'caseType: "２"');
    const d = (await client.change(SERVICE, broken)).find((x) => x.code === 'schema/enum') as Diagnostic;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri(SERVICE) }, position: d.range.start });
    const value = (hover.contents as { value: string }).value;
    const link = /\[规则说明 · Rule documentation\]\(([^)]+)\)/.exec(value)?.[1];
    assert.ok(isRulePage(link, 'schema/enum'), `hover links ${link}: ${value}`);
    assert.strictEqual(link, d.codeDescription?.href, 'the same page as the diagnostic');
    await client.change(SERVICE, service);
  });

  it('updates diagnostics when the document changes', async () => {
    const broken = service.replace('caseType: "2"', 'caseType: "7"');
    const diagnostics = await client.change(SERVICE, broken);
    assert.ok(diagnostics.some((d) => d.code === 'schema/enum' && d.range.start.line === positionOf(broken, 'caseType').line));
    const fixed = await client.change(SERVICE, service);
    assert.ok(!fixed.some((d) => d.code === 'schema/enum'));
  });

  it('re-lints an open document when a closed file it depends on changes on disk', async () => {
    const uri = client.uri(SERVICE);
    const before = client.diagnostics.get(uri) ?? [];
    assert.ok(!before.some((d) => d.code === 'service/duplicate-code'));
    const twin = service.replace('name: 食品经营许可（新办）', 'name: 食品经营许可（复制）');
    const updated = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'service/duplicate-code'));
    await client.writeOnDisk('services/twin.service.yaml', twin);
    const diagnostics = await updated;
    const duplicate = diagnostics.find((d) => d.code === 'service/duplicate-code')!;
    assert.ok(duplicate.relatedInformation?.some((r) => r.location.uri === client.uri('services/twin.service.yaml')));
  });

  it('gives nothing to YAML that is not GovSpec', async () => {
    const ci = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    type: [';
    const diagnostics = await client.open('ci.yaml', ci);
    assert.deepStrictEqual(diagnostics, []);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri('ci.yaml') }, position: { line: 3, character: 4 } });
    assert.strictEqual(list?.items.length ?? 0, 0);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('ci.yaml') }, position: { line: 1, character: 1 } });
    assert.strictEqual(hover, null);
  });
});

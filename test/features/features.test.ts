import * as assert from 'assert';
import { complete, definition, hover, prepareRename, references, rename, documentSymbols, workspaceSymbols, codeActions } from '../../server/src/engine/features';
import { TestWorkspace } from './workspace';

const AGENCY = `apiVersion: govspec/v1
kind: Agency
uscc: "11511602008201018H"
name: 广安市广安区市场监督管理局
region: "511602"
level: "4"
`;

const CATALOG = `apiVersion: govspec/v1
kind: Catalog
provider:
  name: 广安市广安区市场监督管理局
  uscc: "11511602008201018H"
resources:
  - code: "1010100001/00001"
    name: 居民户籍信息
    items:
      - { name: 姓名, dataType: C, length: 50, personal: personal }
      - { name: 公民身份号码, dataType: C, length: 18, personal: sensitive }
    share: { type: unconditional, mode: platform }
`;

const AGREEMENT = `apiVersion: govspec/v1
kind: SharingAgreement
id: GA-2025-001
title: 户籍信息共享协议
provider: { name: 广安市广安区市场监督管理局, uscc: "11511602008201018H" }
consumer: { name: 广安市广安区民政局, uscc: "11511602MB1234567X" }
resources:
  - code: "1010100001/00001"
    items: [姓名]
validFrom: "2025-01-01"
validTo: "2027-12-31"
`;

const SERVICE = `apiVersion: govspec/v1
kind: Service
name: 婚姻登记
implementationCode: "S001"
type: "07"
region: "511602"
implementer:
  name: 广安市广安区民政局
  uscc: "11511602MB1234567X"
materials:
  - id: id-card
    name: 身份证
    required: true
    source: sharing
    sharing:
      agreement: GA-2025-001
      resource: "1010100001/00001"
      items: [姓名]
`;

function workspace(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return new TestWorkspace({ 'a.agency.yaml': AGENCY, 'c.catalog.yaml': CATALOG, 'g.agreement.yaml': AGREEMENT, 's.service.yaml': SERVICE }, locale);
}

describe('features: completion', () => {
  it('offers the missing keys of the object at the cursor, required first, as snippets', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('type: "07"\n', 'type: "07"\n|\n'));
    const items = complete(ws, open, position).items;
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('name') && !labels.includes('type'), 'present keys are not offered');
    const required = items.filter((i) => i.sortText?.startsWith('0')).map((i) => i.label);
    assert.ok(required.includes('statutoryLimit') && !required.includes('appointment'));
    const limit = items.find((i) => i.label === 'statutoryLimit')!;
    assert.strictEqual(limit.insertText, 'statutoryLimit:\n  value: ${1:0}\n  unit: ${2|workday,day,hour,month|}');
    assert.ok(limit.snippet);
    assert.match(limit.detail ?? '', /法定办结时限/);
  });

  it('offers code-list values with the Chinese label as detail and both languages as documentation', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('type: "07"', 'type: |'));
    const item = complete(ws, open, position).items.find((i) => i.label === '01')!;
    assert.strictEqual(item.detail, '行政许可');
    assert.strictEqual(item.insertText, '"01"');
    assert.match(item.documentation!, /行政许可 · Administrative/);
  });

  it('searches region codes by place name', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('region: "511602"', 'region: 海淀|'));
    const result = complete(ws, open, position);
    assert.ok(result.incomplete);
    assert.deepStrictEqual(result.items.map((i) => [i.label, i.insertText, i.detail]).slice(0, 1), [['110108 海淀区', '"110108"', '北京市 海淀区']]);
  });

  it('fills an agency reference by name: the name and, on the next line, its USCC (cross-file)', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('  name: 广安市广安区民政局\n  uscc: "11511602MB1234567X"', '  name: 市场监督|'));
    const item = complete(ws, open, position).items.find((i) => i.label === '广安市广安区市场监督管理局')!;
    assert.strictEqual(item.insertText, '广安市广安区市场监督管理局');
    assert.deepStrictEqual(item.additionalEdits?.map((e) => e.newText), ['\n  uscc: "11511602008201018H"']);
  });

  it('offers agreement ids, resource codes and the items of the named resource from other files', () => {
    const ws = workspace();
    let at = ws.openAt('s.service.yaml', SERVICE.replace('agreement: GA-2025-001', 'agreement: GA|'));
    assert.deepStrictEqual(complete(ws, at.open, at.position).items.map((i) => [i.label, i.detail]), [['GA-2025-001', '户籍信息共享协议']]);
    at = ws.openAt('s.service.yaml', SERVICE.replace('resource: "1010100001/00001"', 'resource: |'));
    assert.deepStrictEqual(complete(ws, at.open, at.position).items.map((i) => i.insertText), ['"1010100001/00001"']);
    at = ws.openAt('s.service.yaml', SERVICE.replace('items: [姓名]', 'items:\n        - 姓名\n        - |'));
    assert.deepStrictEqual(complete(ws, at.open, at.position).items.map((i) => i.label), ['公民身份号码']);
  });

  it('starts an empty file named like a service with the whole document', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('new.service.yaml', '|');
    const first = complete(ws, open, position).items[0];
    assert.strictEqual(first.kind, 'document');
    assert.match(first.insertText, /^apiVersion: govspec\/v1\nkind: Service\nname: \$1\n/);
  });

  it('gives nothing in YAML that is not GovSpec', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('ci.yaml', 'on: push\njobs:\n  |');
    assert.deepStrictEqual(complete(ws, open, position).items, []);
  });
});

describe('features: hover', () => {
  it('explains a field in both languages with its source', () => {
    const ws = workspace('en');
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('implementationCode:', 'implementation|Code:'));
    const text = hover(ws, open, position, [])!.markdown;
    assert.match(text, /^\*\*Implementation code · 实施编码\*\*/);
    assert.match(text, /\*Source · 依据:\* GB\/T 39046-2020/);
  });

  it('labels a code and titles its field once', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('type: "07"', 'type: "0|7"'));
    const text = hover(ws, open, position, [])!.markdown;
    assert.match(text, /^`07` 行政确认 · Administrative confirmation\n/);
    assert.strictEqual(text.split('事项类型代码 · Item type code').length - 1, 1, text);
  });

  it('resolves a reference: the agreement, its parties and validity', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('agreement: GA-2025-001', 'agreement: GA-2025|-001'));
    const text = hover(ws, open, position, [])!.markdown;
    assert.match(text, /户籍信息共享协议/);
    assert.match(text, /广安市广安区市场监督管理局 \(`11511602008201018H`\)/);
    assert.match(text, /2025-01-01 – 2027-12-31/);
  });

  it('names a region and shows the rule of a finding with its doc link', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('s.service.yaml', SERVICE.replace('region: "511602"', 'region: "5116|02"'));
    const finding = { ruleId: 'id/region', message: { 'zh-CN': '不存在', en: 'unknown' }, range: { start: position, end: position } };
    const text = hover(ws, open, position, [finding])!.markdown;
    assert.match(text, /\*\*id\/region\*\*/);
    assert.match(text, /rules\/id\/region\/README\.md/);
    assert.match(text, /四川省 广安市 广安区/);
  });
});

describe('features: navigation and rename', () => {
  it('goes from a USCC to its Agency document, and finds every use', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('c.catalog.yaml', CATALOG.replace('uscc: "1151', 'uscc: "1|151'));
    assert.deepStrictEqual(definition(ws, open, position).map((l) => [l.file, l.range.start.line]), [['a.agency.yaml', 2]]);
    assert.deepStrictEqual(references(ws, open, position, false).map((l) => l.file).sort(), ['c.catalog.yaml', 'g.agreement.yaml']);
  });

  it('renames an item name in the catalogue, the agreement and the service, keeping each quoting', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('c.catalog.yaml', CATALOG.replace('{ name: 姓名', '{ name: 姓|名'));
    assert.strictEqual(prepareRename(ws, open, position)?.placeholder, '姓名');
    const edits = rename(ws, open, position, '姓名（中文）')!;
    assert.deepStrictEqual([...edits.keys()].sort(), ['c.catalog.yaml', 'g.agreement.yaml', 's.service.yaml']);
    for (const list of edits.values()) assert.deepStrictEqual(list.map((e) => e.newText), ['姓名（中文）']);
  });

  it('quotes a renamed code the way it was written', () => {
    const ws = workspace();
    const { open, position } = ws.openAt('g.agreement.yaml', AGREEMENT.replace('id: GA-2025-001', 'id: GA|-2025-001'));
    const edits = rename(ws, open, position, '2025-001')!;
    assert.deepStrictEqual(edits.get('s.service.yaml')!.map((e) => e.newText), ['"2025-001"']);
  });
});

describe('features: symbols and code actions', () => {
  it('outlines a catalogue with its resources and items', () => {
    const ws = workspace();
    const { open } = ws.openAt('c.catalog.yaml', `${CATALOG}|`);
    const [doc] = documentSymbols(open);
    assert.strictEqual(doc.name, 'Catalog: 广安市广安区市场监督管理局');
    assert.deepStrictEqual(doc.children.map((c) => [c.name, c.children.map((i) => i.name)]), [['1010100001/00001', ['姓名', '公民身份号码']]]);
  });

  it('finds services, resources and agreements by name or code', () => {
    const ws = workspace();
    assert.deepStrictEqual(workspaceSymbols(ws, '户籍').map((s) => s.kind).sort(), ['agreement', 'resource']);
    assert.deepStrictEqual(workspaceSymbols(ws, 'S00').map((s) => s.name), ['S001 婚姻登记']);
  });

  it('adds a rule to a suppression comment already on the line', () => {
    const ws = workspace();
    const { open } = ws.openAt('s.service.yaml', SERVICE.replace('type: "07"', 'type: "07" # govspec-disable-line service/x -- r|'));
    const finding = { ruleId: 'schema/enum', range: { start: { line: 4, character: 6 }, end: { line: 4, character: 10 } }, fixes: [] };
    const disable = codeActions(open, [finding], 'en').find((a) => a.title.startsWith('Disable'))!;
    assert.deepStrictEqual(disable.edits!.get('s.service.yaml')!.map((e) => [e.range.start.character, e.newText]), [[34, 'schema/enum, ']]);
  });
});

describe('features: the cursor on the cached parse and on text that does not parse', () => {
  const at = (marked: string, file = 's.service.yaml') => {
    const ws = workspace();
    const { open, position } = ws.openAt(file, marked);
    return complete(ws, open, position).items.map((i) => i.label);
  };

  it('places a blank line by its indentation: a sibling key, or the object its parent key opens', () => {
    assert.ok(at(SERVICE.replace('type: "07"\n', 'type: "07"\n|\n')).includes('statutoryLimit'));
    const sibling = at(SERVICE.replace('    name: 身份证\n', '    name: 身份证\n    |\n'));
    assert.ok(sibling.includes('originals') && !sibling.includes('name') && !sibling.includes('statutoryLimit'), sibling.join(', '));
    const opened = at(SERVICE.replace('  name: 广安市广安区民政局\n  uscc: "11511602MB1234567X"\n', '\n  |\n'));
    assert.ok(opened.includes('name') && opened.includes('uscc') && !opened.includes('statutoryLimit'), opened.join(', '));
  });

  it('offers the key under the cursor again (the line is taken out of the data)', () => {
    const labels = at(SERVICE.replace('type: "07"', '|type: "07"'));
    assert.ok(labels.includes('type'), labels.join(', '));
  });

  it('falls back to the placeholder on a half-typed key, in the cursor document of a multi-document file', () => {
    const labels = at(`${AGENCY}---\n${SERVICE.replace('type: "07"\n', 'type: "07"\nstat|\n')}`, 'both.yaml');
    assert.ok(labels.includes('statutoryLimit'), labels.join(', '));
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import { TestClient, exampleFiles } from './harness';

const CATALOG = 'catalogs/public-security.catalog.yaml';
const SERVICE = 'services/food-business-licence.service.yaml';
const MARRIAGE = 'services/marriage-registration.service.yaml';
const AGREEMENT = 'agreements/household-data-for-market.agreement.yaml';
const BASIS_URL = 'https://www.gov.cn/zhengce/2016-09/19/content_5109486.htm';
const SOURCE_URL = 'http://example.gov.cn/catalogue?id=1';

/** The link over the first occurrence of `needle`, or undefined. */
function linkOver(links: DocumentLink[], text: string, needle: string): DocumentLink | undefined {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  const start = { line: before.length - 1, character: before[before.length - 1].length };
  return links.find((l) => l.range.start.line === start.line && l.range.start.character === start.character);
}

describe('language server: document links (web pages, rule pages, definitions)', function () {
  let client: TestClient;

  before(async () => {
    const files = exampleFiles();
    // A basis that cites its page (Chinese punctuation right after the address), and a source written as a web page.
    files[CATALOG] = files[CATALOG]
      .replace('basis: 《中华人民共和国刑事诉讼法》及公安部有关规定', `basis: 《中华人民共和国刑事诉讼法》及公安部有关规定，见 ${BASIS_URL}。`)
      .replace('    publishDate: "2024-03-01"\n', `    publishDate: "2024-03-01"\n    x-note: { source: "${SOURCE_URL}", other: "https://not.linked.example" }\n`);
    client = await TestClient.start(files);
    for (const file of [CATALOG, SERVICE, MARRIAGE]) await client.open(file);
  });
  after(() => client.dispose());

  const links = (file: string) => client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: client.uri(file) } });
  const setSettings = (settings: Record<string, unknown>) => client.updateSettings(settings);

  it('declares the provider', async () => {
    assert.deepStrictEqual((await TestClient.serverCapabilities()).documentLinkProvider, { resolveProvider: false });
  });

  it('links the web addresses of basis and source fields, and no other field', async () => {
    const text = client.text(CATALOG);
    const list = await links(CATALOG);
    const basis = linkOver(list, text, BASIS_URL);
    assert.strictEqual(basis?.target, BASIS_URL);
    assert.strictEqual(basis.range.end.character - basis.range.start.character, BASIS_URL.length);
    assert.strictEqual(basis.tooltip, '打开网页');
    assert.strictEqual(linkOver(list, text, SOURCE_URL)?.target, SOURCE_URL);
    assert.strictEqual(linkOver(list, text, 'https://not.linked.example'), undefined);
    // The service's online.url is not a basis or a source.
    const service = client.text(SERVICE);
    assert.strictEqual(linkOver(await links(SERVICE), service, 'https://www.sczwfw.gov.cn'), undefined);
  });

  it("links a suppression comment's rule id to the rule's page inside the package, offline", async () => {
    const text = client.text(MARRIAGE);
    const rule = linkOver(await links(MARRIAGE), text, 'service/max-one-visit');
    const target = rule?.target ?? '';
    assert.ok(target.startsWith('file://'), target);
    const page = fileURLToPath(target);
    assert.ok(page.endsWith(path.join('rules', 'service', 'max-one-visit', 'README.md')), page);
    assert.match(fs.readFileSync(page, 'utf8'), /service\/max-one-visit/);
    assert.strictEqual(rule?.tooltip, '打开规则说明');
  });

  it('links agreement ids and resource codes to their definitions, with the line and column', async () => {
    const text = client.text(SERVICE);
    const list = await links(SERVICE);
    const agreement = linkOver(list, text, 'GA-SC-2024-002');
    const idLine = client.text(AGREEMENT).split('\n').findIndex((l) => l.startsWith('id: GA-SC-2024-002'));
    assert.strictEqual(agreement?.target, `${client.uri(AGREEMENT)}#L${idLine + 1},5`);
    assert.strictEqual(agreement.tooltip, '转到定义');
    const resource = linkOver(list, text, '"1010100001/00001"');
    const codeLine = client.text(CATALOG).split('\n').findIndex((l) => l.includes('code: "1010100001/00001"'));
    assert.strictEqual(resource?.target, `${client.uri(CATALOG)}#L${codeLine + 1},11`);
    // An agreement the workspace does not hold has nowhere to lead.
    const unemployment = 'services/unemployment-registration.service.yaml';
    await client.open(unemployment);
    assert.strictEqual(linkOver(await links(unemployment), client.text(unemployment), 'GA-RS-2025-009'), undefined);
  });

  it('speaks English when the locale is en, and shows nothing when govspec.documentLinks.enable is false', async () => {
    await setSettings({ locale: 'en' });
    const tooltips = new Set((await links(MARRIAGE)).map((l) => l.tooltip));
    assert.ok(tooltips.has('Open the rule documentation') && tooltips.has('Go to the definition'), JSON.stringify([...tooltips]));
    await setSettings({ documentLinks: { enable: false } });
    assert.deepStrictEqual(await links(MARRIAGE), []);
    await setSettings({ locale: 'auto', documentLinks: { enable: true } });
    assert.ok((await links(MARRIAGE)).length > 0);
  });
});

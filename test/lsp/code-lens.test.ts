import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeLens, Location } from 'vscode-languageserver-protocol';
import { TestClient, exampleFiles } from './harness';
import { uriOfPath } from '../../server/src/lsp/files';

const CATALOG = 'catalogs/public-security.catalog.yaml';
const AGREEMENT = 'agreements/household-data-for-market.agreement.yaml';
const AGENCIES = 'agencies/guang-an-district.agency.yaml';
const SERVICE = 'services/food-business-licence.service.yaml';
const HOUSEHOLDS = '1010100001/00001';

interface Shown { line: number; title: string; command: string; locations: Location[] }

async function lenses(client: TestClient, file: string): Promise<Shown[]> {
  const list = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri(file) } });
  const shown: Shown[] = [];
  for (const lens of list) {
    assert.strictEqual(lens.command, undefined, 'lenses are counted when resolved');
    const resolved = await client.request<CodeLens>('codeLens/resolve', lens);
    const [uri, position, locations] = resolved.command?.arguments ?? [];
    assert.strictEqual(uri, client.uri(file));
    assert.deepStrictEqual(position, lens.range.start);
    shown.push({ line: lens.range.start.line, title: resolved.command!.title, command: resolved.command!.command, locations });
  }
  return shown;
}

/** The 0-based line of the first line of `text` holding `needle`. */
function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not in text`);
  return line;
}

describe('language server: code lenses (uses of resources, agreements and agencies)', function () {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(exampleFiles());
    for (const file of [CATALOG, AGREEMENT, AGENCIES]) await client.open(file);
  });
  after(() => client.dispose());

  const setSettings = (settings: Record<string, unknown>) => client.updateSettings(settings);

  it('declares the provider with resolve', async () => {
    assert.deepStrictEqual((await TestClient.serverCapabilities()).codeLensProvider, { resolveProvider: true });
  });

  it('shows over a resource code the agreements that share it and the services that use it, and opens them', async () => {
    const shown = await lenses(client, CATALOG);
    const households = shown.find((l) => l.line === lineOf(client.text(CATALOG), `code: "${HOUSEHOLDS}"`));
    assert.strictEqual(households?.title, '2 份协议共享 · 4 个事项引用');
    assert.strictEqual(households.command, 'editor.action.showReferences');
    const files = households.locations.map((l) => path.relative(client.root, new URL(l.uri).pathname)).sort();
    assert.deepStrictEqual(files, [
      'agreements/household-data-for-civil-affairs.agreement.yaml', AGREEMENT,
      'services/food-business-licence.service.yaml', 'services/unemployment-registration.service.yaml',
      'services/marriage-registration.service.yaml', 'services/minimum-living-allowance.service.yaml',
    ].sort());
    // Each location is the reference itself: the code in the agreement's resources.
    const inAgreement = households.locations.find((l) => l.uri === client.uri(AGREEMENT));
    assert.strictEqual(inAgreement?.range.start.line, lineOf(client.text(AGREEMENT), `code: "${HOUSEHOLDS}"`));
    assert.ok(shown.some((l) => l.title === '0 份协议共享 · 0 个事项引用' && l.locations.length === 0));
  });

  it('shows over an agreement id the services that use it', async () => {
    const shown = await lenses(client, AGREEMENT);
    assert.deepStrictEqual(shown.map((l) => [l.line, l.title]), [[lineOf(client.text(AGREEMENT), 'id: GA-SC-2024-002'), '1 个事项使用']]);
    assert.deepStrictEqual(shown[0].locations.map((l) => l.uri), [client.uri(SERVICE)]);
  });

  it('shows over an agency what it provides and what it consumes', async () => {
    const text = client.text(AGENCIES);
    const shown = await lenses(client, AGENCIES);
    const police = shown.find((l) => l.line === lineOf(text, 'uscc: "1151160200820100XH"'));
    assert.strictEqual(police?.title, '提供 3 项资源 · 使用 0 份协议');
    assert.ok(police.locations.every((l) => l.uri.endsWith('.catalog.yaml')));
    const market = shown.find((l) => l.line === lineOf(text, 'uscc: "11511602008201018H"'));
    assert.strictEqual(market?.title, '提供 2 项资源 · 使用 1 份协议');
    assert.deepStrictEqual(market.locations.filter((l) => l.uri.endsWith('.agreement.yaml')).map((l) => l.uri), [client.uri(AGREEMENT)]);
  });

  it('speaks English when the locale is en, and shows nothing when govspec.codeLens.enable is false', async () => {
    await setSettings({ locale: 'en' });
    const titles = (await lenses(client, CATALOG)).map((l) => l.title);
    assert.ok(titles.includes('shared by 2 agreements · used by 4 services'), JSON.stringify(titles));
    assert.ok(titles.includes('shared by 1 agreement · used by 0 services'), JSON.stringify(titles));
    assert.deepStrictEqual((await lenses(client, AGREEMENT)).map((l) => l.title), ['used by 1 service']);
    assert.ok((await lenses(client, AGENCIES)).some((l) => l.title === 'provides 2 resources · uses 1 agreement'));
    await setSettings({ codeLens: { enable: false } });
    assert.deepStrictEqual(await lenses(client, CATALOG), []);
    await setSettings({ locale: 'auto', codeLens: { enable: true } });
    assert.ok((await lenses(client, CATALOG)).length > 0);
  });
});

describe('language server: code lenses follow the workspace index', function () {
  it('asks the client to refresh its lenses after an edit elsewhere, and the count changes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-lsp-'));
    for (const [rel, text] of Object.entries(exampleFiles())) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const client = new TestClient(root);
    let refreshes = 0;
    const refreshed = () => new Promise<void>((resolve) => client.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      resolve();
      return null;
    }));
    const ready = client.waitForStatus((s) => s.state === 'ready');
    const initialRefresh = refreshed();
    await client.request('initialize', {
      processId: null, rootUri: uriOfPath(root), locale: 'zh-CN', workspaceFolders: [{ uri: uriOfPath(root), name: 'ws' }],
      capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } } }, initializationOptions: { opensRuleDocs: true },
    });
    await client.connection.sendNotification('initialized', {});
    await ready;
    await initialRefresh;
    try {
      await client.open(CATALOG);
      await client.open(AGREEMENT);
      const before = await lenses(client, AGREEMENT);
      assert.deepStrictEqual(before.map((l) => l.title), ['1 个事项使用']);
      // Another service starts to use the agreement: the index changes, the client is told, the lens counts 2.
      const other = 'services/marriage-registration.service.yaml';
      const text = client.text(other);
      assert.match(text, /agreement: GA-MZ-2025-001/);
      const after = refreshed();
      const count = refreshes;
      await client.open(other, text.replace('agreement: GA-MZ-2025-001', 'agreement: GA-SC-2024-002'));
      await after;
      assert.strictEqual(refreshes, count + 1);
      assert.deepStrictEqual((await lenses(client, AGREEMENT)).map((l) => l.title), ['2 个事项使用']);
      const households = (await lenses(client, CATALOG)).find((l) => l.line === lineOf(client.text(CATALOG), `code: "${HOUSEHOLDS}"`));
      assert.strictEqual(households?.title, '2 份协议共享 · 4 个事项引用');
    } finally {
      await client.dispose();
    }
  });
});

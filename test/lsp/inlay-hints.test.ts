import * as assert from 'assert';
import type { InlayHint, Position } from 'vscode-languageserver-protocol';
import { TestClient, exampleFiles } from './harness';

const EXPIRED = 'agreements/household-data-for-market.agreement.yaml';
const IN_FORCE = 'agreements/household-data-for-civil-affairs.agreement.yaml';
const SERVICE = 'services/food-business-licence.service.yaml';

/** The position just after the first occurrence of `needle`. */
function endOf(text: string, needle: string): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset + needle.length).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server: inlay hints (validity, region names, agency names)', function () {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(exampleFiles());
    for (const file of [EXPIRED, IN_FORCE, SERVICE]) await client.open(file);
  });
  after(() => client.dispose());

  const hints = (file: string) => client.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri: client.uri(file) }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } },
  });
  const setSettings = (settings: Record<string, unknown>) => client.updateSettings(settings);

  it('declares the provider', async () => {
    assert.strictEqual((await TestClient.serverCapabilities()).inlayHintProvider, true);
  });

  it("shows how long an agreement's validTo is from the configured today, in the server's language", async () => {
    // The tests' today is 2026-06-01: 2025-12-31 lapsed 152 days before; 2029-12-31 is 1,309 days on.
    const expired = await hints(EXPIRED);
    const text = client.text(EXPIRED);
    assert.deepStrictEqual(expired.filter((h) => String(h.label).includes('天')), [{ position: endOf(text, 'validTo: "2025-12-31"'), label: '已过期 152 天', paddingLeft: true }]);
    assert.ok((await hints(IN_FORCE)).some((h) => h.label === '还有 1309 天到期'));
  });

  it('names the agencies of USCCs from the workspace index and regions by place name', async () => {
    const text = client.text(EXPIRED);
    const provider = (await hints(EXPIRED)).find((h) => h.position.line === endOf(text, 'uscc: "1151160200820100XH"').line);
    assert.strictEqual(provider?.label, '广安市公安局广安区分局');
    assert.deepStrictEqual(provider?.position, endOf(text, 'uscc: "1151160200820100XH"'));
    const service = client.text(SERVICE);
    const region = (await hints(SERVICE)).find((h) => h.position.line === endOf(service, 'region: "511602"').line);
    assert.match(String(region?.label), /广安区/);
  });

  it("shows the day an agreement's reply is due, the configured working days after its application", async () => {
    // 2023-12-01 (a Friday) + 10 working days of the example config = 2023-12-15.
    const text = client.text(EXPIRED);
    assert.deepStrictEqual((await hints(EXPIRED)).filter((h) => String(h.label).startsWith('答复期限')),
      [{ position: endOf(text, 'application: { date: "2023-12-01"'), label: '答复期限 2023-12-15（10 个工作日）', paddingLeft: true }]);
  });

  it("shows the day a service's limits in working days fall on when received today, holidays skipped", async () => {
    // From Monday 2026-06-01: 5 working days end on 06-08; 10 end on 06-15 (2026's Dragon Boat Festival, 06-19, comes later).
    const text = client.text(SERVICE);
    const list = await hints(SERVICE);
    assert.deepStrictEqual(list.find((h) => h.position.line === endOf(text, 'statutoryLimit: { value: 10').line),
      { position: endOf(text, 'statutoryLimit: { value: 10'), label: '今日受理则 2026-06-15 届满', paddingLeft: true });
    assert.strictEqual(list.find((h) => h.position.line === endOf(text, 'promisedLimit: { value: 5').line)?.label, '今日受理则 2026-06-08 届满');
  });

  it('counts a reply deadline across the National Day holiday with its 调休 days, and a limit in calendar days gets none', async () => {
    const files = exampleFiles();
    files['govspec.config.yaml'] = files['govspec.config.yaml'].replace('workdays: 10', 'workdays: 3');
    files['agreements/household-data-for-market.agreement.yaml'] = files[EXPIRED].replace('date: "2023-12-01"', 'date: "2026-09-24"');
    const other = await TestClient.start(files);
    try {
      await other.open(EXPIRED);
      await other.open('services/unemployment-registration.service.yaml');
      const list = await other.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: other.uri(EXPIRED) }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } });
      // Thu 09-24 → 09-28, 09-29, 09-30 (09-25…27 off): due 09-30; one day more would be 10-08, past the Golden Week.
      assert.ok(list.some((h) => h.label === '答复期限 2026-09-30（3 个工作日）'), JSON.stringify(list));
      const days = await other.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: other.uri('services/unemployment-registration.service.yaml') }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } });
      assert.deepStrictEqual(days.filter((h) => /届满|due/.test(String(h.label))), []);
    } finally {
      await other.dispose();
    }
  });

  it('speaks English when the locale is en, and shows nothing when govspec.inlayHints.enable is false', async () => {
    await setSettings({ locale: 'en' });
    assert.ok((await hints(EXPIRED)).some((h) => h.label === 'expired 152 days ago'), JSON.stringify(await hints(EXPIRED)));
    assert.ok((await hints(IN_FORCE)).some((h) => h.label === 'expires in 1309 days'));
    assert.ok((await hints(EXPIRED)).some((h) => h.label === 'reply due 2023-12-15 (10 working days)'));
    assert.ok((await hints(SERVICE)).some((h) => h.label === 'due 2026-06-15 if received today'));
    await setSettings({ inlayHints: { enable: false } });
    assert.deepStrictEqual(await hints(EXPIRED), []);
    await setSettings({ locale: 'auto', inlayHints: { enable: true } });
    assert.ok((await hints(EXPIRED)).length > 0);
  });

  it('reads its setting from the cached settings of the document: no configuration request per call', async () => {
    // Counted for this document only: background lints of the other files ask for their own settings meanwhile.
    const asked = () => client.configurationScopes.filter((uri) => uri === client.uri(EXPIRED)).length;
    await hints(EXPIRED);
    const before = asked();
    for (let i = 0; i < 5; i++) assert.ok((await hints(EXPIRED)).length > 0);
    assert.strictEqual(asked(), before, 'settings asked again for each inlay-hint request');
    // didChangeConfiguration drops the cache, so the new setting is read (once) and holds.
    await setSettings({ inlayHints: { enable: false } });
    assert.deepStrictEqual(await hints(EXPIRED), []);
    const after = asked();
    assert.ok(after > before, 'the new setting was asked for');
    assert.deepStrictEqual(await hints(EXPIRED), []);
    assert.strictEqual(asked(), after);
    await setSettings({ inlayHints: { enable: true } });
    assert.ok((await hints(EXPIRED)).length > 0);
  });
});

/**
 * Multi-byte characters split across the chunks a sheet's XML is inflated in: a large sheet of Chinese text must
 * come back exactly, never with U+FFFD where a character's UTF-8 bytes straddled two chunks. Through the built CLI
 * (dist/cli.js loading dist/sheets.js), as users run it, for inline strings and shared strings alike.
 */
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { ensureBuilt, Workspace } from '../cli/harness';
import { minimalXlsx } from './zip';

const HEADER = ['信息资源提供方', '信息资源代码', '信息资源名称', '信息资源摘要'];
const PROVIDER = '示例市数据局';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Abstracts of thousands of CJK characters (3 bytes each in UTF-8) after 0 to 2 ASCII characters, so that however
 * the deflated stream is cut into chunks (16 KiB and the like), some boundary falls inside a character.
 */
function abstracts(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    let text = 'x'.repeat(i % 3);
    for (let n = 0; n < 6000 + i * 7; n++) text += String.fromCodePoint(0x4e00 + ((n * 31 + i) % 20000));
    out.push(`${text}（第${i + 1}条）`);
  }
  return out;
}

function column(i: number): string {
  return String.fromCharCode(65 + i);
}

/** A sheet of inline strings (`t="inlineStr"`), the way export and many tools write them. */
function inlineWorkbook(texts: readonly string[]): Buffer {
  const cell = (r: number, i: number, v: string) => `<c r="${column(i)}${r}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  const row = (r: number, values: readonly string[]) => `<row r="${r}">${values.map((v, i) => cell(r, i, v)).join('')}</row>`;
  const rows = [row(1, HEADER), ...texts.map((t, i) => row(i + 2, [PROVIDER, `R${String(i).padStart(4, '0')}`, `资源${i}`, t]))];
  return minimalXlsx(rows.join(''));
}

/** The same through xl/sharedStrings.xml (`t="s"`), the way Excel writes them. */
function sharedWorkbook(texts: readonly string[]): Buffer {
  const strings: string[] = [];
  const index = (v: string) => strings.push(v) - 1;
  const row = (r: number, values: readonly string[]) => `<row r="${r}">${values.map((v, i) => `<c r="${column(i)}${r}" t="s"><v>${index(v)}</v></c>`).join('')}</row>`;
  const rows = [row(1, HEADER), ...texts.map((t, i) => row(i + 2, [PROVIDER, `R${String(i).padStart(4, '0')}`, `资源${i}`, t]))];
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`;
  return minimalXlsx(rows.join(''), [{ name: 'xl/sharedStrings.xml', data: Buffer.from(sst, 'utf8') }]);
}

describe('import: multi-byte characters across the XML reader\'s chunks', () => {
  let ws: Workspace;
  before(() => ensureBuilt());
  beforeEach(() => { ws = new Workspace().write({ '.git/HEAD': 'ref: refs/heads/main\n' }); });
  afterEach(() => ws.cleanup());

  for (const [name, make] of [['inline strings', inlineWorkbook], ['shared strings', sharedWorkbook]] as const) {
    it(`keeps every character of ${name}`, () => {
      const texts = abstracts();
      ws.write({ 'big.xlsx': make(texts) });
      const r = ws.run(['import', 'big.xlsx', '--kind', 'Catalog', '-o', 'out', '-f', 'json', '--locale', 'en', '--no-lint']);
      assert.equal(r.status, 0, r.stderr);
      const yaml = ws.read(`out/${PROVIDER}.catalog.yaml`);
      assert.ok(!yaml.includes('\uFFFD'), 'no U+FFFD in the YAML written');
      const back = (parse(yaml) as { resources: { abstract: string }[] }).resources.map((res) => res.abstract);
      assert.equal(back.length, texts.length);
      back.forEach((text, i) => assert.ok(text === texts[i], `abstract ${i} comes back exactly (${text.length} against ${texts[i].length} characters)`));
    });
  }
});

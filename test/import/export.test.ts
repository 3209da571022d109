/** govspec export's workbook: a sheet per kind, frozen headers, drop-downs from the schemas, findings linked to cells. */
import { strict as assert } from 'node:assert';
import { open } from 'yauzl';
import type { Entry } from 'yauzl';
import { ensureBuilt, Workspace } from '../cli/harness';
import { readXlsx } from '../../server/src/sheets/read-xlsx';

/** The parts of a workbook as text. (exceljs's whole-workbook reader would expand the whole-column drop-downs.) */
function parts(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out = new Map<string, string>();
      zip.on('entry', (entry: Entry) => zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return reject(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => { out.set(entry.fileName, Buffer.concat(chunks).toString('utf8')); zip.readEntry(); });
      }));
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

/** Every sheet's rows, with the import's own reader. */
async function sheets(file: string): Promise<Map<string, unknown[][]>> {
  const read = await readXlsx(file, 'out.xlsx');
  const out = new Map<string, unknown[][]>();
  for await (const sheet of read.sheets) {
    const rows: unknown[][] = [];
    for await (const row of sheet.rows) rows[row.row - 1] = [...row.values];
    out.set(sheet.name, rows);
  }
  return out;
}

const CATALOG = `apiVersion: govspec/v1
kind: Catalog
provider: { name: 示例市民政局, uscc: "11510000MB1234567X" }
resources:
  - code: "1010100001/00001"
    name: 婚姻登记信息
    abstract: 婚姻登记的记录
    classification: { category: "1", item: "01", subItem: "001" }
    base: population
    format: { category: api }
    items:
      - { name: 姓名, dataType: C }
      - { name: 登记日期, dataType: D }
    share: { type: conditional, mode: platform }
    open: { open: false }
    updateCycle: monthly
    publishDate: "2024-03-01"
`;

describe('export: the workbook', () => {
  let ws: Workspace;
  before(() => ensureBuilt());
  beforeEach(() => { ws = new Workspace().write({ '.git/HEAD': 'ref: refs/heads/main\n', 'a.catalog.yaml': CATALOG }); });
  afterEach(() => ws.cleanup());

  it('has a sheet per kind with Chinese headers, labels, a frozen header, drop-downs and linked findings', async () => {
    const r = ws.run(['export', '.', '-o', 'out.xlsx', '--today', '2026-01-01', '--locale', 'en']);
    assert.equal(r.status, 0, r.stderr);
    const workbook = await sheets(ws.path('out.xlsx'));
    assert.deepEqual([...workbook.keys()], ['政务信息资源目录', '问题清单', '代码表']);
    const rows = workbook.get('政务信息资源目录')!;
    const headers = rows[0] as string[];
    assert.deepEqual(headers.slice(0, 4), ['信息资源提供方', '提供方代码', '信息资源代码', '信息资源名称']);
    const column = (header: string) => headers.indexOf(header);
    // One row per 信息项, the resource's cells repeated; codes written as their labels.
    assert.equal(rows.length, 3);
    assert.equal(rows[1][column('共享类型')], '有条件共享');
    assert.equal(rows[2][column('信息资源代码')], '1010100001/00001');
    assert.deepEqual([rows[1][column('信息项名称')], rows[2][column('信息项名称')]], ['姓名', '登记日期']);
    const codes = workbook.get('代码表')!;
    const listColumn = (codes[0] as string[]).indexOf('政务信息资源目录·共享类型');
    assert.ok(listColumn >= 0);
    assert.deepEqual([1, 2, 3].map((r) => codes[r][listColumn]), ['无条件共享', '有条件共享', '不予共享']);
    // The frozen header and the drop-down over the whole column of 共享类型, reading the labels of 代码表.
    const xml = await parts(ws.path('out.xlsx'));
    const sheetXml = [...xml].find(([name, text]) => name.startsWith('xl/worksheets/sheet') && text.includes('<dataValidations'))?.[1] ?? '';
    const letter = String.fromCharCode(65 + column('共享类型'));
    assert.match(sheetXml, /<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    assert.match(sheetXml, new RegExp(`<dataValidation type="list"[^>]*sqref="${letter}2:${letter}1048576"[^>]*>\\s*<formula1>(?:'|&apos;)代码表(?:'|&apos;)!\\$[A-Z]+\\$2:\\$[A-Z]+\\$4</formula1>`));
    // The conditional resource without its condition is a finding, linked to the cell of its share type.
    const findings = workbook.get('问题清单')!;
    const finding = findings.find((row) => row?.[2] === 'catalog/conditional-needs-condition');
    assert.ok(finding, 'the finding is listed');
    assert.equal(finding[0], `政务信息资源目录!${letter}2`);
    // exceljs writes a sheet's hyperlinks as relationships whose target is the `#sheet!cell` location.
    const links = [...xml].filter(([name]) => /^xl\/worksheets\/_rels\//.test(name)).map(([, text]) => text).join('');
    assert.match(links, new RegExp(`Target="#(?:'|&apos;)政务信息资源目录(?:'|&apos;)!${letter}2"`));
  });

  it('without -o FILE.xlsx is one line, exit 2', () => {
    const r = ws.run(['export', '.', '--locale', 'en']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});

/**
 * Broken and hostile spreadsheets, through the built CLI: each is a finding at its cell or one line on standard
 * error with exit 2 — never a crash, a stack trace or a hang. The files are made here, small.
 */
import { strict as assert } from 'node:assert';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ensureBuilt, Workspace } from '../cli/harness';
import { makeZip, minimalXlsx, rowXml } from './zip';

interface Result { ruleId: string; severity: string; message: string; cell?: { reference: string } }

const AGENCY_HEADER = ['机构名称', '统一社会信用代码', '行政区划代码', '层级'];

function oneLineFailure(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, r.stdout + r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('govspec import: 0'));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

describe('import: hostile and broken spreadsheets', () => {
  let ws: Workspace;
  before(() => ensureBuilt());
  beforeEach(() => { ws = new Workspace().write({ '.git/HEAD': 'ref: refs/heads/main\n' }); });
  afterEach(() => ws.cleanup());

  const run = (file: string, kind = 'Agency', extra: string[] = []) => ws.run(['import', file, '--kind', kind, '-o', 'out', '-f', 'json', '--locale', 'en', '--no-lint', ...extra]);
  const results = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results;

  it('a corrupt .xlsx is one line, exit 2', () => {
    ws.write({ 'bad.xlsx': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]) });
    oneLineFailure(run('bad.xlsx'), /bad\.xlsx is corrupt or truncated/);
  });

  it('a truncated .xlsx is one line, exit 2', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('政务部门').addRow(AGENCY_HEADER);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    ws.write({ 'cut.xlsx': whole.subarray(0, Math.floor(whole.length / 2)) });
    oneLineFailure(run('cut.xlsx'), /cut\.xlsx is corrupt or truncated/);
  });

  it('a password-protected workbook (an OLE compound file) is one line, exit 2', () => {
    ws.write({ 'locked.xlsx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]) });
    oneLineFailure(run('locked.xlsx'), /password-protected/);
  });

  it('a zip bomb disguised as .xlsx is refused before it is inflated', () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    ws.write({ 'bomb.xlsx': minimalXlsx(zeros) });
    oneLineFailure(run('bomb.xlsx'), /bomb\.xlsx inflates beyond the bounds/);
  });

  it('a zip bomb whose headers understate its size is caught as it inflates', () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(32 * 1024 * 1024), declaredSize: 1000 }]);
    assert.ok(deflateRawSync(Buffer.alloc(1)).length > 0);
    ws.write({ 'liar.xlsx': bomb });
    oneLineFailure(run('liar.xlsx'), /liar\.xlsx inflates beyond the bounds/);
  });

  it('a sheet of a million rows is read to its end, with bounded memory', function () {
    this.timeout(120_000);
    const rows = [rowXml(1, AGENCY_HEADER)];
    for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"/>`);
    rows.push(rowXml(1_000_002, ['示例市民政局', '11510000MB1234567X', '510000', '省级']));
    ws.write({ 'million.xlsx': minimalXlsx(rows.join('')) });
    const r = run('million.xlsx');
    assert.equal(r.status, 0, r.stderr);
    assert.match(ws.read('out/示例市民政局.agency.yaml'), /uscc: "11510000MB1234567X"/);
  });

  it('a sheet claiming more rows than Excel allows is one line, exit 2', () => {
    ws.write({ 'tall.xlsx': minimalXlsx(rowXml(1, AGENCY_HEADER) + rowXml(2_000_000, ['a', 'b', 'c', 'd'])) });
    oneLineFailure(run('tall.xlsx'), /more than 1048576 rows/);
  });

  it('macros, external links and embedded objects are ignored and reported; hidden rows are reported', () => {
    const data = rowXml(1, AGENCY_HEADER) + rowXml(2, ['示例市民政局', '11510000MB1234567X', '510000', '2'], ' hidden="1"');
    const extra = ['xl/vbaProject.bin', 'xl/externalLinks/externalLink1.xml', 'xl/embeddings/oleObject1.bin'].map((name) => ({ name, data: Buffer.from('x') }));
    ws.write({ 'parts.xlsm': minimalXlsx(data, extra, '政务部门') });
    const r = run('parts.xlsm');
    assert.equal(r.status, 0, r.stderr);
    const found = results(r.stdout).map((x) => `${x.ruleId} ${x.severity} ${x.message.split(' ')[3]} ${x.cell?.reference ?? ''}`);
    assert.deepEqual(found.sort(), [
      'import/ignored-content info it parts.xlsm 政务部门!A2',
      'import/ignored-content warning embedded parts.xlsm !A1',
      'import/ignored-content warning external parts.xlsm !A1',
      'import/ignored-content warning macros parts.xlsm !A1',
    ].sort());
    assert.match(ws.read('out/示例市民政局.agency.yaml'), /level: "2"/);
  });

  it('a hidden sheet is not imported, and says so; formulas give their cached value, never evaluated', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('旧表');
    hidden.state = 'hidden';
    hidden.addRow(AGENCY_HEADER);
    hidden.addRow(['隐藏的局', '11510000MB1234567X', '510000', '2']);
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(AGENCY_HEADER);
    sheet.addRow([{ formula: 'CONCATENATE("示例","市民政局")', result: '示例市民政局' }, '11510000MB1234567X', { formula: '510000+0', result: 510000 }, '省级']);
    sheet.addRow([{ formula: 'NOW()' }, '12510000MB1234567X', '510000', '省级']);
    ws.write({ 'f.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) });
    const r = run('f.xlsx');
    assert.equal(r.status, 1, r.stderr);
    const found = results(r.stdout).map((x) => `${x.ruleId} ${x.cell?.reference}`).sort();
    assert.deepEqual(found, ['import/cell-error f.xlsx 名单!A3', 'import/ignored-content f.xlsx 旧表!A1']);
    const text = ws.read('out/示例市民政局.agency.yaml');
    assert.match(text, /name: 示例市民政局/);
    assert.match(text, /region: "510000"/);
  });

  it('cells with line breaks keep them; a CSV that mixes UTF-8 and GBK lines reads right and says so', () => {
    const header = '事项名称,实施编码,受理条件\n';
    const utf8Line = Buffer.from('结婚登记,115116000000000001,"双方自愿\n达到法定婚龄"\n', 'utf8');
    const gbkLine = iconv.encode('离婚登记,115116000000000002,双方自愿\n', 'gb18030');
    ws.write({ 'mixed.csv': Buffer.concat([iconv.encode(header, 'gb18030'), utf8Line, gbkLine]) });
    const r = run('mixed.csv', 'Service');
    assert.equal(r.status, 0, r.stderr);
    const found = results(r.stdout).map((x) => `${x.ruleId} ${x.severity} ${x.cell?.reference}`).sort();
    assert.deepEqual(found, ['import/encoding info mixed.csv mixed.csv!A1', 'import/encoding warning mixed.csv mixed.csv!A2']);
    assert.match(ws.read('out/115116000000000001.service.yaml'), /acceptanceConditions:\n {2}- 双方自愿\n {2}- 达到法定婚龄/);
    assert.match(ws.read('out/115116000000000002.service.yaml'), /name: 离婚登记/);
  });

  it('a file that is neither .xlsx nor .csv is one line, exit 2', () => {
    ws.write({ 'a.ods': 'x' });
    oneLineFailure(run('a.ods'), /only \.xlsx and \.csv/);
  });
});

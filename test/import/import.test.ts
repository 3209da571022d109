/** govspec import's reading of the usual layouts: what each cell becomes, and what is reported where. */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { runImport } from '../../server/src/sheets/import-run';
import type { ImportOptions } from '../../server/src/sheets/import-run';
import { mapHeaders, parseMapping, printMapping } from '../../server/src/sheets/mapping';
import { tempFolder } from './support';

type Data = Record<string, unknown>;

const CATALOG_HEADER = '提供单位,提供方代码,信息资源代码,资源名称,信息资源摘要,信息资源分类,项,目,信息资源格式,信息项名称,数据类型,共享类型,共享方式,是否开放,更新频率,发布日期';

describe('import: reading the usual layouts', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => { folder = tempFolder(); });
  afterEach(() => folder.cleanup());

  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(folder.root, name), content);
    return { absolute: join(folder.root, name), display: name };
  };
  const importInto = (options: Omit<ImportOptions, 'outDir'>) => runImport({ ...options, outDir: join(folder.root, 'out') });
  const yamlOf = (name: string) => parse(readFileSync(join(folder.root, 'out', name), 'utf8')) as Data;

  it('one resource per row: labels become codes, full-width codes and stray spaces go, items listed in one cell split', async () => {
    const csv = `${CATALOG_HEADER}\n示例市民政局,11510000MB1234567X, １０１０１００００１/０００１ ,婚姻登记信息,婚姻登记的记录,基础信息资源,1,001,服务接口,"姓名、登记日期","字符、日期",有条件共享,共享平台方式,否,每月,2024年3月1日\n`;
    const result = await importInto({ kind: 'Catalog', files: [file('a.csv', csv)] });
    assert.deepEqual(result.problems, []);
    const resource = (yamlOf('示例市民政局.catalog.yaml').resources as Data[])[0];
    assert.deepEqual(resource, {
      code: '1010100001/0001', name: '婚姻登记信息', abstract: '婚姻登记的记录',
      classification: { category: '1', item: '1', subItem: '001' }, format: { category: 'api' },
      share: { type: 'conditional', mode: 'platform' }, open: { open: false }, updateCycle: 'monthly', publishDate: '2024-03-01',
      items: [{ name: '姓名', dataType: 'C' }, { name: '登记日期', dataType: 'D' }],
    });
  });

  it('one resource over several rows, its cells repeated or left empty (merged), the first value kept and a conflict reported', async () => {
    const csv = `${CATALOG_HEADER}\n示例市民政局,11510000MB1234567X,1010100001/00001,婚姻登记信息,摘要,1,01,001,api,姓名,C,unconditional,platform,是,daily,2024-03-01\n`
      + ',,,,,,,,,登记日期,D,,,,,\n'
      + '示例市民政局,11510000MB1234567X,1010100001/00001,婚姻登记,摘要,1,01,001,api,登记机关,C,unconditional,platform,是,daily,2024-03-01\n';
    const result = await importInto({ kind: 'Catalog', files: [file('b.csv', csv)] });
    const resources = yamlOf('示例市民政局.catalog.yaml').resources as Data[];
    assert.equal(resources.length, 1);
    assert.deepEqual((resources[0].items as Data[]).map((i) => i.name), ['姓名', '登记日期', '登记机关']);
    assert.equal(resources[0].name, '婚姻登记信息');
    assert.deepEqual(result.problems.map((p) => [p.ruleId, p.cell.row, p.cell.column]), [['import/conflicting-cell', 4, 4]]);
  });

  it('numbers Excel made of codes: zeros given back where the length is known, lost digits reported at their cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('部门');
    sheet.addRow(['机构名称', '统一社会信用代码', '行政区划代码', '层级']);
    sheet.addRow(['示例市民政局', Number('911100001011234500'), 510000, 3]);
    writeFileSync(join(folder.root, 'n.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await importInto({ kind: 'Agency', files: [{ absolute: join(folder.root, 'n.xlsx'), display: 'n.xlsx' }] });
    assert.deepEqual(result.problems.map((p) => [p.ruleId, p.cell.sheet, p.cell.row, p.cell.column]), [['import/lost-digits', '部门', 2, 2]]);
    const agency = yamlOf('示例市民政局.agency.yaml');
    assert.deepEqual([agency.region, agency.level], ['510000', '3']);
  });

  it('re-importing updates the file in place, keeping its comments and the fields the sheet has no column for', async () => {
    const csv = '机构名称,统一社会信用代码,行政区划代码,层级\n示例市民政局,11510000MB1234567X,510000,省级\n';
    await importInto({ kind: 'Agency', files: [file('c.csv', csv)] });
    const path = join(folder.root, 'out', '示例市民政局.agency.yaml');
    const edited = readFileSync(path, 'utf8').replace('region:', '# 区划以 2023 年为准\nregion:') + 'aliases: [民政局]   # 简称\n';
    writeFileSync(path, edited);
    await importInto({ kind: 'Agency', files: [file('c.csv', csv.replace('510000,省级', '511600,市级'))] });
    const text = readFileSync(path, 'utf8');
    assert.match(text, /# 区划以 2023 年为准\nregion: "511600"/);
    assert.match(text, /aliases: \[ 民政局 \] {1,3}# 简称|aliases: \[民政局\] {1,3}# 简称/);
    assert.equal((parse(text) as Data).level, '3');
  });

  it('a header it cannot map is reported, never dropped silently; a mapping file maps it or leaves it out', async () => {
    const csv = '机构名称,统一社会信用代码,单位简称,内部编号\n示例市民政局,11510000MB1234567X,民政局,7\n';
    const plain = await importInto({ kind: 'Agency', files: [file('d.csv', csv)] });
    assert.deepEqual(plain.problems.map((p) => [p.ruleId, p.cell.column]), [['import/unmapped-column', 3], ['import/unmapped-column', 4]]);
    const mapping = parseMapping('Agency', 'kind: Agency\ncolumns:\n  单位简称: aliases\n  内部编号: null\n');
    const mapped = await importInto({ kind: 'Agency', files: [file('d.csv', csv)], mapping });
    assert.deepEqual(mapped.problems, []);
    assert.deepEqual(yamlOf('示例市民政局.agency.yaml').aliases, ['民政局']);
  });

  it('--print-mapping prints what it inferred, in the form --mapping reads back', () => {
    const headers = ['资源名称', '信息资源代码', '备注'];
    const text = printMapping('Catalog', headers, mapHeaders('Catalog', headers));
    assert.equal(text, 'kind: Catalog\ncolumns:\n  资源名称: resources[].name\n  信息资源代码: resources[].code\n  备注: null\n');
    assert.deepEqual([...parseMapping('Catalog', text)], [['资源名称', 'resources[].name'], ['信息资源代码', 'resources[].code'], ['备注', null]]);
    assert.throws(() => parseMapping('Catalog', 'columns:\n  名称: resources[].nmae\n'), /no field of Catalog/);
  });
});

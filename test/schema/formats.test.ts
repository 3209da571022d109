import { strict as assert } from 'assert';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { normalizeMissing } from '../../server/src/engine/schema/normalize';
import { enumReplacement, nearestKey } from '../../server/src/engine/schema/suggest';
import { alignmentDistance } from '../../server/src/engine/text/did-you-mean';
import { fixture, withValue } from './helpers';

/** The rule ids a value yields at one path of a valid fixture. */
function rulesFor(file: string, kind: 'Service' | 'Catalog' | 'SharingAgreement', path: (string | number)[], value: unknown): string[] {
  return validateDocument(kind, withValue(fixture(file), path, value)).map((p) => p.ruleId);
}

describe('schema: custom formats', () => {
  const date = (v: string): string[] => rulesFor('example.catalog.yaml', 'Catalog', ['resources', 0, 'publishDate'], v);
  it('date: real calendar dates only', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-12-31', '2023-04-30', '1999-01-01']) assert.deepEqual(date(ok), [], ok);
    for (const bad of ['2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-1-5', '20230105', '2023-01-05T00:00:00'])
      assert.deepEqual(date(bad), ['schema/format'], bad);
  });

  const phone = (v: string): string[] => rulesFor('example.service.yaml', 'Service', ['consultPhone'], v);
  it('phone: landlines with area code, mobiles, short numbers, lists', () => {
    for (const ok of ['0826-2345678', '010-12345678', '08262345678', '13800000000', '12345', '110', '95588', '962222', '0817-2222345、12345', '12345, 0826-2345678'])
      assert.deepEqual(phone(ok), [], ok);
    for (const bad of ['2345678', '0826-23456', '1380000000', '123456', '12345；12366', '0826-2345678，12345', '电话12345', '1234567890123'])
      assert.deepEqual(phone(bad), ['schema/format'], bad);
  });

  const duration = (v: string): string[] => rulesFor('example.agreement.yaml', 'SharingAgreement', ['retention', 'period'], v);
  it('duration: ISO 8601 date parts, at least one', () => {
    for (const ok of ['P2Y', 'P6M', 'P1Y6M', 'P2W', 'P30D', 'P1Y2M3W4D']) assert.deepEqual(duration(ok), [], ok);
    for (const bad of ['P', 'P1', '2Y', 'P1.5Y', 'PT12H', 'P1D2Y', 'p2y']) assert.deepEqual(duration(bad), ['schema/format'], bad);
  });

  const url = (v: string): string[] => rulesFor('example.service.yaml', 'Service', ['online', 'url'], v);
  it('https-url: https with a host', () => {
    for (const ok of ['https://zwfw.example.gov.cn', 'https://www.gjzwfw.gov.cn:8443/path?a=1#x', 'https://政务.中国/办事']) assert.deepEqual(url(ok), [], ok);
    for (const bad of ['http://www.gov.cn', 'https://', 'https:// x.cn', 'www.gov.cn', 'https://user@host.cn']) assert.deepEqual(url(bad), ['schema/format'], bad);
  });
});

describe('schema: normalizeMissing', () => {
  it('drops null and blank fields, keeps list positions and x- keys as written', () => {
    const input = { a: null, b: '', c: '  ', d: 0, e: false, f: { g: null, h: 'x' }, list: ['', 'y', null, { i: ' ' }], 'x-k': { j: null, k: '' } };
    assert.deepEqual(normalizeMissing(input), { d: 0, e: false, f: { h: 'x' }, list: [null, 'y', null, {}], 'x-k': { j: null, k: '' } });
  });

  it('does not change its input', () => {
    const input = { a: null, b: { c: '' } };
    normalizeMissing(input);
    assert.deepEqual(input, { a: null, b: { c: '' } });
  });

  it('a blank document is missing altogether', () => {
    assert.equal(normalizeMissing('   '), undefined);
    assert.equal(normalizeMissing(null), undefined);
  });
});

describe('schema: did-you-mean', () => {
  it('counts a transposition as one edit', () => {
    assert.equal(alignmentDistance('nmae', 'name'), 1);
    assert.equal(alignmentDistance('', 'abc'), 3);
    assert.equal(alignmentDistance('kitten', 'sitting'), 3);
  });

  it('suggests a key only when one candidate is clearly meant', () => {
    const titles = new Map([
      ['name', { 'zh-CN': '事项名称', en: 'Item name' }],
      ['basicCode', { 'zh-CN': '基本编码', en: 'Basic code' }],
      ['implementationCode', { 'zh-CN': '实施编码', en: 'Implementation code' }],
      ['implementer', { 'zh-CN': '实施主体', en: 'Implementing agency' }],
    ]);
    assert.equal(nearestKey('BasicCode', titles), 'basicCode');
    assert.equal(nearestKey('实施编码', titles), 'implementationCode');
    assert.equal(nearestKey('implementationCod', titles), 'implementationCode');
    assert.equal(nearestKey('implement', titles), 'implementer', 'two edits away; begins two keys');
    assert.equal(nearestKey('impl', titles), undefined, 'begins two keys, near neither');
    assert.equal(nearestKey('owner', titles), undefined);
  });

  it('suggests codes and tokens, never a guess between short codes', () => {
    const labels = { '1': { 'zh-CN': '即办件', en: 'Instant case' }, '2': { 'zh-CN': '承诺件', en: 'Promised case' }, '9': { 'zh-CN': '其他', en: 'Other' } };
    assert.equal(enumReplacement('即办件', ['1', '2', '9'], labels), '1');
    assert.equal(enumReplacement('Promised case', ['1', '2', '9'], labels), '2');
    assert.equal(enumReplacement('３', ['1', '2', '9'], labels), undefined);
    assert.equal(enumReplacement('０１', ['1', '2', '9'], labels), '1');
    assert.equal(enumReplacement(' day ', ['workday', 'day', 'hour', 'month'], {}), 'day');
    assert.equal(enumReplacement('HOUR', ['workday', 'day', 'hour', 'month'], {}), 'hour');
    assert.equal(enumReplacement('mnoth', ['workday', 'day', 'hour', 'month'], {}), 'month');
    assert.equal(enumReplacement('week', ['workday', 'day', 'hour', 'month'], {}), undefined);
  });
});

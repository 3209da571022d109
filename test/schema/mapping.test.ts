import { strict as assert } from 'assert';
import type { Anchor, JsonPath, Kind } from '../../server/src/engine/types';
import { validateConfig, validateDocument, type SchemaProblem } from '../../server/src/engine/schema/validate';
import { fixture, withValue, without } from './helpers';

/** What a row expects of one problem: rule, data path, anchor, and the fix text where there is one. */
type Expected = [SchemaProblem['ruleId'], JsonPath, Anchor, string?];

interface Row {
  name: string;
  kind: Kind | 'config';
  /** Turns the valid fixture of the kind into the document under test. */
  change: (doc: Record<string, unknown>) => unknown;
  expect: Expected[];
}

const FILES: Record<Row['kind'], string> = {
  Service: 'example.service.yaml',
  Catalog: 'example.catalog.yaml',
  SharingAgreement: 'example.agreement.yaml',
  Agency: 'example.agency.yaml',
  config: 'govspec.config.yaml',
};

const ROWS: Row[] = [
  // required: placed on the object that lacks the field
  { name: 'missing root field', kind: 'Service', change: (d) => without(d, ['place']), expect: [['schema/required', [], 'key']] },
  { name: 'null counts as missing', kind: 'Service', change: (d) => withValue(d, ['name'], null), expect: [['schema/required', [], 'key']] },
  { name: 'white space counts as missing', kind: 'Service', change: (d) => withValue(d, ['hours'], ' \t '), expect: [['schema/required', [], 'key']] },
  { name: 'blank optional field is simply absent', kind: 'Service', change: (d) => withValue(d, ['quantityLimit'], ''), expect: [] },
  { name: 'missing field in a nested list item', kind: 'Service', change: (d) => without(d, ['legalBasis', 1, 'law']), expect: [['schema/required', ['legalBasis', 1], 'key']] },
  { name: 'empty non-empty list', kind: 'Service', change: (d) => withValue(d, ['levels'], []), expect: [['schema/required', ['levels'], 'key']] },
  { name: 'empty list deep down', kind: 'SharingAgreement', change: (d) => withValue(d, ['resources', 0, 'items'], []), expect: [['schema/required', ['resources', 0, 'items'], 'key']] },
  { name: 'base required for a base resource', kind: 'Catalog', change: (d) => without(d, ['resources', 0, 'base']), expect: [['schema/required', ['resources', 0], 'key']] },
  { name: '"when" cardinality (commitment) is left to its rule', kind: 'Service', change: (d) => without(d, ['materials', 2, 'commitment']), expect: [] },
  { name: '"when" cardinality (reply) is left to its rule', kind: 'SharingAgreement', change: (d) => without(d, ['reply']), expect: [] },

  // unknown fields, at any depth, with did-you-mean; a misspelt required key is one finding, not two
  { name: 'unknown root field, wrong case', kind: 'Service', change: (d) => withValue(without(d, ['name']), ['Name'], '食品经营许可'), expect: [['schema/unknown-field', ['Name'], 'key', 'name']] },
  { name: 'Chinese title written as key', kind: 'Agency', change: (d) => withValue(without(d, ['name']), ['机构名称'], '某局'), expect: [['schema/unknown-field', ['机构名称'], 'key', 'name']] },
  { name: 'unknown field at depth, typo', kind: 'Service', change: (d) => withValue(without(d, ['materials', 1, 'sharing', 'items']), ['materials', 1, 'sharing', 'itmes'], ['企业名称']), expect: [['schema/unknown-field', ['materials', 1, 'sharing', 'itmes'], 'key', 'items']] },
  { name: 'unknown field without a near key', kind: 'Catalog', change: (d) => withValue(d, ['resources', 1, 'share', 'owner'], '某局'), expect: [['schema/unknown-field', ['resources', 1, 'share', 'owner'], 'key']] },
  { name: 'x- keys pass at the root and at depth', kind: 'Service', change: (d) => withValue(withValue(d, ['process', 0, 'x-note'], null), ['x-more'], { Name: 1 }), expect: [] },

  // wrong types
  { name: 'unquoted code is a type error only', kind: 'Service', change: (d) => withValue(d, ['type'], 1), expect: [['schema/type', ['type'], 'value']] },
  { name: 'unquoted code in a list', kind: 'Service', change: (d) => withValue(d, ['serviceObjects', 1], 2), expect: [['schema/type', ['serviceObjects', 1], 'value']] },
  { name: 'unquoted code deep down', kind: 'Service', change: (d) => withValue(d, ['implementer', 'nature'], 1), expect: [['schema/type', ['implementer', 'nature'], 'value']] },
  { name: 'empty list entry', kind: 'Service', change: (d) => withValue(d, ['levels', 1], null), expect: [['schema/type', ['levels', 1], 'value']] },
  { name: 'collection of the wrong type sits on its key', kind: 'Service', change: (d) => withValue(d, ['fee'], ['免费']), expect: [['schema/type', ['fee'], 'key']] },
  { name: 'scalar for an object', kind: 'Service', change: (d) => withValue(d, ['result'], '食品经营许可证'), expect: [['schema/type', ['result'], 'value']] },
  { name: 'fraction for an integer', kind: 'Service', change: (d) => withValue(d, ['onSiteVisits'], 1.5), expect: [['schema/type', ['onSiteVisits'], 'value']] },
  { name: 'string for a boolean', kind: 'Catalog', change: (d) => withValue(d, ['resources', 1, 'open', 'open'], '否'), expect: [['schema/type', ['resources', 1, 'open', 'open'], 'value']] },
  { name: 'phone written as a number', kind: 'SharingAgreement', change: (d) => withValue(d, ['contacts', 'consumer', 'phone'], 13800000000), expect: [['schema/type', ['contacts', 'consumer', 'phone'], 'value']] },

  // enums, with the token or code meant
  { name: 'code outside its list', kind: 'Service', change: (d) => withValue(d, ['type'], '30'), expect: [['schema/enum', ['type'], 'value']] },
  { name: 'local type extensions are not the schema\'s business', kind: 'Service', change: (d) => withValue(d, ['type'], '11'), expect: [] },
  { name: 'full-width code', kind: 'Service', change: (d) => withValue(d, ['type'], '０１'), expect: [['schema/enum', ['type'], 'value', '01']] },
  { name: 'code without its leading zero', kind: 'Service', change: (d) => withValue(d, ['type'], '1'), expect: [['schema/enum', ['type'], 'value', '01']] },
  { name: 'Chinese label for a token', kind: 'Service', change: (d) => withValue(d, ['statutoryLimit', 'unit'], '工作日'), expect: [['schema/enum', ['statutoryLimit', 'unit'], 'value', 'workday']] },
  { name: 'Chinese label for a code in a list', kind: 'Service', change: (d) => withValue(d, ['handlingForms', 0], '窗口办理'), expect: [['schema/enum', ['handlingForms', 0], 'value', '1']] },
  { name: 'token in another case', kind: 'Service', change: (d) => withValue(d, ['crossRegion', 'scope'], 'Cross-City'), expect: [['schema/enum', ['crossRegion', 'scope'], 'value', 'cross-city']] },
  { name: 'token with a typo, in a nested list', kind: 'Service', change: (d) => withValue(d, ['online', 'depth', 1], 'sumbit'), expect: [['schema/enum', ['online', 'depth', 1], 'value', 'submit']] },
  { name: 'data type by its Chinese label', kind: 'Catalog', change: (d) => withValue(d, ['resources', 0, 'items', 3, 'dataType'], '日期'), expect: [['schema/enum', ['resources', 0, 'items', 3, 'dataType'], 'value', 'D']] },
  { name: 'share type by its Chinese label', kind: 'Catalog', change: (d) => withValue(d, ['resources', 1, 'share', 'type'], '有条件共享'), expect: [['schema/enum', ['resources', 1, 'share', 'type'], 'value', 'conditional']] },

  // formats; code shapes are left to the identifier rules
  { name: 'code shapes are not checked by the schema', kind: 'Service', change: (d) => withValue(withValue(d, ['basicCode'], 'abc-!'), ['region'], '1'), expect: [] },
  { name: 'impossible date', kind: 'SharingAgreement', change: (d) => withValue(d, ['validTo'], '2027-02-30'), expect: [['schema/format', ['validTo'], 'value']] },
  { name: 'date with slashes', kind: 'Catalog', change: (d) => withValue(d, ['resources', 1, 'publishDate'], '2023/11/15'), expect: [['schema/format', ['resources', 1, 'publishDate'], 'value']] },
  { name: 'http address', kind: 'Service', change: (d) => withValue(d, ['online', 'url'], 'http://www.sczwfw.gov.cn/'), expect: [['schema/format', ['online', 'url'], 'value']] },
  { name: 'landline without its number', kind: 'Service', change: (d) => withValue(d, ['consultPhone'], '0817-222'), expect: [['schema/format', ['consultPhone'], 'value']] },
  { name: 'duration in words', kind: 'SharingAgreement', change: (d) => withValue(d, ['retention', 'period'], '2年'), expect: [['schema/format', ['retention', 'period'], 'value']] },
  { name: 'name over 200 code points', kind: 'Service', change: (d) => withValue(d, ['name'], '许'.repeat(201)), expect: [['schema/format', ['name'], 'value']] },
  { name: '200 astral code points are within the limit', kind: 'Service', change: (d) => withValue(d, ['name'], '𠀀'.repeat(200)), expect: [] },
  { name: 'negative limit', kind: 'Service', change: (d) => withValue(d, ['promisedLimit', 'value'], -1), expect: [['schema/format', ['promisedLimit', 'value'], 'value']] },
  { name: 'too many originals', kind: 'Service', change: (d) => withValue(d, ['materials', 0, 'originals'], 100), expect: [['schema/format', ['materials', 0, 'originals'], 'value']] },
  { name: 'classification item of one digit', kind: 'Catalog', change: (d) => withValue(d, ['resources', 0, 'classification', 'item'], '2'), expect: [['schema/format', ['resources', 0, 'classification', 'item'], 'value']] },
  { name: 'several mistakes, each reported once', kind: 'Agency', change: (d) => withValue(withValue(without(d, ['region']), ['level'], 4), ['aliases', 0], null),
    expect: [['schema/required', [], 'key'], ['schema/type', ['level'], 'value'], ['schema/type', ['aliases', 0], 'value']] },

  // config shapes
  { name: 'config: severity cut short', kind: 'config', change: (d) => withValue(d, ['rules', 'service/max-one-visit'], 'warn'), expect: [['schema/enum', ['rules', 'service/max-one-visit'], 'value', 'warning']] },
  // Issue 14: an option's type is its rule's declaration, checked by config/rule-options.ts (meta/config at the key,
  // test/engine/config-options.test.ts), so the schema says nothing of it.
  { name: 'config: option that is not a number is not the schema\'s', kind: 'config', change: (d) => withValue(d, ['rules', 'agreement/validity', 'maxYears'], '三'), expect: [] },
  { name: 'config: severity inside an options object', kind: 'config', change: (d) => withValue(d, ['rules', 'agreement/validity', 'severity'], 'Error'), expect: [['schema/enum', ['rules', 'agreement/validity', 'severity'], 'value', 'error']] },
  { name: 'config: rule setting of the wrong type', kind: 'config', change: (d) => withValue(d, ['rules', 'agreement/validity'], 5), expect: [['schema/type', ['rules', 'agreement/validity'], 'value']] },
  { name: 'config: undeclarable service type', kind: 'config', change: (d) => withValue(d, ['codeLists', 'serviceType', '30'], '其他'), expect: [['schema/unknown-field', ['codeLists', 'serviceType', '30'], 'key']] },
  { name: 'config: region of five digits', kind: 'config', change: (d) => withValue(d, ['regions', 'add', 0], '51139'), expect: [['schema/format', ['regions', 'add', 0], 'value']] },
  { name: 'config: locale in another case', kind: 'config', change: (d) => withValue(d, ['locale'], 'ZH-cn'), expect: [['schema/enum', ['locale'], 'value', 'zh-CN']] },
  { name: 'config: misspelt section', kind: 'config', change: (d) => withValue(without(d, ['ignore']), ['ingore'], []), expect: [['schema/unknown-field', ['ingore'], 'key', 'ignore']] },
  { name: 'config: ignore as a single string', kind: 'config', change: (d) => withValue(d, ['ignore'], 'drafts/**'), expect: [['schema/type', ['ignore'], 'value']] },
  { name: 'config: unknown code pattern', kind: 'config', change: (d) => withValue(d, ['codePatterns', 'itemCode'], '.*'), expect: [['schema/unknown-field', ['codePatterns', 'itemCode'], 'key']] },
];

function run(row: Row): SchemaProblem[] {
  const doc = row.change(fixture(FILES[row.kind]) as Record<string, unknown>);
  return row.kind === 'config' ? validateConfig(doc) : validateDocument(row.kind, doc);
}

describe('schema: error → (ruleId, path, anchor) mapping', () => {
  for (const row of ROWS) {
    it(`${row.kind}: ${row.name}`, () => {
      const problems = run(row);
      const actual = problems.map((p): Expected => (p.replacement === undefined ? [p.ruleId, p.path, p.anchor] : [p.ruleId, p.path, p.anchor, p.replacement]));
      assert.deepEqual(actual, row.expect);
      for (const p of problems) {
        assert.ok(p.message['zh-CN'].length > 0 && p.message.en.length > 0, 'message in both languages');
      }
    });
  }

  it('names the missing field, and gives it for the insert fix', () => {
    const [problem] = validateDocument('Service', without(fixture(FILES.Service), ['legalBasis', 1, 'law']));
    assert.equal(problem.field, 'law');
    assert.match(problem.message['zh-CN'], /legalBasis\[1\]\.law（法律法规名称）/);
    assert.match(problem.message.en, /legalBasis\[1\]\.law \(Law\)/);
  });

  it('says what to write: the token with its label, or the list of codes', () => {
    const [unit] = validateDocument('Service', withValue(fixture(FILES.Service), ['statutoryLimit', 'unit'], '工作日'));
    assert.match(unit.message['zh-CN'], /statutoryLimit\.unit.*"workday"（工作日）/);
    const [type] = validateDocument('Service', withValue(fixture(FILES.Service), ['caseType'], '5'));
    assert.match(type.message.en, /1 Instant case, 2 Promised case, 9 Other/);
  });

  it('tells to quote an unquoted code, with the code as written in the list', () => {
    const [problem] = validateDocument('Service', withValue(fixture(FILES.Service), ['type'], 1));
    assert.match(problem.message['zh-CN'], /"01"/);
    assert.match(problem.message.en, /quote/);
  });

  it('reports a document that is not a mapping at the root', () => {
    const problems = validateDocument('Agency', ['not', 'a', 'mapping']);
    assert.deepEqual(problems.map((p) => [p.ruleId, p.path, p.anchor]), [['schema/type', [], 'key']]);
  });
});

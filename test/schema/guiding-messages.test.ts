import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';
import { RULES_ROOT } from '../support/fixtures';

/**
 * Issue 17 points 12 and 13: messages that lead a first-time author to a valid file. A wrong-type value where a
 * code list belongs names the codes with their labels and gets no "quote it" fix; a missing object names the
 * fields it needs, and its fix inserts them as a skeleton — a suggestion, since empty values are still findings.
 */
const lint = (file: string, text: string) => lintFile({ file, text, config: DEFAULT_CONFIG, today: '2026-06-01' }).findings;

describe('messages that say what to write', () => {
  const catalog = fs.readFileSync(path.join(RULES_ROOT, 'catalog/base-unconditional/fixtures/valid/base-shared.catalog.yaml'), 'utf8');

  it('base: true lists the base codes with their labels, in both languages, and offers no quoting', () => {
    const findings = lint('c.catalog.yaml', catalog.replace('base: legal-entity', 'base: true'));
    const type = findings.filter((f) => f.ruleId === 'schema/type');
    assert.strictEqual(type.length, 1);
    assert.match(type[0].message['zh-CN'], /应为 population（人口） · legal-entity（法人单位） · geo（[^）]+） · credit（社会信用） · licence（电子证照），而不是 true/);
    assert.match(type[0].message.en, /must be one of population \(Population\) · legal-entity \(Legal entities\) · .*, not true/);
    assert.deepStrictEqual(type[0].fixes, []);
  });

  it('a code YAML reads as a number is still quoted safely when the quoted text is a valid code', () => {
    const findings = lint('c.catalog.yaml', catalog.replace('classification: { category: "1"', 'classification: { category: 1'));
    const type = findings.find((f) => f.ruleId === 'schema/type')!;
    assert.deepStrictEqual(type.fixes.map((f) => [f.edits[0].newText, f.safe]), [['"1"', true]]);
  });

  it('a number where a date belongs gets no safe quoting ("20240229" is no date either)', () => {
    const findings = lint('c.catalog.yaml', catalog.replace('publishDate: "2024-02-29"', 'publishDate: 20240229'));
    const type = findings.find((f) => f.ruleId === 'schema/type')!;
    assert.ok(type.fixes.every((f) => !f.safe));
  });

  it('a missing application names application.date and inserts it as a skeleton suggestion', () => {
    const file = path.join(RULES_ROOT, 'agreement/conditional-needs-reply/fixtures/valid/unconditional-without-reply/food-licence.agreement.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/^application: .*\n/m, '');
    const required = lint('a.agreement.yaml', text).filter((f) => f.ruleId === 'schema/required');
    assert.strictEqual(required.length, 1);
    assert.match(required[0].message['zh-CN'], /缺少必填字段 application（申请）：请添加该字段，并填写 application\.date（申请日期）/);
    assert.match(required[0].message.en, /Required field application \(Application\) is missing: add it with application\.date \(Application date\)/);
    assert.deepStrictEqual(required[0].fixes.map((f) => [f.title.en, f.safe]), [['Insert application: { date: "" }', false]]);
    assert.match(required[0].fixes[0].edits[0].newText, /^application: \{ date: "" \}\n$/);
  });
});

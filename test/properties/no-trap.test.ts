import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';
import type { Finding, JsonPath } from '../../server/src/engine/types';
import { YamlSource } from '../../server/src/engine/yaml/source';
import { locate } from '../../server/src/engine/yaml/locate';
import { RULES_ROOT } from '../support/fixtures';

/**
 * Issue 13 point 3: no two rules may trap an author. Over generated catalogue resources (every combination of
 * class, share type, sensitive items, openness and data grade), each finding of a catalog/* rule sits on a field;
 * some edit of that field must make the finding go away without raising an error of another rule. The edits are
 * the field's own choices (for `share.type`, a share block of that type with the reason it needs).
 */

interface Shape { category: string; share: string; sensitive: boolean; open: boolean; grade: string }

const SHARES: Record<string, string> = {
  unconditional: '{ type: unconditional, mode: platform, platformMode: api }',
  conditional: '{ type: conditional, condition: 仅向依法履职的部门提供, mode: platform, platformMode: api }',
  'conditional without condition': '{ type: conditional, mode: platform, platformMode: api }',
  none: '{ type: none, basis: 中华人民共和国保守国家秘密法 第九条, mode: platform }',
  'none without basis': '{ type: none, mode: platform }',
};
const CATEGORIES: Record<string, string> = {
  '1': '{ category: "1", item: "02", subItem: "001" }\n    base: legal-entity',
  '2': '{ category: "2", item: "05", subItem: "001" }',
  '3': '{ category: "3", item: "05", subItem: "001" }',
};

function catalogText(s: Shape): string {
  return `apiVersion: govspec/v1
kind: Catalog
provider:
  name: 南充市市场监督管理局
  uscc: "115113010833722043"
resources:
  - code: ${s.category}-02-001-0001
    name: 市场主体登记信息
    abstract: 本市登记的市场主体的基本信息。
    classification: ${CATEGORIES[s.category]}
    format: { category: database, type: mysql }
    items:
      - { name: 企业名称, dataType: C, length: 200 }
      - { name: 法定代表人身份证号, dataType: C, length: 18, personal: ${s.sensitive ? 'sensitive' : 'none'} }
    share: ${SHARES[s.share]}
    open: { open: ${s.open} }
    updateCycle: daily
    publishDate: "2024-02-29"
    dataGrade: ${s.grade}
`;
}

/** The fields a finding may sit on, and the shapes an edit of each can give. */
const FIELDS: { path: JsonPath; edits: (s: Shape) => Shape[] }[] = [
  { path: ['resources', 0, 'share', 'type'], edits: (s) => Object.keys(SHARES).map((share) => ({ ...s, share })) },
  { path: ['resources', 0, 'open', 'open'], edits: (s) => [{ ...s, open: !s.open }] },
  { path: ['resources', 0, 'dataGrade'], edits: (s) => ['general', 'important', 'core'].map((grade) => ({ ...s, grade })) },
  { path: ['resources', 0, 'classification', 'category'], edits: (s) => Object.keys(CATEGORIES).map((category) => ({ ...s, category })) },
];

const lint = (text: string, file = 'c.catalog.yaml') => lintFile({ file, text, config: DEFAULT_CONFIG, today: '2026-06-01' }).findings;

function fieldOf<F extends { path: JsonPath }>(text: string, finding: Finding, fields: readonly F[]): F | undefined {
  const source = new YamlSource(text);
  return fields.find(({ path }) => {
    const [start] = locate(source.treeFor(0, path)!, path, 'value');
    const at = source.lines.rangeOf(start, start).start;
    return at.line === finding.range.start.line && at.character === finding.range.start.character;
  });
}

const errorsByRule = (findings: readonly Finding[]) => {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
};

function shapes(): Shape[] {
  const out: Shape[] = [];
  for (const category of Object.keys(CATEGORIES)) {
    for (const share of Object.keys(SHARES)) {
      for (const sensitive of [false, true]) {
        for (const open of [false, true]) for (const grade of ['general', 'important', 'core']) out.push({ category, share, sensitive, open, grade });
      }
    }
  }
  return out;
}

/** A family of generated documents: how each shape is written, and the fields its findings may sit on. */
interface Family<S> { file: string; rules: string; shapes: S[]; text: (s: S) => string; fields: readonly { path: JsonPath; edits: (s: S) => S[] }[]; everyField: boolean }

/** The findings that no edit of their own field removes without raising another rule's error; and how many were tried. */
function traps<S>(family: Family<S>): { traps: string[]; checked: number } {
  const out: string[] = [];
  let checked = 0;
  for (const shape of family.shapes) {
    const text = family.text(shape);
    const findings = lint(text, family.file);
    assert.ok(findings.every((f) => !/^(yaml|schema)\//.test(f.ruleId)), `generated documents are well formed: ${JSON.stringify(shape)} ${findings.map((f) => f.message.en).join(' ')}`);
    for (const finding of findings.filter((f) => f.ruleId.startsWith(family.rules))) {
      const field = fieldOf(text, finding, family.fields);
      if (family.everyField) assert.ok(field, `${finding.ruleId} sits on a field this test knows how to edit`);
      if (!field) continue;
      checked++;
      const before = errorsByRule(findings);
      const escapes = field.edits(shape).some((edited) => {
        const after = lint(family.text(edited), family.file);
        const gone = !after.some((f) => f.ruleId === finding.ruleId && f.range.start.line === finding.range.start.line);
        const raised = [...errorsByRule(after)].some(([rule, n]) => rule !== finding.ruleId && n > (before.get(rule) ?? 0));
        return gone && !raised;
      });
      if (!escapes) out.push(`${JSON.stringify(shape)}: ${finding.ruleId} — ${finding.message.en}`);
    }
  }
  return { traps: out, checked };
}

describe('no pair of rules traps an author (property over generated catalogues)', function () {
  // Thousands of lints of small documents: bounded by the generator, not by a clock (no timing is asserted).
  this.timeout(300_000);
  it('every catalog/* finding can be edited away on its own field without a new error', () => {
    const found = traps({ file: 'c.catalog.yaml', rules: 'catalog/', shapes: shapes(), text: catalogText, fields: FIELDS, everyField: true });
    assert.ok(found.checked > 50, `the generated documents raise catalog findings to check (${found.checked})`);
    assert.deepStrictEqual(found.traps, []);
  });
});

// ---- services: time limits, case type and visits (the rules of docs/semantics.md) ----

interface ServiceShape { statutory: [number, string]; promised: [number, string]; caseType: string; visits: number }

const SERVICE = fs.readFileSync(path.join(RULES_ROOT, 'service/commitment-complete/fixtures/valid/complete.service.yaml'), 'utf8');
const UNITS = ['workday', 'day', 'hour', 'month'];

function serviceText(s: ServiceShape): string {
  return SERVICE
    .replace(/^statutoryLimit: .*$/m, `statutoryLimit: { value: ${s.statutory[0]}, unit: ${s.statutory[1]} }`)
    .replace(/^promisedLimit: .*$/m, `promisedLimit: { value: ${s.promised[0]}, unit: ${s.promised[1]} }`)
    .replace(/^caseType: .*$/m, `caseType: "${s.caseType}"`)
    .replace(/^onSiteVisits: .*$/m, `onSiteVisits: ${s.visits}`);
}

/**
 * A time limit is one field of two parts: its edits set value and unit together (a unit written to match the other
 * limit can bring out that the value exceeds it, which limit-unit-mismatch held back by one defect, one finding).
 */
const promisedEdits = (s: ServiceShape): ServiceShape[] =>
  [0, 1, s.statutory[0]].flatMap((v) => UNITS.map((u): ServiceShape => ({ ...s, promised: [v, u] })));
const statutoryEdits = (s: ServiceShape): ServiceShape[] =>
  [0, 1, 20, s.promised[0]].flatMap((v) => UNITS.map((u): ServiceShape => ({ ...s, statutory: [v, u] })));

const SERVICE_FIELDS: { path: JsonPath; edits: (s: ServiceShape) => ServiceShape[] }[] = [
  { path: ['promisedLimit', 'value'], edits: (s) => promisedEdits(s) },
  { path: ['promisedLimit', 'unit'], edits: (s) => promisedEdits(s) },
  { path: ['statutoryLimit', 'value'], edits: (s) => statutoryEdits(s) },
  { path: ['statutoryLimit', 'unit'], edits: (s) => statutoryEdits(s) },
  { path: ['caseType'], edits: (s) => ['1', '2'].map((caseType) => ({ ...s, caseType })) },
  { path: ['onSiteVisits'], edits: (s) => [0, 1].map((visits) => ({ ...s, visits })) },
];

function serviceShapes(): ServiceShape[] {
  const out: ServiceShape[] = [];
  for (const sv of [1, 30]) for (const su of UNITS) for (const pv of [0, 1, 25]) for (const pu of UNITS) {
    for (const caseType of ['1', '2']) for (const visits of [0, 2]) out.push({ statutory: [sv, su], promised: [pv, pu], caseType, visits });
  }
  return out;
}

describe('no pair of rules traps an author (property over generated services)', function () {
  this.timeout(300_000);
  it('every service/* finding on a time limit, case type or visit count can be edited away on its own field', () => {
    const found = traps({ file: 's.service.yaml', rules: 'service/', shapes: serviceShapes(), text: serviceText, fields: SERVICE_FIELDS, everyField: false });
    assert.ok(found.checked > 100, `the generated documents raise service findings to check (${found.checked})`);
    assert.deepStrictEqual(found.traps, []);
  });
});

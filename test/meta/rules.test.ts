import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../server/src/engine/rules/registry';
import type { RuleMeta } from '../../server/src/engine/types';
import { RULES_ROOT, casesOf, ruleFolders } from '../support/fixtures';
import { RULE_INDEX_PATH, renderRuleIndex } from '../../scripts/generate-rule-index';

/**
 * The rule meta-test: every registered rule ships its doc, summaries, source, fixtures and index row, and the set of
 * rules with their severity, scope and fixability agrees with the rule table of docs/rules.md.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');

const README_HEADINGS = (id: string) => [
  `# ${id}`,
  '## 中文', '### 为什么', '### 依据', '### 错误示例', '### 正确示例', '### 选项', '### 修复', '### 报告位置',
  '## English', '### Why', '### Source', '### Failing example', '### Passing example', '### Options', '### Fix', '### Reported at',
];

/** Rules that cannot have a fixture of this kind, and why. Nothing else may skip one. */
const FIXTURE_EXCEPTIONS: Readonly<Record<string, { kind: 'invalid'; reason: string }>> = {
  'meta/internal-error': { kind: 'invalid', reason: 'no document can make a correct rule throw; test/meta/internal-error.test.ts covers it' },
};

const metas: readonly RuleMeta[] = ALL_RULES.map((r) => r.meta);

/** The `#` headings of a Markdown text, outside fenced code blocks (YAML comments in examples start with `#` too). */
function headings(markdown: string): string[] {
  let fenced = false;
  return markdown.split(/\r?\n/).filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return !fenced && /^#{1,6} /.test(line);
  }).map((line) => line.trim());
}

describe('rule meta-test', () => {
  it('has one folder per registered rule and registers every rule folder', () => {
    assert.deepStrictEqual(ruleFolders(), metas.map((m) => m.id).sort());
  });

  it('has no two rules with one id', () => {
    assert.strictEqual(new Set(metas.map((m) => m.id)).size, metas.length);
  });

  for (const meta of metas) {
    describe(meta.id, () => {
      it('has a README.md with every heading, in order', () => {
        const file = path.join(RULES_ROOT, meta.id, 'README.md');
        assert.ok(fs.existsSync(file), `${path.relative(REPO_ROOT, file)} is missing`);
        assert.deepStrictEqual(headings(fs.readFileSync(file, 'utf8')), README_HEADINGS(meta.id));
      });

      it('has a summary in both languages and a source', () => {
        assert.ok(meta.summary['zh-CN'].trim(), 'summary zh-CN is empty');
        assert.ok(meta.summary.en.trim(), 'summary en is empty');
        assert.ok(meta.source.trim(), 'source is empty');
      });

      it('has valid and invalid fixtures', () => {
        const cases = casesOf(meta.id);
        for (const kind of ['valid', 'invalid'] as const) {
          if (FIXTURE_EXCEPTIONS[meta.id]?.kind === kind) continue;
          assert.ok(cases.some((c) => c.kind === kind), `${meta.id} has no fixtures/${kind}/ case`);
        }
      });

      it('has a row in docs/rules.md', () => {
        const index = fs.existsSync(RULE_INDEX_PATH) ? fs.readFileSync(RULE_INDEX_PATH, 'utf8') : '';
        assert.ok(index.includes(`| [\`${meta.id}\`](`), `docs/rules.md has no row for ${meta.id}; run npm run docs:rules`);
      });
    });
  }

  it('docs/rules.md is what scripts/generate-rule-index.ts writes', () => {
    const committed = fs.existsSync(RULE_INDEX_PATH) ? fs.readFileSync(RULE_INDEX_PATH, 'utf8') : '';
    assert.ok(committed === renderRuleIndex(), 'docs/rules.md is out of date: run npm run docs:rules and commit the result');
  });

  describe('agrees with the rule table of docs/rules.md', () => {
    let table: Map<string, TableRow>;
    before(() => { table = readRuleTable(fs.existsSync(RULE_INDEX_PATH) ? fs.readFileSync(RULE_INDEX_PATH, 'utf8') : ''); });

    it('names every rule the code has, and the code has every rule it names', () => {
      const code = new Set(metas.map((m) => m.id));
      assert.ok(table.size > 0, 'docs/rules.md has no rule rows');
      assert.deepStrictEqual([...table.keys()].filter((id) => !code.has(id)), [], 'in docs/rules.md but not registered');
      assert.deepStrictEqual([...code].filter((id) => !table.has(id)), [], 'registered but not in docs/rules.md');
    });

    it('gives each rule the severity, scope and fixability of its row', () => {
      const mismatches = metas.flatMap((meta) => {
        const row = table.get(meta.id);
        if (!row) return [];
        const ours = { severity: meta.defaultSeverity, scope: meta.scope, fixable: meta.fixable !== 'none' };
        const theirs = { severity: row.severity, scope: row.scope, fixable: row.fixable };
        return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [`${meta.id}: code ${JSON.stringify(ours)}, docs/rules.md ${JSON.stringify(theirs)}`];
      });
      assert.deepStrictEqual(mismatches, []);
    });
  });
});

interface TableRow { severity: RuleMeta['defaultSeverity']; scope: RuleMeta['scope']; fixable: boolean }

const TABLE_SCOPE: Readonly<Record<string, RuleMeta['scope']>> = { F: 'file', W: 'workspace' };

/** The rows of the index's tables: `| [\`id\`](…/README.md) | severity | F or W | ✓ fix or blank | … |`. */
function readRuleTable(markdown: string): Map<string, TableRow> {
  const rows = new Map<string, TableRow>();
  for (const line of markdown.split(/\r?\n/)) {
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*/, '').trim());
    const id = /^\[`([a-z]+\/[a-z0-9-]+)`\]\(/.exec(cells[0] ?? '')?.[1];
    if (!id) continue;
    rows.set(id, { severity: cells[1] as RuleMeta['defaultSeverity'], scope: TABLE_SCOPE[cells[2]], fixable: cells[3].includes('✓') });
  }
  return rows;
}

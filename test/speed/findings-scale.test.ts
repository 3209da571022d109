import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { FlagSet } from '../../server/src/engine/flags';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { applySuppressions, readDirectives } from '../../server/src/engine/suppressions';
import type { Finding } from '../../server/src/engine/types';
import { parseYaml } from '../../server/src/engine/yaml/parse';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { schemaAt } from '../../server/src/engine/schema/schemas';
import { bilingual } from '../../server/src/engine/l10n/message';
import { pathKey } from '../../server/src/engine/values';
import { lintFile } from '../../server/src/engine/lint';
import { YamlSource } from '../../server/src/engine/yaml/source';
import { legacyCatalog, MISSING_PER_RESOURCE } from '../../bench/generate/legacy-catalog';

/**
 * A legacy catalogue of N resources, each missing the same fields, has N·k findings; nothing done per finding may
 * look at all the others. Timing is the benchmark's (findings-scaling workload); here, that the faster structures
 * answer exactly as the plain ones did.
 */

/** The flag check as it was: a scan of every flagged key, matching it, a key inside it or a key holding it. */
function scanFlagged(keys: readonly string[], p: readonly (string | number)[]): boolean {
  const key = pathKey(p);
  return keys.some((f) => f === key || f.startsWith(key + '\u0000') || key.startsWith(f + '\u0000'));
}

/** The fact reader's check as it was: a flagged key that is the path or holds it (not one inside it). */
function scanCovering(keys: readonly string[], p: readonly (string | number)[]): boolean {
  const key = pathKey(p);
  return keys.some((f) => f === key || key.startsWith(f + '\u0000'));
}

describe('findings at scale', () => {
  it('the flag trie answers as a scan of every flagged key, for any paths (root and empty keys included)', () => {
    const step = fc.oneof(fc.constantFrom('', 'a', 'b', 'items', 'a\u0000b'), fc.integer({ min: 0, max: 3 }));
    const dataPath = fc.array(step, { maxLength: 4 });
    fc.assert(fc.property(fc.array(dataPath, { maxLength: 8 }), fc.array(dataPath, { minLength: 1, maxLength: 12 }), (flaggedPaths, asked) => {
      const flags = new FlagSet();
      flaggedPaths.forEach((p) => flags.add(p));
      const keys = flaggedPaths.map(pathKey);
      const restored = new FlagSet(flags.toKeys());
      for (const p of asked) {
        assert.strictEqual(flags.has(p), scanFlagged(keys, p), `${JSON.stringify(flaggedPaths)} ? ${JSON.stringify(p)}`);
        assert.strictEqual(restored.has(p), flags.has(p));
        assert.strictEqual(flags.covers(p), scanCovering(keys, p), `covers: ${JSON.stringify(flaggedPaths)} ? ${JSON.stringify(p)}`);
      }
      assert.deepStrictEqual(flags.toKeys(), [...new Set(keys)]);
    }), { seed: 20261201, numRuns: 3000 });
  });

  it('the fact reader asks the flag trie, not a scan of every reported field per read', () => {
    const code = readFileSync(path.join(__dirname, '../../server/src/engine/workspace/extract.ts'), 'utf8');
    assert.ok(code.includes('new FlagSet('), 'extractFacts keeps its reported fields in a FlagSet');
    assert.ok(!/reported\.some\(/.test(code), 'a scan of every reported field for each read is quadratic in findings');
  });

  it('the compiled validators append a sub-schema\'s errors in place instead of copying all gathered so far', () => {
    const code = readFileSync(path.join(__dirname, '../../server/src/engine/schema/generated/validators.js'), 'utf8');
    assert.ok(!code.includes('.concat('), 'vErrors.concat copies every earlier error for each resource');
    assert.ok(code.includes('vErrors.push(_e)'));
  });

  it('a catalogue of resources each missing eight fields gets every missing field, in document order', () => {
    const resources = Array.from({ length: 500 }, (_, i) => ({ code: `1-02-001-${String(i + 1).padStart(4, '0')}`, name: `资源${i}` }));
    const problems = validateDocument('Catalog', {
      apiVersion: 'govspec/v1', kind: 'Catalog', provider: { name: '某局', uscc: '11510100485828630N' }, resources,
    });
    assert.strictEqual(problems.length, 500 * 8);
    assert.ok(problems.every((p) => p.ruleId === 'schema/required'));
    assert.deepStrictEqual(problems.slice(0, 8).map((p) => p.field), ['abstract', 'classification', 'format', 'items', 'share', 'open', 'updateCycle', 'publishDate']);
    assert.deepStrictEqual(problems.map((p) => p.path[1]), resources.flatMap((_, i) => Array(8).fill(i)));
  });

  it('a legacy catalogue\'s findings share what repeats: one empty list, one title per inserted field, no precise parse of the file', () => {
    const resources = 3000;
    const text = legacyCatalog(resources);
    const source = new YamlSource(text);
    const { findings } = lintFile({ file: 'legacy.catalog.yaml', text, config: DEFAULT_CONFIG, today: '2026-06-01', source });
    assert.strictEqual(findings.length, resources * MISSING_PER_RESOURCE);
    assert.strictEqual(new Set(findings.map((f) => f.related)).size, 1, 'findings without related locations share one empty list');
    assert.strictEqual(findings[0].related.length, 0);
    assert.ok(Object.isFrozen(findings[0].related));
    const titles = new Set(findings.map((f) => f.fixes[0].title));
    assert.strictEqual(titles.size, MISSING_PER_RESOURCE, 'one title object per missing field');
    assert.strictEqual(Reflect.get(source, 'precise'), undefined, 'placed on window trees, never on the precise parse of the whole file');
  });

  it('a schema is located once per path shape: any list index reads the list\'s items', () => {
    const first = schemaAt('Catalog', ['resources', 0, 'classification']);
    assert.ok(first?.type === 'object');
    assert.strictEqual(schemaAt('Catalog', ['resources', 123_456, 'classification']), first);
    assert.notStrictEqual(schemaAt('Catalog', ['resources', 0, 'format']), first);
    assert.strictEqual(schemaAt('Catalog', ['resources', 0, 'x-note']), undefined);
    // Many distinct keys (an author's unknown fields) do not grow the table without bound, and answers stay right.
    for (let i = 0; i < 25_000; i++) assert.strictEqual(schemaAt('Catalog', ['resources', i, `unknown${i}`]), undefined);
    assert.deepStrictEqual(schemaAt('Catalog', ['resources', 9, 'classification']), first);
  });

  it('messages are kept as flat strings with their text unchanged, lone surrogates included', () => {
    const path = ['resources', 7, 'abstract'].map(String).join('.');
    const message = bilingual(`缺少必填字段 ${path}（摘要）`, `Required field ${path} (Abstract)`);
    assert.deepStrictEqual(message, { 'zh-CN': '缺少必填字段 resources.7.abstract（摘要）', en: 'Required field resources.7.abstract (Abstract)' });
    const lone = bilingual(`值 "\ud800${path}"`, `value "${path}\udfff"`);
    assert.strictEqual(lone['zh-CN'], `值 "\ud800resources.7.abstract"`);
    assert.strictEqual(lone.en, 'value "resources.7.abstract\udfff"');
    const table = bilingual(['甲', '乙'], ['a', 'b']);
    assert.deepStrictEqual(table, { 'zh-CN': ['甲', '乙'], en: ['a', 'b'] });
  });

  it('suppressions looked up by line keep and drop exactly what a scan of every directive per finding did', () => {
    const rules = ['schema/required', 'schema/type', 'catalog/duplicate-code'];
    const line = fc.record({
      directive: fc.constantFrom('', ' # govspec-disable-line', ' # govspec-disable-next-line', '# govspec-disable-file'),
      rules: fc.subarray(rules, { minLength: 1 }),
    });
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(12), fc.constantFrom(...rules)), { maxLength: 20 }), (lines, at) => {
      const text = lines.map((l, i) => {
        const comment = l.directive === '' ? '' : `${l.directive} ${l.rules.join(', ')}`;
        return l.directive.startsWith('#') ? comment : `k${i}: v${comment}`;
      }).join('\n');
      const parsed = parseYaml(text);
      const findings: Finding[] = at.map(([n, ruleId]) => ({
        ruleId, severity: 'error', message: { 'zh-CN': '', en: `${n}` }, file: 'a.yaml', document: 0, related: [], fixes: [],
        range: { start: { line: n, character: 0 }, end: { line: n, character: 1 } },
      }));
      const directives = readDirectives(parsed);
      // The first directive written that covers a finding and names its rule suppresses it.
      const suppressor = (f: Finding) => directives.find((d) => (d.scope === 'file' || f.range.start.line === (d.scope === 'line' ? d.line : d.line + 1)) && d.rules.some((r) => r.id === f.ruleId));
      const out = applySuppressions('a.yaml', parsed, findings, DEFAULT_CONFIG);
      // Suppressed findings are kept, in place, marked with the reason of the comment that suppressed them; the
      // others are kept unchanged and unmarked.
      const findingsOut = out.filter((f) => !f.ruleId.startsWith('meta/'));
      assert.deepStrictEqual(findingsOut.filter((f) => f.suppressed === undefined), findings.filter((f) => suppressor(f) === undefined));
      assert.deepStrictEqual(findingsOut.filter((f) => f.suppressed !== undefined), findings.flatMap((f) => {
        const d = suppressor(f);
        return d ? [{ ...f, suppressed: { reason: d.reason } }] : [];
      }));
      assert.deepStrictEqual(findingsOut, findings.map((f) => {
        const d = suppressor(f);
        return d ? { ...f, suppressed: { reason: d.reason } } : f;
      }));
      // The mention a finding uses is the first written that covers it; the others are reported unused.
      const used = new Set(findings.flatMap((f) => directives.filter((d) => d.scope === 'file' || f.range.start.line === (d.scope === 'line' ? d.line : d.line + 1))
        .flatMap((d) => d.rules.filter((r) => r.id === f.ruleId)).slice(0, 1)));
      const unused = directives.flatMap((d) => d.rules).filter((r) => !used.has(r)).map((r) => r.start);
      assert.deepStrictEqual(out.filter((f) => f.ruleId === 'meta/unused-suppression').map((f) => parsed.lines.offsetAt(f.range.start)), unused);
    }), { seed: 20261201, numRuns: 500 });
  });
});

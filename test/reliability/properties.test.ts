import { strict as assert } from 'assert';
import fc from 'fast-check';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintTexts } from '../../server/src/engine/workspace-lint';
import type { Finding } from '../../server/src/engine/types';
import { SEED, TODAY, applySafeFixes, countLike, findingProblems, lint, seedDocuments } from './support';

/**
 * Issue 7, part 1: whatever the text, lintFile returns (never throws), every finding fits the text and names a known
 * rule in both languages, safe fixes remove what they fix, and the same input gives the same findings.
 * Work is bounded by run counts with a fixed seed; mocha's timeout is only the hang detector.
 */

const RUNS = 300;
const FILES = ['x.service.yaml', 'x.catalog.yaml', 'x.agreement.yaml', 'x.agency.yaml', 'plain.yaml'];

const TOKENS = [
  '-', '- ', ':', ': ', ' ', '  ', '    ', '\n', '\r\n', '\r', '\t', '[', ']', '{', '}', ',', '?', '? ', '|', '|-', '>', '>+',
  '&a ', '*a', '&b', '*b', '<<: ', '!tag ', '!!str ', '!!int ', '!!map', '!!js/function ', '!<tag:yaml.org,2002:js/undefined> ',
  '!e!x ', '%YAML 1.2\n', '%TAG !e! tag:example.com,2000:\n', '---\n', '...\n', '#', ' # c', '"', "'", '\\', '"\\u0000"', '"\\uD800"',
  'apiVersion: govspec/v1\n', 'apiVersion: GOVSPEC/v2\n', 'kind: Service\n', 'kind: Catalog\n', 'kind: SharingAgreement\n', 'kind: Agency\n',
  'name', 'type', 'code', 'uscc', 'region', 'materials', 'resources', 'items', 'value', 'unit', 'x-note', '__proto__', 'constructor',
  'prototype', '01', '1e400', '99999999999999999999', '-0', '.nan', '0x1F', 'null', '~', 'true', 'yes', '2024-02-30', '""',
  '中文', '市场监督管理局', '９１', '😀', '𠀀', '\uD800', '\uDFFF', '\u2028', '\u00A0', '\uFEFF', '\u0085', 'ǅ',
  '# govspec-disable-line schema/type\n', '# govspec-disable-next-line yaml/syntax, nope/rule -- why\n', '# govspec-disable-file id/uscc\n',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('a', ':', '-', ' ', '\n', '[', '{', '"', '\uD800', '😀', '\t', '\r'), maxLength: 200 }),
  tokenText,
  tokenText.map((t) => `apiVersion: govspec/v1\n${t}`),
  fc.tuple(fc.constantFrom('Service', 'Catalog', 'SharingAgreement', 'Agency'), tokenText).map(([kind, t]) => `apiVersion: govspec/v1\nkind: ${kind}\n${t}`),
);

/** What the properties actually exercised, so a generator that stops reaching the engine fails loudly. */
const seen = { runs: 0, withFindings: 0, safeFixes: 0, rules: new Set<string>() };
const resetSeen = () => Object.assign(seen, { runs: 0, withFindings: 0, safeFixes: 0, rules: new Set<string>() });

/** Runs every check of one lint; the message names what broke so the shrunk counterexample explains itself. */
function checkLint(text: string, file: string): Finding[] {
  const first = lintFile({ file, text, config: DEFAULT_CONFIG, today: TODAY }).findings;
  seen.runs++;
  if (first.length > 0) seen.withFindings++;
  for (const f of first) seen.rules.add(f.ruleId);
  const problems = findingProblems(text, file, first);
  assert.deepEqual(problems, [], `invariants broken for ${JSON.stringify(text)} as ${file}`);
  const second = lintFile({ file, text, config: DEFAULT_CONFIG, today: TODAY }).findings;
  assert.deepEqual(second, first, 'the same input gave different findings');
  return first;
}

/** For up to `sample` findings with a safe fix: applying it leaves fewer findings of that rule and message. */
function checkSafeFixes(text: string, file: string, findings: readonly Finding[], sample = 3): void {
  for (const f of findings.filter((g) => g.fixes.some((x) => x.safe)).slice(0, sample)) {
    seen.safeFixes++;
    const fixed = applySafeFixes(text, f);
    assert.ok(fixed !== undefined, `${f.ruleId}: the edits of its safe fixes overlap`);
    const after = lint(fixed, file);
    assert.ok(countLike(after, f) < countLike(findings, f), `${f.ruleId} "${f.message.en}" survives its own safe fix:\n${fixed}`);
  }
}

describe('reliability: lintFile over random text (fast-check)', function () {
  this.timeout(300_000);

  it(`keeps every invariant on ${RUNS} random texts`, () => {
    resetSeen();
    fc.assert(fc.property(anyText, fc.constantFrom(...FILES), (text, file) => {
      const findings = checkLint(text, file);
      checkSafeFixes(text, file, findings);
    }), { seed: SEED, numRuns: RUNS, verbose: 1 });
    console.log(`      ${seen.withFindings}/${seen.runs} texts with findings; rules seen: ${[...seen.rules].sort().join(' ')}; ${seen.safeFixes} safe fixes applied`);
    assert.ok(seen.withFindings >= RUNS / 3, `only ${seen.withFindings} of ${seen.runs} random texts reached the engine`);
    for (const id of ['yaml/syntax', 'schema/unknown-kind']) assert.ok(seen.rules.has(id), `no random text produced ${id}`);
  });
});

type Mutation =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'scalar'; line: number; value: string }
  | { op: 'insert'; line: number; key: string; value: string };

const SCALARS = ['01', '1e400', '99999999999999999999', '-1', '0', 'null', '""', 'true', '中文', '😀', '\uD800', '"a\\u0000"',
  '*nope', '&a x', '!!js/function f', '[', '{', '|', "'", '2024-02-30', '9', '91110000000000000X', '110000', 'workday', 'x'.repeat(300)];
const KEYS = ['name', 'type', 'x-extra', 'unknownField', '__proto__', 'constructor', '<<', 'code', 'uscc', 'region', 'kind', 'apiVersion'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('scalar' as const), line: fc.nat(), value: fc.constantFrom(...SCALARS) }),
  fc.record({ op: fc.constant('insert' as const), line: fc.nat(), key: fc.constantFrom(...KEYS), value: fc.constantFrom(...SCALARS) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  for (const m of mutations) {
    const i = m.line % lines.length;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (m.op === 'swap') {
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
    } else if (m.op === 'scalar') {
      const colon = lines[i].indexOf(': ');
      lines[i] = colon >= 0 ? `${lines[i].slice(0, colon + 2)}${m.value}` : lines[i].replace(/^(\s*-\s*).*$/, `$1${m.value}`);
    } else if (m.op === 'insert') {
      const indent = /^\s*/.exec(lines[i])![0].replace(/-/g, ' ');
      lines.splice(i, 0, `${indent}${m.key}: ${m.value}`);
    }
    if (lines.length === 0) lines.push('');
  }
  return lines.join(eol);
}

describe('reliability: lintFile over mutated valid documents (fast-check)', function () {
  this.timeout(300_000);
  const seeds = seedDocuments();

  it('starts from at least the four schema examples and the examples folder', () => {
    assert.ok(seeds.length >= 10, `only ${seeds.length} seed documents`);
  });

  it(`keeps every invariant and removes what safe fixes fix, on ${RUNS} mutants`, () => {
    resetSeen();
    fc.assert(fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (which, mutations, crlf) => {
      const seed = seeds[which];
      let text = mutate(seed.text, mutations);
      if (crlf) text = text.replace(/\r?\n/g, '\r\n');
      const findings = checkLint(text, seed.file);
      checkSafeFixes(text, seed.file, findings);
    }), { seed: SEED, numRuns: RUNS, verbose: 1 });
    console.log(`      ${seen.withFindings}/${seen.runs} mutants with findings; ${seen.rules.size} rules seen; ${seen.safeFixes} safe fixes applied`);
    assert.ok(seen.rules.size >= 15, `mutants reached only ${seen.rules.size} rules`);
    assert.ok(seen.safeFixes >= 10, `only ${seen.safeFixes} safe fixes were tried`);
  });

  it('lints a mutated file inside the whole examples workspace with the same invariants (cross-file rules)', () => {
    const workspace = new Map(seeds.filter((s) => s.file.startsWith('examples/')).map((s) => [s.file, s.text]));
    const files = [...workspace.keys()];
    fc.assert(fc.property(fc.nat(files.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
      const file = files[which];
      const texts = new Map(workspace);
      texts.set(file, mutate(workspace.get(file)!, mutations));
      const run = () => lintTexts(texts, { configFor: () => DEFAULT_CONFIG, today: TODAY, only: new Set([file]) }).get(file)!.findings;
      const findings = run();
      assert.deepEqual(findingProblems(texts.get(file)!, file, findings), []);
      for (const f of findings) for (const r of f.related) assert.ok(texts.has(r.file), `related location in unknown file ${r.file}`);
      assert.deepEqual(run(), findings, 'the same workspace gave different findings');
    }), { seed: SEED, numRuns: 60, verbose: 1 });
  });
});

import { strict as assert } from 'assert';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { LIMITS, parseYaml } from '../../server/src/engine/yaml/parse';
import type { Finding } from '../../server/src/engine/types';
import { TODAY, findingProblems, lint, offsetOf } from './support';

/**
 * Issue 7, part 2: the hostile corpus. Each case states what GovSpec does with it; docs/reliability.md lists them.
 * Nothing here measures time: work is bounded by the inputs, and mocha's timeout only catches a hang.
 */

const HEAD = 'apiVersion: govspec/v1\nkind: Agency\n';
const AGENCY = 'hostile.agency.yaml';

/** The text a finding covers. */
function covered(text: string, f: Finding): string {
  return text.slice(offsetOf(text, f.range.start), offsetOf(text, f.range.end));
}

function only(text: string, file = AGENCY): Finding {
  const findings = lint(text, file);
  assert.deepEqual(findingProblems(text, file, findings), []);
  assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => `${f.ruleId} ${JSON.stringify(f.range)}`).join(', ')}`);
  return findings[0];
}

describe('reliability: hostile corpus', function () {
  this.timeout(120_000);

  describe('alias bombs', () => {
    const laughs = (levels: number, width: number) => {
      const lines = ['l0: &l0 [lol]'];
      for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
      return `x-bomb:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
    };

    it('billion laughs (10 levels × 10): one yaml/unsafe at an alias, the document not checked further', () => {
      const text = HEAD + laughs(10, 10);
      const f = only(text);
      assert.equal(f.ruleId, 'yaml/unsafe');
      assert.match(f.message.en, /alias/i);
      assert.match(covered(text, f), /^\*l\d+$/);
      assert.equal(parseYaml(text).documents[0].value, undefined);
    });

    it('a block-style bomb under an x- key is still refused (x- skips checking, not the bound)', () => {
      const lines = ['x-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]'];
      for (let i = 0; i < 6; i++) lines.push(`x-${i}: &b${i}\n${Array.from({ length: 10 }, () => `  - *${i === 0 ? 'a' : `b${i - 1}`}`).join('\n')}`);
      const text = HEAD + lines.join('\n') + '\n';
      assert.equal(only(text).ruleId, 'yaml/unsafe');
    });

    it('small aliases (under 10,000 expanded nodes) are ordinary data', () => {
      const text = HEAD + laughs(3, 10);
      assert.ok(!lint(text, AGENCY).some((f) => f.ruleId === 'yaml/unsafe'));
    });
  });

  describe('10,000-deep nesting', () => {
    const depth = 10_000;
    // The root mapping is depth 1, so the node at depth 1001 is the 1000th level below `x`.
    const cases: [string, string, number, number][] = [
      ['flow sequences', `${HEAD}x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 2, 3 + 999],
      ['flow mappings', `${HEAD}x: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`, 2, 3 + 4 * 999],
      ['block sequences', `${HEAD}x:\n${'- '.repeat(depth)}1\n`, 3, 2 * 999],
      ['block mappings', HEAD + Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n', 2 + 1000, 1000],
    ];
    for (const [name, text, line, character] of cases) {
      it(`${name}: exactly one yaml/unsafe, at the first node past depth ${LIMITS.depth}, the same on every run`, () => {
        const f = only(text);
        assert.equal(f.ruleId, 'yaml/unsafe');
        assert.match(f.message.en, /1,000 levels/);
        assert.deepEqual(f.range.start, { line, character });
        assert.deepEqual(only(text), f, 'a second run must not depend on how much stack is left');
      });
    }

    it('500 levels is ordinary data; 1,000 levels is at most one yaml/unsafe, never a crash', () => {
      const nested = (n: number) => `${HEAD}x-deep: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
      assert.ok(!lint(nested(500), AGENCY).some((f) => f.ruleId === 'yaml/unsafe'));
      // Within the bound the `yaml` composer still recurses per level and may run out of the default stack a little
      // below 1,000 flow levels; that is one yaml/unsafe where it ran out (docs/reliability.md, known limit).
      const findings = lint(nested(1000), AGENCY);
      assert.deepEqual(findingProblems(nested(1000), AGENCY, findings), []);
      assert.ok(findings.filter((f) => f.ruleId === 'yaml/unsafe').length <= 1);
    });

    it('a deep document does not stop its neighbours from being linted', () => {
      const text = `${HEAD}x: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n${HEAD}nmae: y\n`;
      const ids = lint(text, AGENCY).map((f) => `${f.document}:${f.ruleId}`);
      assert.ok(ids.includes('0:yaml/unsafe'));
      assert.ok(ids.includes('1:schema/unknown-field'), ids.join(' '));
    });
  });

  describe('size', () => {
    it('a text just over 64 MiB is yaml/unsafe at 1:1 without being parsed', () => {
      const text = HEAD + 'x'.repeat(LIMITS.fileBytes + 1 - HEAD.length);
      const heapBefore = process.memoryUsage().heapUsed;
      const f = only(text);
      assert.equal(f.ruleId, 'yaml/unsafe');
      assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(f.document, null);
      // Parsing 64 MiB would build a CST and a document several times the text's size; not parsing costs nothing.
      assert.ok(process.memoryUsage().heapUsed - heapBefore < 256 * 1024 * 1024, 'the over-sized text was processed');
    });

    it('exactly 64 MiB is not refused for its size (the bound is "over")', () => {
      // Checked on the bound function's input, not by parsing 64 MiB: a NUL makes the engine stop right after the size check.
      const text = '\u0000' + 'x'.repeat(LIMITS.fileBytes - 1);
      assert.equal(only(text).ruleId, 'yaml/syntax');
    });

    it('a 1 MB single line is linted, with the range on that line', () => {
      const text = `${HEAD}name: ${'名'.repeat(1 << 20)}\nnmae: x\n`;
      const findings = lint(text, AGENCY);
      assert.deepEqual(findingProblems(text, AGENCY, findings), []);
      const typo = findings.find((f) => f.ruleId === 'schema/unknown-field');
      assert.ok(typo);
      assert.deepEqual(typo.range.start, { line: 3, character: 0 });
    });
  });

  describe('bytes and line breaks', () => {
    it('NUL bytes: yaml/syntax at 1:1, nothing else', () => {
      const f = only(`${HEAD}name: a\u0000b\n`);
      assert.equal(f.ruleId, 'yaml/syntax');
      assert.deepEqual(f.range.start, { line: 0, character: 0 });
    });

    it('a UTF-16 text as the CLI decodes it (BOM dropped): same findings as UTF-8', () => {
      const utf8 = `${HEAD}nmae: 市场监管局\n`;
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]);
      const decoded = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      assert.equal(decoded, utf8);
      assert.deepEqual(lint(decoded, AGENCY), lint(utf8, AGENCY));
    });

    it('a BOM left in the text is not a finding and does not shift columns on later lines', () => {
      const text = `\uFEFF${HEAD}nmae: x\n`;
      const typo = lint(text, AGENCY).find((f) => f.ruleId === 'schema/unknown-field');
      assert.ok(typo);
      assert.deepEqual(typo.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    });

    it('CRLF: a finding at a known column, ranges never inside the line break', () => {
      const text = 'apiVersion: govspec/v1\r\nkind: Service\r\ntype: 01\r\n';
      const findings = lint(text, 'crlf.service.yaml');
      assert.deepEqual(findingProblems(text, 'crlf.service.yaml', findings), []);
      const type = findings.find((f) => f.ruleId === 'schema/type');
      assert.ok(type);
      assert.deepEqual(type.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 8 } });
      const lf = lint(text.replace(/\r\n/g, '\n'), 'crlf.service.yaml');
      assert.deepEqual(findings.map((f) => [f.ruleId, f.range]), lf.map((f) => [f.ruleId, f.range]), 'CRLF and LF place findings alike');
    });

    it('tabs: a tab in indentation is yaml/syntax on its line; a tab inside a value counts as one column', () => {
      const indented = `${HEAD}aliases:\n\t- x\n`;
      const syntax = lint(indented, AGENCY).filter((f) => f.ruleId === 'yaml/syntax');
      assert.ok(syntax.length > 0);
      assert.equal(syntax[0].range.start.line, 3);
      const inValue = `${HEAD}name:\tx\tx\nnmae: y\n`;
      const typo = lint(inValue, AGENCY).find((f) => f.ruleId === 'schema/unknown-field');
      assert.ok(typo);
      assert.deepEqual(typo.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    });

    it('astral characters count two UTF-16 columns', () => {
      const text = `${HEAD}aliases: [😀😀, nmae]\nnmae: x\n`;
      const typo = lint(text, AGENCY).find((f) => f.ruleId === 'schema/unknown-field');
      assert.ok(typo);
      assert.deepEqual(typo.range.start, { line: 3, character: 0 });
      const lone = `${HEAD}name: "\uD800"\nnmae: \uDC00\n`;
      assert.deepEqual(findingProblems(lone, AGENCY, lint(lone, AGENCY)), []);
    });
  });

  describe('YAML features that must stay inert', () => {
    it('merge keys << are ordinary keys: schema/unknown-field, nothing merged', () => {
      const text = `${HEAD}x-base: &b { name: 市场监管局, level: "4" }\n<<: *b\n`;
      const findings = lint(text, AGENCY);
      const merge = findings.find((f) => f.ruleId === 'schema/unknown-field');
      assert.ok(merge);
      assert.equal(covered(text, merge), '<<');
      assert.ok(findings.some((f) => f.ruleId === 'schema/required' && /name/.test(f.message.en)), 'name was merged in');
    });

    const EXECUTABLE = [
      ['!!js/function', 'name: !!js/function "function () { globalThis.__govspecEvaluated = true }"'],
      ['!!js/undefined', 'name: !!js/undefined ""'],
      ['!!python/object/apply:os.system', 'name: !!python/object/apply:os.system ["touch /tmp/govspec-pwned"]'],
      ['!<tag:yaml.org,2002:js/undefined>', 'name: !<tag:yaml.org,2002:js/undefined> ""'],
      ['!<tag:yaml.org,2002:js/function>', 'name: !<tag:yaml.org,2002:js/function> "function () { globalThis.__govspecEvaluated = true }"'],
      ['!custom', 'name: !custom x'],
      ['!e!x', '%TAG !e! tag:example.com,2000:\n---\napiVersion: govspec/v1\nkind: Agency\nname: !e!x y'],
    ];
    for (const [tag, line] of EXECUTABLE) {
      it(`${tag}: yaml/unsafe covering exactly the tag, nothing evaluated`, () => {
        const text = line.startsWith('%') ? `${line}\n` : `${HEAD}${line}\n`;
        const f = only(text);
        assert.equal(f.ruleId, 'yaml/unsafe');
        assert.equal(covered(text, f), tag);
        assert.equal((globalThis as Record<string, unknown>).__govspecEvaluated, undefined);
      });
    }

    it('tags on collections and keys are refused too', () => {
      const text = `${HEAD}aliases: !!set { a, b }\n? !!python/name:os.system\n: 1\n`;
      const unsafe = lint(text, AGENCY).filter((f) => f.ruleId === 'yaml/unsafe');
      assert.deepEqual(unsafe.map((f) => covered(text, f)).sort(), ['!!python/name:os.system', '!!set']);
    });
  });

  describe('numbers', () => {
    it('1e400 and 99999999999999999999 where numbers and codes belong: schema findings, no crash', () => {
      const text = 'apiVersion: govspec/v1\nkind: Service\nstatutoryLimit: { value: 1e400, unit: workday }\npromisedLimit: { value: 99999999999999999999, unit: workday }\ntype: 99999999999999999999\nimplementationCode: 99999999999999999999\n';
      const findings = lint(text, 'n.service.yaml');
      assert.deepEqual(findingProblems(text, 'n.service.yaml', findings), []);
      const at = (value: string) => findings.filter((f) => covered(text, f) === value).map((f) => f.ruleId);
      assert.ok(at('1e400').some((id) => /^schema\//.test(id)), `1e400: ${at('1e400')}`);
      const type = findings.find((f) => f.ruleId === 'schema/type' && covered(text, f) === '99999999999999999999' && f.range.start.line === 4);
      assert.ok(type, 'an unquoted huge code is schema/type');
      // Issue 17 point 12: "99999999999999999999" is no service type code either, so quoting it is no safe fix.
      assert.ok(type.fixes.every((f) => !f.safe), 'no safe fix turns the value into another invalid one');
      const code = findings.find((f) => f.ruleId === 'schema/type' && covered(text, f) === '99999999999999999999' && f.range.start.line === 5);
      assert.ok(code, 'an unquoted huge implementation code is schema/type');
      assert.ok(code.fixes[0]?.safe && code.fixes[0].edits[0].newText === '"99999999999999999999"', 'quoted as written, not as 1e20');
      assert.ok(code.message.en.includes('99999999999999999999') && !code.message.en.includes('100000000000000000000'), code.message.en);
    });

    it('.nan, .inf and -0 do not crash the time-limit rules', () => {
      for (const v of ['.nan', '.inf', '-.inf', '-0', '0x10', '0o7']) {
        const text = `apiVersion: govspec/v1\nkind: Service\nstatutoryLimit: { value: ${v}, unit: day }\npromisedLimit: { value: ${v}, unit: hour }\n`;
        const findings = lint(text, 'n.service.yaml');
        assert.deepEqual(findingProblems(text, 'n.service.yaml', findings), [], v);
        assert.ok(!findings.some((f) => f.ruleId === 'meta/internal-error'), `${v}: ${findings.map((f) => f.message.en).join('; ')}`);
      }
    });
  });

  it('no rule throws on an incomplete document (meta/internal-error itself: TODO, needs a rule-injection seam in lint.ts)', () => {
    const text = 'apiVersion: govspec/v1\nkind: Service\nnmae: x\n';
    const findings = lintFile({ file: 'x.service.yaml', text, config: DEFAULT_CONFIG, today: TODAY }).findings;
    assert.ok(findings.some((f) => f.ruleId === 'schema/unknown-field'));
    assert.ok(!findings.some((f) => f.ruleId === 'meta/internal-error'));
  });
});

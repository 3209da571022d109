import { strict as assert } from 'assert';
import { LineMap } from '../../server/src/engine/yaml/lines';
import { findingProblems, lint, offsetOf } from './support';

const HEAD = 'apiVersion: govspec/v1\nkind: Agency\n';
const covered = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  text.slice(offsetOf(text, r.start), offsetOf(text, r.end));

/** Bugs the reliability suite found, each pinned by the smallest input that showed it. */
describe('reliability: regressions', function () {
  this.timeout(120_000);
  it('never places a position between the \\r and \\n of a CRLF (yaml errors at the \\r)', () => {
    // Found by the mutation property (seed 3): the parser reported the unclosed quote at the `\r`, and the range
    // ended at character 8 of a 7-character line.
    const text = "name: '\r\napiVersion: '\r\nkind: Agency\r\n";
    const findings = lint(text, 'a.agency.yaml');
    assert.ok(findings.some((f) => f.ruleId === 'yaml/syntax'));
    assert.deepEqual(findingProblems(text, 'a.agency.yaml', findings), []);
    const lines = new LineMap('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 }, 'the \\n of a CRLF');
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 }, 'the \\r of a CRLF');
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(new LineMap('ab\ncd').positionAt(2), { line: 0, character: 2 }, 'LF only: unchanged');
  });

  it('10,000-deep block nesting is one yaml/unsafe, never a RangeError and never one finding per overflowed frame', () => {
    // Before: the composer ran out of stack first and its errors became 2 (block maps) or ~40 (block sequences)
    // findings wherever the stack ran out; and on a cold stack the CST parser itself threw RangeError out of lintFile.
    const seq = `${HEAD}x:\n${'- '.repeat(10_000)}1\n`;
    const map = HEAD + Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    for (const text of [seq, map, `${seq}---\n${HEAD}nmae: y\n`]) {
      for (let run = 0; run < 2; run++) {
        const deep = lint(text, 'a.agency.yaml').filter((f) => f.document !== 1);
        assert.deepEqual(deep.map((f) => f.ruleId), ['yaml/unsafe']);
        // At the first node past the bound; or at 1:1 when the parser could not even build the syntax tree.
        const at = JSON.stringify(deep[0].range.start);
        assert.ok([JSON.stringify({ line: 3, character: 2 * 999 }), JSON.stringify({ line: 1002, character: 1000 }), '{"line":0,"character":0}'].includes(at), at);
      }
    }
  });

  it('yaml/unsafe covers the whole tag: !!x, !e!x and verbatim !<…,…> tags, and tags on scalar keys', () => {
    // Before: `!!js/function` was reported as `!js/function`, `!e!x` as `!x`, a verbatim tag stopped at its first
    // comma, and a tag on a plain key (`? !!python/name:os.system`) was not reported at all.
    const cases: [string, string][] = [
      ['name: !!js/function "f"', '!!js/function'],
      ['name: !<tag:yaml.org,2002:js/undefined> ""', '!<tag:yaml.org,2002:js/undefined>'],
      ['? !!python/name:os.system\n: 1', '!!python/name:os.system'],
      ['aliases: [!!binary x]', '!!binary'],
    ];
    for (const [line, tag] of cases) {
      const text = `${HEAD}${line}\n`;
      const unsafe = lint(text, 'a.agency.yaml').filter((f) => f.ruleId === 'yaml/unsafe');
      assert.deepEqual(unsafe.map((f) => covered(text, f.range)), [tag], line);
    }
    const local = `%TAG !e! tag:example.com,2000:\n---\n${HEAD}name: !e!x y\n`;
    assert.deepEqual(lint(local, 'a.agency.yaml').filter((f) => f.ruleId === 'yaml/unsafe').map((f) => covered(local, f.range)), ['!e!x']);
  });

  it('a merge key << whose value is an alias is schema/unknown-field at the key, not at the alias', () => {
    // Before: locate() returned the alias for every anchor, so `<<: *base` was underlined at `*base`.
    const text = `${HEAD}x-base: &b { name: x }\n<<: *b\n`;
    const unknown = lint(text, 'a.agency.yaml').filter((f) => f.ruleId === 'schema/unknown-field');
    assert.deepEqual(unknown.map((f) => covered(text, f.range)), ['<<']);
  });
});

import { strict as assert } from 'assert';
import { LineMap } from '../../server/src/engine/yaml/lines';
import { findingProblems, lint } from './support';

/** Bugs the reliability suite found, each pinned by the smallest input that showed it. */
describe('reliability: regressions', () => {
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
});

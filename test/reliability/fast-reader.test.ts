import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFast } from '../../server/src/engine/yaml/fast';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';
import { YamlSource } from '../../server/src/engine/yaml/source';
import { SEED, TODAY, lint } from './support';

/**
 * Issue 21, point 10: the fast reader never changes a result. What it cannot read as `yaml` does goes to the
 * precise parser, which refuses what YAML forbids; and no message ever carries an unpaired surrogate.
 * The whole YAML test suite is test/engine/yaml-test-suite.test.ts; the generated escapes are in test/speed.
 */

const SERVICE = 'apiVersion: govspec/v1\nkind: Service\n';
const UNPAIRED = /\p{Cs}/u;

describe('reliability: the fast reader and the precise parser agree (issue 21)', function () {
  this.timeout(120_000);

  it('"\\U00110000" is yaml/syntax with or without an anchor elsewhere in the file', () => {
    for (const extra of ['', 'x-a: &a 1\n']) {
      const text = `${SERVICE}${extra}name: "\\U00110000"\n`;
      assert.equal(readFast(text), undefined);
      assert.deepEqual(lint(text).map((f) => f.ruleId), ['yaml/syntax'], JSON.stringify(text));
    }
  });

  it('an unpaired surrogate, escaped or written, is yaml/syntax at its scalar and in no message', () => {
    for (const text of [`${SERVICE}name: "\\uD800"\n`, 'apiVersion: govspec/v1\nkind: "\\uDFFFx"\n', `apiVersion: govspec/v1\nkind: a\uD800\n`, `${SERVICE}"k\\uD800": 1\n`]) {
      const findings = lint(text);
      assert.deepEqual(findings.map((f) => f.ruleId), ['yaml/syntax'], JSON.stringify(text));
      assert.equal(findings[0].range.start.line, text.split('\n').length - 2, JSON.stringify(text));
      for (const f of findings) assert.ok(!UNPAIRED.test(f.message.en) && !UNPAIRED.test(f.message['zh-CN']), f.message.en);
    }
    // A surrogate pair is a character like any other.
    assert.deepEqual(lint('apiVersion: govspec/v1\nkind: "\\uD83D\\uDE00"\n').map((f) => f.ruleId), ['schema/unknown-kind']);
  });

  it('the invalid inputs the issue lists are yaml/syntax', () => {
    for (const body of ['key: "value"# invalid comment\n', 'x: [ a, b, c, ]#invalid\n', 'block: ># comment\n  scalar\n', 'x: [ key\n  : value ]\n']) {
      assert.ok(lint(SERVICE + body).some((f) => f.ruleId === 'yaml/syntax'), JSON.stringify(body));
    }
    for (const text of [`%YAML 1.2\n%YAML 1.2\n---\n${SERVICE}`, '%YAML 1.2\n', `${SERVICE}...\n%YAML 1.2\n`]) {
      const findings = lint(text);
      assert.ok(findings.some((f) => f.ruleId === 'yaml/syntax'), JSON.stringify(text));
    }
    assert.deepEqual(lint(`%YAML 1.2\n---\n${SERVICE}`).filter((f) => f.ruleId === 'yaml/syntax'), [], 'one %YAML is fine');
  });

  it('a byte order mark inside the text is read by the precise parser (found by the campaign, seed 20261201 case 1837)', () => {
    const text = '# c\n\uFEFFapiVersion: govspec/v1\nkind: Agency\nuscc: "x"\n';
    assert.equal(readFast(text), undefined);
    assert.deepEqual(lint(text, 'a.agency.yaml'), lintFile({ file: 'a.agency.yaml', text, config: DEFAULT_CONFIG, today: TODAY, source: YamlSource.precise(text) }).findings);
  });

  it('property: whatever the text, no finding\'s message carries an unpaired surrogate', () => {
    const piece = fc.constantFrom('\uD800', '\uDFFF', '😀', '"\\uD800"', '"\\uDC00"', '"\\U00110000"', '"\\uD83D\\uDE00"', 'kind: ', 'name: ',
      'apiVersion: govspec/v1\n', 'kind: Service\n', 'x', ': ', '\n', '- ', '"', "'", '#', 'region: ', 'uscc: ', '中');
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom('x.service.yaml', 'x.agency.yaml'), (parts, file) => {
      for (const f of lint(parts.join(''), file)) {
        assert.ok(!UNPAIRED.test(f.message.en) && !UNPAIRED.test(f.message['zh-CN']), `${f.ruleId}: ${JSON.stringify(f.message.en)}`);
      }
    }), { seed: SEED, numRuns: 1500 });
  });
});

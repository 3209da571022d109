import * as assert from 'assert';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';

const lint = (file: string, text: string) => lintFile({ file, text, config: DEFAULT_CONFIG, today: '2026-06-01' }).findings;

describe('which documents are GovSpec (docs/semantics.md)', () => {
  it('reports yaml/syntax in a broken file that is marked govspec/ but not named like one', () => {
    const findings = lint('broken.yaml', 'apiVersion: govspec/v1\nkind: Service\nname: [unclosed\n');
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['yaml/syntax']);
  });

  it('passes over broken YAML that is neither named nor marked', () => {
    assert.deepStrictEqual(lint('ci.yaml', 'on: push\njobs: [unclosed\n'), []);
  });

  it('reports yaml/syntax in a broken file named like a GovSpec file', () => {
    assert.deepStrictEqual(lint('x.service.yaml', 'name: [unclosed\n').map((f) => f.ruleId), ['yaml/syntax']);
  });

  it('lints only the marked document of a mixed file', () => {
    const text = 'kind: Deployment\napiVersion: apps/v1\n---\napiVersion: govspec/v2\nkind: Service\n';
    const findings = lint('mixed.yaml', text);
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.document, f.range.start.line]), [['schema/unknown-kind', 1, 3]]);
  });

  it('gives nothing for a new, empty file named like a GovSpec file', () => {
    assert.deepStrictEqual(lint('new.service.yaml', ''), []);
  });
});

import { strict as assert } from 'assert';
import { loadConfig } from '../../server/src/engine/config/load';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintTexts } from '../../server/src/engine/workspace-lint';
import { parseYaml } from '../../server/src/engine/yaml/parse';
import { TODAY, findingProblems, lint } from './support';

/**
 * Issue 7: `__proto__`, `constructor` and `prototype` keys at every level are plain data. Linting, indexing and
 * loading a config that sets them leaves Object.prototype (and every other built-in prototype) untouched.
 */

const POISON = ['__proto__', 'constructor', 'prototype'];
const payload = (key: string) => `${key}: { polluted: yes, toString: evil, prototype: { polluted: yes }, __proto__: { polluted: yes } }`;

function everyLevel(kind: string, head: string): string {
  const lines = [`apiVersion: govspec/v1`, `kind: ${kind}`, head];
  for (const key of POISON) lines.push(payload(key));
  lines.push('materials:', '  - name: x', ...POISON.map((k) => `    ${payload(k)}`));
  lines.push('resources:', '  - code: "1"', ...POISON.map((k) => `    ${payload(k)}`), '    items:', '      - name: y', ...POISON.map((k) => `        ${payload(k)}`));
  lines.push('x-ext:', ...POISON.map((k) => `  ${payload(k)}`));
  return lines.join('\n') + '\n';
}

const builtIns = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const snapshot = () => builtIns().map((p) => Object.getOwnPropertyNames(p).sort().join(','));

function assertUntouched(before: string[]) {
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(([] as unknown as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.prototype.toString.call({}), '[object Object]');
  assert.equal(typeof ({}).toString, 'function');
  assert.deepEqual(snapshot(), before);
}

describe('reliability: prototype pollution', () => {
  const before = snapshot();
  const files: [string, string][] = [
    ['p.service.yaml', everyLevel('Service', 'name: 事项')],
    ['p.catalog.yaml', everyLevel('Catalog', 'provider: { name: 局, uscc: "11510000MB1234567X" }')],
    ['p.agreement.yaml', everyLevel('SharingAgreement', 'id: A-1')],
    ['p.agency.yaml', everyLevel('Agency', 'name: 局')],
  ];

  for (const [file, text] of files) {
    it(`${file}: linted alone, Object.prototype untouched and every finding well formed`, () => {
      const findings = lint(text, file);
      assert.deepEqual(findingProblems(text, file, findings), []);
      assertUntouched(before);
    });
  }

  it('the keys survive as own data properties, nothing inherited', () => {
    const value = parseYaml(files[0][1]).documents[0].value as Record<string, unknown>;
    for (const key of POISON) assert.ok(Object.prototype.hasOwnProperty.call(value, key), key);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal((value as { polluted?: unknown }).polluted, undefined);
    assertUntouched(before);
  });

  it('a workspace of them (index, cross-file rules, related locations) leaves the prototypes untouched', () => {
    const results = lintTexts(new Map(files), { configFor: () => DEFAULT_CONFIG, today: TODAY });
    assert.equal(results.size, files.length);
    assertUntouched(before);
  });

  it('a config that sets them is loaded or refused, never merged into a prototype', () => {
    const config = ['extends: recommended', 'rules:', '  __proto__: { severity: off }', '  constructor: off',
      'codeLists:', '  serviceType:', '    __proto__: { polluted: yes }', '    constructor: x', '    "11": 地方', '__proto__: { polluted: yes }'].join('\n');
    const loaded = loadConfig('govspec.config.yaml', { read: (f) => (f === 'govspec.config.yaml' ? config : undefined), resolve: (_f, r) => r });
    assert.ok(loaded.findings.length > 0, 'the unknown keys are reported');
    assertUntouched(before);
  });

  it('reports __proto__ as an unknown field at its own key', function () {
    const text = 'apiVersion: govspec/v1\nkind: Agency\n__proto__: { polluted: 1 }\n';
    const unknown = lint(text, 'a.agency.yaml').filter((f) => f.ruleId === 'schema/unknown-field');
    assert.deepEqual(unknown.map((f) => f.range.start), [{ line: 2, character: 0 }]);
  });
});

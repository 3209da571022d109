import { strict as assert } from 'node:assert';
import { loadConfig } from '../../server/src/engine/config/load';
import { optionProblems } from '../../server/src/engine/config/rule-options';
import type { RuleOption } from '../../server/src/engine/types';

/** docs/semantics.md: rule options are declared per rule; an unknown key or a wrong type is meta/config at that key. */
function load(text: string) {
  return loadConfig('/ws/govspec.config.yaml', { read: (f) => (f === '/ws/govspec.config.yaml' ? text : undefined), resolve: (_from, rel) => rel });
}

describe('config: rule options', () => {
  // Issue 14: a wrong option no longer makes the config unusable; the run goes on with the rule's default for it.
  it('an unknown option key is meta/config at the key, with a did-you-mean; the rest of the config applies', () => {
    const { config, findings } = load('rules:\n  agreement/reply-deadline: { workday: 10 }\n');
    assert.deepEqual(config?.rules.get('agreement/reply-deadline')?.options, {});
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['meta/config', 1, 30]]);
    assert.match(findings[0].message.en, /has no option workday; did you mean workdays\?/);
    assert.match(findings[0].message['zh-CN'], /是否指 workdays/);
  });

  it('a rule without options says so; a declared option with a value of another type is a fault too', () => {
    assert.match(load('rules:\n  id/region: { severity: error, limit: 3 }\n').findings[0].message.en, /takes no options/);
    const wrong = load('rules:\n  agreement/validity: { maxYears: 2.5 }\n');
    assert.deepEqual(wrong.config?.rules.get('agreement/validity')?.options, {});
    assert.match(wrong.findings[0].message.en, /maxYears of rule agreement\/validity takes a whole number/);
  });

  it('declared options, severity and x- keys are accepted', () => {
    const { config, findings } = load('rules:\n  agreement/reply-deadline: { severity: warning, workdays: 15, x-note: why }\n  agreement/validity: { maxYears: 3 }\n');
    assert.deepEqual(findings, []);
    assert.equal(config?.rules.get('agreement/reply-deadline')?.options.workdays, 15);
  });

  it('a value of another type is meta/config at its key, saying the type expected, in both languages', () => {
    const { config, findings } = load([
      'rules:',
      '  agreement/reply-deadline: { severity: warning, workdays: "ten" }',
      '  agreement/validity: { maxYears: { years: 3 } }',
      '  service/licensing-limit: { workdays: [20] }',
      '  service/max-one-visit: { visits: true }',
    ].join('\n'));
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
      [['meta/config', 1, 49], ['meta/config', 2, 24], ['meta/config', 3, 29], ['meta/config', 4, 27]]);
    assert.match(findings[0].message.en, /Option workdays of rule agreement\/reply-deadline takes a whole number of 1 or more, not the string "ten"; the rule runs with its default, 10/);
    assert.match(findings[0].message['zh-CN'], /选项 workdays 须为不小于 1 的整数，而不是字符串 "ten"；该规则按默认值 10 运行/);
    assert.match(findings[1].message.en, /not a mapping/);
    assert.match(findings[2].message.en, /not a list/);
    assert.match(findings[3].message.en, /takes a whole number of 0 or more, not true/);
    // The config stays usable: the severity set beside the wrong option holds, the option is the rule's default.
    assert.equal(config?.rules.get('agreement/reply-deadline')?.severity, 'warning');
    assert.deepEqual(config?.rules.get('agreement/reply-deadline')?.options, {});
  });

  it('a value out of its declared range is meta/config at its key', () => {
    const { findings } = load('rules:\n  agreement/validity: { maxYears: 0 }\n  service/max-one-visit: { visits: -1 }\n  service/licensing-limit: { workdays: 0 }\n');
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.message.en.replace(/,.*$/, '')]), [
      [1, 'Option maxYears of rule agreement/validity takes a whole number of 1 or more'],
      [2, 'Option visits of rule service/max-one-visit takes a whole number of 0 or more'],
      [3, 'Option workdays of rule service/licensing-limit takes a whole number of 1 or more'],
    ]);
  });

  it('every declared type is checked: a number for a list, an object for a boolean, a value outside an enum', () => {
    const declared: Record<string, RuleOption> = {
      names: { type: 'string-list', default: [] },
      strict: { type: 'boolean', default: false },
      mode: { type: 'string', default: 'a', enum: ['a', 'b'] },
      share: { type: 'number', default: 0.5, minimum: 0, maximum: 1 },
    };
    const problems = optionProblems('x/rule', { names: 3, strict: { on: true }, mode: 'c', share: 2 }, declared);
    assert.deepEqual(problems.map((p) => [p.key, p.message.en.replace(/^.*takes /, '').replace(/;.*$/, '')]), [
      ['names', 'a list of strings, not 3'],
      ['strict', 'true or false, not a mapping'],
      ['mode', 'one of a, b, not the string "c"'],
      ['share', 'a number from 0 to 1, not 2'],
    ]);
    assert.deepEqual(optionProblems('x/rule', { names: ['a'], strict: true, mode: 'b', share: 0.25 }, declared), []);
  });
});

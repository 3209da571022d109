import { strict as assert } from 'node:assert';
import { loadConfig } from '../../server/src/engine/config/load';

/** docs/semantics.md: rule options are declared per rule; an unknown key or a wrong type is meta/config at that key. */
function load(text: string) {
  return loadConfig('/ws/govspec.config.yaml', { read: (f) => (f === '/ws/govspec.config.yaml' ? text : undefined), resolve: (_from, rel) => rel });
}

describe('config: rule options', () => {
  it('an unknown option key is meta/config at the key, with a did-you-mean, and the config is unusable', () => {
    const { config, findings } = load('rules:\n  agreement/reply-deadline: { workday: 10 }\n');
    assert.equal(config, undefined);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['meta/config', 1, 30]]);
    assert.match(findings[0].message.en, /has no option workday; did you mean workdays\?/);
    assert.match(findings[0].message['zh-CN'], /是否指 workdays/);
  });

  it('a rule without options says so; a declared option with a value of another type is a fault too', () => {
    assert.match(load('rules:\n  id/region: { severity: error, limit: 3 }\n').findings[0].message.en, /takes no options/);
    const wrong = load('rules:\n  agreement/validity: { maxYears: 2.5 }\n');
    assert.equal(wrong.config, undefined);
    assert.match(wrong.findings[0].message.en, /maxYears of rule agreement\/validity takes a whole number/);
  });

  it('declared options, severity and x- keys are accepted', () => {
    const { config, findings } = load('rules:\n  agreement/reply-deadline: { severity: warning, workdays: 15, x-note: why }\n  agreement/validity: { maxYears: 3 }\n');
    assert.deepEqual(findings, []);
    assert.equal(config?.rules.get('agreement/reply-deadline')?.options.workdays, 15);
  });
});

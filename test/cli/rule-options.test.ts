import * as assert from 'assert';
import { TODAY, edit, ensureBuilt, initialised, jsonOf } from './harness';
import type { Workspace } from './harness';

/**
 * Issue 14: rule options are declared with their types per rule. An unknown option key, a value of another type or
 * one out of range is meta/config at that key of the config file (line and column), the config stays usable, and
 * the rule runs with its default for that option.
 */

const WRONG_OPTIONS = [
  '  service/max-one-visit: { severity: warning, visits: "one" }',
  '  agreement/reply-deadline: { workday: 3 }',
  '  agreement/validity: { maxYears: 0 }',
  '  service/licensing-limit: { workdays: { days: 20 } }',
].join('\n');

/** 1-based line and column of each wrong key in the config as `init` writes it with WRONG_OPTIONS. */
function wrongKeyPositions(config: string): [number, number][] {
  const lines = config.split('\n');
  return [['visits', 'max-one-visit'], ['workday', 'reply-deadline'], ['maxYears', 'validity'], ['workdays', 'licensing-limit']].map(([key, rule]) => {
    const line = lines.findIndex((l) => l.includes(rule));
    return [line + 1, lines[line].indexOf(`${key}:`) + 1];
  });
}

describe('cli: wrong rule options in the config', function () {
  this.timeout(120_000);
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  it('each is meta/config at its key; the run goes on with the rule\'s default for that option', () => {
    const config = edit(ws, 'govspec.config.yaml', '  service/max-one-visit: info', WRONG_OPTIONS);
    // Two visits: over the default of one, so max-one-visit (at the severity set beside the wrong option) reports.
    edit(ws, 'example.service.yaml', 'onSiteVisits: 0', 'onSiteVisits: 2');
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json', '--locale', 'en']);
    assert.equal(r.status, 1, r.stderr);
    const results = jsonOf(r).results;
    const faults = results.filter((f) => f.file === 'govspec.config.yaml');
    assert.deepEqual(faults.map((f) => [f.ruleId, f.line, f.column]), wrongKeyPositions(config).map(([l, c]) => ['meta/config', l, c]));
    assert.match(faults[0].message, /Option visits of rule service\/max-one-visit takes a whole number of 0 or more, not the string "one"; the rule runs with its default, 1/);
    assert.match(faults[1].message, /Rule agreement\/reply-deadline has no option workday; did you mean workdays\?/);
    assert.match(faults[2].message, /maxYears of rule agreement\/validity takes a whole number of 1 or more, not 0/);
    assert.match(faults[3].message, /workdays of rule service\/licensing-limit takes a whole number of 1 or more, not a mapping/);
    const visit = results.filter((f) => f.ruleId === 'service/max-one-visit');
    assert.deepEqual(visit.map((f) => [f.file, f.severity]), [['example.service.yaml', 'warning']]);
  });

  it('says it in Chinese too', () => {
    edit(ws, 'govspec.config.yaml', '  service/max-one-visit: info', WRONG_OPTIONS);
    const faults = jsonOf(ws.run(['lint', '--today', TODAY, '-f', 'json', '--locale', 'zh-CN'])).results.filter((f) => f.file === 'govspec.config.yaml');
    assert.match(faults[0].message, /规则 service\/max-one-visit 的选项 visits 须为不小于 0 的整数，而不是字符串 "one"；该规则按默认值 1 运行/);
  });
});

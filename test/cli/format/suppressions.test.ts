/** Suppressed findings in every report a reviewer audits (issue 17, docs/semantics.md). */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { formatReport } from '../../../server/src/cli/format';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';
import { childElements, parseXml } from './xml-check';

const OPTS = { color: false, toolVersion: '1.0.0' };
const SERVICE = 'services/passport.service.yaml';

/** The sample report, plus two suppressed findings in the service: one with a reason, one without. */
function withSuppressions(locale: 'zh-CN' | 'en' = 'en'): LintReport {
  const report = sampleReport(locale);
  const files = report.files.map((file) => (file.file !== SERVICE ? file : {
    ...file,
    suppressed: [
      finding({ ruleId: 'service/max-one-visit', severity: 'warning', file: SERVICE, range: range(50, 0, 50, 12), suppressed: { reason: '法律要求当面核验' } }),
      finding({ ruleId: 'id/region', file: SERVICE, range: range(8, 8, 8, 16), suppressed: { reason: null } }),
    ],
  }));
  return { ...report, files };
}

/**
 * The published SARIF 2.1.0 schema (rtm.5, draft-04), vendored from the npm package @microsoft/jest-sarif
 * (lib/schemas/sarif-2.1.0-rtm.5.json, MIT) so that nothing is fetched at test time. One of its patterns is not
 * valid with the `u` flag, hence `unicodeRegExp: false`.
 */
function officialSarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-2.1.0-rtm.5.schema.json'), 'utf8'));
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT/);
  return ajv.compile(schema);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('suppressed findings in reports', () => {
  const validate = officialSarifValidator();
  /** A plain boolean: the validator's type guard would narrow the log to `unknown`. */
  const valid = (log: Json): boolean => validate(log);

  it('the official schema rejects a suppression of an unknown kind', () => {
    const log: Json = JSON.parse(formatReport('sarif', withSuppressions(), OPTS));
    assert.ok(valid(log), JSON.stringify(validate.errors, null, 2));
    log.runs[0].results.find((r: Json) => r.suppressions).suppressions[0].kind = 'inline';
    assert.ok(!valid(log));
  });

  it('sarif: each suppressed result carries suppressions [{ kind: inSource, justification }], valid SARIF 2.1.0', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const log: Json = JSON.parse(formatReport('sarif', withSuppressions(locale), OPTS));
      assert.ok(valid(log), JSON.stringify(validate.errors, null, 2));
      const suppressed = log.runs[0].results.filter((r: Json) => r.suppressions);
      assert.deepEqual(suppressed.map((r: Json) => [r.ruleId, r.suppressions]), [
        ['id/region', [{ kind: 'inSource' }]],
        ['service/max-one-visit', [{ kind: 'inSource', justification: '法律要求当面核验' }]],
      ]);
      assert.ok(log.runs[0].tool.driver.rules.some((rule: Json) => rule.id === 'service/max-one-visit'), 'a suppressed rule has its rule entry');
    }
    assert.ok(valid(JSON.parse(formatReport('sarif', sampleReport(), OPTS))), 'the report without suppressions too');
  });

  it('json: lists each suppressed finding with rule, place and reason, counted nowhere', () => {
    const json: Json = JSON.parse(formatReport('json', withSuppressions(), OPTS));
    assert.deepEqual(json.suppressed.map((s: Json) => [s.file, s.ruleId, s.line, s.column, s.reason]), [
      [SERVICE, 'id/region', 9, 9, null],
      [SERVICE, 'service/max-one-visit', 51, 1, '法律要求当面核验'],
    ]);
    assert.equal(json.results.length, 7);
    assert.deepEqual(JSON.parse(formatReport('json', sampleReport(), OPTS)).suppressed, []);
  });

  it('junit: a suppressed finding is a skipped test case with its reason', () => {
    const root = parseXml(formatReport('junit', withSuppressions(), OPTS));
    const service = childElements(root, 'testsuite').find((s) => s.attributes.name === SERVICE)!;
    const skipped = childElements(service, 'testcase').flatMap((c) => childElements(c, 'skipped'));
    assert.deepEqual(skipped.map((s) => s.attributes.message), ['message of id/region — (no reason given)', 'message of service/max-one-visit — 法律要求当面核验']);
    assert.equal(service.attributes.skipped, '2');
  });
});

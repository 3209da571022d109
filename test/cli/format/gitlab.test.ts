import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { formatReport } from '../../../server/src/cli/format';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';

const OPTS = { color: false, toolVersion: '1.0.0' };

/**
 * GitLab's Code Quality report as its documentation describes it ("Implement a custom tool": an array of issues,
 * each with these required fields), written down here so that nothing is fetched at test time.
 */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};

interface Issue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }

function gitlab(report: LintReport): Issue[] {
  return JSON.parse(formatReport('gitlab', report, OPTS)) as Issue[];
}

describe('gitlab format', () => {
  const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);

  it('the shape rejects an issue without a fingerprint or with a severity GitLab does not know', () => {
    const issue = { description: 'd', check_name: 'c', fingerprint: 'f', severity: 'major', location: { path: 'a', lines: { begin: 1 } } };
    assert.ok(validate([issue]));
    assert.ok(!validate([{ ...issue, fingerprint: undefined }]));
    assert.ok(!validate([{ ...issue, severity: 'error' }]));
  });

  it('validates against the Code Quality shape in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) assert.ok(validate(gitlab(sampleReport(locale))), JSON.stringify(validate.errors));
  });

  it('gives one issue per finding: rule, message, path, first line, critical/major/info', () => {
    const issues = gitlab(sampleReport('en'));
    assert.equal(issues.length, 7);
    const fee = issues.find((i) => i.check_name === 'service/fee-basis')!;
    assert.deepEqual([fee.description, fee.severity, fee.location.path, fee.location.lines.begin], ['A charged service needs fee.basis', 'critical', 'services/passport.service.yaml', 41]);
    assert.deepEqual([...new Set(issues.map((i) => i.severity))].sort(), ['critical', 'info', 'major']);
  });

  it('keeps fingerprints unique, and stable when lines move or the language changes', () => {
    const issues = gitlab(sampleReport('en'));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    const zh = gitlab(sampleReport('zh-CN'));
    assert.deepEqual(zh.map((i) => i.fingerprint).sort(), issues.map((i) => i.fingerprint).sort());
    const twice = (line: number): LintReport => ({ ...sampleReport('en'), files: [{
      file: 'a.service.yaml', documents: [],
      findings: [finding({ ruleId: 'schema/enum', file: 'a.service.yaml', range: range(line, 0, line, 1) }), finding({ ruleId: 'schema/enum', file: 'a.service.yaml', range: range(line + 5, 0, line + 5, 1) })],
    }] });
    const [a, b] = [gitlab(twice(1)), gitlab(twice(30))];
    assert.notEqual(a[0].fingerprint, a[1].fingerprint, 'the same message twice in a file');
    assert.deepEqual(a.map((i) => i.fingerprint), b.map((i) => i.fingerprint));
  });
});

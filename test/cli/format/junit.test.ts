import { strict as assert } from 'node:assert';
import { formatReport } from '../../../server/src/cli/format';
import { escapeXmlAttribute, escapeXmlText } from '../../../server/src/cli/format/xml';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';
import { childElements, parseXml, textOf, type XmlElement } from './xml-check';

const OPTS = { color: false, toolVersion: '1.0.0' };

function junit(report: LintReport): XmlElement {
  return parseXml(formatReport('junit', report, OPTS));
}

describe('junit format', () => {
  it('the checker rejects malformed XML', () => {
    assert.throws(() => parseXml('<a><b></a></b>'));
    assert.throws(() => parseXml('<a x="1 & 2"/>'));
    assert.throws(() => parseXml('<a>\u0007</a>'));
    assert.throws(() => parseXml('<a>1 < 2</a>'));
    assert.throws(() => parseXml('<a/><b/>'));
    assert.throws(() => parseXml('<a>&#1;</a>'));
    assert.deepEqual(parseXml('<a x="&lt;&#10;">t&amp;</a>'), { name: 'a', attributes: { x: '<\n' }, children: ['t&'] });
  });

  it('is well-formed: one testsuite per file in path order, one testcase per finding or clean document', () => {
    const root = junit(sampleReport());
    assert.equal(root.name, 'testsuites');
    const suites = childElements(root, 'testsuite');
    // The catalogue has 3 findings (one info, which passes); the service 4 (3 errors, 1 warning); the agency none.
    assert.deepEqual(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures]), [
      ['agencies/ok.agency.yaml', '1', '0'],
      ['catalogs/人口.catalog.yaml', '3', '2'],
      ['services/passport.service.yaml', '4', '4'],
    ]);
    assert.deepEqual([root.attributes.tests, root.attributes.failures], ['8', '6']);
  });

  it('names a test case RULE line:column for a finding, path#index kind identity for a clean document', () => {
    const suites = childElements(junit(sampleReport()), 'testsuite');
    assert.deepEqual(childElements(suites[0], 'testcase').map((c) => c.attributes.name), ['agencies/ok.agency.yaml#0 Agency 11100000000013338W']);
    assert.deepEqual(childElements(suites[1], 'testcase').map((c) => c.attributes.name), [
      'yaml/unsafe 1:1',
      'service/shared-material-agreement 4:5',
      'catalog/item-length 21:15',
    ]);
  });

  it('fails a test case for each error and warning, and lets an info pass with its text in system-out', () => {
    const suites = childElements(junit(sampleReport('en')), 'testsuite');
    const service = childElements(suites[2], 'testcase');
    const failures = service.map((c) => childElements(c, 'failure')[0]);
    assert.deepEqual(failures.map((f) => [f.attributes.type, f.attributes.severity]), [
      ['schema/enum', 'error'], ['id/uscc', 'error'], ['service/fee-basis', 'error'], ['service/shared-material-agreement', 'warning'],
    ]);
    assert.equal(failures[2].attributes.message, 'A charged service needs fee.basis');
    assert.equal(textOf(failures[2]), '41:3 error service/fee-basis A charged service needs fee.basis');
    assert.equal(textOf(failures[3]), '61:9 warning service/shared-material-agreement Agreement XY-2024-01 expired on 2024-06-30');
    const info = childElements(suites[1], 'testcase')[2];
    assert.equal(childElements(info, 'failure').length, 0);
    assert.match(textOf(childElements(info, 'system-out')[0]), /^21:15 info catalog\/item-length Item "🀄姓名" is long$/);
  });

  it('shows every finding of the report as its own test case (7 errors are failures="7")', () => {
    const report = sampleReport();
    const cases = childElements(junit(report), 'testsuite').flatMap((s) => childElements(s, 'testcase'));
    const all = report.files.flatMap((f) => f.findings);
    assert.equal(cases.filter((c) => childElements(c, 'failure').length === 1).length, all.filter((f) => f.severity !== 'info').length);
    assert.equal(cases.filter((c) => childElements(c, 'system-out').length === 1).length, all.filter((f) => f.severity === 'info').length);
    const sevenErrors: LintReport = { ...report, files: [{
      file: 'a.service.yaml', documents: [{ index: 0, kind: 'Service', identity: 'x' }],
      findings: Array.from({ length: 7 }, (_, i) => finding({ ruleId: 'schema/enum', file: 'a.service.yaml', range: range(i, 0, i, 1) })),
    }] };
    assert.equal(junit(sevenErrors).attributes.failures, '7');
  });

  it('escapes markup, keeps line breaks in attributes, and makes forbidden characters visible', () => {
    const message = 'a<b>&"c\'\n\r\td\u0000\u001F\uFFFE\uD800 😀';
    const report: LintReport = { ...sampleReport('en'), files: [{
      file: 'a&b.yaml', documents: [{ index: 0, kind: 'Service', identity: '<id>' }],
      findings: [finding({ ruleId: 'r/x', file: 'a&b.yaml', range: range(0, 0, 0, 1), message: { 'zh-CN': message, en: message } })],
    }] };
    const root = junit(report);
    const [suite] = childElements(root, 'testsuite');
    const [testCase] = childElements(suite, 'testcase');
    assert.equal(suite.attributes.name, 'a&b.yaml');
    assert.equal(testCase.attributes.classname, 'a&b.yaml');
    const [failure] = childElements(testCase, 'failure');
    const visible = 'a<b>&"c\'\n\r\td\\u0000\\u001F\\uFFFE\\uD800 😀';
    assert.equal(failure.attributes.message, visible);
    assert.equal(textOf(failure), `1:1 error r/x ${visible}`);
  });

  it('escapes attribute and text content differently', () => {
    assert.equal(escapeXmlAttribute('"\'\n<'), '&quot;&apos;&#10;&lt;');
    assert.equal(escapeXmlText('"\'\n<\r'), '"\'\n&lt;&#13;');
  });

  it('writes an empty but well-formed document when there are no files', () => {
    const root = junit({ ...sampleReport(), files: [] });
    assert.deepEqual([root.name, root.attributes.tests, childElements(root, 'testsuite').length], ['testsuites', '0', 0]);
  });
});

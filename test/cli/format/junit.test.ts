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

  it('is well-formed: one testsuite per file in path order, with test and failure counts', () => {
    const root = junit(sampleReport());
    assert.equal(root.name, 'testsuites');
    const suites = childElements(root, 'testsuite');
    assert.deepEqual(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures]), [
      ['agencies/ok.agency.yaml', '1', '0'],
      ['catalogs/人口.catalog.yaml', '3', '1'],
      ['services/passport.service.yaml', '1', '1'],
    ]);
    assert.deepEqual([root.attributes.tests, root.attributes.failures], ['5', '2']);
  });

  it('names test cases path#index kind identity, and path#file for whole-file findings', () => {
    const suites = childElements(junit(sampleReport()), 'testsuite');
    assert.deepEqual(childElements(suites[1], 'testcase').map((c) => c.attributes.name), [
      'catalogs/人口.catalog.yaml#file',
      'catalogs/人口.catalog.yaml#0 Catalog 330000-A-0001',
      'catalogs/人口.catalog.yaml#1 Catalog 330000-A-0002',
    ]);
  });

  it('turns each error into a failure and lists warnings and infos in system-out', () => {
    const suites = childElements(junit(sampleReport('en')), 'testsuite');
    const [service] = childElements(suites[2], 'testcase');
    const failures = childElements(service, 'failure');
    assert.deepEqual(failures.map((f) => f.attributes.type), ['schema/enum', 'id/uscc', 'service/fee-basis']);
    assert.equal(failures[2].attributes.message, 'A charged service needs fee.basis');
    assert.equal(textOf(failures[2]), '41:3 A charged service needs fee.basis');
    assert.equal(textOf(childElements(service, 'system-out')[0]), '61:9 warning service/shared-material-agreement Agreement XY-2024-01 expired on 2024-06-30');
    const [, , info] = childElements(suites[1], 'testcase');
    assert.equal(childElements(info, 'failure').length, 0);
    assert.match(textOf(childElements(info, 'system-out')[0]), /^21:15 info catalog\/item-length Item "🀄姓名" is long$/);
  });

  it('shows every finding of the report', () => {
    const report = sampleReport();
    const root = junit(report);
    const cases = childElements(root, 'testsuite').flatMap((s) => childElements(s, 'testcase'));
    const failures = cases.flatMap((c) => childElements(c, 'failure')).length;
    const notes = cases.flatMap((c) => childElements(c, 'system-out')).map(textOf).join('\n').split('\n')
      .filter((line) => /^\d+:\d+ (warning|info) /.test(line)).length;
    const all = report.files.flatMap((f) => f.findings);
    assert.equal(failures, all.filter((f) => f.severity === 'error').length);
    assert.equal(notes, all.filter((f) => f.severity !== 'error').length);
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
    assert.equal(testCase.attributes.name, 'a&b.yaml#0 Service <id>');
    const [failure] = childElements(testCase, 'failure');
    const visible = 'a<b>&"c\'\n\r\td\\u0000\\u001F\\uFFFE\\uD800 😀';
    assert.equal(failure.attributes.message, visible);
    assert.equal(textOf(failure), `1:1 ${visible}`);
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

/**
 * The `junit` format (docs/semantics.md): one testsuite per file and one testcase per finding, named `RULE line:column`,
 * so that CI dashboards count every finding. Errors and warnings are `<failure>`s (the `severity` attribute tells
 * them apart); an info passes with its text in `<system-out>`; a suppressed finding is `<skipped>`, with its reason.
 * A document without findings is one passing testcase.
 */
import type { FileReport, Finding, LintReport } from '../../engine';
import { findingMessage, localize, sortedFiles, toSpan } from './findings';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml';

function findingCase(finding: Finding, file: string, report: LintReport): { xml: string; failing: boolean } {
  const { line, column } = toSpan(finding.range);
  const message = findingMessage(finding, report.locale);
  const open = `    <testcase classname="${attr(file)}" name="${attr(`${finding.ruleId} ${line}:${column}`)}">\n`;
  const detail = `${line}:${column} ${finding.severity} ${finding.ruleId} ${message}`;
  const failing = finding.severity !== 'info';
  const body = failing
    ? `      <failure type="${attr(finding.ruleId)}" severity="${finding.severity}" message="${attr(message)}">${text(detail)}</failure>\n`
    : `      <system-out>${text(detail)}</system-out>\n`;
  return { xml: `${open}${body}    </testcase>\n`, failing };
}

/** The passing testcase of a document without findings: `path#index kind identity`. */
function cleanDocumentCase(file: FileReport, doc: FileReport['documents'][number]): string {
  const name = [`${file.file}#${doc.index}`, doc.kind, doc.identity].filter(Boolean).join(' ');
  return `    <testcase classname="${attr(file.file)}" name="${attr(name)}"/>\n`;
}

/** A suppressed finding: a skipped testcase, its reason as the message. */
function suppressedCase(finding: Finding, file: string, report: LintReport): string {
  const { line, column } = toSpan(finding.range);
  const why = finding.suppressed?.reason ?? (report.locale === 'zh-CN' ? '（未说明原因）' : '(no reason given)');
  const message = `${localize(finding.message, report.locale)} — ${why}`;
  return `    <testcase classname="${attr(file)}" name="${attr(`${finding.ruleId} ${line}:${column}`)}">\n      <skipped message="${attr(message)}"/>\n    </testcase>\n`;
}

function testSuiteXml(file: FileReport, report: LintReport): { xml: string; tests: number; failures: number; skipped: number } {
  const withFindings = new Set(file.findings.map((finding) => finding.document));
  const suppressed = file.suppressed ?? [];
  const cases = [
    ...file.findings.map((finding) => findingCase(finding, file.file, report)),
    ...suppressed.map((finding) => ({ xml: suppressedCase(finding, file.file, report), failing: false })),
    ...file.documents.filter((doc) => !withFindings.has(doc.index)).map((doc) => ({ xml: cleanDocumentCase(file, doc), failing: false })),
  ];
  const failures = cases.filter((c) => c.failing).length;
  const body = cases.map((c) => c.xml).join('');
  const skipped = suppressed.length > 0 ? ` skipped="${suppressed.length}"` : '';
  const open = `  <testsuite name="${attr(file.file)}" tests="${cases.length}" failures="${failures}" errors="0"${skipped}`;
  return { xml: body ? `${open}>\n${body}  </testsuite>\n` : `${open}/>\n`, tests: cases.length, failures, skipped: suppressed.length };
}

export function formatJunit(report: LintReport): string {
  const suites = sortedFiles(report).map((file) => testSuiteXml(file, report));
  const tests = suites.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = suites.reduce((sum, suite) => sum + suite.failures, 0);
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<testsuites name="govspec" tests="${tests}" failures="${failures}" errors="0">\n`
    + suites.map((suite) => suite.xml).join('')
    + '</testsuites>\n';
}

/**
 * The `junit` format: one testsuite per file, one testcase per document (`path#file` for whole-file findings).
 * Each error is a `<failure>`; warnings and infos are listed in the testcase's `<system-out>`.
 */
import type { FileReport, Finding, LintReport } from '../../engine/types';
import { findingMessage, sortedFiles, toSpan } from './findings';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml';

interface TestCase { name: string; findings: Finding[] }

/** The file's test cases: the whole-file one (when it has findings) first, then each document by index. */
function testCases(file: FileReport): TestCase[] {
  const byDocument = new Map<number, TestCase>();
  for (const doc of file.documents) {
    byDocument.set(doc.index, { name: [`${file.file}#${doc.index}`, doc.kind, doc.identity].filter(Boolean).join(' '), findings: [] });
  }
  const wholeFile: TestCase = { name: `${file.file}#file`, findings: [] };
  for (const finding of file.findings) {
    if (finding.document === null) {
      wholeFile.findings.push(finding);
      continue;
    }
    let testCase = byDocument.get(finding.document);
    if (!testCase) {
      testCase = { name: `${file.file}#${finding.document}`, findings: [] };
      byDocument.set(finding.document, testCase);
    }
    testCase.findings.push(finding);
  }
  const documents = [...byDocument.entries()].sort(([a], [b]) => a - b).map(([, testCase]) => testCase);
  return wholeFile.findings.length > 0 ? [wholeFile, ...documents] : documents;
}

function isFailing(testCase: TestCase): boolean {
  return testCase.findings.some((finding) => finding.severity === 'error');
}

function testCaseXml(testCase: TestCase, file: string, report: LintReport): string {
  const open = `    <testcase classname="${attr(file)}" name="${attr(testCase.name)}"`;
  if (testCase.findings.length === 0) return `${open}/>\n`;
  const failures: string[] = [];
  const notes: string[] = [];
  for (const finding of testCase.findings) {
    const { line, column } = toSpan(finding.range);
    const message = findingMessage(finding, report.locale);
    if (finding.severity === 'error') {
      failures.push(`      <failure type="${attr(finding.ruleId)}" message="${attr(message)}">${text(`${line}:${column} ${message}`)}</failure>\n`);
    } else {
      notes.push(`${line}:${column} ${finding.severity} ${finding.ruleId} ${message}`);
    }
  }
  const systemOut = notes.length > 0 ? `      <system-out>${text(notes.join('\n'))}</system-out>\n` : '';
  return `${open}>\n${failures.join('')}${systemOut}    </testcase>\n`;
}

function testSuiteXml(file: FileReport, report: LintReport): { xml: string; tests: number; failures: number } {
  const cases = testCases(file);
  const failures = cases.filter(isFailing).length;
  const body = cases.map((testCase) => testCaseXml(testCase, file.file, report)).join('');
  const open = `  <testsuite name="${attr(file.file)}" tests="${cases.length}" failures="${failures}" errors="0"`;
  return { xml: body ? `${open}>\n${body}  </testsuite>\n` : `${open}/>\n`, tests: cases.length, failures };
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

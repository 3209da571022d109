/**
 * The `junit` format (docs/semantics.md): one testsuite per file and one testcase per finding, named `RULE line:column`,
 * so that CI dashboards count every finding. Errors and warnings are `<failure>`s (the `severity` attribute tells
 * them apart); an info passes with its text in `<system-out>`; a suppressed finding is `<skipped>`, with its reason.
 * A document without findings is one passing testcase.
 */
import type { FileReport, Finding, LintReport } from '../../engine';
import { bilingual } from '../../engine';
import { findingMessage, localize, sortedFiles, toSpan } from './findings';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml';

function findingCase(finding: Finding, file: string, report: LintReport): string {
  const { line, column } = toSpan(finding.range);
  const message = findingMessage(finding, report.locale);
  const open = `    <testcase classname="${attr(file)}" name="${attr(`${finding.ruleId} ${line}:${column}`)}">\n`;
  const detail = `${line}:${column} ${finding.severity} ${finding.ruleId} ${message}`;
  const failing = finding.severity !== 'info';
  const body = failing
    ? `      <failure type="${attr(finding.ruleId)}" severity="${finding.severity}" message="${attr(message)}">${text(detail)}</failure>\n`
    : `      <system-out>${text(detail)}</system-out>\n`;
  return `${open}${body}    </testcase>\n`;
}

/** The passing testcase of a document without findings: `path#index kind identity`. */
function cleanDocumentCase(file: FileReport, doc: FileReport['documents'][number]): string {
  const name = [`${file.file}#${doc.index}`, doc.kind, doc.identity].filter(Boolean).join(' ');
  return `    <testcase classname="${attr(file.file)}" name="${attr(name)}"/>\n`;
}

/** A suppressed finding: a skipped testcase, its reason as the message. */
function suppressedCase(finding: Finding, file: string, report: LintReport): string {
  const { line, column } = toSpan(finding.range);
  const why = finding.suppressed?.reason ?? bilingual('（未说明原因）', '(no reason given)')[report.locale];
  const message = `${localize(finding.message, report.locale)} — ${why}`;
  return `    <testcase classname="${attr(file)}" name="${attr(`${finding.ruleId} ${line}:${column}`)}">\n      <skipped message="${attr(message)}"/>\n    </testcase>\n`;
}

/** A file's testcases (its findings, its suppressed findings, its clean documents) and how many of them fail. */
function suiteOf(file: FileReport): { cleanDocuments: FileReport['documents']; tests: number; failures: number; skipped: number } {
  const withFindings = new Set(file.findings.map((finding) => finding.document));
  const cleanDocuments = file.documents.filter((doc) => !withFindings.has(doc.index));
  const skipped = file.suppressed?.length ?? 0;
  const failures = file.findings.reduce((n, finding) => n + (finding.severity !== 'info' ? 1 : 0), 0);
  return { cleanDocuments, tests: file.findings.length + skipped + cleanDocuments.length, failures, skipped };
}

/** One testsuite, a testcase at a time; its counts come first, from `suiteOf`. */
function* testSuiteXml(file: FileReport, report: LintReport): Generator<string> {
  const { cleanDocuments, tests, failures, skipped } = suiteOf(file);
  const open = `  <testsuite name="${attr(file.file)}" tests="${tests}" failures="${failures}" errors="0"${skipped > 0 ? ` skipped="${skipped}"` : ''}`;
  if (tests === 0) { yield `${open}/>\n`; return; }
  yield `${open}>\n`;
  for (const finding of file.findings) yield findingCase(finding, file.file, report);
  for (const finding of file.suppressed ?? []) yield suppressedCase(finding, file.file, report);
  for (const doc of cleanDocuments) yield cleanDocumentCase(file, doc);
  yield '  </testsuite>\n';
}

/** The report in pieces, one testcase at a time. */
export function* formatJunit(report: LintReport): Generator<string> {
  const files = sortedFiles(report);
  const totals = files.map(suiteOf).reduce((sum, suite) => ({ tests: sum.tests + suite.tests, failures: sum.failures + suite.failures }), { tests: 0, failures: 0 });
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="govspec" tests="${totals.tests}" failures="${totals.failures}" errors="0">\n`;
  for (const file of files) yield* testSuiteXml(file, report);
  yield '</testsuites>\n';
}

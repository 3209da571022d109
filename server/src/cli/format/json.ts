/** The `json` format: cli.md "The json format" and docs/semantics.md, field for field. */
import type { Finding, Fix, Locale, LintReport } from '../../engine';
import { allFindings, allSuppressed, cellReference, hasSafeFix, localize, toSpan, type FormatOptions, type Span } from './findings';
import { jsonChunks, streamed } from './json-stream';

interface JsonRelated extends Span { file: string; message: string }
interface JsonEdit extends Span { file: string; newText: string }
interface JsonSuggestion { title: string; edits: JsonEdit[] }

interface JsonResult extends Span {
  file: string;
  document: number | null;
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  fixable: boolean;
  related: JsonRelated[];
  suggestions?: JsonSuggestion[];
  /** Where the data was imported from (`govspec import`); only present then. */
  cell?: { file: string; sheet: string; row: number; column: number; reference: string };
}

function toSuggestion(fix: Fix, locale: Locale): JsonSuggestion {
  return {
    title: localize(fix.title, locale),
    edits: fix.edits.map((edit) => ({ file: edit.file, ...toSpan(edit.range), newText: edit.newText })),
  };
}

function toResult(finding: Finding, locale: Locale): JsonResult {
  const { line, column, endLine, endColumn } = toSpan(finding.range);
  const result: JsonResult = {
    file: finding.file,
    document: finding.document,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: localize(finding.message, locale),
    line, column, endLine, endColumn,
    fixable: hasSafeFix(finding),
    related: finding.related.map((rel) => ({ file: rel.file, ...toSpan(rel.range), message: localize(rel.message, locale) })),
  };
  const suggestions = finding.fixes.filter((fix) => !fix.safe);
  if (suggestions.length > 0) result.suggestions = suggestions.map((fix) => toSuggestion(fix, locale));
  if (finding.cell) result.cell = { ...finding.cell, reference: cellReference(finding.cell) };
  return result;
}

/** The report in pieces (`json-stream.ts`): one result at a time, so that no size of report is one string. */
export function* formatJson(report: LintReport, opts: FormatOptions): Generator<string> {
  const { files, documents, errors, warnings, infos } = report.summary;
  const output = {
    tool: { name: 'govspec', version: opts.toolVersion },
    results: streamed(allFindings(report), (finding) => toResult(finding, report.locale)),
    summary: { files, documents, errors, warnings, infos },
    // What suppression comments silenced, for reviewers to audit; counted nowhere above.
    suppressed: streamed(allSuppressed(report), (finding) => ({ ...toResult(finding, report.locale), reason: finding.suppressed?.reason ?? null })),
    ...(opts.fixed && { fixed: opts.fixed.map(({ file, output }) => ({ file, output })) }),
  };
  yield* jsonChunks(output);
  yield '\n';
}

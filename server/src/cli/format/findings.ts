/**
 * What every report format shares: 1-based positions, the chosen language, and one sort order.
 * Engine ranges are 0-based with an exclusive end; reports are 1-based, so the exclusive end column is `end + 1`.
 */
import type { Finding, Locale, LintReport, Message, Range, SheetCell } from '../../engine';

export interface FormatOptions {
  color: boolean;
  toolVersion: string;
  /** `--fix-dry-run`: each changed file's text after its safe fixes (the json format's `output`). */
  fixed?: readonly { file: string; output: string }[];
}

/** A range as reports print it: 1-based lines and UTF-16 columns, `endColumn` exclusive. */
export interface Span { line: number; column: number; endLine: number; endColumn: number }

export function toSpan(range: Range): Span {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function localize(message: Message, locale: Locale): string {
  return message[locale];
}

/** A column number as the sheet's letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell as spreadsheet users write it: `目录.xlsx 资源!C5`. */
export function cellReference(cell: SheetCell): string {
  return `${cell.file} ${cell.sheet}!${columnLetters(cell.column)}${cell.row}`;
}

/** A finding's message in the report's language, followed by the spreadsheet cell its data came from, if any. */
export function findingMessage(finding: Finding, locale: Locale): string {
  const text = localize(finding.message, locale);
  return finding.cell ? `${text} [${cellReference(finding.cell)}]` : text;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** docs/semantics.md: file (code-unit order), line, column, endLine, endColumn, ruleId, message. */
function compareFindings(a: Finding, b: Finding, locale: Locale): number {
  return compareText(a.file, b.file)
    || a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || a.range.end.line - b.range.end.line
    || a.range.end.character - b.range.end.character
    || compareText(a.ruleId, b.ruleId)
    || compareText(localize(a.message, locale), localize(b.message, locale));
}

function sortFindings(findings: readonly Finding[], locale: Locale): Finding[] {
  return [...findings].sort((a, b) => compareFindings(a, b, locale));
}

/** Every finding of the report, in report order. */
export function allFindings(report: LintReport): Finding[] {
  return sortFindings(report.files.flatMap((file) => file.findings), report.locale);
}

/** Every finding a suppression comment silenced, in report order. */
export function allSuppressed(report: LintReport): Finding[] {
  return sortFindings(report.files.flatMap((file) => file.suppressed ?? []), report.locale);
}

/** The report's files in code-unit order of their paths, each with its findings in report order. */
export function sortedFiles(report: LintReport): LintReport['files'] {
  return [...report.files]
    .sort((a, b) => compareText(a.file, b.file))
    .map((file) => ({ ...file, findings: sortFindings(file.findings, report.locale), suppressed: sortFindings(file.suppressed ?? [], report.locale) }));
}

/** A character a report cannot show as it is, written as a visible `\uXXXX`. */
export function visibleEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What a human-readable report must never pass on from linted data (file names, values in messages): C0 controls,
 * DEL and C1 controls (ESC and 0x9B start terminal sequences, BEL rings), the bidirectional formatting characters
 * (U+202E reverses what follows: "Trojan Source"), and the line and paragraph separators U+2028/U+2029.
 */
// eslint-disable-next-line no-control-regex -- these control characters are what the pattern is for
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * The one escaping of unsafe characters for every human-readable format: each becomes a visible `\uXXXX`, except those
 * in `keep`, which the format carries safely itself (XML keeps tabs and line breaks as references).
 */
export function escapeUnsafe(text: string, keep = ''): string {
  return text.replace(UNSAFE, (char) => (keep.includes(char) ? char : visibleEscape(char)));
}

export function hasSafeFix(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.safe);
}

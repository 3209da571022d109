/** The `github` format: one GitHub Actions workflow command per finding, escaped as the Actions toolkit does. */
import type { Finding, LintReport, Severity } from '../../engine';
import { allFindings, escapeUnsafe, findingMessage, toSpan } from './findings';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message after `::`: the toolkit's escapes, then no control or bidi character of the data (ESC, BEL, 0x9B). */
export function escapeData(text: string): string {
  return escapeUnsafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A `key=value` property value: as data, plus the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(finding: Finding, report: LintReport): string {
  const span = toSpan(finding.range);
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${span.line}`,
    `col=${span.column}`,
    `endLine=${span.endLine}`,
    `endColumn=${span.endColumn}`,
    `title=${escapeProperty(finding.ruleId)}`,
  ].join(',');
  return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(findingMessage(finding, report.locale))}\n`;
}

export function* formatGithub(report: LintReport): Generator<string> {
  for (const finding of allFindings(report)) yield command(finding, report);
}

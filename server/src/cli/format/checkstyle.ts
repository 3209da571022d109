/**
 * The `checkstyle` format: the Checkstyle XML that CI plug-ins (Jenkins Warnings, reviewdog, …) read; one `<file>`
 * per file with findings, one `<error>` per finding, its rule id as `source`.
 */
import type { LintReport, Severity } from '../../engine';
import { findingMessage, sortedFiles, toSpan } from './findings';
import { escapeXmlAttribute as attr } from './xml';

/** Checkstyle's own severities: error, warning, info. */
const SEVERITIES: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export function* formatCheckstyle(report: LintReport): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const file of sortedFiles(report)) {
    if (file.findings.length === 0) continue;
    yield `  <file name="${attr(file.file)}">\n`;
    for (const finding of file.findings) {
      const { line, column } = toSpan(finding.range);
      yield `    <error line="${line}" column="${column}" severity="${SEVERITIES[finding.severity]}" message="${attr(findingMessage(finding, report.locale))}" source="${attr(finding.ruleId)}"/>\n`;
    }
    yield '  </file>\n';
  }
  yield '</checkstyle>\n';
}

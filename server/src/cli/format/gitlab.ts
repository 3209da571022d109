/**
 * The `gitlab` format: a GitLab Code Quality report, a JSON array of issues (`description`, `check_name`,
 * `fingerprint`, `severity`, `location.path`, `location.lines.begin`) that merge requests show inline.
 */
import { createHash } from 'node:crypto';
import type { Finding, LintReport, Severity } from '../../engine';
import { allFindings, findingMessage, toSpan } from './findings';
import { jsonChunks, streamed } from './json-stream';

/** docs/semantics.md: error → critical, warning → major, info → info. */
const SEVERITIES: Record<Severity, 'critical' | 'major' | 'info'> = { error: 'critical', warning: 'major', info: 'info' };

/**
 * GitLab matches issues across pipelines by fingerprint, so it must not move with the line: the file, rule and
 * English message (the same whatever the report's language), and which occurrence of those it is.
 */
function fingerprint(finding: Finding, occurrence: number): string {
  return createHash('md5').update([finding.file, finding.ruleId, finding.message.en, String(occurrence)].join('\u0000')).digest('hex');
}

/** The issues in pieces (`json-stream.ts`), one at a time. */
export function* formatGitlab(report: LintReport): Generator<string> {
  const seen = new Map<string, number>();
  const issues = streamed(allFindings(report), (finding) => {
    const key = [finding.file, finding.ruleId, finding.message.en].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const { line, endLine } = toSpan(finding.range);
    return {
      type: 'issue',
      description: findingMessage(finding, report.locale),
      check_name: finding.ruleId,
      fingerprint: fingerprint(finding, occurrence),
      severity: SEVERITIES[finding.severity],
      location: { path: finding.file, lines: { begin: line, end: endLine } },
    };
  });
  yield* jsonChunks(issues);
  yield '\n';
}

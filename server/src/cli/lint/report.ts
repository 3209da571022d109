import type { DocumentSummary, FileReport, Finding, LintReport, LintSummary, Locale } from '../../engine';
import { RULE_METAS } from '../../engine';
import { usageError } from '../args';

/** What the run found in one reported file, before the output filters; suppressed findings among them, marked. */
export interface FileResult { file: string; documents: DocumentSummary[]; findings: Finding[] }

/**
 * The report every format receives: `--quiet` keeps errors only, and files without GovSpec documents or findings are
 * left out (other YAML is passed over silently, docs/semantics.md).
 */
export function buildReport(results: readonly FileResult[], locale: Locale, quiet: boolean): LintReport {
  const shown = (f: Finding) => !quiet || f.severity === 'error';
  const files: FileReport[] = results
    .map((r) => ({
      file: r.file,
      documents: r.documents,
      findings: r.findings.filter((f) => !f.suppressed && shown(f)),
      suppressed: r.findings.filter((f) => f.suppressed && shown(f)),
    }))
    .filter((r) => r.documents.length > 0 || r.findings.length > 0 || r.suppressed.length > 0);
  const all = files.flatMap((f) => f.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  const summary: LintSummary = {
    files: files.length,
    documents: files.reduce((n, f) => n + f.documents.length, 0),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
  return { files, summary, locale, rules: RULE_METAS };
}

/** docs/semantics.md: infos never count; warnings only beyond `--max-warnings`; a missing path is exit 2 whatever else. */
export function exitCodeOf(summary: LintSummary, maxWarnings: number | undefined, missingPaths: number): number {
  if (missingPaths > 0) return 2;
  if (summary.errors > 0) return 1;
  return maxWarnings !== undefined && summary.warnings > maxWarnings ? 1 : 0;
}

/** `--max-warnings N`: a whole number, or -1 for no limit (undefined), as ESLint takes it. */
export function maxWarningsOf(command: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '-1') return undefined;
  if (!/^\d+$/.test(value)) throw usageError(command, `--max-warnings 须为非负整数或 -1（不限），而不是“${value}”`, `--max-warnings takes a whole number or -1 (no limit), not "${value}"`);
  return Number(value);
}

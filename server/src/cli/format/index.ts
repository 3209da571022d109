/** The CLI's report formats: pure functions from a LintReport to the text written out, in pieces (`formatChunks`). */
import type { LintReport } from '../../engine';
import type { FormatOptions } from './findings';
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export type { FormatOptions } from './findings';
export type FormatName = 'stylish' | 'json' | 'sarif' | 'junit' | 'github' | 'gitlab' | 'checkstyle';

const FORMATTERS: Record<FormatName, (report: LintReport, opts: FormatOptions) => Iterable<string>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  gitlab: formatGitlab,
  checkstyle: formatCheckstyle,
};

export const FORMAT_NAMES: readonly FormatName[] = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'checkstyle'];

/** The report as one string: for small reports (an import's findings, tests). */
export function formatReport(name: FormatName, report: LintReport, opts: FormatOptions): string {
  return [...formatChunks(name, report, opts)].join('');
}

/** The report in pieces, made as they are written, so that no report is too large to write. */
export function formatChunks(name: FormatName, report: LintReport, opts: FormatOptions): Iterable<string> {
  return FORMATTERS[name](report, opts);
}

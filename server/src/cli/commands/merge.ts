import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { sortFindings } from '../../engine/lint';
import { RULE_METAS } from '../../engine/rules/registry';
import type { FileReport, Finding, LintReport, Locale, Range } from '../../engine/types';
import { FORMAT_NAMES, formatReport } from '../format';
import type { FormatName } from '../format';
import { localeFlag } from '../locale';
import { localeOfCwd } from './locale-of-cwd';
import { exitCodeOf } from '../lint/report';
import { writeReportFile } from '../lint/write-report';
import { TOOL_VERSION } from '../version';

export const MERGE_HELP = `govspec merge REPORT.json…   one report from the json reports of several shards (lint --shard I/N -f json)

  -f, --format NAME        ${FORMAT_NAMES.join(' | ')} (default json)
  -o, --output-file FILE   write the report there instead of standard output
      --max-warnings N     exit 1 when more than N warnings are found
`;

const MERGE_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
} as const;

interface JsonSpan { line: number; column: number; endLine: number; endColumn: number }
interface JsonResult extends JsonSpan {
  file: string; document: number | null; ruleId: string; severity: Finding['severity']; message: string; fixable: boolean;
  related: (JsonSpan & { file: string; message: string })[];
  suggestions?: { title: string; edits: (JsonSpan & { file: string; newText: string })[] }[];
}
interface JsonReport { tool: { name: string }; results: JsonResult[]; summary: { files: number; documents: number } }

function fail(zh: string, en: string): CliError {
  return new CliError(bilingual(`govspec merge：${zh}`, `govspec merge: ${en}`));
}

const rangeOf = (s: JsonSpan): Range => ({ start: { line: s.line - 1, character: s.column - 1 }, end: { line: s.endLine - 1, character: s.endColumn - 1 } });

/** A json result back as a finding; the message is in the language the shard wrote it in. */
function findingOf(r: JsonResult): Finding {
  const both = (text: string) => ({ 'zh-CN': text, en: text });
  const suggestions = (r.suggestions ?? []).map((s) => ({ title: both(s.title), safe: false, edits: s.edits.map((e) => ({ file: e.file, range: rangeOf(e), newText: e.newText })) }));
  // The json format keeps only whether a safe fix exists, not its edits; the flag is what every format shows.
  const safe = r.fixable ? [{ title: both(''), safe: true, edits: [] }] : [];
  return {
    ruleId: r.ruleId, severity: r.severity, message: both(r.message), file: r.file, range: rangeOf(r), document: r.document,
    related: r.related.map((x) => ({ file: x.file, range: rangeOf(x), message: both(x.message) })), fixes: [...safe, ...suggestions],
  };
}

function readReport(cwd: string, path: string): JsonReport {
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(resolve(cwd, path), 'utf8')) as JsonReport;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw fail(`无法读取报告 ${path}：${why}`, `cannot read the report ${path}: ${why}`);
  }
  if (report?.tool?.name !== 'govspec' || !Array.isArray(report.results) || typeof report.summary?.documents !== 'number') {
    throw fail(`${path} 不是 govspec lint -f json 的报告`, `${path} is not a report of govspec lint -f json`);
  }
  return report;
}

/** `govspec merge`: the shards are disjoint slices of one run, so their results add up to the whole run's. */
export async function mergeCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', args, MERGE_OPTIONS);
  if (values.help) {
    ctx.stdout(MERGE_HELP);
    return 0;
  }
  const format = (values.format ?? 'json') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw fail(`未知的输出格式“${format}”`, `unknown format "${format}"`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw fail(`--max-warnings 须为非负整数`, `--max-warnings takes a whole number`);
  if (positionals.length === 0) throw fail('请给出至少一个 json 报告', 'give at least one json report');

  const reports = positionals.map((p) => readReport(ctx.cwd, p));
  const byFile = new Map<string, Finding[]>();
  for (const r of reports.flatMap((x) => x.results)) {
    const list = byFile.get(r.file) ?? [];
    list.push(findingOf(r));
    byFile.set(r.file, list);
  }
  const files: FileReport[] = [...byFile.keys()].sort().map((file) => ({ file, documents: [], findings: sortFindings(byFile.get(file)!) }));
  const all = files.flatMap((f) => f.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  const locale: Locale = localeOfCwd(localeFlag(values.locale), ctx);
  const summary = {
    files: reports.reduce((n, r) => n + r.summary.files, 0),
    documents: reports.reduce((n, r) => n + r.summary.documents, 0),
    errors: count('error'), warnings: count('warning'), infos: count('info'),
  };
  const report: LintReport = { files, summary, locale, rules: RULE_METAS };
  const outputFile = values['output-file'];
  const text = formatReport(format, report, { color: format === 'stylish' && !outputFile && ctx.stdoutIsTTY && !ctx.env.NO_COLOR, toolVersion: TOOL_VERSION });
  if (outputFile) writeReportFile(resolve(ctx.cwd, outputFile), text);
  else ctx.stdout(text);
  return exitCodeOf(summary, maxWarnings === undefined ? undefined : Number(maxWarnings), 0);
}

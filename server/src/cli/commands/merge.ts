import { resolve } from 'node:path';
import { readRegularFile } from '../../host/read-regular';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { sortFindings } from '../../engine';
import { RULE_METAS } from '../../engine';
import type { FileReport, Finding, LintReport, Locale, Message, Range } from '../../engine';
import { FORMAT_NAMES } from '../format';
import { localeFlag } from '../locale';
import { exitCodeOf, maxWarningsOf } from '../lint/report';
import { colourOf, outputsOf, writeOutputs } from '../lint/outputs';
import { localeOfCwd } from './locale-of-cwd';
import { TOOL_VERSION } from '../version';

export const MERGE_HELP: Message = bilingual(
  `govspec merge 报告.json…   把各分片的 json 报告合并为一个报告（lint --shard I/N -f json）

  -f, --format 格式[:文件] ${FORMAT_NAMES.join(' | ')}（默认 json）；带 :文件 时写入该文件；可重复
  -o, --output-file 文件   把报告写入该文件而不是标准输出
      --max-warnings N     警告多于 N 个时退出码为 1（-1：不限）
      --color, --no-color  stylish 报告是否着色（默认：仅在终端上）
`,
  `govspec merge REPORT.json…   one report from the json reports of several shards (lint --shard I/N -f json)

  -f, --format NAME[:FILE] ${FORMAT_NAMES.join(' | ')} (default json); with :FILE written there; repeatable
  -o, --output-file FILE   write the report there instead of standard output
      --max-warnings N     exit 1 when more than N warnings are found (-1: no limit)
      --color, --no-color  colour the stylish report or not (default: on a terminal)
`,
);

export const MERGE_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

interface JsonSpan { line: number; column: number; endLine: number; endColumn: number }
interface JsonResult extends JsonSpan {
  file: string; document: number | null; ruleId: string; severity: Finding['severity']; message: string; fixable: boolean;
  related: (JsonSpan & { file: string; message: string })[];
  suggestions?: { title: string; edits: (JsonSpan & { file: string; newText: string })[] }[];
}
interface JsonReport { tool: { name: string }; results: JsonResult[]; suppressed?: (JsonResult & { reason: string | null })[]; summary: { files: number; documents: number } }

function fail(zh: string, en: string): CliError {
  return new CliError(bilingual(`govspec merge：${zh}`, `govspec merge: ${en}`));
}

const rangeOf = (s: JsonSpan): Range => ({ start: { line: s.line - 1, character: s.column - 1 }, end: { line: s.endLine - 1, character: s.endColumn - 1 } });

/** A json result back as a finding; the message is in the language the shard wrote it in. */
function findingOf(r: JsonResult): Finding {
  const both = (text: string) => (bilingual(text, text));
  const suggestions = (r.suggestions ?? []).map((s) => ({ title: both(s.title), safe: false, edits: s.edits.map((e) => ({ file: e.file, range: rangeOf(e), newText: e.newText })) }));
  // The json format keeps only whether a safe fix exists, not its edits; the flag is what every format shows.
  const safe = r.fixable ? [{ title: both(''), safe: true, edits: [] }] : [];
  return {
    ruleId: r.ruleId, severity: r.severity, message: both(r.message), file: r.file, range: rangeOf(r), document: r.document,
    related: r.related.map((x) => ({ file: x.file, range: rangeOf(x), message: both(x.message) })), fixes: [...safe, ...suggestions],
  };
}

/** The most a shard's report may hold (a FIFO or `/dev/zero` named as one is refused before this). */
const REPORT_BYTES = 1024 * 1024 * 1024;

function readReport(cwd: string, path: string): JsonReport {
  const cannotRead = (why: string) => fail(`无法读取报告 ${path}：${why}`, `cannot read the report ${path}: ${why}`);
  const read = readRegularFile(resolve(cwd, path), { maxBytes: REPORT_BYTES });
  if (read.kind === 'gone') throw cannotRead('ENOENT');
  if (read.kind === 'too-big') throw cannotRead(`over ${REPORT_BYTES} bytes`);
  if (read.kind === 'refused') throw cannotRead(read.why);
  let report: JsonReport;
  try {
    report = JSON.parse(read.bytes.toString('utf8')) as JsonReport;
  } catch (error) {
    throw cannotRead((error as Error).message);
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
    ctx.stdout(MERGE_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  const outputs = outputsOf('merge', ctx, values.format, values['output-file'], 'json');
  const maxWarnings = maxWarningsOf('merge', values['max-warnings']);
  if (positionals.length === 0) throw fail('请给出至少一个 json 报告', 'give at least one json report');

  const reports = positionals.map((p) => readReport(ctx.cwd, p));
  const byFile = new Map<string, Finding[]>();
  for (const r of reports.flatMap((x) => x.results)) {
    const list = byFile.get(r.file) ?? [];
    list.push(findingOf(r));
    byFile.set(r.file, list);
  }
  const suppressedByFile = new Map<string, Finding[]>();
  for (const r of reports.flatMap((x) => x.suppressed ?? [])) {
    const list = suppressedByFile.get(r.file) ?? [];
    list.push({ ...findingOf(r), suppressed: { reason: r.reason } });
    suppressedByFile.set(r.file, list);
  }
  const names = [...new Set([...byFile.keys(), ...suppressedByFile.keys()])].sort();
  const files: FileReport[] = names.map((file) => ({ file, documents: [], findings: sortFindings(byFile.get(file) ?? []), suppressed: suppressedByFile.get(file) ?? [] }));
  const all = files.flatMap((f) => f.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  const locale: Locale = localeOfCwd(localeFlag(values.locale), ctx);
  const summary = {
    files: reports.reduce((n, r) => n + r.summary.files, 0),
    documents: reports.reduce((n, r) => n + r.summary.documents, 0),
    errors: count('error'), warnings: count('warning'), infos: count('info'),
  };
  const report: LintReport = { files, summary, locale, rules: RULE_METAS };
  await writeOutputs(outputs, report, ctx, (spec) => ({ color: spec.format === 'stylish' && colourOf(values, args, ctx, spec.file !== undefined), toolVersion: TOOL_VERSION }));
  return exitCodeOf(summary, maxWarnings, 0);
}

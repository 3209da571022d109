import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { displayPath } from '../files/paths';
import { FORMAT_NAMES, formatReport } from '../format';
import type { FormatName } from '../format';
import { localeFlag } from '../locale';
import { environmentLocale, resolveLocale } from '../../host/locale';
import { buildReport, exitCodeOf } from '../lint/report';
import type { FileResult } from '../lint/report';
import { Progress } from '../lint/progress';
import { lintPaths } from '../lint/run-lint';
import { todayOf } from '../today';
import { TOOL_VERSION } from '../version';
import { KINDS } from '../../engine';
import type { Finding, Kind } from '../../engine';
import type { ImportResult } from '../../sheets/import-run';
import { MappingError, parseMapping } from '../../sheets/mapping';
import type { UserMapping } from '../../sheets/mapping';
import { problemFinding } from '../../sheets/problems';
import { loadSheets } from '../../sheets/load';

export const IMPORT_HELP = `govspec import FILE… --kind KIND -o DIR   YAML from spreadsheets (.xlsx, .csv), then lint it

      --kind KIND          Catalog | Service | SharingAgreement | Agency
  -o, --output DIR         where the YAML files go; files already there are updated in place
      --mapping FILE.yaml  which column is which field (as --print-mapping prints it)
      --print-mapping      print the mapping inferred from the headers and stop
      --no-lint            write the YAML without linting it
  -f, --format NAME        ${FORMAT_NAMES.join(' | ')} (default stylish)
      --today YYYY-MM-DD   the day date rules take as today
`;

const IMPORT_OPTIONS = {
  ...COMMON_OPTIONS,
  kind: { type: 'string' },
  output: { type: 'string', short: 'o' },
  mapping: { type: 'string' },
  'print-mapping': { type: 'boolean' },
  lint: { type: 'boolean' },
  'no-lint': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  today: { type: 'string' },
} as const;

function usage(zh: string, en: string): CliError {
  return new CliError(bilingual(`govspec import：${zh}`, `govspec import: ${en}`));
}

function kindOf(value: string | undefined): Kind {
  if (value !== undefined && (KINDS as readonly string[]).includes(value)) return value as Kind;
  throw usage(`--kind 须为 ${KINDS.join('、')} 之一`, `--kind takes one of ${KINDS.join(', ')}`);
}

function mappingOf(cwd: string, kind: Kind, path: string | undefined): UserMapping | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw usage(`无法读取映射文件 ${path}：${code}`, `cannot read the mapping file ${path}: ${code}`);
  }
  try {
    return parseMapping(kind, text);
  } catch (error) {
    if (error instanceof MappingError) throw usage(`${path}：${error.text['zh-CN']}`, `${path}: ${error.text.en}`);
    throw error;
  }
}

/** The import's own findings, one file each, and the lint's findings told the cells their data came from. */
function resultsOf(result: ImportResult, lintResults: readonly FileResult[], cwd: string): FileResult[] {
  const locators = new Map(result.written.map((w) => [displayPath(cwd, w.absolute), w.locator]));
  const withCells = lintResults.map((r) => {
    const locator = locators.get(r.file);
    if (!locator) return r;
    return { ...r, findings: r.findings.map((f): Finding => {
      const cell = locator.cellOf(f);
      return cell ? { ...f, cell } : f;
    }) };
  });
  const bySheet = new Map<string, Finding[]>();
  for (const problem of result.problems) {
    const list = bySheet.get(problem.cell.file) ?? [];
    list.push(problemFinding(problem));
    bySheet.set(problem.cell.file, list);
  }
  const sheets = [...bySheet].map(([file, findings]) => ({ file, documents: [], findings }));
  return [...sheets, ...withCells];
}

export async function importCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  // exceljs's zip libraries still call the deprecated Buffer(); the warning is theirs, not the user's, and cli.md allows one line.
  process.noDeprecation = true;
  const { values, positionals } = parseCommandArgs('import', args, IMPORT_OPTIONS);
  if (values.help) {
    ctx.stdout(IMPORT_HELP);
    return 0;
  }
  const flagLocale = localeFlag(values.locale);
  const kind = kindOf(values.kind);
  const format = (values.format ?? 'stylish') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw usage(`未知的输出格式“${format}”`, `unknown format "${format}"`);
  const today = todayOf('import', values.today);
  if (positionals.length === 0) throw usage('请给出至少一个 .xlsx 或 .csv 文件', 'give at least one .xlsx or .csv file');
  const printOnly = values['print-mapping'] === true;
  if (!printOnly && values.output === undefined) throw usage('请用 -o DIR 指定输出目录', 'give the output folder with -o DIR');
  const mapping = mappingOf(ctx.cwd, kind, values.mapping);
  const outDir = resolve(ctx.cwd, values.output ?? '.');
  const files = positionals.map((p) => ({ absolute: resolve(ctx.cwd, p), display: displayPath(ctx.cwd, resolve(ctx.cwd, p)) }));

  const { runImport, UnreadableFile } = loadSheets();
  let result: ImportResult;
  try {
    result = await runImport({ kind, files, outDir, mapping, printMapping: printOnly, locate: values['no-lint'] !== true });
  } catch (error) {
    if (error instanceof UnreadableFile) throw new CliError(bilingual(`govspec import：${error.text['zh-CN']}`, `govspec import: ${error.text.en}`));
    throw error;
  }
  if (printOnly) {
    ctx.stdout(result.mappings.join('\n'));
    return 0;
  }
  const lint = values['no-lint'] !== true && result.written.length > 0;
  const run = lint
    ? await lintPaths({ cwd: ctx.cwd, paths: [displayPath(ctx.cwd, outDir)], today, fix: false, progress: new Progress(false, ctx.stderr) })
    : { results: [], configLocale: undefined };
  const locale = resolveLocale(flagLocale, run.configLocale, environmentLocale(ctx.env));
  const report = buildReport(resultsOf(result, run.results, ctx.cwd), locale, false);
  ctx.stdout(formatReport(format, report, { color: format === 'stylish' && ctx.stdoutIsTTY && !ctx.env.NO_COLOR, toolVersion: TOOL_VERSION }));
  const written = result.written.length;
  ctx.stderr(bilingual(
    `govspec import：${result.rows} 行 → ${written} 个文件，写入 ${displayPath(ctx.cwd, outDir)}\n`,
    `govspec import: ${result.rows} rows → ${written} file${written === 1 ? '' : 's'} in ${displayPath(ctx.cwd, outDir)}\n`,
  )[locale]);
  return exitCodeOf(report.summary, undefined, 0);
}

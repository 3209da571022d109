import { resolve } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { displayPath } from '../files/paths';
import { localeFlag } from '../locale';
import { environmentLocale, resolveLocale } from '../../host/locale';
import { Progress } from '../lint/progress';
import { lintPaths } from '../lint/run-lint';
import { todayOf } from '../today';
import { loadSheets } from '../../sheets/load';

export const EXPORT_HELP = `govspec export PATH… -o FILE.xlsx   the documents as a workbook: a sheet per kind, findings linked to cells

  -o, --output FILE.xlsx   the workbook to write
      --no-lint            leave the findings sheet empty
      --today YYYY-MM-DD   the day date rules take as today
`;

const EXPORT_OPTIONS = {
  ...COMMON_OPTIONS,
  output: { type: 'string', short: 'o' },
  'no-lint': { type: 'boolean' },
  today: { type: 'string' },
} as const;

function usage(zh: string, en: string): CliError {
  return new CliError(bilingual(`govspec export：${zh}`, `govspec export: ${en}`));
}

export async function exportCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  // exceljs's zip libraries still call the deprecated Buffer(); the warning is theirs, not the user's, and cli.md allows one line.
  process.noDeprecation = true;
  const { values, positionals } = parseCommandArgs('export', args, EXPORT_OPTIONS);
  if (values.help) {
    ctx.stdout(EXPORT_HELP);
    return 0;
  }
  const flagLocale = localeFlag(values.locale);
  const today = todayOf('export', values.today);
  const output = values.output;
  if (output === undefined || !/\.xlsx$/i.test(output)) throw usage('请用 -o FILE.xlsx 指定要写的工作簿', 'give the workbook to write with -o FILE.xlsx');
  const paths = positionals.length > 0 ? positionals : ['.'];
  const { exportTargets, runExport } = loadSheets();
  const { files, missing } = exportTargets(ctx.cwd, paths);
  if (missing.length > 0) throw usage(`路径不存在：${missing.join('、')}`, `no such file or folder: ${missing.join(', ')}`);
  const run = values['no-lint'] === true
    ? { results: [], configLocale: undefined }
    : await lintPaths({ cwd: ctx.cwd, paths, today, fix: false, progress: new Progress(false, ctx.stderr) });
  const locale = resolveLocale(flagLocale, run.configLocale, environmentLocale(ctx.env));
  const absolute = resolve(ctx.cwd, output);
  let result;
  try {
    result = await runExport(ctx.cwd, files, run.results, absolute, displayPath(ctx.cwd, absolute), locale);
  } catch (error) {
    // The file system's refusals (a folder that is not there, no permission) are the user's to mend; others are bugs.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw usage(`无法写入 ${output}：${code}`, `cannot write ${output}: ${code}`);
  }
  ctx.stderr(bilingual(
    `govspec export：${result.documents} 个文档 → ${result.rows} 行，写入 ${output}\n`,
    `govspec export: ${result.documents} documents → ${result.rows} rows in ${output}\n`,
  )[locale]);
  return 0;
}

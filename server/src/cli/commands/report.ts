import type { Message } from '../../engine/types';
import { resolve } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { displayPath } from '../files/paths';
import { localeOfCwd } from './locale-of-cwd';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { localeFlag } from '../locale';
import { exitCodeOf } from '../lint/report';
import { todayOf } from '../today';
import { writeHtmlReport } from '../../render/report-command';

export const REPORT_HELP: Message = {
  en: `govspec report --html FILE [PATH…]   one standalone, offline HTML report for reviewers

      --html FILE          where to write the report (written atomically)
  -c, --config FILE        use this config for every file
      --today YYYY-MM-DD   the day date rules take as today (default: today in Asia/Shanghai)
      --locale zh-CN|en    language of the report (default: the config's locale, then the environment)
`,
  'zh-CN': `govspec report --html 文件 [路径…]   为审核人生成一个独立、可离线打开的 HTML 报告

      --html 文件          报告写到哪里（原子写入）
  -c, --config 文件        所有文件都使用这个配置
      --today YYYY-MM-DD   日期规则所用的“今天”（默认：Asia/Shanghai 的今天）
      --locale zh-CN|en    报告语言（默认：配置的 locale，其次环境变量）
`,
};

export const REPORT_OPTIONS = {
  ...COMMON_OPTIONS,
  html: { type: 'string' },
  config: { type: 'string', short: 'c' },
  today: { type: 'string' },
} as const;

/** `govspec report --html FILE`: lints the paths as `lint` does and writes the HTML report; the exit code is lint's. */
export async function reportCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, REPORT_OPTIONS);
  if (values.help) {
    ctx.stdout(REPORT_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  if (!values.html) throw new CliError(bilingual('govspec report：缺少 --html FILE', 'govspec report: --html FILE is required'));
  // Loaded here, not at the top: the bundled docs exist only in the build, and the options above are read by tests.
  const { ruleDoc } = await import('../rule-docs.js');
  const result = writeHtmlReport(positionals.length > 0 ? positionals : ['.'], values.html, {
    cwd: ctx.cwd, today: todayOf('report', values.today), locale: localeFlag(values.locale), env: ctx.env, config: values.config, ruleDoc,
  });
  const written = displayPath(ctx.cwd, resolve(ctx.cwd, values.html));
  const { errors, warnings } = result.report.summary;
  ctx.stderr(result.report.locale === 'zh-CN'
    ? `govspec report：报告已写入 ${written}（${errors} 个错误，${warnings} 个警告）\n`
    : `govspec report: wrote the report to ${written} (${errors} errors, ${warnings} warnings)\n`);
  return exitCodeOf(result.report.summary, undefined, result.missing.length);
}

import type { Message } from '../../engine';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import type { CliContext } from '../context';
import { RULE_METAS } from '../../engine';
import type { Locale, RuleMeta } from '../../engine';
import { padEnd, displayWidth } from '../format/width';
import { localeFlag } from '../locale';
import { localeOfCwd } from './locale-of-cwd';
import { confidenceLegend, readableSource } from '../../engine';
import { bilingual } from '../../engine';

export const RULES_HELP: Message = bilingual(
  'govspec rules   列出全部规则：编号、默认级别、范围、可否修复、说明、依据\n',
  'govspec rules   list every rule: id, default severity, scope, fixable, summary, source\n',
);

const HEADERS: Record<Locale, string[]> = bilingual(
  ['规则', '默认级别', '范围', '可修复', '说明', '依据'],
  ['rule', 'severity', 'scope', 'fixable', 'summary', 'source'],
);

const WORDS: Record<Locale, Record<string, string>> = bilingual(
  { error: '错误', warning: '警告', info: '提示', file: '文档', workspace: '工作区', safe: '是', suggestion: '建议', none: '否' },
  { error: 'error', warning: 'warning', info: 'info', file: 'file', workspace: 'workspace', safe: 'yes', suggestion: 'suggestion', none: 'no' },
);

function row(meta: RuleMeta, locale: Locale): string[] {
  const w = WORDS[locale];
  return [meta.id, w[meta.defaultSeverity], w[meta.scope], w[meta.fixable], meta.summary[locale], readableSource(meta.source, locale)];
}

/** An aligned table; widths count terminal columns, so Chinese text lines up. */
export function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : padEnd(cell, widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

export async function rulesCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs('rules', args, COMMON_OPTIONS);
  if (values.help) {
    ctx.stdout(RULES_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  const locale = localeOfCwd(localeFlag(values.locale), ctx);
  ctx.stdout(table([HEADERS[locale], ...[...RULE_METAS.values()].map((meta) => row(meta, locale))]));
  // Standard output stays one row per rule for scripts (`govspec rules | grep`); the legend is for the reader, once
  // the table is written: a table that cannot be written fails the run with its one line, and no legend beside it.
  const legend = () => ctx.stderr(`${confidenceLegend(locale)}\n`);
  if (ctx.afterStdout) ctx.afterStdout(legend);
  else legend();
  return 0;
}

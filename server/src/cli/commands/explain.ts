import type { Message } from '../../engine';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { RULE_METAS } from '../../engine';
import { ruleDocUrl } from '../../engine';
import { didYouMean } from '../../engine';
import { localeFlag } from '../locale';
import { ruleDoc } from '../rule-docs';
import { localeOfCwd } from './locale-of-cwd';
import { confidenceLegend, readableSource } from '../../engine';

export const EXPLAIN_HELP: Message = bilingual(
  'govspec explain 规则   打印规则的说明文档\n',
  'govspec explain RULE   print a rule\'s documentation\n',
);

export async function explainCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', args, COMMON_OPTIONS);
  if (values.help) {
    ctx.stdout(EXPLAIN_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(bilingual('govspec explain 需要且只需要一个规则名', 'govspec explain takes exactly one rule id'));
  const ruleId = positionals[0];
  const meta = RULE_METAS.get(ruleId);
  if (!meta) {
    const guess = didYouMean(ruleId, RULE_METAS.keys());
    throw new CliError(bilingual(
      `没有名为 ${ruleId} 的规则${guess ? `；是否指 ${guess}？` : '；请用 govspec rules 查看规则列表'}`,
      `there is no rule named ${ruleId}${guess ? `; did you mean ${guess}?` : '; run govspec rules for the list'}`,
    ));
  }
  const locale = localeOfCwd(localeFlag(values.locale), ctx);
  // A rule whose README is not written yet still has its one-line summary, source and published address.
  const doc = ruleDoc(ruleId, locale) ?? `# ${ruleId}\n\n${meta.summary[locale]}\n\n${ruleDocUrl(ruleId)}`;
  const source = `${bilingual('依据', 'Source')[locale]}: ${readableSource(meta.source, locale)}\n${confidenceLegend(locale)}`;
  ctx.stdout(`${doc}\n\n${source}\n`);
  return 0;
}

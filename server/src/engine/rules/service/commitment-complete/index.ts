import { defineRule } from '../../api';
import type { RuleContext } from '../../api';
import type { JsonPath } from '../../../types';
import { materialLabel, materialsOf, sourceOf } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/commitment-complete',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('告知承诺材料缺少承诺书内容或核查方式', 'A material replaced by a commitment lacks its wording or verification'),
    source: '国办发〔2020〕42号 (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    for (const material of materialsOf(ctx)) {
      const source = sourceOf(ctx, material);
      const blockPath = [...material.path, 'commitment'];
      // A block with a schema finding inside it (a value of the wrong type) is already reported there (one defect, one finding).
      if (!source || ctx.isFlagged(blockPath)) continue;
      const hasBlock = ctx.get(blockPath) !== undefined;
      const what = materialLabel(ctx, material);
      // format.md: `commitment` is written when source is commitment, and not allowed otherwise; this rule owns
      // both halves of that cardinality (one defect, one finding), never schema/required.
      if (source === 'commitment' && !hasBlock) {
        ctx.report({
          path: [...material.path, 'source'],
          message: bilingual(
            `${what['zh-CN']}以告知承诺替代（source: commitment），但缺少 commitment：请添加 commitment.text（告知承诺书内容）和 commitment.verification（事后核查方式）。`,
            `The ${what.en} is replaced by a written commitment (source: commitment) but has no commitment block: add commitment.text (the wording of the commitment) and commitment.verification (how it is checked afterwards).`,
          ),
        });
      } else if (source === 'commitment' && lacking(ctx, blockPath).length > 0) {
        const missing = lacking(ctx, blockPath).map((f) => `commitment.${f}`).join('、');
        ctx.report({
          path: [...material.path, 'source'],
          message: bilingual(
            `${what['zh-CN']}以告知承诺替代（source: commitment），但 commitment 缺少 ${missing}：告知承诺须写明承诺内容（text）和事后核查方式（verification）。`,
            `The ${what.en} is replaced by a written commitment (source: commitment) but its commitment lacks ${missing.replace(/、/g, ', ')}: a commitment must give its wording (text) and how it is verified afterwards (verification).`,
          ),
        });
      } else if (source !== 'commitment' && hasBlock) {
        ctx.report({
          path: [...material.path, 'source'],
          message: bilingual(
            `${what['zh-CN']}写有 commitment，但 source 为 ${source}：commitment 只用于 source: commitment 的材料。请把 source 改为 commitment，或删除 commitment。`,
            `The ${what.en} has a commitment block but source is ${source}: commitment belongs only to materials with source: commitment. Change source to commitment, or remove the block.`,
          ),
        });
      }
    }
  },
});

/** The fields a commitment block must hold that it lacks (format.md: `{ text, verification }`). */
function lacking(ctx: RuleContext, blockPath: JsonPath): string[] {
  return ['text', 'verification'].filter((f) => ctx.get([...blockPath, f]) === undefined);
}

import { defineRule, numberOption } from '../../api';
import { readableValue } from '../../readable';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/max-one-visit',
    defaultSeverity: 'info',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('到现场次数超过“最多跑一次”目标', 'More on-site visits than the "at most one visit" target'),
    source: 'reform target (M)',
    kinds: ['Service'],
    options: { visits: { type: 'integer', default: 1, minimum: 0 } },
  },
  check(ctx) {
    const visits = readableValue(ctx, ['onSiteVisits']);
    const target = numberOption(ctx, 'visits');
    if (typeof visits !== 'number' || visits <= target) return;
    ctx.report({
      path: ['onSiteVisits'],
      message: bilingual(
        `到办事现场次数 onSiteVisits 为 ${visits}，超过“最多跑一次”改革目标（${target} 次）：请通过数据共享、告知承诺、网上办理或邮寄送达减少跑动，并相应降低 onSiteVisits。`,
        `onSiteVisits is ${visits}, more than the "at most one visit" reform target (${target}): cut visits through data sharing, written commitments, online handling or postal delivery, and lower onSiteVisits.`,
      ),
    });
  },
});

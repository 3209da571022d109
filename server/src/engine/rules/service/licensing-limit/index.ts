import { defineRule, numberOption } from '../../api';
import { readableValue } from '../../readable';
import { readLimit } from '../_shared';
import { bilingual } from '../../../l10n/message';

/** GB/T 39046-2020 A.1 `01` 行政许可. */
const ADMINISTRATIVE_LICENCE = '01';

export const rule = defineRule({
  meta: {
    id: 'service/licensing-limit',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('行政许可的法定时限超过 20 个工作日却未说明依据', 'An administrative licence with a statutory limit over 20 working days and no note on the law allowing it'),
    source: '行政许可法 art. 42 (M)',
    kinds: ['Service'],
    options: { workdays: { type: 'integer', default: 20, minimum: 1 } },
  },
  check(ctx) {
    const statutory = readLimit(ctx, 'statutoryLimit');
    const workdays = numberOption(ctx, 'workdays');
    // Only working-day values are compared; art. 42 counts in working days.
    if (readableValue(ctx, ['type']) !== ADMINISTRATIVE_LICENCE || statutory?.unit !== 'workday' || statutory.value <= workdays) return;
    if (ctx.get(['statutoryLimit', 'note']) !== undefined) return;
    ctx.report({
      path: ['statutoryLimit', 'value'],
      message: bilingual(
        `行政许可的法定办结时限 statutoryLimit 为 ${statutory.value} 个工作日，超过《行政许可法》第四十二条的 ${workdays} 个工作日：请在 statutoryLimit.note 中写明允许延长的法律、法规，或缩短 statutoryLimit.value。`,
        `The statutory limit statutoryLimit of this administrative licence is ${statutory.value} working days, over the ${workdays} of the Administrative Licensing Law art. 42: name the law that allows it in statutoryLimit.note, or shorten statutoryLimit.value.`,
      ),
    });
  },
});

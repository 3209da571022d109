import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { readLimit, showLimit } from '../_shared';
import type { Limit } from '../_shared';
import { bilingual } from '../../../l10n/message';

/** GB/T 39046-2020 A.6: `1` 即办件 (instant), `2` 承诺件 (promised). */
const INSTANT = '1';
const PROMISED = '2';

/** Time limits (docs/semantics.md): an instant case is done within a day: at most 1 (working or calendar) day or 24 hours, and no month. */
function tooLongForInstant(limit: Limit): boolean {
  switch (limit.unit) {
    case 'workday':
    case 'day': return limit.value > 1;
    case 'hour': return limit.value > 24;
    case 'month': return limit.value >= 1;
    default: return false;
  }
}

export const rule = defineRule({
  meta: {
    id: 'service/case-type-limit',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('办件类型与承诺时限不符', 'The case type does not fit the promised time limit'),
    source: 'GB/T 39046-2020 A.6 (H), practice (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    const caseType = readableValue(ctx, ['caseType']);
    const promised = readLimit(ctx, 'promisedLimit');
    if (!promised) return;
    const shown = showLimit(promised);
    if (caseType === INSTANT && tooLongForInstant(promised)) {
      ctx.report({
        path: ['promisedLimit', 'value'],
        message: bilingual(
          `即办件（caseType: "1"）应当场或当日办结，承诺办结时限 promisedLimit 却为 ${shown['zh-CN']}：请把 promisedLimit 缩短到 1 日（24 小时）以内，或把 caseType 改为 "2"（承诺件）。`,
          `An instant case (caseType: "1") is settled on the spot or within the day, but the promised limit promisedLimit is ${shown.en}: shorten promisedLimit to at most 1 day (24 hours), or change caseType to "2" (promised case).`,
        ),
      });
    } else if (caseType === PROMISED && promised.value === 0) {
      ctx.report({
        path: ['promisedLimit', 'value'],
        message: bilingual(
          '承诺件（caseType: "2"）的承诺办结时限 promisedLimit.value 不能为 0：请填写承诺的办结时限，或当场办结的事项把 caseType 改为 "1"（即办件）。',
          'A promised case (caseType: "2") cannot have a promised limit promisedLimit.value of 0: write the limit promised, or, for an item settled on the spot, change caseType to "1" (instant case).',
        ),
      });
    }
  },
});

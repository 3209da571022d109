import { defineRule, numberOption } from '../../api';
import type { RuleContext } from '../../api';
import type { Message } from '../../../types';
import { addYears } from '../../../calendar/dates';
import { usableDate } from '../_shared';
import { bilingual } from '../../../l10n/message';

const VALID_TO = ['validTo'];

export const rule = defineRule({
  meta: {
    id: 'agreement/validity',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('协议的有效期与答复日期必须合理', "The agreement's period and reply date must make sense"),
    source: 'L',
    kinds: ['SharingAgreement'],
    options: { maxYears: { type: 'integer', default: 5, minimum: 1 } },
  },
  check(ctx) {
    const validTo = usableDate(ctx, VALID_TO);
    if (!validTo) return;
    const message = firstProblem(ctx, validTo);
    if (message) ctx.report({ path: VALID_TO, message });
  },
});

/** The conditions in the order the doc lists them (docs/semantics.md); the first that fails is reported. */
function firstProblem(ctx: RuleContext, validTo: string): Message | undefined {
  const validFrom = usableDate(ctx, ['validFrom']);
  if (validFrom && validTo <= validFrom) {
    return bilingual(
      `validTo ${validTo} 不晚于 validFrom ${validFrom}：有效期的结束日期必须在开始日期之后，请改正其中一个日期。`,
      `validTo ${validTo} is not after validFrom ${validFrom}: the period must end after it starts; correct one of the dates.`,
    );
  }
  const application = usableDate(ctx, ['application', 'date']);
  const reply = usableDate(ctx, ['reply', 'date']);
  if (application && reply && reply < application) {
    return bilingual(
      `reply.date ${reply} 早于 application.date ${application}：答复不能先于申请，请核对这两个日期。`,
      `reply.date ${reply} is before application.date ${application}: a reply cannot precede its application; check both dates.`,
    );
  }
  const maxYears = numberOption(ctx, 'maxYears');
  const latest = validFrom && addYears(validFrom, maxYears);
  if (latest && validTo > latest) {
    return bilingual(
      `有效期 ${validFrom} 至 ${validTo} 超过 ${maxYears} 年：validTo 最晚为 ${latest}，请缩短有效期，到期后重新评估并续签。`,
      `The period ${validFrom} to ${validTo} runs longer than ${maxYears} years: validTo may be ${latest} at the latest; shorten it and review and renew the agreement when it ends.`,
    );
  }
  return undefined;
}

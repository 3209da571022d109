import { defineRule, numberOption } from '../../api';
import { workdaysAfter } from '../../../calendar/workdays';
import { calendarRangeReport } from '../../meta/calendar-range';
import { usableDate } from '../_shared';
import { bilingual } from '../../../l10n/message';

const ID = 'agreement/reply-deadline';
const APPLICATION = ['application', 'date'];
const REPLY = ['reply', 'date'];

export const rule = defineRule({
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('提供方应在规定的工作日内答复共享申请', 'The provider must reply within the set number of working days'),
    source: '国发〔2016〕51号 (M); the 2025 条例 deadline (unverified)',
    kinds: ['SharingAgreement'],
    options: { workdays: { type: 'integer', default: 10, minimum: 1 } },
  },
  check(ctx) {
    const application = usableDate(ctx, APPLICATION);
    const reply = usableDate(ctx, REPLY);
    // A reply before its application is agreement/validity's defect, not a late reply.
    if (!application || !reply || reply < application) return;
    const count = workdaysAfter(application, reply);
    if (!count.ok) {
      ctx.report(calendarRangeReport(count.outOfRange === application ? APPLICATION : REPLY, count.outOfRange, ID));
      return;
    }
    const limit = numberOption(ctx, 'workdays');
    if (count.days <= limit) return;
    ctx.report({
      path: REPLY,
      message: bilingual(
        `reply.date ${reply} 距申请日期 ${application} 已 ${count.days} 个工作日，超过 ${limit} 个工作日的答复时限：请核对日期；确属逾期的，应记录原因并督促提供方按时答复。`,
        `reply.date ${reply} is ${count.days} working days after the application of ${application}, more than the ${limit}-working-day reply limit: check the dates; if the reply was indeed late, record why and hold the provider to the deadline.`,
      ),
    });
  },
});

import { defineRule } from '../../api';
import type { ReportSpec } from '../../api';
import type { JsonPath } from '../../../types';
import { CALENDAR_YEARS } from '../../../calendar/workdays';
import { bilingual } from '../../../l10n/message';

const ID = 'meta/calendar-range';

export const rule = defineRule({
  meta: {
    id: ID,
    defaultSeverity: 'info',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('日期超出内置工作日历覆盖的年份', 'A date outside the years the bundled working-day calendar covers'),
    source: 'docs/semantics.md',
    kinds: [],
  },
  // Never run on documents: the rules that need the calendar raise this finding through `calendarRangeReport`.
  check() {},
});

/** The meta/calendar-range finding for a date at `path` that the calendar does not cover; `skipped` names the rule that was skipped. */
export function calendarRangeReport(path: JsonPath, date: string, skipped: string): ReportSpec {
  const { first, last } = CALENDAR_YEARS;
  return {
    ruleId: ID,
    path,
    message: bilingual(
      `日期 ${date} 不在内置工作日历覆盖的 ${first}–${last} 年内，无法计算工作日，已跳过 ${skipped}：请核对该日期，或升级 GovSpec 以获得更新的日历。`,
      `The date ${date} lies outside the years ${first}–${last} that the bundled working-day calendar covers, so working days cannot be counted and ${skipped} was skipped: check the date, or update GovSpec for a newer calendar.`,
    ),
  };
}

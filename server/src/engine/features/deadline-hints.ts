import type { JsonPath, Kind, Locale } from '../types';
import { bilingual } from '../l10n/message';
import type { ResolvedConfig } from '../config/types';
import { addWorkdays, isRealDate } from '../calendar/workdays';
import { rule as replyDeadline } from '../rules/agreement/reply-deadline';
import { samePath } from './context';
import { optionDefaults } from '../config/rule-options';

/** The time limits of a service that run from the day an application is received (a step's limit runs from its step). */
const SERVICE_LIMITS = ['statutoryLimit', 'promisedLimit'];

/** The working days a provider has to reply: the `agreement/reply-deadline` option as the config sets it. */
export function replyWorkdays(config: ResolvedConfig | undefined): number {
  const workdays = config?.rules.get(replyDeadline.meta.id)?.options.workdays ?? optionDefaults(replyDeadline.meta).workdays;
  return workdays as number;
}

function replyDue(date: string, days: number, locale: Locale): string {
  return bilingual(`答复期限 ${date}（${days} 个工作日）`, `reply due ${date} (${days} working days)`)[locale];
}

function limitDue(date: string, locale: Locale): string {
  return bilingual(`今日受理则 ${date} 届满`, `due ${date} if received today`)[locale];
}

/**
 * The calendar day a deadline in working days falls on, on the official calendar: an agreement's reply deadline
 * counted from `application.date`, a service's statutory or promised limit in working days counted from `today`.
 * Undefined for any other value, and where the count would leave the calendar's years (no guess).
 */
export function deadlineHint(kind: Kind, path: JsonPath, written: string, data: unknown, today: string, workdays: number, locale: Locale): string | undefined {
  if (kind === 'SharingAgreement' && samePath(path, ['application', 'date']) && isRealDate(written)) {
    const due = addWorkdays(written, workdays);
    return due.ok ? replyDue(due.date, workdays, locale) : undefined;
  }
  if (kind === 'Service' && path.length === 2 && SERVICE_LIMITS.includes(String(path[0])) && path[1] === 'value' && isRealDate(today)) {
    const limit = (data as Record<string, unknown> | null)?.[path[0]] as { value?: unknown; unit?: unknown } | undefined;
    if (limit?.unit !== 'workday' || !Number.isInteger(limit.value) || (limit.value as number) < 0) return undefined;
    const due = addWorkdays(today, limit.value as number);
    return due.ok ? limitDue(due.date, locale) : undefined;
  }
  return undefined;
}

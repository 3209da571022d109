/**
 * Chinese working days (工作日, docs/semantics.md) over the official calendar shipped by the
 * `chinese-days` package: statutory holidays close weekdays, adjusted working days (调休) open weekends.
 * Only the package's plain JSON data is used (no fs, no network, no time zones); dates are `YYYY-MM-DD`.
 */
import calendarData from 'chinese-days/dist/chinese-days.json';
import { isRealDate } from './dates';

export { isRealDate, addYears } from './dates';

/** Date → "English name,中文名,length" for statutory holidays and for 调休 working days. */
const holidays: Readonly<Record<string, string>> = calendarData.holidays;
const adjustedWorkdays: Readonly<Record<string, string>> = calendarData.workdays;

function coveredYears(): { first: number; last: number } {
  const years = Object.keys(holidays).map((date) => Number(date.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** The years the bundled calendar covers, inclusive, as found in its holiday data. */
export const CALENDAR_YEARS: { first: number; last: number } = coveredYears();

/** Whether `date` (a real `YYYY-MM-DD` date) falls in a year the calendar covers. */
export function isCovered(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
}

function requireCoveredDate(date: string): void {
  if (!isRealDate(date)) throw new RangeError(`not a real date: ${date}`);
  if (!isCovered(date)) throw new RangeError(`outside the calendar years ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}: ${date}`);
}

function toUtcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function isWorkdayUnchecked(date: string): boolean {
  if (adjustedWorkdays[date] !== undefined) return true;
  if (holidays[date] !== undefined) return false;
  const weekday = toUtcDay(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Whether `date` is a working day. Throws a RangeError for a date that is not real or not covered. */
export function isWorkday(date: string): boolean {
  requireCoveredDate(date);
  return isWorkdayUnchecked(date);
}

export type WorkdayCount = { ok: true; days: number } | { ok: false; outOfRange: string /* the date outside */ };

/**
 * The number of working days d with application < d ≤ reply (0 when the reply is not after the application).
 * When either date lies outside CALENDAR_YEARS the count is not guessed: `outOfRange` names that date
 * (the application first). Both dates must be real dates; anything else throws a RangeError.
 */
export function workdaysAfter(application: string, reply: string): WorkdayCount {
  for (const date of [application, reply]) {
    if (!isRealDate(date)) throw new RangeError(`not a real date: ${date}`);
  }
  for (const date of [application, reply]) {
    if (!isCovered(date)) return { ok: false, outOfRange: date };
  }
  let days = 0;
  const day = toUtcDay(application);
  for (day.setUTCDate(day.getUTCDate() + 1); isoDay(day) <= reply; day.setUTCDate(day.getUTCDate() + 1)) {
    if (isWorkdayUnchecked(isoDay(day))) days++;
  }
  return { ok: true, days };
}

export type WorkdayDate = { ok: true; date: string } | { ok: false; outOfRange: string /* the first date outside */ };

/**
 * The day on which `days` working days after `start` have passed: the `days`-th working day d > start (`start`
 * itself when `days` is 0), the inverse of `workdaysAfter`. Holidays are skipped and 调休 weekends counted; when the
 * count runs past CALENDAR_YEARS the date is not guessed: `outOfRange` names the first day outside.
 */
export function addWorkdays(start: string, days: number): WorkdayDate {
  if (!isRealDate(start)) throw new RangeError(`not a real date: ${start}`);
  if (!isCovered(start)) return { ok: false, outOfRange: start };
  const day = toUtcDay(start);
  for (let left = days; left > 0;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const date = isoDay(day);
    if (!isCovered(date)) return { ok: false, outOfRange: date };
    if (isWorkdayUnchecked(date)) left--;
  }
  return { ok: true, date: isoDay(day) };
}

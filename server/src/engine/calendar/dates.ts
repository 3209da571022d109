/** Calendar-date helpers for `YYYY-MM-DD` strings (docs/semantics.md). No time zones: dates are plain days. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar (year 0001 or later). */
export function isRealDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The same month and day `years` later (or earlier, when negative); 29 February becomes 28 February in a
 * year without one. `date` must be a real date.
 */
export function addYears(date: string, years: number): string {
  const m = DATE_PATTERN.exec(date);
  if (!m || !isRealDate(date)) throw new RangeError(`not a real date: ${date}`);
  const year = Number(m[1]) + years;
  const month = Number(m[2]);
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** Whole days from one real date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

import { strict as assert } from 'node:assert';
import chineseDays from 'chinese-days';
import {
  CALENDAR_YEARS,
  addWorkdays,
  addYears,
  isCovered,
  isRealDate,
  isWorkday,
  workdaysAfter,
} from '../../server/src/engine/calendar/workdays';
import calendarData from 'chinese-days/dist/chinese-days.json';

describe('calendar/workdays: covered years', () => {
  it('derives a range that includes 2024–2026 from the package data', () => {
    assert.ok(CALENDAR_YEARS.first <= 2024, `first ${CALENDAR_YEARS.first}`);
    assert.ok(CALENDAR_YEARS.last >= 2026, `last ${CALENDAR_YEARS.last}`);
  });

  it('has holiday data for every year of the range (no gaps)', () => {
    const years = new Set(Object.keys(calendarData.holidays).map((date) => Number(date.slice(0, 4))));
    for (let year = CALENDAR_YEARS.first; year <= CALENDAR_YEARS.last; year++) assert.ok(years.has(year), `${year}`);
  });

  it('knows which dates it covers', () => {
    assert.equal(isCovered(`${CALENDAR_YEARS.first}-01-01`), true);
    assert.equal(isCovered(`${CALENDAR_YEARS.last}-12-31`), true);
    assert.equal(isCovered(`${CALENDAR_YEARS.first - 1}-12-31`), false);
    assert.equal(isCovered(`${CALENDAR_YEARS.last + 1}-01-01`), false);
  });
});

describe('calendar/workdays: isWorkday', () => {
  it('closes statutory holidays and opens 调休 weekends', () => {
    assert.equal(isWorkday('2024-10-01'), false); // National Day, Tuesday
    assert.equal(isWorkday('2024-10-07'), false); // National Day, Monday
    assert.equal(isWorkday('2024-09-29'), true); // Sunday, 调休
    assert.equal(isWorkday('2024-10-12'), true); // Saturday, 调休
    assert.equal(isWorkday('2024-10-13'), false); // ordinary Sunday
    assert.equal(isWorkday('2024-10-08'), true); // ordinary Tuesday
  });

  it('agrees with the chinese-days library on every day of 2024 and 2025', () => {
    for (const year of [2024, 2025]) {
      const day = new Date(Date.UTC(year, 0, 1));
      while (day.getUTCFullYear() === year) {
        const iso = day.toISOString().slice(0, 10);
        assert.equal(isWorkday(iso), chineseDays.isWorkday(iso), iso);
        day.setUTCDate(day.getUTCDate() + 1);
      }
    }
  });

  it('refuses to guess outside the covered years and rejects unreal dates', () => {
    assert.throws(() => isWorkday(`${CALENDAR_YEARS.last + 1}-03-02`), RangeError);
    assert.throws(() => isWorkday('2024-02-30'), RangeError);
  });
});

describe('calendar/workdays: workdaysAfter', () => {
  it('counts across the 2024 National Day holiday with its two 调休 weekend days', () => {
    // 09-28 Sat off · 09-29 Sun 调休 (1) · 09-30 (2) · 10-01…10-07 off · 10-08…10-11 (3–6) · 10-12 Sat 调休 (7)
    assert.deepEqual(workdaysAfter('2024-09-27', '2024-10-12'), { ok: true, days: 7 });
    assert.deepEqual(workdaysAfter('2024-09-27', '2024-10-11'), { ok: true, days: 6 });
    // 10-13 Sun off · 10-14…10-17 (8–11): the first reply that exceeds a 10-workday limit
    assert.deepEqual(workdaysAfter('2024-09-27', '2024-10-16'), { ok: true, days: 10 });
    assert.deepEqual(workdaysAfter('2024-09-27', '2024-10-17'), { ok: true, days: 11 });
  });

  it('counts across the 2025 Spring Festival (01-28…02-04 off; 01-26 Sun and 02-08 Sat on)', () => {
    // 01-25 off · 01-26 (1) · 01-27 (2) · 01-28…02-04 off · 02-05…02-07 (3–5) · 02-08 (6) · 02-09 off · 02-10 (7)
    assert.deepEqual(workdaysAfter('2025-01-24', '2025-02-10'), { ok: true, days: 7 });
    assert.deepEqual(workdaysAfter('2025-01-27', '2025-02-04'), { ok: true, days: 0 });
  });

  it('excludes the application day and includes the reply day', () => {
    assert.deepEqual(workdaysAfter('2024-10-08', '2024-10-08'), { ok: true, days: 0 });
    assert.deepEqual(workdaysAfter('2024-10-08', '2024-10-09'), { ok: true, days: 1 });
    assert.deepEqual(workdaysAfter('2024-10-09', '2024-10-08'), { ok: true, days: 0 });
  });

  it('counts across a year boundary', () => {
    // 2024-12-31 Tue (1) · 2025-01-01 元旦 off · 01-02 (2) · 01-03 (3)
    assert.deepEqual(workdaysAfter('2024-12-30', '2025-01-03'), { ok: true, days: 3 });
  });

  it('reports a date outside the covered years instead of guessing', () => {
    const after = `${CALENDAR_YEARS.last + 1}-01-05`;
    const before = `${CALENDAR_YEARS.first - 1}-12-30`;
    assert.deepEqual(workdaysAfter(`${CALENDAR_YEARS.last}-12-28`, after), { ok: false, outOfRange: after });
    assert.deepEqual(workdaysAfter(before, `${CALENDAR_YEARS.first}-01-10`), { ok: false, outOfRange: before });
  });

  it('throws on dates that are not real', () => {
    assert.throws(() => workdaysAfter('2024-02-30', '2024-03-05'), RangeError);
    assert.throws(() => workdaysAfter('2024-03-01', '2024/03/05'), RangeError);
  });
});

describe('calendar/dates', () => {
  it('isRealDate accepts real dates and leap days only in leap years', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2023-12-31', '2024-04-30']) assert.equal(isRealDate(date), true, date);
    for (const date of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', '20240101', ' 2024-01-01', '0000-01-01']) {
      assert.equal(isRealDate(date), false, date);
    }
  });

  it('addYears keeps month and day, turning 29 February into 28 February', () => {
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addYears('2024-02-29', 4), '2028-02-29');
    assert.equal(addYears('2024-02-29', -1), '2023-02-28');
    assert.equal(addYears('2023-03-01', 5), '2028-03-01');
    assert.equal(addYears('2025-12-31', 0), '2025-12-31');
    assert.throws(() => addYears('2023-02-29', 1), RangeError);
  });
});

describe('calendar/workdays: addWorkdays', () => {
  it('counts a 调休 Sunday and skips the National Day holiday of 2026', () => {
    // 2026-09-18 is a Friday; Saturday 09-19 is off, Sunday 09-20 is a 调休 working day.
    assert.deepEqual(addWorkdays('2026-09-18', 1), { ok: true, date: '2026-09-20' });
    // 09-25…09-27 and 10-01…10-07 are off; 09-28…09-30 are working days; Saturday 10-10 is a 调休 working day.
    assert.deepEqual(addWorkdays('2026-09-24', 1), { ok: true, date: '2026-09-28' });
    assert.deepEqual(addWorkdays('2026-09-30', 1), { ok: true, date: '2026-10-08' });
    assert.deepEqual(addWorkdays('2026-10-09', 1), { ok: true, date: '2026-10-10' });
  });

  it('is the inverse of workdaysAfter and gives the start itself for 0 days', () => {
    assert.deepEqual(addWorkdays('2026-06-01', 0), { ok: true, date: '2026-06-01' });
    for (const [start, days] of [['2024-09-27', 10], ['2025-01-20', 15], ['2025-12-25', 20]] as const) {
      const end = addWorkdays(start, days);
      assert.ok(end.ok);
      assert.deepEqual(workdaysAfter(start, end.date), { ok: true, days });
      assert.equal(isWorkday(end.date), true);
    }
  });

  it('names the first day outside the calendar instead of guessing', () => {
    assert.deepEqual(addWorkdays(`${CALENDAR_YEARS.last}-12-31`, 1), { ok: false, outOfRange: `${CALENDAR_YEARS.last + 1}-01-01` });
    assert.deepEqual(addWorkdays(`${CALENDAR_YEARS.first - 1}-06-01`, 1), { ok: false, outOfRange: `${CALENDAR_YEARS.first - 1}-06-01` });
    assert.throws(() => addWorkdays('2026-02-30', 1), RangeError);
  });
});

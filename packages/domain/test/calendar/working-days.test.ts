import { describe, expect, it } from 'vitest';
import {
  CN_2026_CALENDAR,
  DEFAULT_WORKING_CALENDAR,
  NOTICE_WORKING_DAYS,
  WEEKENDS_ONLY_CALENDAR,
  addCalendarDays,
  addWorkingDays,
  dayOfWeek,
  defineWorkingCalendar,
  isCalendarDate,
  isNoticePeriodOver,
  isWorkingDay,
  mergeWorkingCalendars,
  noticeEndDate,
  todayInShanghai,
  uncoveredYears,
  workingDaysBetween,
} from '../../src';
import type { WorkingCalendar } from '../../src';

const W = WEEKENDS_ONLY_CALENDAR;

describe('dates as YYYY-MM-DD', () => {
  it('validates dates strictly', () => {
    for (const good of ['2026-01-01', '2024-02-29', '1999-12-31'])
      expect(isCalendarDate(good)).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-1-1',
      '2026-01-01T00:00',
      '',
      '0026-01-01',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it('knows the day of the week and adds calendar days across months and years', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('todayInShanghai', () => {
  it('is UTC+8 whatever the machine time zone', () => {
    expect(todayInShanghai(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(todayInShanghai(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(todayInShanghai(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(() => todayInShanghai(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('weekends', () => {
  it('skips Saturday and Sunday', () => {
    expect(isWorkingDay('2026-03-06', W)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', W)).toBe(false);
    expect(isWorkingDay('2026-03-08', W)).toBe(false);
    // Friday + 1 working day = Monday; the start day is not counted.
    expect(addWorkingDays('2026-03-06', 1, W)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 1, W)).toBe('2026-03-09'); // from a Saturday
    expect(addWorkingDays('2026-03-06', 0, W)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-09', -1, W)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-02', 10, W)).toBe('2026-03-16');
  });

  it('counts working days in (start, end]', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-09', W)).toBe(1);
    expect(workingDaysBetween('2026-03-02', '2026-03-02', W)).toBe(0);
    expect(workingDaysBetween('2026-03-02', '2026-03-08', W)).toBe(4);
    expect(workingDaysBetween('2026-03-09', '2026-03-06', W)).toBe(-1);
  });

  it('addWorkingDays and workingDaysBetween are inverse (property over many starts)', () => {
    for (let i = 0; i < 60; i++) {
      const start = addCalendarDays('2026-01-01', i * 5);
      for (const n of [0, 1, 3, 5, 7, 12, 30]) {
        const end = addWorkingDays(start, n, CN_2026_CALENDAR);
        expect(workingDaysBetween(start, end, CN_2026_CALENDAR), `${start} + ${n}`).toBe(n);
        if (n > 0) expect(isWorkingDay(end, CN_2026_CALENDAR)).toBe(true);
      }
    }
  });
});

describe('the 2026 official schedule (国办发明电〔2025〕7号)', () => {
  const C = CN_2026_CALENDAR;

  it('is the default calendar', () => {
    expect(DEFAULT_WORKING_CALENDAR).toBe(C);
    expect(isWorkingDay('2026-10-05')).toBe(false);
  });

  it('holidays on weekdays are days off, 调休 weekends are working days', () => {
    expect(isWorkingDay('2026-01-01', C)).toBe(false);
    expect(isWorkingDay('2026-01-04', C)).toBe(true); // Sunday, worked
    expect(isWorkingDay('2026-02-16', C)).toBe(false); // 除夕, Monday
    expect(isWorkingDay('2026-02-14', C)).toBe(true); // Saturday, worked
    expect(isWorkingDay('2026-02-28', C)).toBe(true);
    expect(isWorkingDay('2026-04-06', C)).toBe(false); // 清明, Monday
    expect(isWorkingDay('2026-05-05', C)).toBe(false);
    expect(isWorkingDay('2026-05-09', C)).toBe(true);
    expect(isWorkingDay('2026-06-19', C)).toBe(false);
    expect(isWorkingDay('2026-09-20', C)).toBe(true);
    expect(isWorkingDay('2026-09-25', C)).toBe(false);
    expect(isWorkingDay('2026-10-07', C)).toBe(false);
    expect(isWorkingDay('2026-10-10', C)).toBe(true);
  });

  it('has 248 working days: 261 weekdays − 19 weekday holidays + 6 make-up days', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31', W)).toBe(261);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', C)).toBe(248);
  });

  it('a notice over the National Day holiday', () => {
    // Published Wed 30 Sep: 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, 调休) 3, 12 Oct 4, 13 Oct 5.
    expect(noticeEndDate('2026-09-30', 5, C)).toBe('2026-10-13');
    // Without the holidays it would end on 7 Oct, in the middle of the holiday.
    expect(noticeEndDate('2026-09-30', 5, W)).toBe('2026-10-07');
  });

  it('a notice over the Spring Festival', () => {
    // Published Fri 13 Feb: 14 Feb (Sat, 调休) 1; 15–23 off; 24, 25, 26, 27 Feb → 5.
    expect(noticeEndDate('2026-02-13', 5, C)).toBe('2026-02-27');
    expect(workingDaysBetween('2026-02-13', '2026-02-27', C)).toBe(5);
  });
});

describe('public notice (公示)', () => {
  it('lasts 5 working days by default; the day of publication does not count', () => {
    expect(NOTICE_WORKING_DAYS).toBe(5);
    // Published Monday 2 March → Tue, Wed, Thu, Fri, Mon → ends Monday 9 March (24:00).
    expect(noticeEndDate('2026-03-02')).toBe('2026-03-09');
    // Published Friday → over the weekend.
    expect(noticeEndDate('2026-03-06')).toBe('2026-03-13');
    // Published on a Saturday: counting starts Monday.
    expect(noticeEndDate('2026-03-07')).toBe('2026-03-13');
    expect(noticeEndDate('2026-03-02', 7)).toBe('2026-03-11');
    expect(() => noticeEndDate('2026-03-02', 0)).toThrow(RangeError);
  });

  it('is over from the day after the end date', () => {
    expect(isNoticePeriodOver('2026-03-09', '2026-03-09')).toBe(false);
    expect(isNoticePeriodOver('2026-03-09', '2026-03-10')).toBe(true);
    const endsOn = noticeEndDate('2026-03-02');
    expect(isNoticePeriodOver(endsOn, todayInShanghai(new Date('2026-03-09T15:59:00Z')))).toBe(
      false,
    );
    expect(isNoticePeriodOver(endsOn, todayInShanghai(new Date('2026-03-09T16:00:00Z')))).toBe(
      true,
    );
  });
});

describe('custom calendars', () => {
  // A made-up year: a Wednesday holiday and a Saturday make-up day.
  const custom: WorkingCalendar = defineWorkingCalendar({
    name: '测试日历',
    years: [2031],
    holidays: ['2031-06-04'],
    workdays: ['2031-06-07'],
  });

  it('skips its holidays and counts its make-up days', () => {
    expect(dayOfWeek('2031-06-04')).toBe(3);
    expect(dayOfWeek('2031-06-07')).toBe(6);
    // Mon 2 June + 5: Tue 3 (1), [Wed 4 off], Thu 5 (2), Fri 6 (3), Sat 7 worked (4), Mon 9 (5).
    expect(addWorkingDays('2031-06-02', 5, custom)).toBe('2031-06-09');
    expect(addWorkingDays('2031-06-02', 5, W)).toBe('2031-06-09'); // same date, different days
    expect(addWorkingDays('2031-06-02', 3, custom)).toBe('2031-06-06');
    expect(addWorkingDays('2031-06-02', 3, W)).toBe('2031-06-05');
    expect(workingDaysBetween('2031-06-01', '2031-06-08', custom)).toBe(5);
    expect(workingDaysBetween('2031-06-01', '2031-06-08', W)).toBe(5);
    expect(workingDaysBetween('2031-06-01', '2031-06-06', custom)).toBe(4);
  });

  it('merges with the official schedule', () => {
    const merged = mergeWorkingCalendars('合并', CN_2026_CALENDAR, custom);
    expect(merged.years).toEqual([2026, 2031]);
    expect(isWorkingDay('2031-06-04', merged)).toBe(false);
    expect(isWorkingDay('2026-10-10', merged)).toBe(true);
  });

  it('refuses inconsistent calendars', () => {
    const base = { name: 'x', years: [2031] };
    expect(() =>
      defineWorkingCalendar({ ...base, holidays: ['2031-06-07'], workdays: ['2031-06-07'] }),
    ).toThrow(/both/);
    expect(() =>
      defineWorkingCalendar({ ...base, holidays: [], workdays: ['2031-06-04'] }),
    ).toThrow(/not a weekend/);
    expect(() =>
      defineWorkingCalendar({ ...base, holidays: ['2030-01-01'], workdays: [] }),
    ).toThrow(/outside/);
    expect(() =>
      defineWorkingCalendar({ ...base, holidays: ['2031-02-30'], workdays: [] }),
    ).toThrow(RangeError);
  });

  it('reports years it does not cover', () => {
    // Published Mon 28 Dec 2026: the end falls in 2027, whose schedule is not entered yet, so
    // 1 January 2027 would count as a working day: the API must warn (or the admin add 2027).
    const endsOn = noticeEndDate('2026-12-28');
    expect(endsOn).toBe('2027-01-04');
    expect(uncoveredYears(CN_2026_CALENDAR, '2026-12-28', endsOn)).toEqual([2027]);
    expect(uncoveredYears(CN_2026_CALENDAR, '2026-12-24', noticeEndDate('2026-12-24'))).toEqual([]);
    expect(uncoveredYears(CN_2026_CALENDAR, '2026-03-02')).toEqual([]);
    expect(uncoveredYears(W, '2026-03-02', '2025-03-02')).toEqual([2025, 2026]);
  });
});

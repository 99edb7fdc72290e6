import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR, mayRecordObjection, noticePhase, noticePeriod } from '../../src';

/**
 * One rule for every public notice (奖补公示 and 科技副总公示): it is open from the day it is
 * published to 24:00 of its last day, Asia/Shanghai; the publication day is not one of the
 * working days it lasts (民法典 第二百零一条).
 */

/** The instant `hh:mm` on a Shanghai calendar day. */
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

describe('the notice period', () => {
  // Published Friday 2026-11-27: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December.
  const period = noticePeriod('2026-11-27', 5, CN_2026_CALENDAR);

  it('starts on the day of publication and ends after the working days that follow it', () => {
    expect(period).toEqual({
      publishedOn: '2026-11-27',
      startsOn: '2026-11-27',
      endsOn: '2026-12-04',
    });
  });

  it('skips holidays when counting (国庆 2026)', () => {
    expect(noticePeriod('2026-09-30', 5, CN_2026_CALENDAR).endsOn).toBe('2026-10-13');
  });

  it('is before, running or over by the Shanghai day, on the boundary days', () => {
    expect(noticePhase(period, at('2026-11-26', '23:59'))).toBe('before');
    // Midnight in Suzhou is 16:00 UTC the day before.
    expect(noticePhase(period, new Date('2026-11-26T15:59:59Z'))).toBe('before');
    expect(noticePhase(period, new Date('2026-11-26T16:00:00Z'))).toBe('running');
    expect(noticePhase(period, at('2026-11-27', '00:00'))).toBe('running');
    expect(noticePhase(period, at('2026-12-04', '23:59'))).toBe('running');
    expect(noticePhase(period, new Date('2026-12-04T16:00:00Z'))).toBe('over');
    expect(noticePhase(period, at('2026-12-05', '00:00'))).toBe('over');
  });

  it('takes objections from the day of publication to the last day, and no others', () => {
    expect(mayRecordObjection(period, at('2026-11-26', '18:00'))).toBe(false);
    expect(mayRecordObjection(period, at('2026-11-27', '17:30'))).toBe(true);
    expect(mayRecordObjection(period, at('2026-12-04', '23:00'))).toBe(true);
    expect(mayRecordObjection(period, at('2026-12-05', '08:00'))).toBe(false);
  });

  it('refuses a notice of no working days', () => {
    expect(() => noticePeriod('2026-11-27', 0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ApplicationDetail,
  noticeAndPayment,
  timelineEntries,
} from '../src/packages/apply/detail/stages';

function detail(patch: Record<string, unknown>): ApplicationDetail {
  return {
    status: 'submitted',
    notice: null,
    timeline: [
      { at: '2026-11-02T02:00:00.000Z', action: 'submit', actionLabel: '提交申请', comment: null },
    ],
    ...patch,
  } as unknown as ApplicationDetail;
}

describe('the application timeline', () => {
  it('shows the steps still ahead, greyed, above what happened', () => {
    const entries = timelineEntries(detail({}));
    const ahead = entries.filter((e) => e.tone === 'ahead').map((e) => e.title);
    expect(ahead).toEqual(['到账', '拨付', '公示期满', '公示', '批准', '市局审核', '县区审核']);
    expect(entries.at(-1)).toMatchObject({ title: '提交申请', tone: 'normal' });
  });

  it('shows nothing ahead once refused', () => {
    const entries = timelineEntries(detail({ status: 'rejected' }));
    expect(entries.some((e) => e.tone === 'ahead')).toBe(false);
  });

  it('in notice: the period’s dates on the notice step and in 公示与拨付', () => {
    const a = detail({
      status: 'in-notice',
      notice: { startsOn: '2026-11-27', endsOn: '2026-12-04' },
      timeline: [
        {
          at: '2026-11-27T01:00:00.000Z',
          action: 'publish-notice',
          actionLabel: '列入公示',
          comment: null,
        },
      ],
    });
    const entries = timelineEntries(a);
    expect(entries.at(-1)?.comment).toBe('公示期：2026-11-27 至 2026-12-04');
    expect(entries.find((e) => e.title === '公示期满')?.time).toBe('2026-12-04 24:00 期满');
    expect(noticeAndPayment(a)?.notice).toContain('2026-11-27 至 2026-12-04');
  });
});

import { describe, expect, it } from 'vitest';
import { vpProgress } from '../../src/matching/progress';
import type { VpProgressInput } from '../../src/matching/progress';

const need = (over: Partial<VpProgressInput>): VpProgressInput => ({
  side: 'need',
  ownStatus: 'active',
  callStatus: 'open',
  secondmentStatuses: [],
  ...over,
});
const candidacy = (over: Partial<VpProgressInput>) => need({ side: 'candidate', ...over });

describe('vpProgress: a need or an application follows its call', () => {
  it('before matching: 征集中 / 已报名, then 匹配中', () => {
    expect(vpProgress(need({ callStatus: 'open' }))).toEqual({
      code: 'collecting',
      name: '征集中',
    });
    expect(vpProgress(need({ callStatus: 'collecting' })).name).toBe('待匹配');
    expect(vpProgress(candidacy({ callStatus: 'collecting' })).name).toBe('已报名');
    expect(vpProgress(need({ callStatus: 'matching' })).name).toBe('匹配中');
    expect(vpProgress(candidacy({ callStatus: 'matching' })).name).toBe('匹配中');
  });

  it('in the notice: 公示中 when matched, 未匹配 when not', () => {
    expect(vpProgress(need({ callStatus: 'notice', secondmentStatuses: ['pending'] }))).toEqual({
      code: 'in-notice',
      name: '公示中',
    });
    expect(vpProgress(candidacy({ callStatus: 'notice', secondmentStatuses: [] })).name).toBe(
      '未匹配',
    );
    // A list withdrawn from the notice leaves its pairs cancelled: not matched (any more).
    expect(
      vpProgress(need({ callStatus: 'matching', secondmentStatuses: ['cancelled'] })).name,
    ).toBe('匹配中');
  });

  it('after confirmation: 已确认 until the agreement, then the term', () => {
    expect(
      vpProgress(need({ callStatus: 'confirmed', secondmentStatuses: ['pending'] })).name,
    ).toBe('已确认');
    expect(
      vpProgress(candidacy({ callStatus: 'confirmed', secondmentStatuses: ['active'] })).name,
    ).toBe('履职中');
    // A need with two researchers shows the furthest one.
    expect(
      vpProgress(need({ callStatus: 'confirmed', secondmentStatuses: ['cancelled', 'active'] }))
        .code,
    ).toBe('serving');
    expect(vpProgress(need({ callStatus: 'closed', secondmentStatuses: ['completed'] })).name).toBe(
      '期满结束',
    );
    expect(
      vpProgress(candidacy({ callStatus: 'confirmed', secondmentStatuses: ['terminated'] })).name,
    ).toBe('已终止');
    expect(vpProgress(need({ callStatus: 'closed', secondmentStatuses: ['cancelled'] })).name).toBe(
      '未匹配',
    );
  });

  it('withdrawn stays withdrawn', () => {
    expect(vpProgress(need({ ownStatus: 'withdrawn', callStatus: 'notice' }))).toEqual({
      code: 'withdrawn',
      name: '已撤回',
    });
  });
});

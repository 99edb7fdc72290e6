import { describe, expect, it } from 'vitest';
import { derivePolicySet, yuan } from '../../src';
import { codes, DRAFT, historyOf, priorFrom, run, TEAM_LEADER } from './fixtures';

// 四.12 对获得中国创新创业大赛宿州赛区一等奖、二等奖、三等奖的，分别奖励 5 万元、3 万元、1 万元。
describe('四.12 中国创新创业大赛宿州赛区', () => {
  it.each([
    ['first', 50_000, '一等奖'],
    ['second', 30_000, '二等奖'],
    ['third', 10_000, '三等奖'],
  ])('awards a %s prize ¥%i', (prize, amount, label) => {
    const e = run('innovation-contest', { inputPatch: { prize } });
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(amount));
    expect(e.explanation.formula).toContain(label);
  });

  it('lets a team leader apply for a winning team by default', () => {
    const e = run('innovation-contest', { applicant: TEAM_LEADER });
    expect(e.eligible).toBe(true);
    expect(e.explanation.settings.map((s) => s.name)).toContain('contestTeamsMayApply');
  });

  it('refuses a team leader when the version pays firms only', () => {
    const firmsOnly = derivePolicySet(DRAFT, {
      id: 'test-firms-only',
      version: 'test',
      effectiveFrom: '2026-01-01',
      settings: { contestTeamsMayApply: false },
    });
    const e = run('innovation-contest', { applicant: TEAM_LEADER }, undefined, firmsOnly);
    expect(codes(e)).toEqual(['TEAMS_MAY_NOT_APPLY']);
  });

  it('pays one project once per contest year', () => {
    const first = run('innovation-contest');
    const again = run(
      'innovation-contest',
      { inputPatch: { prize: 'second' } },
      historyOf(priorFrom(first, 'A-1')),
    );
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
  });

  it('refuses a prize that is not one of the three', () => {
    const e = run('innovation-contest', { inputPatch: { prize: 'excellence' } });
    expect(e.refusals[0]?.message).toContain('一等奖、二等奖、三等奖');
  });
});

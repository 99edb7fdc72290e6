/**
 * Why the matcher left a need open or a researcher unplaced, in words an officer can act on,
 * from the exclusions the matcher met for it (not a generic "no options").
 */

/** What the matcher met for one need (or one researcher) among pairs sharing a field. */
export interface LeftoverCounts {
  /** pairs of the same field looked at (pinned pairs aside) */
  sameField: number;
  investment: number;
  forbidden: number;
  lowScore: number;
}

export const emptyLeftoverCounts = (): LeftoverCounts => ({
  sameField: 0,
  investment: 0,
  forbidden: 0,
  lowScore: 0,
});

const SIDE = {
  need: {
    none: '无符合条件的人选',
    other: '人选',
    unit: '名',
    taken: '可配对的人选已安排到得分更高的需求',
  },
  candidate: {
    none: '无可配对的需求',
    other: '需求',
    unit: '项',
    taken: '可配对的需求已安排给得分更高的人选',
  },
} as const;

export function leftoverReason(
  side: 'need' | 'candidate',
  counts: LeftoverCounts,
  hadOptions: boolean,
  minScore: number,
): string {
  const s = SIDE[side];
  if (hadOptions) return s.taken;
  if (counts.sameField === 0)
    return `${s.none}：没有同领域的${side === 'need' ? '报名人选' : '需求'}`;
  const parts = [
    counts.investment ? `因创办或投资关系须回避${counts.investment}${s.unit}` : '',
    counts.forbidden ? `被管理员排除${counts.forbidden}${s.unit}` : '',
    counts.lowScore ? `得分低于${minScore}分${counts.lowScore}${s.unit}` : '',
  ].filter(Boolean);
  return `${s.none}：同领域${s.other}${counts.sameField}${s.unit}，其中${parts.join('、')}`;
}

import type { ListColumn } from '../../composables/use-list-page';
import type { ConsultationListItem } from './queries';

/** `2026-12-01 至 2026-12-30（30日）`: both ends counted, as the notice prints it. */
export const periodText = (c: { opensOn: string; closesOn: string; days: number }) =>
  `${c.opensOn} 至 ${c.closesOn}（${c.days}日）`;

/** `已处理 3 / 共 5`: how far the bureau is with the answers. */
export const countsText = (answered: number, total: number) => `已处理 ${answered} / 共 ${total}`;

/** Widths add up to less than a 1440 px screen has (test/consultations-list.test.ts). */
export const columns: readonly ListColumn<ConsultationListItem>[] = [
  { label: '编号', prop: 'number', width: 150 },
  { label: '标题', prop: 'title', minWidth: 240, ellipsis: true },
  { label: '征求意见期限', width: 260, format: periodText },
  { label: '阶段', width: 130, slot: 'stage' },
  {
    label: '意见',
    width: 150,
    format: (row) => countsText(row.answered, row.comments),
  },
  { label: '操作', width: 70, fixed: 'right', slot: 'actions' },
];

/**
 * Why 发布意见采纳情况 cannot be taken yet, in the server's words, or null when it can: the period
 * must be over and every comment answered. Published already: the page says so instead.
 */
export function feedbackBlockedBy(c: {
  stage: string;
  closesOn: string;
  feedbackPublished: boolean;
  total: number;
  answered: number;
}): string | null {
  if (c.feedbackPublished) return '意见采纳情况已发布，不能再次发布';
  if (c.stage !== 'closed') return `征求意见${c.closesOn}截止后才能发布意见采纳情况`;
  const open = c.total - c.answered;
  if (open > 0) return `还有${open}条意见未处理，全部处理后才能发布意见采纳情况`;
  return null;
}

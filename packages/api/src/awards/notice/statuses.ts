export const NOTICE_BATCH_STATUS_LABELS = {
  draft: '草稿',
  published: '公示中',
  closed: '已结束',
  /** a selection's notice taken back to decide the list again */
  withdrawn: '已撤回',
} as const;
export type NoticeBatchStatus = keyof typeof NOTICE_BATCH_STATUS_LABELS;

export const NOTICE_ITEM_STATUS_LABELS = {
  listed: '公示中',
  objected: '有异议待处理',
  kept: '异议不成立',
  pulled: '异议成立，已撤回重审',
} as const;
export type NoticeItemStatus = keyof typeof NOTICE_ITEM_STATUS_LABELS;

/**
 * An item's label says where it really is: `listed` is only 公示中 while its batch is
 * published; before that it waits for publication, after it the notice passed without objection.
 */
export function noticeItemStatusLabel(
  batch: NoticeBatchStatus,
  item: NoticeItemStatus,
  kind: 'award' | 'selection' = 'award',
): string {
  if (batch === 'draft') return '待发布';
  // A selected submission leaves the list; it does not go back to a review.
  if (item === 'pulled' && kind === 'selection') return '异议成立，已撤出名单';
  if (batch === 'withdrawn') return '公示已撤回';
  if (batch === 'closed' && item === 'listed') return '公示期满无异议';
  return NOTICE_ITEM_STATUS_LABELS[item] ?? item;
}

export const OBJECTION_STATUS_LABELS = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
} as const;
export type ObjectionStatus = keyof typeof OBJECTION_STATUS_LABELS;

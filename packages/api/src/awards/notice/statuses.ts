export const NOTICE_BATCH_STATUS_LABELS = {
  draft: '草稿',
  published: '公示中',
  closed: '已结束',
} as const;
export type NoticeBatchStatus = keyof typeof NOTICE_BATCH_STATUS_LABELS;

export const NOTICE_ITEM_STATUS_LABELS = {
  listed: '公示中',
  objected: '有异议待处理',
  kept: '异议不成立',
  pulled: '异议成立，已撤回重审',
} as const;
export type NoticeItemStatus = keyof typeof NOTICE_ITEM_STATUS_LABELS;

export const OBJECTION_STATUS_LABELS = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
} as const;
export type ObjectionStatus = keyof typeof OBJECTION_STATUS_LABELS;

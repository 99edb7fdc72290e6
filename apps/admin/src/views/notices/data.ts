import type { FilterField, ListColumn } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { Notice } from './types';

export const filters = [
  { kind: 'hidden', name: 'status' },
] as const satisfies readonly FilterField[];
/**
 * Widths add up to what a 1440 px screen has (test/table-widths.test.ts). The title carries the
 * batch's kind (奖补公示 / 立项公示); 项数 counts applications or submissions.
 */
export const columns: readonly ListColumn<Notice>[] = [
  { label: '批次编号', prop: 'number', width: 160 },
  { label: '标题', minWidth: 180, ellipsis: true, slot: 'title' },
  { label: '状态', width: 100, slot: 'status' },
  { label: '公示期', width: 200, slot: 'period' },
  { label: '项数', prop: 'itemCount', width: 80, align: 'right' },
  { label: '金额合计', width: 150, align: 'right', slot: 'total' },
  { label: '待处理异议', width: 100, align: 'right', slot: 'objections' },
  { label: '创建时间', width: 150, format: (row) => formatDateTime(row.createdAt) },
];

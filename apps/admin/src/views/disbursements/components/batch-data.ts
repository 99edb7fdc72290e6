import type { FilterField, ListColumn } from '../../../composables/use-list-page';
import { formatDateTime } from '../../../utils/date';
import type { BatchListItem } from '../types';

export const BATCH_STATUSES = [
  { value: 'draft', label: '草稿（待审核）' },
  { value: 'confirmed', label: '已确认（待拨付）' },
  { value: 'paid', label: '已拨付' },
] as const;

export type BatchStatus = (typeof BATCH_STATUSES)[number]['value'];

export const batchFilters = [
  {
    kind: 'select',
    name: 'status',
    label: '状态',
    placeholder: '全部',
    testId: 'filter-batch-status',
    options: BATCH_STATUSES,
    width: 180,
  },
] as const satisfies readonly FilterField[];

export const batchColumns: readonly ListColumn<BatchListItem>[] = [
  { label: '批次编号', prop: 'number', width: 170 },
  { label: '批次名称', minWidth: 200, ellipsis: true, format: (row) => row.title ?? '—' },
  { label: '状态', width: 110, slot: 'status' },
  { label: '笔数', prop: 'itemCount', width: 80, align: 'right' },
  { label: '金额合计', width: 160, align: 'right', slot: 'total' },
  { label: '制单时间', width: 150, format: (row) => formatDateTime(row.createdAt) },
  { label: '拨付时间', width: 150, format: (row) => formatDateTime(row.paidAt) || '—' },
];

import { NEED_KINDS, NEED_STATUSES } from '@kc/domain';
import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { queueStatusFilter } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { Need } from './queries';

/** The page opens on what waits for review; 全部状态 shows the whole board. */
export const filters = [
  queueStatusFilter(NEED_STATUSES, 'submitted'),
  {
    kind: 'select',
    name: 'kind',
    label: '需求类型',
    placeholder: '全部',
    width: 160,
    options: NEED_KINDS.map((k) => ({ label: k.name, value: k.code })),
  },
] as const satisfies readonly FilterField[];
export type NeedQuery = ListQueryOf<typeof filters>;

/** 产业领域, with the sub-field a technology need names. */
export const fieldText = (need: Pick<Need, 'fieldName' | 'subFieldName'>) =>
  need.subFieldName ? `${need.fieldName} / ${need.subFieldName}` : need.fieldName;

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const columns: readonly ListColumn<Need>[] = [
  { label: '需求编号', prop: 'number', width: 150 },
  { label: '需求名称', prop: 'title', minWidth: 180, ellipsis: true },
  { label: '需求类型', prop: 'kindName', width: 110 },
  { label: '产业领域', minWidth: 130, ellipsis: true, format: fieldText },
  { label: '发布单位', prop: 'organisationName', minWidth: 160, ellipsis: true },
  { label: '所在县区', prop: 'areaName', width: 90 },
  { label: '状态', width: 90, slot: 'status' },
  { label: '提交时间', width: 150, format: (row) => formatDateTime(row.createdAt) },
  { label: '操作', width: 60, fixed: 'right', slot: 'actions' },
];

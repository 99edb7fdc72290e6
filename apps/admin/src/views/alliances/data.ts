import { ALLIANCE_STATUSES } from '@kc/domain';
import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { FIELD_CODE_FILTER, queueStatusFilter } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { Alliance } from './queries';

/** The page opens on what waits for a decision; 全部状态 shows the whole registry. */
export const filters = [
  {
    kind: 'input',
    name: 'q',
    label: '关键词',
    placeholder: '联盟名称 / 编号 / 牵头单位',
    maxlength: 50,
    width: 220,
  },
  FIELD_CODE_FILTER,
  queueStatusFilter(ALLIANCE_STATUSES, 'submitted'),
] as const satisfies readonly FilterField[];
export type AllianceQuery = ListQueryOf<typeof filters>;

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const columns: readonly ListColumn<Alliance>[] = [
  { label: '联盟编号', prop: 'number', width: 140 },
  { label: '联盟名称', prop: 'name', minWidth: 180, ellipsis: true },
  { label: '产业领域', prop: 'fieldName', width: 110 },
  { label: '牵头单位', prop: 'leadOrganisationName', minWidth: 160, ellipsis: true },
  { label: '成员单位', width: 90, format: (row) => `${row.members.length} 家` },
  { label: '所在县区', prop: 'areaName', width: 100 },
  { label: '状态', width: 90, slot: 'status' },
  { label: '登记时间', width: 150, format: (row) => formatDateTime(row.createdAt) },
  { label: '操作', width: 60, fixed: 'right', slot: 'actions' },
];

import { EXPERT_STATUSES } from '@kc/domain';
import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { FIELD_CODE_FILTER, queueStatusFilter } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { ExpertListItem } from './queries';

/** The page opens on who waits for review; 全部状态 shows the whole pool. */
export const filters = [
  {
    kind: 'input',
    name: 'q',
    label: '关键词',
    placeholder: '姓名 / 单位 / 专长',
    maxlength: 50,
    width: 220,
  },
  FIELD_CODE_FILTER,
  queueStatusFilter(EXPERT_STATUSES, 'pending'),
] as const satisfies readonly FilterField[];
export type ExpertQuery = ListQueryOf<typeof filters>;

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const columns: readonly ListColumn<ExpertListItem>[] = [
  { label: '姓名', prop: 'name', width: 100 },
  { label: '职称', prop: 'titleName', width: 110 },
  { label: '工作单位', prop: 'unitName', minWidth: 150, ellipsis: true },
  { label: '产业领域', minWidth: 120, slot: 'fields' },
  { label: '研究专长', prop: 'expertise', minWidth: 160, ellipsis: true },
  { label: '手机号码', width: 150, slot: 'mobile' },
  { label: '状态', width: 90, slot: 'status' },
  { label: '登记时间', width: 150, format: (row) => formatDateTime(row.createdAt) },
  { label: '操作', width: 60, fixed: 'right', slot: 'actions' },
];

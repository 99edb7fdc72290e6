import { APPLICATION_QUEUES, APPLICATION_STATUSES, FIELDS, areaName } from '@kc/domain';
import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { currentYearShanghai, formatDateTime } from '../../utils/date';
import { PROGRAMME_OPTIONS, yearOptions } from '../../utils/programmes';
import type { QueueItem } from './types';

export const applicationFilters = [
  /** A workbench tile opens the list on its queue (`?queue=area-review`), shown as a tag. */
  { kind: 'hidden', name: 'queue', accept: (v) => APPLICATION_QUEUES.some((q) => q.code === v) },
  {
    kind: 'input',
    name: 'q',
    label: '关键词',
    placeholder: '申请编号或申请单位',
    width: 200,
  },
  {
    kind: 'select',
    name: 'status',
    label: '状态',
    placeholder: '全部状态',
    options: APPLICATION_STATUSES.filter((s) => s.code !== 'draft').map((s) => ({
      label: s.name,
      value: s.code,
    })),
  },
  {
    kind: 'select',
    name: 'ruleId',
    label: '奖补事项',
    placeholder: '全部事项',
    testId: 'filter-programme',
    filterable: true,
    width: 240,
    options: PROGRAMME_OPTIONS.map((p) => ({ label: `${p.clause} ${p.name}`, value: p.id })),
  },
  {
    kind: 'select',
    name: 'fieldCode',
    label: '产业领域',
    placeholder: '全部领域',
    testId: 'filter-field',
    options: FIELDS.map((f) => ({ label: f.name, value: f.code })),
  },
  { kind: 'area', name: 'areaCode', label: '区域', testId: 'filter-area' },
  {
    kind: 'select',
    name: 'year',
    label: '年度',
    placeholder: '全部年度',
    options: yearOptions(currentYearShanghai()).map((y) => ({ label: `${y}年`, value: String(y) })),
  },
] as const satisfies readonly FilterField[];

export type ApplicationQuery = ListQueryOf<typeof applicationFilters>;

/** With the 44 px selection column they fit 1440 px (test/table-widths.test.ts). */
export const applicationColumns: readonly ListColumn<QueueItem>[] = [
  { label: '申请编号', prop: 'number', width: 150, slot: 'number' },
  { label: '申请单位', prop: 'applicantName', minWidth: 190, ellipsis: true },
  { label: '奖补事项', minWidth: 160, ellipsis: true, slot: 'programme' },
  { label: '区域', width: 90, format: (row) => areaName(row.areaCode) },
  { label: '年度', prop: 'year', width: 70 },
  { label: '状态', width: 110, slot: 'status' },
  {
    label: '核定/测算金额',
    prop: 'amount',
    width: 150,
    align: 'right',
    sortable: true,
    slot: 'amount',
  },
  {
    label: '提交时间',
    prop: 'submittedAt',
    width: 150,
    sortable: true,
    format: (row) => formatDateTime(row.submittedAt),
  },
];

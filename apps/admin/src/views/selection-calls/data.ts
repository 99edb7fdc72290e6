import { SELECTION_CALL_STATUSES, SELECTION_PROGRAMMES, SUBMISSION_STATUSES } from '@kc/domain';
import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { SelectionCallListItem, Submission } from './queries';

/**
 * 申报指南: every call at once (a handful a year), by stage and programme. `?waiting=mine` (the
 * workbench tile 有申报待形式审查的指南) keeps the calls with submissions waiting for the
 * officer's own step of the formal check; the page shows it as a tag that removes it.
 */
export const filters = [
  { kind: 'hidden', name: 'waiting', accept: (v) => v === 'mine' },
  {
    kind: 'select',
    name: 'status',
    label: '阶段',
    placeholder: '全部',
    width: 150,
    options: SELECTION_CALL_STATUSES.map((s) => ({ label: s.name, value: s.code })),
  },
  {
    kind: 'select',
    name: 'programme',
    label: '申报类别',
    placeholder: '全部',
    width: 260,
    options: SELECTION_PROGRAMMES.map((p) => ({ label: `${p.clause} ${p.name}`, value: p.code })),
  },
] as const satisfies readonly FilterField[];
export type CallQuery = ListQueryOf<typeof filters>;

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const columns: readonly ListColumn<SelectionCallListItem>[] = [
  { label: '指南编号', prop: 'number', width: 140 },
  { label: '指南名称', prop: 'title', minWidth: 200, ellipsis: true },
  { label: '申报类别', minWidth: 180, ellipsis: true, format: (row) => row.programmeName },
  { label: '年度', prop: 'year', width: 60 },
  { label: '申报时间', width: 190, format: (row) => `${row.applyFrom} 至 ${row.applyUntil}` },
  {
    label: '拟支持数量',
    width: 90,
    align: 'right',
    format: (row) => (row.quota === null ? '不限' : `${row.quota} 项`),
  },
  { label: '阶段', width: 100, slot: 'status' },
  { label: '待我审查', width: 90, align: 'right', slot: 'waiting' },
  { label: '操作', width: 60, fixed: 'right', slot: 'actions' },
];

/** A call's submissions; drafts are the applicant's own and never listed. */
export const submissionFilters = [
  {
    kind: 'select',
    name: 'status',
    label: '申报状态',
    placeholder: '全部',
    width: 170,
    options: SUBMISSION_STATUSES.filter((s) => s.code !== 'draft').map((s) => ({
      label: s.name,
      value: s.code,
    })),
  },
] as const satisfies readonly FilterField[];
export type SubmissionQuery = ListQueryOf<typeof submissionFilters>;

/** In the detail page's card: the same room as a list page. */
export const submissionColumns: readonly ListColumn<Submission>[] = [
  { label: '申报编号', prop: 'number', width: 150 },
  { label: '申报单位', prop: 'organisationName', minWidth: 180, ellipsis: true },
  { label: '申报名称', prop: 'title', minWidth: 180, ellipsis: true },
  { label: '所属方向', width: 120, format: (row) => row.fieldName ?? '—' },
  { label: '所在县区', prop: 'areaName', width: 100 },
  { label: '状态', width: 130, slot: 'status' },
  { label: '提交时间', width: 150, format: (row) => formatDateTime(row.submittedAt) || '—' },
  { label: '操作', width: 80, fixed: 'right', slot: 'actions' },
];

import { PROJECT_STATUSES } from '@kc/domain';
import type {
  FilterField,
  FilterOption,
  ListColumn,
  ListQueryOf,
} from '../../composables/use-list-page';
import type { Project } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 项目管理: the projects a page at a time, by the call that made them and by status. The calls
 * come with the list's answer (`calls`), so a link's call is taken before they have loaded.
 */
export function projectFilters(calls: () => readonly FilterOption[]) {
  return [
    {
      kind: 'select',
      name: 'callId',
      label: '来源指南',
      placeholder: '全部',
      width: 320,
      filterable: true,
      options: calls,
      accept: (value: string) => UUID.test(value),
    },
    {
      kind: 'select',
      name: 'status',
      label: '项目状态',
      placeholder: '全部',
      width: 150,
      options: PROJECT_STATUSES.map((s) => ({ label: s.name, value: s.code })),
    },
  ] as const satisfies readonly FilterField[];
}
export type ProjectQuery = ListQueryOf<ReturnType<typeof projectFilters>>;

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const columns: readonly ListColumn<Project>[] = [
  { label: '项目编号', prop: 'number', width: 150 },
  { label: '项目名称', prop: 'title', minWidth: 200, ellipsis: true },
  { label: '承担单位', prop: 'organisationName', minWidth: 180, ellipsis: true },
  { label: '县区', prop: 'areaName', width: 90 },
  { label: '市级资金', width: 140, align: 'right', slot: 'cityFunds' },
  {
    label: '实施期限',
    width: 190,
    format: (row) => `${row.contract.startOn} 至 ${row.contract.endOn}`,
  },
  { label: '状态', width: 110, slot: 'status' },
  { label: '操作', width: 60, fixed: 'right', slot: 'actions' },
];

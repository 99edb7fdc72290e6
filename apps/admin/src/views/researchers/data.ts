import type { RouterOutputs } from '../../api/types';
import type { FilterField, ListColumn } from '../../composables/use-list-page';
import { FIELD_CODE_FILTER } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';

type Researcher = RouterOutputs['researchers']['list']['items'][number];

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
] as const satisfies readonly FilterField[];

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const columns: readonly ListColumn<Researcher>[] = [
  { label: '姓名', prop: 'name', width: 100 },
  { label: '职称', prop: 'titleName', width: 110 },
  { label: '单位', prop: 'institutionName', minWidth: 150, ellipsis: true },
  { label: '产业领域', minWidth: 120, slot: 'fields' },
  { label: '专长', prop: 'expertise', minWidth: 160, ellipsis: true },
  { label: '手机号码', width: 150, slot: 'mobile' },
  { label: '身份证号', prop: 'residentIdMasked', width: 170 },
  { label: '注册时间', width: 150, format: (row) => formatDateTime(row.createdAt) },
];

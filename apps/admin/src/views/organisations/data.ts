import { ORGANISATION_TYPES, VERIFICATION_STATUSES, areaName } from '@kc/domain';
import type { OrganisationListItem } from '../../api/organisations';
import type { FilterField, ListColumn } from '../../composables/use-list-page';
import { FIELD_CODE_FILTER } from '../../composables/use-list-page';
import { formatDate } from '../../utils/date';

/** Widths add up to what a 1440 px screen has (test/table-widths.test.ts). */
export const organisationColumns: readonly ListColumn<OrganisationListItem>[] = [
  { label: '单位名称', prop: 'name', minWidth: 150, ellipsis: true },
  { label: '统一社会信用代码', prop: 'creditCode', width: 170 },
  { label: '单位类型', width: 90, slot: 'type' },
  { label: '认证状态', width: 90, slot: 'verification' },
  { label: '所在地区', minWidth: 110, format: (row) => areaName(row.areaCode) },
  { label: '产业领域', minWidth: 110, slot: 'fields' },
  { label: '联系人', prop: 'contactName', width: 80 },
  { label: '联系电话', width: 150, slot: 'phone' },
  { label: '注册日期', width: 100, format: (row) => formatDate(row.createdAt) },
  { label: '操作', width: 60, fixed: 'right', slot: 'actions' },
];

export const organisationFilters = [
  {
    kind: 'input',
    name: 'q',
    label: '关键词',
    placeholder: '名称 / 信用代码 / 联系人',
    maxlength: 50,
    width: 220,
  },
  FIELD_CODE_FILTER,
  {
    kind: 'area',
    name: 'areaCode',
    label: '所在地区',
    placeholder: '全部',
    testId: 'filter-area',
    width: 220,
  },
  {
    kind: 'select',
    name: 'type',
    label: '单位类型',
    placeholder: '全部',
    width: 160,
    options: ORGANISATION_TYPES.map((t) => ({ label: t.name, value: t.code })),
  },
  {
    kind: 'select',
    name: 'verificationStatus',
    label: '认证状态',
    placeholder: '全部',
    testId: 'filter-verification',
    width: 140,
    options: VERIFICATION_STATUSES.map((s) => ({ label: s.name, value: s.code })),
  },
] as const satisfies readonly FilterField[];

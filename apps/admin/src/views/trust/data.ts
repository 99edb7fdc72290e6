import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { ChangeItem, ClaimItem, TrustTab, VerificationItem } from './queries';
import { STATUS_OPTIONS, TRUST_TABS } from './queries';

/** The status options follow the tab; `all` shows every status, the default what waits. */
export function trustFilters(tab: () => TrustTab) {
  return [
    { kind: 'hidden', name: 'tab' },
    {
      kind: 'input',
      name: 'q',
      label: '关键词',
      placeholder: '单位名称或信用代码',
      maxlength: 50,
      width: 200,
    },
    {
      kind: 'select',
      name: 'status',
      label: '状态',
      default: 'pending',
      clearable: false,
      options: () => [
        { label: '全部状态', value: 'all' },
        ...STATUS_OPTIONS[tab()].map((s) => ({ label: s.name, value: s.code })),
      ],
    },
    { kind: 'area', name: 'areaCode', label: '区域', testId: 'filter-area' },
  ] as const satisfies readonly FilterField[];
}
export type TrustQuery = ListQueryOf<ReturnType<typeof trustFilters>>;

/** A new tab starts at its own pending queue, keeping the area and keyword. */
export const trustTabs = {
  name: 'tab',
  items: TRUST_TABS.map((t) => ({ label: t.label, value: t.name })),
  resets: ['status'],
  testId: 'trust-tabs',
} as const;

const submittedAt = {
  label: '提交时间',
  width: 150,
  format: (row: { createdAt: Date }) => formatDateTime(row.createdAt),
};
const status = { label: '状态', width: 100, slot: 'status' };

/** 机构认证 submissions: the organisation as submitted, who acted, the flags. */
const verificationColumns: readonly ListColumn<VerificationItem>[] = [
  { label: '单位名称', minWidth: 160, ellipsis: true, format: (row) => row.snapshot.name },
  { label: '统一社会信用代码', width: 190, format: (row) => row.snapshot.creditCode },
  { label: '区域', width: 110, format: (row) => row.snapshot.areaName },
  { label: '证照', width: 130, format: (row) => row.licenceKindLabel },
  { label: '办理人身份', width: 130, ellipsis: true, format: (row) => row.actingRoleLabel },
  { label: '核实提示', minWidth: 140, slot: 'flags' },
  status,
  submittedAt,
];

/** 变更申请: what changes, from what to what. */
const changeColumns: readonly ListColumn<ChangeItem>[] = [
  { label: '单位名称', minWidth: 200, ellipsis: true, format: (row) => row.organisation.name },
  { label: '区域', width: 110, format: (row) => row.organisation.areaName },
  { label: '变更内容', minWidth: 280, slot: 'changes' },
  status,
  submittedAt,
];

/** 认领申诉: who claims which organisation (phone masked). */
const claimColumns: readonly ListColumn<ClaimItem>[] = [
  { label: '被认领单位', minWidth: 200, ellipsis: true, format: (row) => row.organisation.name },
  {
    label: '统一社会信用代码',
    width: 190,
    format: (row) => row.organisation.creditCode,
  },
  { label: '区域', width: 110, format: (row) => row.organisation.areaName },
  {
    label: '申诉人',
    width: 160,
    format: (row) => `${row.claimantName}（${row.claimantRoleLabel}）`,
  },
  { label: '联系电话', width: 130, format: (row) => row.claimantPhoneMasked },
  { ...status, width: 110 },
  submittedAt,
];

/** Each tab's table (widths fit 1440 px, test/table-widths.test.ts): its columns, test id and what it says when empty. */
export const TRUST_TABLES = {
  verifications: {
    columns: verificationColumns,
    testId: 'verification-table',
    empty: '暂无机构认证申请',
  },
  changes: { columns: changeColumns, testId: 'change-table', empty: '暂无变更申请' },
  claims: { columns: claimColumns, testId: 'claim-table', empty: '暂无认领申诉' },
} satisfies Record<
  TrustTab,
  { columns: readonly ListColumn<never>[]; testId: string; empty: string }
>;

import type { RouterOutputs } from '../../api/types';
import type { FilterField, ListColumn, ListQueryOf } from '../../composables/use-list-page';
import { currentYearShanghai, formatDateTime } from '../../utils/date';
import { PROGRAMME_OPTIONS, yearOptions } from '../../utils/programmes';

export type LedgerEntry = RouterOutputs['disbursements']['ledger']['entries'][number];

export const ledgerFilters = [
  {
    kind: 'select',
    name: 'year',
    label: '年度',
    placeholder: '全部年度',
    options: yearOptions(currentYearShanghai()).map((y) => ({ label: `${y}年`, value: String(y) })),
  },
  {
    kind: 'select',
    name: 'ruleId',
    label: '奖补事项',
    placeholder: '全部事项',
    filterable: true,
    width: 240,
    options: PROGRAMME_OPTIONS.map((p) => ({ label: `${p.clause} ${p.name}`, value: p.id })),
  },
] as const satisfies readonly FilterField[];
export type LedgerQuery = ListQueryOf<typeof ledgerFilters>;

/** Narrowed to fit 1440 px (test/table-widths.test.ts): numbers are 16 characters at most. */
export const ledgerColumns: readonly ListColumn<LedgerEntry>[] = [
  { label: '时间', width: 150, format: (row) => formatDateTime(row.at) },
  { label: '类型', width: 80, slot: 'kind' },
  { label: '金额', width: 130, align: 'right', slot: 'amount' },
  { label: '奖补事项', prop: 'ruleName', minWidth: 140, ellipsis: true },
  { label: '年度', prop: 'year', width: 60 },
  { label: '申请', width: 150, slot: 'application' },
  { label: '单位', prop: 'organisationName', minWidth: 150, ellipsis: true },
  { label: '拨付批次', width: 150, slot: 'batch' },
  { label: '备注', prop: 'note', minWidth: 100, ellipsis: true },
];

export const BATCH_STATUSES = [
  { code: 'draft', name: '草稿' },
  { code: 'confirmed', name: '已确认' },
  { code: 'paid', name: '已拨付' },
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number]['code'];
export const BATCH_STATUS_CODES = BATCH_STATUSES.map((s) => s.code) as [
  BatchStatus,
  ...BatchStatus[],
];

export function batchStatusName(code: string): string {
  return BATCH_STATUSES.find((s) => s.code === code)?.name ?? code;
}

export const LEDGER_KINDS = [
  { code: 'commit', name: '批准占用' },
  { code: 'release', name: '撤销释放' },
  { code: 'payment', name: '拨付' },
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number]['code'];

export function ledgerKindName(code: string): string {
  return LEDGER_KINDS.find((k) => k.code === code)?.name ?? code;
}

/**
 * 拨付: payment of approved awards whose public notice has passed.
 *
 *   draft batch (finance officer or bureau admin prepares it: 制单)
 *     → confirmed (another finance officer checks it: 审核)
 *     → paid (a finance officer records the bank transfer: one transaction moves every award
 *       committed → paid in its programme budget, journals a `payment`, closes the applications).
 *
 * Public money is paid exactly once. The layers, from the request down to the database:
 * - the idempotency key (src/idempotency.ts): a retried request replays the first answer;
 * - the batch row lock and its status: a second payment of a paid batch, whatever its key, is
 *   refused (ALREADY_PAID) and pays nothing;
 * - `disbursement.application_id` UNIQUE: an application is in at most one batch, ever;
 * - `ledger_entry.disbursement_id` UNIQUE and (application_id, kind, approval_round) UNIQUE: a
 *   disbursement is booked once, an approval is paid once;
 * - the budget row's CHECKs (committed + paid ≤ budget, nothing negative).
 *
 * Within budget: over-commitment is stopped at approval (review-service, under the budget row
 * lock). A payment only converts an existing commitment (committed −= amount, paid += amount, so
 * committed + paid does not change): it is refused when the award has no commitment of the same
 * amount in the journal, or when the budget row's committed amount does not cover it.
 *
 * Lock order, everywhere money moves: batch → applications (by id) → budgets (by rule, year).
 * Approvals lock application → budget, so no transaction ever holds a budget while waiting for an
 * application, and two transactions cannot wait on each other in a cycle. The idempotency claim
 * is written before any lock (see src/idempotency.ts).
 *
 * Audit details carry amounts as `¥1,234.56`, not bare fen: the audit writer masks anything
 * that looks like a mobile number, and 13–19 billion fen (1.3–2 亿元, a plausible batch total)
 * is 11 digits starting with 1[3-9].
 *
 * Files: statuses (batch statuses, journal kinds), payee (bank details), candidates, batch-dto
 * (a batch as every procedure returns it; the list), ledger (the budget journal), create-batch
 * (制单, taking an item out), confirm (审核), mark-paid (拨付), export (拨付清单 .xlsx), common
 * (locks, conflict-of-interest and state-machine checks shared by the writes).
 */
export type { BatchDto, BatchListFilter } from './batch-dto';
export { accountView, batchDto, listBatches } from './batch-dto';
export type { CandidateFilter } from './candidates';
export { disbursementCandidates } from './candidates';
export { confirmBatch } from './confirm';
export type { CreateBatchRequest } from './create-batch';
export { createBatch, removeItem } from './create-batch';
export {
  EXPORT_COLUMNS,
  EXPORT_LAYOUT,
  MAX_EXPORT_FEN,
  XLSX_MIME,
  buildDisbursementWorkbook,
  exportBatchXlsx,
  fenToYuanNumber,
} from './export';
export type { LedgerFilter } from './ledger';
export { ledger } from './ledger';
export type { MarkPaidRequest } from './mark-paid';
export { markPaid } from './mark-paid';
export { payeeOf } from './payee';
export type { BatchStatus, LedgerKind } from './statuses';
export { BATCH_STATUSES, BATCH_STATUS_CODES, LEDGER_KINDS, batchStatusName } from './statuses';

/**
 * Public notice (公示): the bureau lists approved awards for a number of working days before
 * money is paid; anyone may object, and an upheld objection takes the award back to review.
 *
 * Batch lifecycle: draft (items may be added and removed; no application changes) → published
 * (every item's application approved → in-notice; objections may be recorded during the period)
 * → closed (after the period, with no open objection: in-notice → notice-passed).
 *
 * Locks, always in this order: the notice batch row, then application rows (ascending id), then
 * the programme budget row (`lockApplication` / `lockBudget`, as the review service does).
 * Every change writes its timeline events and audit records in the same transaction.
 *
 * Files: statuses (labels), dto (the notice as shown; reads), batches (draft batches: create,
 * add and remove items), publish (publish, close), objections (record, resolve), release (what
 * an upheld objection gives back), common (locks and the state-machine step shared by writes).
 */
export type { CreateNoticeInput } from './batches';
export {
  MAX_NOTICE_ITEMS,
  addNoticeItems,
  createNotice,
  defaultNoticeWorkingDays,
  removeNoticeItem,
} from './batches';
export type { NoticeDto } from './dto';
export { listNotices, listPublicNotices, noticeById, publicNoticeById } from './dto';
export { noticeSettingsOn } from './common';
export type { RecordObjectionInput, ResolveObjectionInput } from './objections';
export { recordObjection, resolveObjection } from './objections';
export { closeNotice, publishNotice } from './publish';
export type { NoticeBatchStatus, NoticeItemStatus, ObjectionStatus } from './statuses';
export {
  NOTICE_BATCH_STATUS_LABELS,
  NOTICE_ITEM_STATUS_LABELS,
  OBJECTION_STATUS_LABELS,
} from './statuses';

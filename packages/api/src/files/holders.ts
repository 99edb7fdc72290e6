import { charterHolders } from '../selection/alliance-file-access';
import { submissionHolders } from '../selection/file-access';
import { reportHolders } from '../selection/report-file-access';
import type { FileHolders } from './holder-access';

/**
 * Every kind of record that holds files through a `FileHolders` rule, by where it keeps them.
 * The rule that lets an officer or a member download a file (files/holder-access.ts) is the
 * one that keeps it from being deleted (files/unreferenced.ts): a holder listed here is one the
 * file is in use by, whatever its status (a draft's files are already the organisation's).
 *
 * A file named outside a relation of `StoredFile` — in a JSON list, or a bare id column — is
 * seen only through this list: such a holder must be listed here (`file-holders.test.ts` checks
 * the schema's bare `…FileId` columns, and its Json columns documented as holding a `fileId`).
 */
export const FILE_HOLDERS: Readonly<Record<string, FileHolders>> = {
  /** selection_submission.evidence: `[{ kind, fileId }]` in JSON */
  'selection_submission.evidence': submissionHolders,
  /** alliance.charter_file_id: a file id without a relation */
  'alliance.charter_file_id': charterHolders,
  /** project_report_file.file_id (a relation too) */
  'project_report_file.file_id': reportHolders,
};

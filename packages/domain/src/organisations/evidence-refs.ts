import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { maskAccountNo } from './bank-account';
import type { OrganisationDocumentKind } from './documents';
import { ORGANISATION_DOCUMENT_KINDS } from './documents';

const kind = plainString({ error: '请选择材料类型' })
  .trim()
  .min(1, '请选择材料类型')
  .max(64, '材料类型无效');

/** A file uploaded for this application (POST /files): the caller's own upload. */
export const uploadEvidenceRefSchema = z
  .object({ kind, fileId: z.uuid({ error: '材料文件编号无效' }) })
  .strict();

/** A standing document of the organisation's 资料库, attached by reference. */
export const libraryEvidenceRefSchema = z
  .object({ kind, documentId: z.uuid({ error: '资料库资料编号无效' }) })
  .strict();

/** The organisation's registered 收款账户 (its active account) in place of an uploaded proof. */
export const bankAccountEvidenceRefSchema = z
  .object({ kind, bankAccount: z.literal(true, { error: '材料格式不正确' }) })
  .strict();

/**
 * One piece of an application's evidence as the applicant sends it: an upload, a library
 * document or the registered account. Official-list and online-commitment evidence is written by
 * the system (免申即享), never sent by an applicant.
 */
export const evidenceRefSchema = z.union(
  [uploadEvidenceRefSchema, libraryEvidenceRefSchema, bankAccountEvidenceRefSchema],
  { error: '材料格式不正确' },
);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const evidenceRefsSchema = z.array(evidenceRefSchema).max(50, '材料最多50份').default([]);

/** The source an applicant's reference stands for (application_evidence.source). */
export function evidenceRefSource(ref: EvidenceRef): 'upload' | 'library' | 'bank-account' {
  if ('fileId' in ref) return 'upload';
  if ('documentId' in ref) return 'library';
  return 'bank-account';
}

/** `信用承诺书（年度）` → `信用承诺书`: the name as a sentence uses it. */
export function documentShortName(kind: OrganisationDocumentKind | string): string {
  const name = ORGANISATION_DOCUMENT_KINDS.find((k) => k.code === kind)?.name ?? kind;
  return name.replace(/（[^（）]*）$/, '');
}

/** What an officer reads beside a library document: `资料库 信用承诺书 有效期至 2026-12-31`. */
export function libraryEvidenceNote(kind: string, validUntil: string | null): string {
  return `资料库 ${documentShortName(kind)} ${validUntil ? `有效期至 ${validUntil}` : '长期有效'}`;
}

/** What an officer reads beside the registered account: `收款账户 中国工商银行宿州分行营业部 ****4567`. */
export function bankAccountEvidenceNote(account: {
  bankName: string;
  branchName: string;
  accountNo: string;
}): string {
  return `收款账户 ${account.bankName}${account.branchName} ${maskAccountNo(account.accountNo)}`;
}

import type { OrganisationDocument, TransactionClient } from '@kc/db';
import type { EvidenceRef, EvidenceSource } from '@kc/domain';
import {
  ORGANISATION_DOCUMENT_KINDS,
  bankAccountEvidenceNote,
  documentShortName,
  libraryEvidenceNote,
} from '@kc/domain';
import { dateOf } from '../dates';
import { appError } from '../errors';
import { documentRefusal } from '../organisations/documents/dto';

/** A row of application_evidence as the applicant's references resolve to it. */
export interface EvidenceRow {
  kind: string;
  source: EvidenceSource;
  fileId: string | null;
  documentId: string | null;
  bankAccountId: string | null;
  note: string | null;
}

/**
 * What an applicant sends and saveDraft replaces. 'official-list' and 'e-commitment' evidence is
 * written by the system (免申即享) and survives the applicant's edits.
 */
export const APPLICANT_EVIDENCE_SOURCES: readonly EvidenceSource[] = [
  'upload',
  'library',
  'bank-account',
];

type Tx = Pick<
  TransactionClient,
  'storedFile' | 'applicationEvidence' | 'organisationDocument' | 'organisationBankAccount'
>;

export interface ResolveRequest {
  userId: string;
  /** The caller's organisation; null for a researcher (uploads only). */
  organisationId: string | null;
  /** The draft being saved: files already attached to it (by a colleague) may stay. */
  applicationId?: string | undefined;
  refs: readonly EvidenceRef[];
  /** The rule's evidence kinds and their names. */
  kindNames: ReadonlyMap<string, string>;
  /** YYYY-MM-DD in Shanghai: library documents must be valid on it. */
  today: string;
}

function refused(message: string, code: 'INVALID_INPUT' | 'DOCUMENT_EXPIRED' = 'INVALID_INPUT') {
  return appError(code, { message, fieldErrors: { evidence: [message] } });
}

/**
 * Checks each reference and turns it into its row: an upload is the caller's own file (or one a
 * colleague already attached to this draft); a library document is the organisation's current
 * one, valid today, of a kind that stands for the evidence; the account is the organisation's
 * active one, for `bank-account` only.
 */
export async function resolveEvidence(tx: Tx, req: ResolveRequest): Promise<EvidenceRow[]> {
  const unknown = req.refs.find((r) => !req.kindNames.has(r.kind));
  if (unknown) throw refused(`未知的材料类型“${unknown.kind}”`);
  const rows: EvidenceRow[] = [];
  await checkUploads(tx, req);
  for (const ref of req.refs) {
    if ('fileId' in ref) {
      rows.push({ kind: ref.kind, source: 'upload', fileId: ref.fileId, ...NO_REFERENCE });
    } else if ('documentId' in ref) {
      rows.push(await libraryRow(tx, req, ref.kind, ref.documentId));
    } else {
      rows.push(await bankAccountRow(tx, req, ref.kind));
    }
  }
  return rows;
}

const NO_REFERENCE = { documentId: null, bankAccountId: null, note: null };

async function checkUploads(tx: Tx, req: ResolveRequest) {
  const ids = [...new Set(req.refs.flatMap((r) => ('fileId' in r ? [r.fileId] : [])))];
  if (ids.length === 0) return;
  const [owned, attached] = await Promise.all([
    tx.storedFile.findMany({
      where: { id: { in: ids }, ownerUserId: req.userId },
      select: { id: true },
    }),
    req.applicationId
      ? tx.applicationEvidence.findMany({
          where: { applicationId: req.applicationId, fileId: { in: ids } },
          select: { fileId: true },
        })
      : [],
  ]);
  const allowed = new Set([...owned.map((f) => f.id), ...attached.map((e) => e.fileId)]);
  if (ids.some((id) => !allowed.has(id))) throw refused('材料文件不存在或不是您上传的');
}

function requireOrganisation(req: ResolveRequest): string {
  if (!req.organisationId) throw refused('个人申请不能引用单位资料库或收款账户，请上传材料');
  return req.organisationId;
}

async function libraryRow(
  tx: Tx,
  req: ResolveRequest,
  kind: string,
  documentId: string,
): Promise<EvidenceRow> {
  const organisationId = requireOrganisation(req);
  const doc = await tx.organisationDocument.findFirst({
    where: { id: documentId, organisationId },
  });
  // Another organisation's document answers exactly like a missing one.
  if (!doc) throw refused('资料库中没有这份资料，请重新选择或上传');
  const spec = ORGANISATION_DOCUMENT_KINDS.find((k) => k.code === doc.kind);
  if (!spec || !(spec.evidenceKinds as readonly string[]).includes(kind)) {
    throw refused(
      `资料库中的${documentShortName(doc.kind)}不能作为“${req.kindNames.get(kind) ?? kind}”`,
    );
  }
  const refusal = documentRefusal(doc, req.today);
  if (refusal) throw refused(refusal, 'DOCUMENT_EXPIRED');
  return {
    kind,
    source: 'library',
    fileId: doc.fileId,
    documentId: doc.id,
    bankAccountId: null,
    note: libraryEvidenceNote(doc.kind, dateOf(doc.validUntil)),
  };
}

async function bankAccountRow(tx: Tx, req: ResolveRequest, kind: string): Promise<EvidenceRow> {
  const organisationId = requireOrganisation(req);
  if (kind !== 'bank-account') {
    throw refused(`已登记的收款账户只能作为收款账户信息，不能作为“${req.kindNames.get(kind)}”`);
  }
  const account = await tx.organisationBankAccount.findFirst({
    where: { organisationId, status: 'active' },
  });
  if (!account) {
    throw refused('单位尚未登记收款账户，请由管理员在“我的—收款账户”中登记，或上传收款账户证明');
  }
  return {
    kind,
    source: 'bank-account',
    fileId: null,
    documentId: null,
    bankAccountId: account.id,
    note: bankAccountEvidenceNote(account),
  };
}

/** A saved evidence row with what it references now (read with the application at submission). */
export interface SavedReference {
  source: string;
  document: Pick<OrganisationDocument, 'kind' | 'status' | 'validUntil'> | null;
  bankAccount: { status: string } | null;
}

/**
 * At submission, the references saved with the draft are checked again: a library document may
 * have expired or been replaced since, the account may have changed.
 */
export function recheckReferences(rows: readonly SavedReference[], today: string): void {
  for (const row of rows) {
    if (row.source !== 'library' && row.source !== 'bank-account') continue;
    const refusal = row.document ? documentRefusal(row.document, today) : null;
    if (refusal) throw refused(refusal, 'DOCUMENT_EXPIRED');
    if (row.source === 'bank-account' && row.bankAccount?.status !== 'active') {
      throw refused('单位收款账户已变更，请重新保存申请，以使用当前登记的收款账户');
    }
  }
}

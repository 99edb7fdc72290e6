import type { EvidenceRef } from '@kc/domain';
import {
  bankAccountEvidenceNote,
  documentKindForEvidence,
  documentShortName,
  maskAccountNo,
  todayInShanghai,
} from '@kc/domain';
import { ruleFor } from '../../awards/evaluate';
import type { ApplicantCaller } from '../../caller';
import type { Context } from '../../context';
import { dateOf } from '../../dates';
import { membershipOf } from '../membership';
import { DOCUMENT_FILE, documentRefusal } from './dto';

type ApplicantCtx = Context & { caller: ApplicantCaller };

/** What the organisation can attach by reference instead of uploading. */
export interface EvidenceOffer {
  source: 'library' | 'bank-account';
  /** Exactly what to send in `applications.saveDraft`'s evidence. */
  ref: EvidenceRef;
  /** e.g. 使用资料库中的信用承诺书（有效期至 2026-12-31） */
  label: string;
  validUntil: string | null;
  /** The library document's file (members may download it), or null for the account. */
  fileId: string | null;
  originalName: string | null;
}

/**
 * myOrg.documents.forEvidence: for each piece of evidence the rule asks for, what the caller's
 * organisation can attach today by reference — a valid library document, or its registered
 * 收款账户 for `bank-account` — or why it must be uploaded (none yet, expired on …). A caller
 * without an organisation (a researcher) uploads everything: no offers, no reasons.
 */
export async function evidenceOffers(ctx: ApplicantCtx, ruleId: string) {
  const db = ctx.db.prisma;
  const today = todayInShanghai(ctx.now());
  const { rule } = ruleFor(ruleId, { date: today });
  const membership = await membershipOf(db, ctx.caller.userId);
  const orgId = membership?.organisation.id;
  const [docs, account] = orgId
    ? await Promise.all([
        db.organisationDocument.findMany({
          where: { organisationId: orgId, status: 'current' },
          include: DOCUMENT_FILE,
        }),
        db.organisationBankAccount.findFirst({
          where: { organisationId: orgId, status: 'active' },
        }),
      ])
    : [[], null];

  return rule.guide.evidence.map((req) => {
    let offer: EvidenceOffer | null = null;
    let uploadReason: string | null = null;
    if (orgId && req.kind === 'bank-account' && account) {
      offer = {
        source: 'bank-account',
        ref: { kind: req.kind, bankAccount: true },
        label: `使用已登记的收款账户 ${maskAccountNo(account.accountNo)}`,
        validUntil: null,
        fileId: null,
        originalName: bankAccountEvidenceNote(account),
      };
    }
    const docKind = documentKindForEvidence(req.kind);
    if (orgId && !offer && docKind) {
      const name = documentShortName(docKind);
      const doc = docs.find((d) => d.kind === docKind);
      const refusal = doc ? documentRefusal(doc, today) : null;
      if (doc && !refusal) {
        const validUntil = dateOf(doc.validUntil);
        offer = {
          source: 'library',
          ref: { kind: req.kind, documentId: doc.id },
          label: `使用资料库中的${name}（${validUntil ? `有效期至 ${validUntil}` : '长期有效'}）`,
          validUntil,
          fileId: doc.fileId,
          originalName: doc.file.originalName,
        };
      } else {
        uploadReason = refusal ?? `资料库中还没有${name}，请上传`;
        if (req.kind === 'bank-account') {
          uploadReason = `单位尚未登记收款账户，请上传${name}，或由管理员在“我的—收款账户”中登记`;
        }
      }
    }
    return { kind: req.kind, name: req.name, required: req.required, offer, uploadReason };
  });
}

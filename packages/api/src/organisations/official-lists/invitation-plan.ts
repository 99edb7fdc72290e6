/**
 * What confirming an invitation would submit today: the input (the list's, with what the
 * administrator adds), the evidence and where each piece comes from, and the engine's answer.
 */

import type {
  Organisation,
  OrganisationBankAccount,
  OrganisationDocument,
  TransactionClient,
} from '@kc/db';
import { rowsOf } from '@kc/db';
import type { EvidenceSource, Evaluation } from '@kc/domain';
import {
  EXEMPTION_COMMITMENT_TEXT,
  documentValidOn,
  invitationFor,
  maskAccountNo,
  todayInShanghai,
} from '@kc/domain';
import { organisationApplicant } from '../../awards/applicant';
import { decodeJson } from '../../awards/codec';
import { evaluateWithHistory, ruleFor } from '../../awards/evaluate';
import { dateOf } from '../../dates';
import { domainEntry } from './common';
import type { InvitationRow } from './invitation-row';

/**
 * Refusals the engine gives that decide at approval, not at confirmation (as for a submission
 * by hand): quota and budget are the bureau's to manage.
 */
export const APPROVAL_TIME_REFUSALS = new Set(['YEARLY_QUOTA_REACHED', 'BUDGET_INSUFFICIENT']);

/** Where each piece of evidence of the application will come from. */
export interface PlannedEvidence {
  kind: string;
  source: EvidenceSource;
  fileId: string | null;
  documentId: string | null;
  bankAccountId: string | null;
  note: string;
}

/** The input the list filled in, with what the administrator adds at confirmation. */
export function inputWith(
  row: InvitationRow,
  extra: { previousCertificateNo?: string | undefined },
): { input: Record<string, unknown>; missing: string[] } {
  const stored = { ...(row.input as Record<string, unknown>) };
  if (extra.previousCertificateNo && stored.recognitionType === 're') {
    stored.previousCertificateNo = extra.previousCertificateNo;
  }
  // The domain says what the list leaves open; what it gave (or the admin typed) closes it.
  const fromList = invitationFor(domainEntry(row.listEntry));
  const missing = (fromList?.missing ?? []).filter((key) => !stored[key]);
  return { input: stored, missing };
}

/** The 资料库's current 信用承诺书, if it is valid today. */
async function libraryCommitment(
  tx: Pick<TransactionClient, 'organisationDocument'>,
  organisationId: string,
  today: string,
): Promise<OrganisationDocument | null> {
  const doc = await tx.organisationDocument.findFirst({
    where: { organisationId, kind: 'credit-commitment', status: 'current' },
  });
  return doc && documentValidOn(doc.validUntil ? dateOf(doc.validUntil) : null, today) ? doc : null;
}

/**
 * The attachments of the selection submission a result list names (申报编号) that the award rule
 * also asks for, by the same evidence kind. Only the organisation's own submission counts.
 */
async function submissionEvidence(
  tx: Pick<TransactionClient, 'selectionSubmission'>,
  organisationId: string,
  row: InvitationRow,
  rule: ConfirmationPlan['rule'],
): Promise<PlannedEvidence[]> {
  const number = domainEntry(row.listEntry).detail.submissionNumber;
  if (!number) return [];
  const submission = await tx.selectionSubmission.findFirst({
    where: { number, organisationId, status: 'selected' },
    select: { number: true, evidence: true },
  });
  if (!submission) return [];
  const wanted = new Map(rule.guide.evidence.map((e) => [e.kind, e.name]));
  const attached = decodeJson<{ kind: string; fileId: string }[]>(submission.evidence) ?? [];
  return attached
    .filter((a) => wanted.has(a.kind) && a.kind !== 'credit-commitment')
    .map((a) => ({
      kind: a.kind,
      source: 'selection' as const,
      fileId: a.fileId,
      documentId: null,
      bankAccountId: null,
      note: `评选申报 ${submission.number} 时提交的${wanted.get(a.kind) ?? '材料'}`,
    }));
}

export interface ConfirmationPlan {
  input: Record<string, unknown>;
  missingInputs: string[];
  evaluation: Evaluation | null;
  evidence: PlannedEvidence[];
  bankAccount: OrganisationBankAccount | null;
  set: ReturnType<typeof ruleFor>['set'];
  rule: ReturnType<typeof ruleFor>['rule'];
}

/**
 * What confirming would submit, today: the input, the evidence (the list's file; the 资料库's
 * valid 信用承诺书 or an online commitment; the registered 收款账户) and the engine's answer.
 */
export async function planConfirmation(
  tx: Pick<
    TransactionClient,
    | 'organisationQualification'
    | 'organisationDocument'
    | 'organisationBankAccount'
    | 'officialListRow'
    | 'application'
    | 'selectionSubmission'
    | '$queryRaw'
  >,
  org: Organisation,
  row: InvitationRow,
  options: { now: Date; who: string; previousCertificateNo?: string | undefined },
): Promise<ConfirmationPlan> {
  const today = todayInShanghai(options.now);
  const { set, rule } = ruleFor(row.ruleId, { date: today });
  const { input, missing } = inputWith(row, options);
  const invitation = invitationFor(domainEntry(row.listEntry));
  const evidenceKind = invitation?.evidenceKind ?? rule.guide.evidence[0]?.kind ?? 'evidence';
  const [listRow, commitment, bankAccount] = await Promise.all([
    tx.officialListRow.findFirst({
      where: { importId: row.listEntry.importId, entryKey: row.listEntry.entryKey },
      select: { rowNumber: true },
    }),
    libraryCommitment(tx, org.id, today),
    tx.organisationBankAccount.findFirst({ where: { organisationId: org.id, status: 'active' } }),
  ]);
  const at = `${today} ${options.now.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit' })}`;
  const evidence: PlannedEvidence[] = [
    {
      kind: evidenceKind,
      source: 'official-list',
      fileId: row.listEntry.import.fileId,
      documentId: null,
      bankAccountId: null,
      note:
        `《${row.listEntry.import.title}》${listRow ? `第 ${listRow.rowNumber} 行` : ''}：` +
        `${row.listEntry.name}，${row.listEntry.documentNo}，${dateOf(row.listEntry.recognisedOn)}`,
    },
    commitment
      ? {
          kind: 'credit-commitment',
          source: 'library',
          fileId: commitment.fileId,
          documentId: commitment.id,
          bankAccountId: null,
          note: `单位资料库的信用承诺书${commitment.validUntil ? `（有效期至 ${dateOf(commitment.validUntil)}）` : ''}`,
        }
      : {
          kind: 'credit-commitment',
          source: 'e-commitment',
          fileId: null,
          documentId: null,
          bankAccountId: null,
          note: `${options.who} 于 ${at} 在线确认信用承诺：${EXEMPTION_COMMITMENT_TEXT}`,
        },
  ];
  // A selected case or team: what the rule asks for and the submission already holds (the case
  // summary, the team agreement) comes with it, so nothing is uploaded twice.
  for (const carried of await submissionEvidence(tx, org.id, row, rule)) {
    if (!evidence.some((e) => e.kind === carried.kind)) evidence.push(carried);
  }
  if (bankAccount) {
    evidence.push({
      kind: 'bank-account',
      source: 'bank-account',
      fileId: null,
      documentId: null,
      bankAccountId: bankAccount.id,
      note: `${bankAccount.holder}，${bankAccount.bankName}${bankAccount.branchName}，账号 ${maskAccountNo(bankAccount.accountNo)}`,
    });
  }
  // Only an open invitation is evaluated: a confirmed one is its application's business now.
  const evaluation =
    missing.length > 0 || row.status !== 'invited'
      ? null
      : await evaluateWithHistory(rowsOf(tx), {
          set,
          ruleId: row.ruleId,
          profile: await organisationApplicant(tx, org),
          input,
          evidenceKinds: evidence.map((e) => e.kind),
          appliedOn: today,
          // The applicant reads this explanation: the budget is the bureau's, decided at approval.
          withBudget: false,
        });
  return { input, missingInputs: missing, evaluation, evidence, bankAccount, set, rule };
}

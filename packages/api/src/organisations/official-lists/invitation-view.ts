import type { Organisation, TransactionClient } from '@kc/db';
import type { MemberRole } from '@kc/domain';
import {
  EXEMPTION_COMMITMENT_TEXT,
  applicationStatusName,
  displayInputs,
  evidenceSourceName,
  invitationStatusName,
  maskAccountNo,
  officialListKindName,
} from '@kc/domain';
import { ruleInfo } from '../../awards/budget-service';
import { dateOf } from '../../dates';
import { appError } from '../../errors';
import type { ConfirmationPlan } from './invitation-plan';
import { APPROVAL_TIME_REFUSALS } from './invitation-plan';
import { INVITATION_INCLUDE, type InvitationRow } from './invitation-row';

/**
 * What the detail lists as missing in its own words: the evidence is all planned here (only the
 * 收款账户 can be absent, and is named), so the engine's missing-evidence refusal would repeat it.
 */
const SAID_OTHERWISE = new Set(['MISSING_EVIDENCE']);

/** An invitation as its organisation's people list it. */
export function invitationSummary(row: InvitationRow, today: string) {
  const rule = ruleInfo(row.ruleId, today);
  return {
    id: row.id,
    status: row.status,
    statusLabel: invitationStatusName(row.status),
    ruleId: row.ruleId,
    ruleName: rule?.name ?? '',
    clause: rule?.clause ?? '',
    listKind: row.listEntry.listKind,
    listKindName: officialListKindName(row.listEntry.listKind),
    listTitle: row.listEntry.import.title,
    documentNo: row.listEntry.documentNo,
    recognisedOn: dateOf(row.listEntry.recognisedOn),
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    closedReason: row.closedReason,
    application: row.application
      ? {
          id: row.application.id,
          number: row.application.number,
          status: row.application.status,
          statusLabel: applicationStatusName(row.application.status),
        }
      : null,
  };
}

/** The invitation's detail: the pre-filled form in Chinese, the amount now, what is missing. */
export function invitationDetail(
  row: InvitationRow,
  org: Organisation,
  role: MemberRole,
  plan: ConfirmationPlan,
  today: string,
) {
  const refusals = (plan.evaluation?.refusals ?? []).filter(
    (r) => !APPROVAL_TIME_REFUSALS.has(r.code) && !SAID_OTHERWISE.has(r.code),
  );
  const missing: string[] = [];
  if (org.verificationStatus !== 'verified')
    missing.push('单位尚未通过机构认证，认证通过后才能申领');
  if (!plan.bankAccount) missing.push('单位尚未登记收款账户，请先在“我的—收款账户”登记');
  if (plan.missingInputs.includes('previousCertificateNo'))
    missing.push('名单未列出上一次高新技术企业证书编号，请在确认时填写');
  for (const r of refusals) missing.push(r.message);
  if (role !== 'admin') missing.push('只有单位管理员可以确认申领');
  const open = row.status === 'invited';
  return {
    ...invitationSummary(row, today),
    organisationName: org.name,
    inputRows: displayInputs(plan.rule.inputSchema, plan.input),
    input: plan.input,
    missingInputs: plan.missingInputs,
    amountFen: open
      ? plan.evaluation && refusals.length === 0
        ? plan.evaluation.computedAmount
        : null
      : (row.application?.approvedAmountFen ?? row.application?.computedAmountFen ?? null),
    explanation: plan.evaluation?.explanation ?? null,
    refusals: refusals.map((r) => ({ code: r.code, message: r.message })),
    evidence: plan.evidence.map((e) => ({
      kind: e.kind,
      kindName: plan.rule.guide.evidence.find((g) => g.kind === e.kind)?.name ?? e.kind,
      source: e.source,
      sourceLabel: evidenceSourceName(e.source),
      note: e.source === 'e-commitment' ? '确认时在线作出信用承诺' : e.note,
    })),
    bankAccount: plan.bankAccount
      ? {
          holder: plan.bankAccount.holder,
          bankName: plan.bankAccount.bankName,
          branchName: plan.bankAccount.branchName,
          accountNoMasked: maskAccountNo(plan.bankAccount.accountNo),
        }
      : null,
    commitmentText: EXEMPTION_COMMITMENT_TEXT,
    role,
    /** Open, by an administrator, with nothing missing but what the form asks for. */
    mayConfirm:
      open &&
      role === 'admin' &&
      org.verificationStatus === 'verified' &&
      plan.bankAccount !== null &&
      refusals.length === 0,
    missing: open ? missing : [],
  };
}

/** The caller's organisation's invitation, or NOT_FOUND (another's answers as missing). */
export async function invitationOf(
  tx: Pick<TransactionClient, 'exemptionInvitation'>,
  organisationId: string,
  invitationId: string,
): Promise<InvitationRow> {
  const row = await tx.exemptionInvitation.findFirst({
    where: { id: invitationId, organisationId },
    include: INVITATION_INCLUDE,
  });
  if (!row) throw appError('NOT_FOUND');
  return row;
}

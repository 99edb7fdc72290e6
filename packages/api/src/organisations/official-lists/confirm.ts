import type { TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import { formatYuan, planTransition, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../../audit';
import { encodeJson } from '../../awards/codec';
import { budgetYearOf } from '../../awards/evaluate';
import { changeStatus } from '../../awards/transition';
import { appError } from '../../errors';
import { requireOrgAdmin, requireVerified } from '../membership';
import type { ApplicantCtx } from './common';
import type { ConfirmationPlan } from './invitation-plan';
import { APPROVAL_TIME_REFUSALS, planConfirmation } from './invitation-plan';
import type { InvitationRow } from './invitation-row';
import { invitationDetail, invitationOf } from './invitation-view';
import { closedInvitation } from './invitations';

/** The timeline's words for an application born of an official list. */
const EXEMPTION_NOTE = '免申即享';

/** Creates the application the invitation stands for, submitted, with its evidence. */
async function submitFromInvitation(
  tx: TransactionClient,
  ctx: ApplicantCtx,
  row: InvitationRow,
  plan: ConfirmationPlan & { evaluation: NonNullable<ConfirmationPlan['evaluation']> },
  org: { id: string; areaCode: string },
) {
  const now = ctx.now();
  const appliedOn = todayInShanghai(now);
  const year = budgetYearOf(plan.evaluation, appliedOn);
  const application = await tx.application.create({
    data: {
      number: await nextNumber(tx, 'application', Number(appliedOn.slice(0, 4))),
      applicantUserId: ctx.caller.userId,
      organisationId: org.id,
      ruleId: row.ruleId,
      policySetId: plan.set.id,
      policyVersion: plan.set.version,
      status: 'draft',
      input: encodeJson(plan.input),
      areaCode: org.areaCode,
      year,
      createdAt: now,
      updatedAt: now,
    },
  });
  await tx.applicationEvent.create({
    data: {
      applicationId: application.id,
      actorUserId: ctx.caller.userId,
      actorRole: 'applicant',
      action: 'create',
      toStatus: 'draft',
      at: now,
      comment: `${EXEMPTION_NOTE}：根据《${row.listEntry.import.title}》预先填写`,
      details: { invitationId: row.id },
    },
  });
  await tx.applicationEvidence.createMany({
    data: plan.evidence.map((e) => ({
      applicationId: application.id,
      kind: e.kind,
      source: e.source,
      fileId: e.fileId,
      documentId: e.documentId,
      bankAccountId: e.bankAccountId,
      note: e.note,
      createdAt: now,
    })),
  });
  const step = planTransition({
    status: 'draft',
    action: 'submit',
    actor: { kind: 'applicant', isOwner: true },
    applicationAreaCode: org.areaCode,
  });
  if (!step.ok) throw appError('INVALID_TRANSITION', { message: step.message });
  await changeStatus(tx, application, {
    to: step.to,
    action: 'submit',
    actor: { userId: ctx.caller.userId, role: 'applicant' },
    at: now,
    comment: `${EXEMPTION_NOTE}：单位管理员确认申领`,
    data: {
      submittedAt: now,
      computedAmountFen: plan.evaluation.computedAmount,
      explanation: encodeJson(plan.evaluation.explanation),
      onceKeys: [...plan.evaluation.onceKeys],
      itemKey: plan.evaluation.itemKey ?? null,
    },
    details: { amountFen: plan.evaluation.computedAmount.toString(), invitationId: row.id },
  });
  return application;
}

/**
 * 确认申领, the administrator's one tap: on a verified organisation with a registered 收款账户
 * and the commitment accepted, the invitation becomes a submitted application (the list's file,
 * the commitment and the account as its evidence), in one transaction. When the engine refuses
 * (already awarded, out of time…) the invitation becomes void with the reason instead.
 */
export async function confirmInvitation(
  ctx: ApplicantCtx,
  input: { invitationId: string; previousCertificateNo?: string | undefined },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, ctx.caller.userId);
    const org = membership.organisation;
    await tx.$queryRaw`SELECT id FROM exemption_invitation WHERE id = ${input.invitationId}::uuid AND organisation_id = ${org.id}::uuid FOR UPDATE`;
    const row = await invitationOf(tx, org.id, input.invitationId);
    if (row.status !== 'invited') throw closedInvitation(row.status);
    requireVerified(org);
    const account = await tx.organisationBankAccount.count({
      where: { organisationId: org.id, status: 'active' },
    });
    if (account === 0) {
      throw appError('BANK_DETAILS_MISSING', {
        message: '单位尚未登记收款账户，请先在“我的—收款账户”登记后再确认申领',
      });
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.caller.userId } });
    const plan = await planConfirmation(tx, org, row, {
      now: ctx.now(),
      who: user.displayName,
      previousCertificateNo: input.previousCertificateNo,
    });
    if (plan.missingInputs.length > 0 || !plan.evaluation) {
      throw appError('INVALID_INPUT', {
        message: '再次认定请填写上一次高新技术企业证书编号',
        fieldErrors: { previousCertificateNo: ['再次认定请填写上一次高新技术企业证书编号'] },
      });
    }
    const evaluation = plan.evaluation;
    const inputRefusals = evaluation.refusals.filter((r) => r.code === 'INVALID_INPUT');
    if (inputRefusals.length > 0) {
      throw appError('INVALID_INPUT', {
        message: inputRefusals[0]?.message,
        fieldErrors: Object.fromEntries(
          inputRefusals.map((r) => [r.field?.split('.').pop() ?? '_form', [r.message]]),
        ),
      });
    }
    const blocking = evaluation.refusals.filter((r) => !APPROVAL_TIME_REFUSALS.has(r.code));
    const audit = {
      organisationId: org.id,
      areaCode: org.areaCode,
      ruleId: row.ruleId,
      documentNo: row.listEntry.documentNo,
    };
    if (blocking.length > 0) {
      await tx.exemptionInvitation.update({
        where: { id: row.id },
        data: {
          status: 'void',
          closedReason: blocking.map((r) => r.message).join('；'),
          updatedAt: ctx.now(),
        },
      });
      await writeAudit(tx, ctx, {
        action: 'exemption.void',
        objectType: 'exemption_invitation',
        objectId: row.id,
        areaCode: org.areaCode,
        details: { ...audit, refusals: blocking.map((r) => r.code) },
      });
    } else {
      const application = await submitFromInvitation(tx, ctx, row, { ...plan, evaluation }, org);
      await tx.exemptionInvitation.update({
        where: { id: row.id },
        data: {
          status: 'confirmed',
          applicationId: application.id,
          confirmedBy: ctx.caller.userId,
          confirmedAt: ctx.now(),
          input: plan.input as object,
          updatedAt: ctx.now(),
        },
      });
      await writeAudit(tx, ctx, {
        action: 'exemption.confirm',
        objectType: 'exemption_invitation',
        objectId: row.id,
        areaCode: org.areaCode,
        details: {
          ...audit,
          applicationId: application.id,
          number: application.number,
          amount: formatYuan(evaluation.computedAmount),
          commitment: plan.evidence.find((e) => e.kind === 'credit-commitment')?.source,
        },
      });
    }
    const updated = await invitationOf(tx, org.id, row.id);
    const after = await planConfirmation(tx, org, updated, {
      now: ctx.now(),
      who: user.displayName,
    });
    return invitationDetail(updated, org, membership.role, after, todayInShanghai(ctx.now()));
  });
}

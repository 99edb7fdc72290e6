import type { TransactionClient } from '@kc/db';
import type { TeamMember } from '@kc/domain';
import { sameOrganisationName, submissionStatusName } from '@kc/domain';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import { notifyOrganisation } from '../notifications/write';
import { requireMembership, requireOrgAdmin } from '../organisations/membership';
import type { ApplicantCtx } from '../vice-president/common';

/**
 * 合作确认 (issue 14): each member unit of a team submission confirms its part. A member is
 * matched to a verified organisation on the platform when the submission is saved — by its
 * credit code, else by its exact name — and that organisation's administrator confirms or
 * declines (with a reason the lead reads). A unit not on the platform cannot confirm online; the
 * formal check sees it unconfirmed and the officers decide on the paper it sends.
 */

type Tx = TransactionClient;

/** While the part can still be answered: before the formal check has passed it. */
const ANSWERABLE = ['draft', 'returned', 'submitted', 'area-passed'];

export interface MemberRow {
  position: number;
  unitName: string;
  unitCreditCode: string | null;
  personName: string | null;
  part: string;
  organisationId: string | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  declinedBy: string | null;
  declinedAt: Date | null;
  declineReason: string | null;
}

const sameMember = (a: Omit<MemberRow, 'position'>, b: Omit<MemberRow, 'position'>) =>
  a.unitName === b.unitName &&
  a.unitCreditCode === b.unitCreditCode &&
  a.personName === b.personName &&
  a.part === b.part;

/** The verified organisation a member unit names, or null (not on the platform, or ambiguous). */
async function matchOrganisation(tx: Tx, member: TeamMember, leadId: string) {
  const candidates = await tx.organisation.findMany({
    where: {
      verificationStatus: 'verified',
      id: { not: leadId },
      ...(member.unitCreditCode ? { creditCode: member.unitCreditCode } : {}),
      ...(member.unitCreditCode ? {} : { name: { contains: member.unitName.trim().slice(0, 4) } }),
    },
    select: { id: true, name: true },
    take: 20,
  });
  const found = member.unitCreditCode
    ? candidates
    : candidates.filter((o) => sameOrganisationName(o.name, member.unitName));
  return found.length === 1 ? (found[0]?.id ?? null) : null;
}

/**
 * The member rows a save writes: each matched to its organisation, and a part that did not
 * change keeps its answer (a draft saved again does not ask the members twice). Returns the
 * organisations newly asked, to be told.
 */
export async function teamRows(
  tx: Tx,
  team: readonly TeamMember[],
  leadId: string,
  before: readonly MemberRow[],
): Promise<{ rows: MemberRow[]; asked: string[] }> {
  const rows: MemberRow[] = [];
  const asked: string[] = [];
  for (const [position, m] of team.entries()) {
    const base = {
      unitName: m.unitName,
      unitCreditCode: m.unitCreditCode ?? null,
      personName: m.personName ?? null,
      part: m.part,
    };
    const kept = before.find((b) => sameMember(b, { ...b, ...base }));
    if (kept) {
      rows.push({
        ...base,
        position,
        organisationId: kept.organisationId,
        confirmedBy: kept.confirmedBy,
        confirmedAt: kept.confirmedAt,
        declinedBy: kept.declinedBy,
        declinedAt: kept.declinedAt,
        declineReason: kept.declineReason,
      });
      continue;
    }
    const organisationId = await matchOrganisation(tx, m, leadId);
    if (organisationId) asked.push(organisationId);
    rows.push({
      ...base,
      position,
      organisationId,
      confirmedBy: null,
      confirmedAt: null,
      declinedBy: null,
      declinedAt: null,
      declineReason: null,
    });
  }
  return { rows, asked };
}

/** Tells the organisations newly named as members that a part waits for their answer. */
export async function askMembers(
  tx: Tx,
  asked: readonly string[],
  submission: { title: string; number: string; leadName: string },
  at: Date,
) {
  for (const organisationId of new Set(asked))
    await notifyOrganisation(tx, organisationId, {
      kind: 'selection.team-request',
      at,
      title: '合作申报待确认',
      body: `${submission.leadName}在申报“${submission.title}”（${submission.number}）中将您单位列为合作成员单位，请单位管理员在“合作申报确认”中确认或谢绝承担的任务。`,
    });
}

/** The parts the caller's organisation is asked to confirm, open ones first. */
export async function teamRequests(ctx: ApplicantCtx) {
  const { organisation } = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const rows = await ctx.db.prisma.selectionTeamMember.findMany({
    where: { organisationId: organisation.id, submission: { status: { not: 'withdrawn' } } },
    include: {
      submission: {
        select: {
          number: true,
          title: true,
          status: true,
          organisation: { select: { name: true } },
          call: { select: { title: true } },
        },
      },
    },
  });
  const answer = (m: (typeof rows)[number]): 'confirmed' | 'declined' | 'pending' =>
    m.confirmedAt ? 'confirmed' : m.declinedAt ? 'declined' : 'pending';
  const order = { pending: 0, declined: 1, confirmed: 2 } as const;
  return rows
    .map((m) => ({
      memberId: m.id,
      submissionNumber: m.submission.number,
      submissionTitle: m.submission.title,
      submissionStatusName: submissionStatusName(m.submission.status),
      callTitle: m.submission.call.title,
      leadName: m.submission.organisation.name,
      unitName: m.unitName,
      personName: m.personName,
      part: m.part,
      answer: answer(m),
      answerName:
        answer(m) === 'pending' && !ANSWERABLE.includes(m.submission.status)
          ? '未答复'
          : { pending: '待确认', confirmed: '已确认', declined: '已谢绝' }[answer(m)],
      declineReason: m.declineReason,
      answeredAt: m.confirmedAt ?? m.declinedAt,
      /** whether an answer can still be given (or a decline turned into a confirmation) */
      answerable: ANSWERABLE.includes(m.submission.status) && !m.confirmedAt,
    }))
    .sort(
      (a, b) =>
        order[a.answer] - order[b.answer] || b.submissionNumber.localeCompare(a.submissionNumber),
    );
}

/**
 * The member organisation's administrator confirms its part, or declines it with a reason. A
 * confirmation is final; a decline may still be turned into a confirmation while the formal check
 * has not passed the submission.
 */
export async function answerTeamRequest(
  ctx: ApplicantCtx,
  req: { memberId: string; confirm: boolean; reason?: string | undefined },
) {
  const now = ctx.now();
  const reason = req.reason?.trim() ?? '';
  if (!req.confirm && !reason)
    throw appError('INVALID_INPUT', { fieldErrors: { reason: ['请说明不能承担的原因'] } });
  return ctx.db.prisma.$transaction(async (tx) => {
    const { organisation } = await requireOrgAdmin(tx, ctx.caller.userId);
    const found = await tx.selectionTeamMember.findUnique({
      where: { id: req.memberId },
      select: { submissionId: true, organisationId: true },
    });
    if (!found || found.organisationId !== organisation.id) throw appError('NOT_FOUND');
    // The submission first (its own steps lock it), then the member row is read under it.
    await tx.$executeRaw`SELECT 1 FROM selection_submission WHERE id = ${found.submissionId}::uuid FOR UPDATE`;
    const member = await tx.selectionTeamMember.findUniqueOrThrow({
      where: { id: req.memberId },
      include: { submission: { include: { call: { select: { title: true } } } } },
    });
    // The lead may have re-saved the team meanwhile: the row is gone or names someone else.
    if (member.organisationId !== organisation.id) throw appError('NOT_FOUND');
    const s = member.submission;
    if (!ANSWERABLE.includes(s.status))
      throw appError('INVALID_TRANSITION', {
        message: `该申报当前为“${submissionStatusName(s.status)}”，不能再确认或谢绝`,
      });
    if (member.confirmedAt)
      throw appError('INVALID_TRANSITION', { message: '您单位已确认承担该任务，不能更改' });
    await tx.selectionTeamMember.update({
      where: { id: member.id },
      data: req.confirm
        ? {
            confirmedBy: ctx.caller.userId,
            confirmedAt: now,
            declinedBy: null,
            declinedAt: null,
            declineReason: null,
          }
        : { declinedBy: ctx.caller.userId, declinedAt: now, declineReason: reason },
    });
    await writeAudit(tx, ctx, {
      action: req.confirm ? 'selection.team.confirm' : 'selection.team.decline',
      objectType: 'selection_submission',
      objectId: s.id,
      areaCode: s.areaCode,
      details: {
        number: s.number,
        unit: organisation.name,
        part: member.part,
        ...(req.confirm ? {} : { reason }),
      },
    });
    await notifyOrganisation(tx, s.organisationId, {
      kind: req.confirm ? 'selection.team-confirmed' : 'selection.team-declined',
      at: now,
      // The lead's submission page is the call's (one submission per organisation per call).
      link: { page: 'selection-call', id: s.callId },
      title: req.confirm ? '合作成员单位已确认' : '合作成员单位谢绝承担任务',
      body: req.confirm
        ? `${organisation.name}已确认承担申报“${s.title}”（${s.number}）中的任务：${member.part}。`
        : `${organisation.name}谢绝承担申报“${s.title}”（${s.number}）中的任务：${member.part}。原因：${reason}。请与对方沟通，或修改成员单位后重新保存。`,
    });
    return { answer: req.confirm ? 'confirmed' : 'declined' };
  });
}

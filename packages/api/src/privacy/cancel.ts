/**
 * 注销账号 (个人信息保护法 第四十七条; WeChat's review asks it of any mini-program with login).
 * One transaction; what is kept, reduced and removed, table by table, is docs/PRIVACY.md. Records
 * the bureau must keep for financial audit (awards, payments, ledger, audit log, timelines) stay,
 * with the person's fields reduced; everything else about the person is deleted or emptied.
 */
import { randomUUID } from 'node:crypto';
import type { TransactionClient } from '@kc/db';
import { ACCOUNT_CANCEL_CONFIRMATION } from '@kc/domain';
import { writeAudit } from '../audit';
import { lockOrganisation } from '../awards/locks';
import type { ApplicantCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import { unreferencedFiles } from '../files/unreferenced';

type ApplicantCtx = Context & { caller: ApplicantCaller };

/** What a cancelled account is shown as wherever a kept record names it. */
export const CANCELLED_DISPLAY_NAME = '已注销用户';

export interface CancelReport {
  cancelledAt: Date;
  /** rows changed or removed, per table */
  counts: Record<string, number>;
  /** file contents removed from the FileStore after the commit */
  filesRemoved: number;
}

/** The first administrator rule of 退出单位 (member-changes.ts), before anything changes. */
async function refuseLastAdmin(tx: TransactionClient, userId: string) {
  const mine = await tx.organisationMember.findMany({
    where: { userId, status: 'active', role: 'admin' },
    select: { id: true, organisationId: true },
  });
  for (const m of mine) {
    await lockOrganisation(tx, m.organisationId);
    const admins = await tx.organisationMember.count({
      where: { organisationId: m.organisationId, status: 'active', role: 'admin' },
    });
    if (admins > 1) continue;
    const others = await tx.organisationMember.count({
      where: { organisationId: m.organisationId, status: 'active', id: { not: m.id } },
    });
    throw appError('LAST_ADMIN', {
      message:
        others === 0
          ? '您是该单位唯一的管理员，请先邀请同事加入并移交管理员身份，再注销账号'
          : '您是该单位唯一的管理员，请先将管理员身份移交给其他成员，再注销账号',
    });
  }
}

export async function cancelAccount(
  ctx: ApplicantCtx,
  input: { confirmation: string },
): Promise<CancelReport> {
  if (input.confirmation.trim() !== ACCOUNT_CANCEL_CONFIRMATION)
    throw appError('CANCEL_CONFIRMATION_REQUIRED');
  const userId = ctx.caller.userId;
  const now = ctx.now();

  const { counts, orphanShas } = await ctx.db.prisma.$transaction(async (tx) => {
    // Serialise with a second cancel (or a login) of the same account.
    await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.cancelledAt) throw appError('UNAUTHENTICATED');
    await refuseLastAdmin(tx, userId);
    const counts: Record<string, number> = {};

    counts.session = (
      await tx.session.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: now },
      })
    ).count;

    counts.organisation_member = (
      await tx.organisationMember.updateMany({
        where: { userId, status: 'active' },
        data: { status: 'ended', endedAt: now, endReason: 'left', endedBy: userId, updatedAt: now },
      })
    ).count;

    // Invitation codes they made stop working, like those of a removed member.
    counts.organisation_invite = (
      await tx.organisationInvite.updateMany({
        where: { createdBy: userId, usedAt: null, revokedAt: null },
        data: { revokedAt: now, revokedBy: userId },
      })
    ).count;

    counts.organisation_claim = (
      await tx.organisationClaim.updateMany({
        where: { claimantUserId: userId, status: 'pending' },
        data: { status: 'withdrawn', updatedAt: now },
      })
    ).count;
    await tx.organisationClaim.updateMany({
      where: { claimantUserId: userId },
      data: { claimantPhone: '', updatedAt: now },
    });

    // Drafts: the form and its evidence links are erased; the number and the timeline (both
    // append-only records) stay, closed as 删除草稿 like a draft the applicant deletes.
    const drafts = await tx.application.findMany({
      where: { applicantUserId: userId, status: 'draft' },
      select: { id: true, status: true },
    });
    const draftIds = drafts.map((d) => d.id);
    counts.application_evidence = (
      await tx.applicationEvidence.deleteMany({ where: { applicationId: { in: draftIds } } })
    ).count;
    for (const d of drafts) {
      await tx.application.update({
        where: { id: d.id },
        data: { status: 'withdrawn', input: {}, version: { increment: 1 }, updatedAt: now },
      });
      await tx.applicationEvent.create({
        data: {
          applicationId: d.id,
          actorUserId: userId,
          actorRole: 'applicant',
          action: 'delete-draft',
          fromStatus: 'draft',
          toStatus: 'withdrawn',
          at: now,
          details: { reason: 'account-cancelled' },
        },
      });
    }
    counts.application = drafts.length;

    const researcher = await tx.researcher.findUnique({ where: { userId } });
    if (researcher) {
      // The name stays only where a kept award, payment or secondment names the person.
      const [keptApplications, secondments] = await Promise.all([
        tx.application.count({
          where: { researcherId: researcher.id, status: { notIn: ['draft', 'withdrawn'] } },
        }),
        tx.vpSecondment.count({ where: { researcherId: researcher.id } }),
      ]);
      const keepName = keptApplications + secondments > 0;
      await tx.researcher.update({
        where: { id: researcher.id },
        data: {
          name: keepName ? researcher.name : CANCELLED_DISPLAY_NAME,
          // UNIQUE and NOT NULL: a random value no ID number hashes to.
          residentIdHash: `cancelled:${randomUUID()}`,
          residentIdMasked: '',
          birthDate: new Date(Date.UTC(researcher.birthDate.getUTCFullYear(), 0, 1)),
          mobile: '',
          expertise: '',
          preferredAreaCodes: [],
          institutionLinkStatus: 'none',
          institutionOrgId: null,
          institutionLinkDecidedBy: null,
          institutionLinkDecidedAt: null,
          updatedAt: now,
        },
      });
      counts.researcher = 1;
    }

    counts.notification = (await tx.notification.deleteMany({ where: { userId } })).count;
    counts.privacy_consent = (await tx.privacyConsent.deleteMany({ where: { userId } })).count;
    counts.idempotency_record = (
      await tx.idempotencyRecord.deleteMany({ where: { actorUserId: userId } })
    ).count;

    // Files of the user that no remaining record holds (after drafts were emptied): a record
    // of an organisation they were in — a submission's attachments, even a draft's, an
    // alliance's charter, a project report's files — keeps its files (files/holders.ts).
    const orphans = await unreferencedFiles(tx, { ownerUserId: userId });
    counts.stored_file = (
      await tx.storedFile.deleteMany({ where: { id: { in: orphans.map((f) => f.id) } } })
    ).count;
    // Content-addressed bytes go only when no other row (another person's) holds the same hash.
    const shas = [...new Set(orphans.map((f) => f.sha256))];
    const stillHeld = await tx.storedFile.findMany({
      where: { sha256: { in: shas } },
      select: { sha256: true },
    });
    const held = new Set(stillHeld.map((f) => f.sha256));

    await tx.user.update({
      where: { id: userId },
      data: { openid: null, displayName: CANCELLED_DISPLAY_NAME, cancelledAt: now, updatedAt: now },
    });
    counts.user = 1;

    await writeAudit(tx, ctx, {
      action: 'privacy.cancel-account',
      objectType: 'user',
      objectId: userId,
      details: { counts },
    });
    return { counts, orphanShas: shas.filter((s) => !held.has(s)) };
  });

  // After the commit: a failed removal leaves an unreferenced blob, never a dangling row.
  let filesRemoved = 0;
  for (const sha of orphanShas) {
    try {
      if (ctx.fileStore?.remove) {
        await ctx.fileStore.remove(sha);
        filesRemoved += 1;
      }
    } catch (error) {
      ctx.log.warn({ err: (error as Error).message }, 'cancelled account: file not removed');
    }
  }
  return { cancelledAt: now, counts, filesRemoved };
}

import type { Prisma } from '@kc/db';
import { CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import { writeAudit } from '../audit';
import type { Context } from '../context';

type Tx = Pick<Prisma.TransactionClient, 'privacyConsent' | 'auditLog'>;

/** Stores one acceptance of the notice in force, with who, when, where from and which version. */
export async function recordConsent(
  tx: Tx,
  ctx: Pick<Context, 'now' | 'ip' | 'userAgent'>,
  userId: string,
  version: string,
): Promise<void> {
  await tx.privacyConsent.create({
    data: {
      userId,
      noticeVersion: version,
      acceptedAt: ctx.now(),
      ip: ctx.ip?.slice(0, 64) ?? null,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    },
  });
  await writeAudit(
    tx,
    { caller: { kind: 'applicant', userId }, ip: ctx.ip, now: ctx.now },
    {
      action: 'privacy.consent',
      objectType: 'user',
      objectId: userId,
      details: { noticeVersion: version },
    },
  );
}

/**
 * At login: an acceptance of the current notice sent with the login is stored; otherwise the
 * user's last stored acceptance must be of the current version. Returns what the client must
 * still ask (`{ version }`), or null.
 */
export async function consentOnLogin(
  tx: Tx,
  ctx: Pick<Context, 'now' | 'ip' | 'userAgent'>,
  userId: string,
  acceptedVersion: string | undefined,
): Promise<{ version: string } | null> {
  const current = CURRENT_PRIVACY_NOTICE.version;
  if (acceptedVersion === current) {
    await recordConsent(tx, ctx, userId, current);
    return null;
  }
  const last = await tx.privacyConsent.findFirst({
    where: { userId },
    orderBy: { acceptedAt: 'desc' },
    select: { noticeVersion: true },
  });
  return last?.noticeVersion === current ? null : { version: current };
}

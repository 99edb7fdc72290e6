import type { Prisma } from '@kc/db';
import { redactPII } from '@kc/domain';
import type { Caller } from './caller';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  areaCode?: string | null;
  details?: Record<string, unknown>;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/**
 * Appends one audit record, inside the caller's transaction so the record and the change
 * stand or fall together. Details pass through the PII redactor: the log never holds
 * full ID or phone numbers.
 */
export async function writeAudit(
  db: AuditWriter,
  who: { caller: Caller | null; ip: string | null; now: () => Date },
  entry: AuditEntry,
): Promise<void> {
  const details = JSON.parse(
    redactPII(JSON.stringify(entry.details ?? {})),
  ) as Prisma.InputJsonValue;
  await db.auditLog.create({
    data: {
      at: who.now(),
      actorUserId: who.caller?.userId ?? null,
      actorRole: who.caller?.kind === 'officer' ? who.caller.role : (who.caller?.kind ?? null),
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      areaCode: entry.areaCode ?? null,
      details,
      ip: who.ip,
    },
  });
}

/**
 * Who acted in a page of audit rows, in one query: `displayName`, or `displayName（username）`
 * where officers must tell namesakes apart (the audit log itself).
 */
export async function auditActorNames(
  db: Pick<Prisma.TransactionClient, 'user'>,
  rows: readonly { actorUserId: string | null }[],
  options: { withUsername?: boolean } = {},
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true, username: true },
  });
  return new Map(
    users.map((u) => [
      u.id,
      options.withUsername && u.username ? `${u.displayName}（${u.username}）` : u.displayName,
    ]),
  );
}

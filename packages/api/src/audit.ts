import type { Prisma } from '@kc/db';
import { redactPII } from '@kc/domain';
import type { ApplicantCaller, OfficerCaller } from './caller';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  areaCode?: string | null;
  details?: Record<string, unknown>;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Who acted: the caller, or the officer a login is about (no session yet, so no caller). */
export type AuditActor =
  Pick<OfficerCaller, 'kind' | 'userId' | 'role'> | Pick<ApplicantCaller, 'kind' | 'userId'>;

/** Who acted and from where, as the audit log needs it (a Context fits). */
export interface AuditWho {
  caller: AuditActor | null;
  ip: string | null;
  now: () => Date;
}

/**
 * Appends one audit record, inside the caller's transaction so the record and the change
 * stand or fall together. Details pass through the PII redactor: the log never holds
 * full ID or phone numbers.
 */
export async function writeAudit(db: AuditWriter, who: AuditWho, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: auditRecord(who, entry) });
}

/** The audit_log row of an entry (writeAudit, or a statement that writes it with other rows). */
export function auditRecord(who: AuditWho, entry: AuditEntry) {
  const details = JSON.parse(
    redactPII(JSON.stringify(entry.details ?? {})),
  ) as Prisma.InputJsonValue;
  return {
    at: who.now(),
    actorUserId: who.caller?.userId ?? null,
    actorRole: who.caller?.kind === 'officer' ? who.caller.role : (who.caller?.kind ?? null),
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    areaCode: entry.areaCode ?? null,
    details,
    ip: who.ip,
  };
}

/**
 * Who acted in a page of audit rows, in one query: `displayName`, or `displayName（username）`
 * where officers must tell namesakes apart (the audit log itself). With `withUnit`, an applicant
 * is named with their organisation (or as the researcher they registered as): “微信用户” alone
 * tells an officer nothing.
 */
export async function auditActorNames(
  db: Pick<Prisma.TransactionClient, 'user' | 'organisationMember' | 'researcher'>,
  rows: readonly { actorUserId: string | null }[],
  options: { withUsername?: boolean; withUnit?: boolean } = {},
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const [users, members, researchers] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids } },
      select: { id: true, displayName: true, username: true },
    }),
    options.withUnit
      ? db.organisationMember.findMany({
          where: { userId: { in: ids }, status: 'active' },
          select: { userId: true, organisation: { select: { name: true } } },
        })
      : [],
    options.withUnit
      ? db.researcher.findMany({
          where: { userId: { in: ids } },
          select: { userId: true, name: true, institutionName: true },
        })
      : [],
  ]);
  const unit = new Map(members.map((m) => [m.userId, m.organisation.name]));
  const researcher = new Map(researchers.map((r) => [r.userId, r]));
  return new Map(
    users.map((u) => {
      if (options.withUsername && u.username) return [u.id, `${u.displayName}（${u.username}）`];
      const r = researcher.get(u.id);
      if (r) return [u.id, `${r.name}（${r.institutionName}）`];
      const org = unit.get(u.id);
      return [u.id, org ? `${u.displayName}（${org}）` : u.displayName];
    }),
  );
}

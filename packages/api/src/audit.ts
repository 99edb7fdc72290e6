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

/** What an officer needs to tell a person apart, beside the display name. */
export interface ActorContext {
  /** Officers: their login name (the audit log itself, where namesakes must be told apart). */
  withUsername?: boolean;
  /** The researcher the user registered as. */
  researcher?: { name: string; institutionName: string } | null;
  /** The organisation the user acts for. */
  unit?: string | null;
}

/**
 * A person as the audit log names them: `displayName（username）` for an officer where asked,
 * `name（institution）` for a researcher, `displayName（organisation）` for a firm's member:
 * “微信用户” alone tells an officer nothing.
 */
export function actorLabel(
  user: { displayName: string; username: string | null },
  context: ActorContext = {},
): string {
  if (context.withUsername && user.username) return `${user.displayName}（${user.username}）`;
  if (context.researcher)
    return `${context.researcher.name}（${context.researcher.institutionName}）`;
  return context.unit ? `${user.displayName}（${context.unit}）` : user.displayName;
}

/**
 * Who acted in a page of rows (a workbench's or an organisation's activity), in one query, by
 * display name. The audit log's own search names them with more (audit-objects.ts).
 */
export async function auditActorNames(
  db: Pick<Prisma.TransactionClient, 'user'>,
  rows: readonly { actorUserId: string | null }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true, username: true },
  });
  return new Map(users.map((u) => [u.id, actorLabel(u)]));
}

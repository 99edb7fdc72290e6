import { z } from 'zod';
import { Prisma } from '@kc/db';
import type { ReadRows } from '@kc/db';
import {
  areaName,
  auditActionLabel,
  auditActorRoleName,
  auditObjectTypeLabel,
  plainString,
} from '@kc/domain';
import { areaScope } from './access';
import { auditNames } from './audit-objects';
import type { OfficerCaller } from './caller';
import { shanghaiDayStart } from './dates';
import { appError } from './errors';
import { likeLiteral } from './search';

/**
 * The audit log's search, once: its filters, who may read it and in what scope, the query and
 * the rows as officers read them. The 审计日志 page (routers/audit.ts) and its background export
 * (exports/kinds) both go through here.
 */
const date = z.iso.date({ error: '日期格式应为YYYY-MM-DD' });

export const auditFilterSchema = z.object({
  actor: plainString().trim().max(32).optional(),
  action: plainString().trim().max(64).optional(),
  objectType: plainString().trim().max(32).optional(),
  objectId: plainString().trim().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** The bureau admin reads all of it; an area officer what happened in their area. */
export function mayReadAudit(caller: Pick<OfficerCaller, 'role'>): boolean {
  return caller.role === 'bureau-admin' || caller.role === 'area-officer';
}

export function assertMayReadAudit(caller: Pick<OfficerCaller, 'role'>): void {
  if (!mayReadAudit(caller)) throw appError('FORBIDDEN');
}

/**
 * The rows about one record, named by its id or by what officers know it by (an application or
 * batch number…): the row's object, or any row whose details name it as a whole JSON string (an
 * objection, a notice or disbursement batch listing the application).
 */
async function rowsAbout(db: Prisma.TransactionClient, record: string): Promise<bigint[]> {
  const quoted = `%${likeLiteral(JSON.stringify(record))}%`;
  const application = await db.application.findUnique({
    where: { number: record },
    select: { id: true },
  });
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM audit_log
    WHERE object_id = ${record} OR object_id = ${application?.id ?? record}
       OR details::text LIKE ${quoted}`;
  return rows.map((r) => r.id);
}

export async function auditWhere(
  db: Prisma.TransactionClient,
  caller: OfficerCaller,
  input: AuditFilters,
): Promise<Prisma.AuditLogWhereInput> {
  assertMayReadAudit(caller);
  const scope = areaScope(caller);
  const actors = input.actor
    ? await db.user.findMany({
        where: {
          OR: [
            { username: { contains: likeLiteral(input.actor), mode: 'insensitive' } },
            { displayName: { contains: likeLiteral(input.actor) } },
          ],
        },
        select: { id: true },
      })
    : null;
  return {
    ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
    ...(actors ? { actorUserId: { in: actors.map((a) => a.id) } } : {}),
    ...(input.action ? { action: { startsWith: likeLiteral(input.action) } } : {}),
    ...(input.objectType ? { objectType: input.objectType } : {}),
    ...(input.objectId ? { id: { in: await rowsAbout(db, input.objectId) } } : {}),
    ...(input.from || input.to
      ? {
          at: {
            ...(input.from ? { gte: shanghaiDayStart(input.from) } : {}),
            // `to` is inclusive: everything before the next Shanghai midnight.
            ...(input.to
              ? { lt: new Date(shanghaiDayStart(input.to).getTime() + 24 * 3600_000) }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * The rows `auditWhere` selects, as SQL for the planner's estimate (list-total.ts): only when no
 * filter is set, the caller's area scope being the whole filter.
 */
export function auditEstimate(caller: OfficerCaller, input: AuditFilters): Prisma.Sql | null {
  if (Object.values(auditFilterSchema.parse(input)).some(Boolean)) return null;
  const { areaCode } = areaScope(caller);
  return areaCode
    ? Prisma.sql`SELECT 1 FROM audit_log WHERE area_code = ${areaCode}`
    : Prisma.sql`SELECT 1 FROM audit_log`;
}

type AuditRow = Awaited<ReturnType<Prisma.TransactionClient['auditLog']['findMany']>>[number];

/** A page of rows with the names officers read: who, what, about which record, where. */
export async function auditRowDtos(read: ReadRows, rows: AuditRow[], now: Date) {
  const names = await auditNames(read, rows, now);
  return rows.map((r, i) => ({
    id: r.id.toString(),
    at: r.at,
    actorName: names.actors[i] ?? null,
    actorRole: r.actorRole,
    actorRoleName: auditActorRoleName(r.actorRole),
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    objectType: r.objectType,
    objectTypeLabel: auditObjectTypeLabel(r.objectType),
    objectId: r.objectId,
    objectLabel: names.objects[i] ?? null,
    areaCode: r.areaCode,
    areaName: r.areaCode ? areaName(r.areaCode) : null,
    details: r.details,
    ip: r.ip,
  }));
}

import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Prisma } from '@kc/db';
import {
  areaName,
  auditActionLabel,
  auditActorRoleName,
  auditObjectTypeLabel,
  plainString,
} from '@kc/domain';
import { areaScope } from '../access';
import { auditActorNames } from '../audit';
import { auditObjectLabels } from '../audit-objects';
import { appError } from '../errors';
import { pageInput, pageOf, pageWindow } from '../paging';
import { officerProcedure } from '../trpc';
import { likeLiteral } from '../search';

const date = z.iso.date({ error: '日期格式应为YYYY-MM-DD' });

/** Shanghai midnight of a calendar date, as an instant. */
const shanghaiStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

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

/**
 * The audit log, read-only. The bureau admin reads all of it; an area officer reads what
 * happened in their area. It is append-only in the database too (a trigger refuses changes).
 */
export const auditRouter = {
  search: officerProcedure
    .input(
      z.object({
        ...pageInput,
        actor: plainString().trim().max(32).optional(),
        action: plainString().trim().max(64).optional(),
        objectType: plainString().trim().max(32).optional(),
        objectId: plainString().trim().max(64).optional(),
        from: date.optional(),
        to: date.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (ctx.caller.role !== 'bureau-admin' && ctx.caller.role !== 'area-officer')
        throw appError('FORBIDDEN');
      const scope = areaScope(ctx.caller);
      const actors = input.actor
        ? await ctx.db.prisma.user.findMany({
            where: {
              OR: [
                { username: { contains: likeLiteral(input.actor), mode: 'insensitive' } },
                { displayName: { contains: likeLiteral(input.actor) } },
              ],
            },
            select: { id: true },
          })
        : null;
      const where: Prisma.AuditLogWhereInput = {
        ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
        ...(actors ? { actorUserId: { in: actors.map((a) => a.id) } } : {}),
        ...(input.action ? { action: { startsWith: likeLiteral(input.action) } } : {}),
        ...(input.objectType ? { objectType: input.objectType } : {}),
        ...(input.objectId ? { id: { in: await rowsAbout(ctx.db.prisma, input.objectId) } } : {}),
        ...(input.from || input.to
          ? {
              at: {
                ...(input.from ? { gte: shanghaiStart(input.from) } : {}),
                // `to` is inclusive: everything before the next Shanghai midnight.
                ...(input.to
                  ? { lt: new Date(shanghaiStart(input.to).getTime() + 24 * 3600_000) }
                  : {}),
              },
            }
          : {}),
      };
      const [total, rows] = await Promise.all([
        ctx.db.prisma.auditLog.count({ where }),
        ctx.db.prisma.auditLog.findMany({
          where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          ...pageWindow(input),
        }),
      ]);
      const [names, objects] = await Promise.all([
        auditActorNames(ctx.db.prisma, rows, { withUsername: true, withUnit: true }),
        auditObjectLabels(ctx.db.prisma, rows, ctx.now()),
      ]);
      return pageOf(
        rows.map((r, i) => ({
          id: r.id.toString(),
          at: r.at,
          actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
          actorRole: r.actorRole,
          actorRoleName: auditActorRoleName(r.actorRole),
          action: r.action,
          actionLabel: auditActionLabel(r.action),
          objectType: r.objectType,
          objectTypeLabel: auditObjectTypeLabel(r.objectType),
          objectId: r.objectId,
          objectLabel: objects[i] ?? null,
          areaCode: r.areaCode,
          areaName: r.areaCode ? areaName(r.areaCode) : null,
          details: r.details,
          ip: r.ip,
        })),
        total,
        input,
      );
    }),
} satisfies TRPCRouterRecord;

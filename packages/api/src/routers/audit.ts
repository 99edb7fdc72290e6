import type { TRPCRouterRecord } from '@trpc/server';
import { auditEstimate, auditFilterSchema, auditRowDtos, auditWhere } from '../audit-search';
import { listTotal } from '../list-total';
import { pageInput, pageOf, pageWindow } from '../paging';
import { officerProcedure } from '../trpc';

/**
 * The audit log, read-only. The bureau admin reads all of it; an area officer reads what
 * happened in their area (audit-search.ts). It is append-only in the database too (a trigger
 * refuses changes).
 */
export const auditRouter = {
  search: officerProcedure
    .input(auditFilterSchema.extend(pageInput))
    .query(async ({ ctx, input }) => {
      const db = ctx.db.prisma;
      const where = await auditWhere(db, ctx.caller, input);
      const [total, rows] = await Promise.all([
        listTotal(db, () => db.auditLog.count({ where }), auditEstimate(ctx.caller, input)),
        db.auditLog.findMany({
          where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          ...pageWindow(input),
        }),
      ]);
      return {
        ...pageOf(await auditRowDtos(ctx.db.rows, rows, ctx.now()), total.total, input),
        totalIsEstimate: total.totalIsEstimate,
      };
    }),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from '@trpc/server';
import { auditFilterSchema, auditRowDtos, auditWhere } from '../audit-search';
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
      const where = await auditWhere(ctx.db.prisma, ctx.caller, input);
      const [total, rows] = await Promise.all([
        ctx.db.prisma.auditLog.count({ where }),
        ctx.db.prisma.auditLog.findMany({
          where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          ...pageWindow(input),
        }),
      ]);
      return pageOf(await auditRowDtos(ctx.db.prisma, rows, ctx.now()), total, input);
    }),
} satisfies TRPCRouterRecord;

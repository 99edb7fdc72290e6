import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';

export const healthRouter = {
  check: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.prisma.$queryRaw`SELECT 1`;
    return { ok: true as const, database: ctx.db.kind, time: ctx.now() };
  }),
} satisfies TRPCRouterRecord;

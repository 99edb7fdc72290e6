import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';

export const healthRouter = {
  check: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.prisma.$queryRaw`SELECT 1`;
    // Public: says nothing about the database behind it (the server's /readyz does, internally).
    return { ok: true as const, time: ctx.now() };
  }),
} satisfies TRPCRouterRecord;

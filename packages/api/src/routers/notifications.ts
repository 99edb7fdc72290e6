import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { applicantProcedure } from '../trpc';

/** The applicant's message centre (消息中心): newest first, a cursor for "load more". */
export const notificationsRouter = {
  mine: applicantProcedure
    .input(
      z
        .object({
          cursor: z.uuid().optional(),
          limit: z.number().int().min(1).max(50).default(20),
        })
        .default({ limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.notification.findMany({
        where: { userId: ctx.caller.userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      });
      const page = rows.slice(0, input.limit);
      return {
        items: page.map((n) => ({
          id: n.id,
          at: n.createdAt,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link:
            n.linkPage && n.linkId
              ? { page: n.linkPage as 'application' | 'secondment' | 'need', id: n.linkId }
              : null,
          readAt: n.readAt,
        })),
        nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
    }),

  unreadCount: applicantProcedure.query(async ({ ctx }) => ({
    count: await ctx.db.prisma.notification.count({
      where: { userId: ctx.caller.userId, readAt: null },
    }),
  })),

  markRead: applicantProcedure
    .input(z.object({ ids: z.array(z.uuid()).max(100).optional() }).default({}))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.prisma.notification.updateMany({
        where: {
          userId: ctx.caller.userId,
          readAt: null,
          ...(input.ids ? { id: { in: input.ids } } : {}),
        },
        data: { readAt: ctx.now() },
      });
      return { updated: count };
    }),
} satisfies TRPCRouterRecord;

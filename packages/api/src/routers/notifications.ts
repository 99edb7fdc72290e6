import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Prisma } from '@kc/db';
import type { NewNotification } from '../notifications/write';
import { authedProcedure } from '../trpc';

type NotificationLinkPage = NonNullable<NewNotification['link']>['page'] | 'data-export';

/**
 * The message centre (消息中心) of whoever is signed in: applicants in the mini-program, officers
 * (finance included) in the admin. Each reads and marks their own messages only: every query is
 * keyed on the caller's user id. Newest first, a cursor for "load more"; `unreadOnly` is the list
 * the admin's bell opens, so its count is that list's length.
 */
interface MessageRow {
  id: string;
  createdAt: Date;
  kind: string;
  title: string;
  body: string;
  linkPage: string | null;
  linkId: string | null;
  readAt: Date | null;
}

export const notificationsRouter = {
  mine: authedProcedure
    .input(
      z
        .object({
          cursor: z.uuid().optional(),
          limit: z.number().int().min(1).max(50).default(20),
          unreadOnly: z.boolean().optional(),
        })
        .default({ limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      // Through the driver (db.rows: Prisma cost as much as the read itself, issue 13). Four
      // fixed texts (unread only or not, first page or after a cursor), each prepared once; the
      // cursor is a row comparison the (user_id, created_at) index answers in order.
      const rows = await ctx.db.rows<MessageRow>(Prisma.sql`
        SELECT n.id, n.created_at AS "createdAt", n.kind, n.title, n.body,
               n.link_page AS "linkPage", n.link_id AS "linkId", n.read_at AS "readAt"
          FROM notification n
         WHERE n.user_id = ${ctx.caller.userId}::uuid
           ${input.unreadOnly ? Prisma.sql`AND n.read_at IS NULL` : Prisma.empty}
           ${
             input.cursor
               ? Prisma.sql`AND (n.created_at, n.id) <
                   (SELECT c.created_at, c.id FROM notification c WHERE c.id = ${input.cursor}::uuid)`
               : Prisma.empty
           }
         ORDER BY n.created_at DESC, n.id DESC
         LIMIT ${input.limit + 1}::int`);
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
              ? {
                  // The pages of NewNotification.link, or an officer's export (exports/build.ts).
                  page: n.linkPage as NotificationLinkPage,
                  id: n.linkId,
                }
              : null,
          readAt: n.readAt,
        })),
        nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
    }),

  /**
   * The badge, polled on every page show: one plain statement through the driver (Prisma's
   * count, and even its `$queryRaw`, cost more CPU than the rest of the request: issue 13).
   */
  unreadCount: authedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db.rows<{ count: number }>(Prisma.sql`
      SELECT count(*)::int AS "count" FROM "notification"
      WHERE "user_id" = ${ctx.caller.userId}::uuid AND "read_at" IS NULL`);
    return { count: row?.count ?? 0 };
  }),

  markRead: authedProcedure
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

import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { PrismaClient } from '@kc/db';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import type { FailedJob } from '../jobs/runtime';
import type { JobState } from '../jobs/queues';
import { JOB_STATE_LABELS, QUEUES, QUEUE_NAMES, isQueueName, queueLabel } from '../jobs/queues';
import { pageInput, pageOf } from '../paging';
import { officerWithRoles } from '../trpc';

const admin = officerWithRoles('bureau-admin');

const STATES = Object.keys(JOB_STATE_LABELS) as JobState[];

/**
 * 后台任务, for the bureau admin only: each queue's depth by state, the failed jobs with their
 * error, and a retry (audited). Queue names are shown by their Chinese names only.
 */
export const jobsRouter = {
  overview: admin.query(async ({ ctx }) => {
    const counts = ctx.jobs ? await ctx.jobs.counts() : [];
    const rows = QUEUE_NAMES.map((name) => {
      const def: { label: string; scheduleText?: string } = QUEUES[name];
      const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<JobState, number>;
      for (const c of counts) if (c.queue === name) byState[c.state] += c.count;
      return {
        queue: name,
        label: def.label,
        schedule: def.scheduleText ?? null,
        waiting: byState.created + byState.retry,
        active: byState.active,
        failed: byState.failed,
        completed: byState.completed,
      };
    });
    return { running: Boolean(ctx.jobs), queues: rows };
  }),

  failed: admin
    .input(
      z
        .object({
          queue: z.enum(QUEUE_NAMES, { error: '未知的任务类型' }).optional(),
          ...pageInput,
        })
        .default({ page: 1, pageSize: 20 }),
    )
    .query(async ({ ctx, input }) => {
      if (!ctx.jobs) return pageOf([], 0, input);
      const { total, items } = await ctx.jobs.failed({
        queue: input.queue,
        offset: (input.page - 1) * input.pageSize,
        limit: input.pageSize,
      });
      const subjects = await describe(ctx, items);
      return pageOf(
        items.map((job) => ({
          id: job.id,
          queue: job.queue,
          queueLabel: queueLabel(job.queue),
          subject: subjects.get(job.id) ?? '',
          error: job.error,
          attempts: job.attempts,
          createdAt: job.createdAt,
          failedAt: job.failedAt,
        })),
        total,
        input,
      );
    }),

  retry: admin
    .input(
      z.object({
        queue: z.enum(QUEUE_NAMES, { error: '未知的任务类型' }),
        id: z.uuid({ error: '任务编号格式不正确' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!ctx.jobs || !(await ctx.jobs.retry(input.queue, input.id))) {
        throw appError('INVALID_TRANSITION', { message: '该任务已不是失败状态，无需重试' });
      }
      await writeAudit(ctx.db.prisma, ctx, {
        action: 'job.retry',
        objectType: 'job',
        objectId: input.id,
        details: { queue: queueLabel(input.queue) },
      });
      return { retried: true };
    }),
} satisfies TRPCRouterRecord;

/** What a failed job was about, in words an administrator knows. */
async function describe(
  ctx: { db: { prisma: PrismaClient } },
  items: FailedJob[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const notificationIds = items
    .filter((j) => j.queue === 'subscribe-message')
    .map((j) => String(j.data.notificationId ?? j.id));
  const notes = notificationIds.length
    ? await ctx.db.prisma.notification.findMany({
        where: { id: { in: notificationIds } },
        select: { id: true, title: true, user: { select: { displayName: true } } },
      })
    : [];
  const noteById = new Map(notes.map((n) => [n.id, n]));
  for (const job of items) {
    if (job.queue === 'subscribe-message') {
      const n = noteById.get(String(job.data.notificationId ?? job.id));
      out.set(job.id, n ? `发给${n.user.displayName}：${n.title}` : '消息已不存在');
    } else if (job.queue === 'deadline-reminder') {
      const m = job.data.message as { title?: string; body?: string } | undefined;
      out.set(job.id, [m?.title, m?.body].filter(Boolean).join('：'));
    } else if (isQueueName(job.queue) && 'scheduleText' in QUEUES[job.queue]) {
      out.set(job.id, '定时扫描');
    }
  }
  return out;
}

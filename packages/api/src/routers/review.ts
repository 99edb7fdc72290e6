import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { plainString } from '@kc/domain';
import { declareConflict, myConflicts } from '../awards/conflict-service';
import { reviewQueueInput } from '../awards/review-queue-filter';
import { officerApplication, reviewAct, reviewQueue } from '../awards/review-service';
import { caseworkProcedure, officerProcedure, officerWithRoles } from '../trpc';

const id = z.uuid({ error: '记录编号无效' });

/** Officers' review of applications: queue, detail, and one step at a time. */
export const reviewRouter = {
  queue: caseworkProcedure
    .input(reviewQueueInput)
    .query(({ ctx, input }) => reviewQueue(ctx, input)),

  byId: caseworkProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => officerApplication(ctx, input.id)),

  act: officerWithRoles('bureau-admin', 'bureau-reviewer', 'area-officer')
    .input(
      z.object({
        applicationId: id,
        action: z.enum(['accept-area', 'forward', 'return', 'approve', 'reject'], {
          error: '未知的审核操作',
        }),
        comment: plainString().trim().max(1000, '意见不能超过1000个字').optional(),
        expectedVersion: z.number({ error: '缺少申请版本号，请刷新后重试' }).int().positive(),
        overrideAmountFen: z.bigint({ error: '核定金额应为以分为单位的整数' }).optional(),
        overrideReason: plainString().trim().max(500, '理由不能超过500个字').optional(),
      }),
    )
    .mutation(({ ctx, input }) => reviewAct(ctx, input)),

  /** 回避申报: the officer declares a link to an organisation and is kept off its applications. */
  declareConflict: officerProcedure
    .input(
      z.object({
        organisationId: id,
        reason: plainString({ error: '请说明回避理由' })
          .trim()
          .min(2, '请说明回避理由')
          .max(500, '理由不能超过500个字'),
      }),
    )
    .mutation(({ ctx, input }) => declareConflict(ctx, input)),

  myConflicts: officerProcedure.query(({ ctx }) => myConflicts(ctx)),
} satisfies TRPCRouterRecord;

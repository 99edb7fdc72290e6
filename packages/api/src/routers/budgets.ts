import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { plainString } from '@kc/domain';
import { listBudgets, setBudget } from '../awards/budget-service';
import { officerProcedure, officerWithRoles } from '../trpc';

const year = z
  .number({ error: '请填写年度' })
  .int('年度应为整数')
  .min(2020, '年度不能早于2020年')
  .max(2100, '年度不能晚于2100年');

/** Yearly programme budgets: any officer reads them; only the bureau admin sets them. */
export const budgetsRouter = {
  list: officerProcedure
    .input(z.object({ year }))
    .query(({ ctx, input }) => listBudgets(ctx, input)),

  set: officerWithRoles('bureau-admin')
    .input(
      z.object({
        ruleId: plainString({ error: '请选择奖补事项' }).trim().min(1, '请选择奖补事项').max(64),
        year,
        budgetFen: z
          .bigint({ error: '预算金额应为以分为单位的整数' })
          .min(0n, '预算金额不能为负数')
          .max(100_000_000_000n, '预算金额超出合理范围（10亿元）'),
        note: plainString().trim().max(500, '说明不能超过500个字').optional(),
      }),
    )
    .mutation(({ ctx, input }) => setBudget(ctx, input)),
} satisfies TRPCRouterRecord;

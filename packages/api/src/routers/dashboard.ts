import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { areaCodeSchema } from '@kc/domain';
import { dashboardSummary, dashboardTargets } from '../awards/dashboard-service';
import { exportTargetsXlsx } from '../awards/targets-export';
import { officerProcedure } from '../trpc';

const year = z
  .number({ error: '请填写年度' })
  .int('年度应为整数')
  .min(2020, '年度不能早于2020年')
  .max(2100, '年度不能晚于2100年');

/** Dashboard figures for any officer; area officers get their own area only. */
export const dashboardRouter = {
  summary: officerProcedure
    .input(z.object({ year, areaCode: areaCodeSchema.optional() }))
    .query(({ ctx, input }) => dashboardSummary(ctx, input)),

  targets: officerProcedure
    .input(z.object({ areaCode: areaCodeSchema.optional() }).default({}))
    .query(({ ctx, input }) => dashboardTargets(ctx, input)),

  /**
   * The targets as .xlsx, base64-encoded (the same figures and area scope as `targets`). A
   * query: it reads and writes nothing, and figures carry no personal data.
   */
  targetsXlsx: officerProcedure
    .input(z.object({ areaCode: areaCodeSchema.optional() }).default({}))
    .query(({ ctx, input }) => exportTargetsXlsx(ctx, input)),
} satisfies TRPCRouterRecord;

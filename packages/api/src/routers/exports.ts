import type { TRPCRouterRecord } from '@trpc/server';
import { exportRequestSchema } from '../exports/kinds';
import { myExports, requestExport } from '../exports/service';
import { officerProcedure } from '../trpc';

/**
 * 导出全部（后台生成）: an officer asks for a list with the filters on their screen; a job builds
 * the .xlsx and messages them; they download it from 我的导出 (GET /files/:id, requester only).
 * Who may export what is the list's own rule (exports/kinds.ts): finance its 资金台账 only (it
 * opens neither the review queue nor the audit log; role-scope.test.ts, FINANCE_MAY).
 */
export const exportsRouter = {
  request: officerProcedure
    .input(exportRequestSchema)
    .mutation(({ ctx, input }) => requestExport(ctx, input)),

  mine: officerProcedure.query(({ ctx }) => myExports(ctx)),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { plainString } from '@kc/domain';
import {
  amendmentForm,
  confirmAdoption,
  listPolicyVersions,
  policyVersionById,
  proposePolicyVersion,
  requestAdoption,
  returnPolicyVersion,
  updatePolicyVersion,
  withdrawPolicyVersion,
} from '../policy/versions';
import { sandboxRun, sandboxRuns, startSandbox } from '../policy/sandbox';
import { exportSandboxXlsx } from '../policy/sandbox-export';
import { officerWithRoles, publicProcedure } from '../trpc';
import { adoptedAmendments } from '../policy/catalogue';

/** The version's own id (suzhou-future-2027-01): checked in full by the amendment's schema. */
const id = plainString({ error: '版本编号无效' })
  .trim()
  .min(1, '版本编号无效')
  .max(80, '版本编号无效');
const expectedVersion = z.number().int().positive({ error: '版本号无效' });
const reason = plainString({ error: '请填写原因' })
  .trim()
  .min(2, '原因至少2个字')
  .max(500, '原因不能超过500个字');
/**
 * The amendment is read by the domain's `checkAmendment` (policyAmendmentSchema and the base
 * version's bounds), which answers every problem as a field error: the input here is its JSON.
 */
const amendment = z.record(plainString(), z.unknown(), { error: '修订内容应为一个对象' });

/** 政策修订 (issue 15): bureau administrators propose, adopt and confirm (four eyes). */
const policyAdmin = officerWithRoles('bureau-admin');
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');

export const policyVersionsRouter = {
  /**
   * The adopted amendments, for anyone (they are public on the pages too): clients build the
   * versions from them with the domain's `policyCatalogue`, as the server does.
   */
  catalogue: publicProcedure.query(() => ({ amendments: adoptedAmendments() })),
  list: bureau.query(({ ctx }) => listPolicyVersions(ctx)),
  byId: bureau.input(z.object({ id })).query(({ ctx, input }) => policyVersionById(ctx, input.id)),
  /** The newest version's amendable figures: the form is generated from them. */
  form: policyAdmin.query(() => amendmentForm()),
  propose: policyAdmin
    .input(
      z.object({ amendment, consultationId: z.uuid({ error: '征求意见编号无效' }).optional() }),
    )
    .mutation(({ ctx, input }) => proposePolicyVersion(ctx, input)),
  update: policyAdmin
    .input(z.object({ id, expectedVersion, amendment }))
    .mutation(({ ctx, input }) => updatePolicyVersion(ctx, input)),
  requestAdoption: policyAdmin
    .input(
      z.object({
        id,
        expectedVersion,
        effectiveFrom: z.iso.date({ error: '请填写有效的施行日期' }),
      }),
    )
    .mutation(({ ctx, input }) => requestAdoption(ctx, input)),
  return: policyAdmin
    .input(z.object({ id, expectedVersion, reason }))
    .mutation(({ ctx, input }) => returnPolicyVersion(ctx, input)),
  withdraw: policyAdmin
    .input(z.object({ id, expectedVersion, reason }))
    .mutation(({ ctx, input }) => withdrawPolicyVersion(ctx, input)),
  /** 政策沙盘: replay a period's applications under the version (a background job). */
  sandboxStart: bureau
    .input(
      z.object({
        versionId: id,
        from: z.iso.date({ error: '请填写有效的开始日期' }),
        to: z.iso.date({ error: '请填写有效的结束日期' }),
      }),
    )
    .mutation(({ ctx, input }) => startSandbox(ctx, input)),
  sandboxRuns: bureau
    .input(z.object({ versionId: id }))
    .query(({ ctx, input }) => sandboxRuns(ctx, input.versionId)),
  sandboxRun: bureau
    .input(z.object({ id: z.uuid({ error: '推演编号无效' }) }))
    .query(({ ctx, input }) => sandboxRun(ctx, input.id)),
  /** A finished run as .xlsx (base64): the tables, the largest changes, the 2030 estimate. */
  sandboxExport: bureau
    .input(z.object({ id: z.uuid({ error: '推演编号无效' }) }))
    .mutation(({ ctx, input }) => exportSandboxXlsx(ctx, input.id)),
  confirm: policyAdmin
    .input(z.object({ id, expectedVersion }))
    .mutation(({ ctx, input }) => confirmAdoption(ctx, input)),
} satisfies TRPCRouterRecord;

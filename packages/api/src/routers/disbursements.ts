import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { plainString } from '@kc/domain';
import {
  BATCH_STATUS_CODES,
  accountView,
  batchDto,
  confirmBatch,
  createBatch,
  disbursementCandidates,
  exportBatchXlsx,
  ledger,
  listBatches,
  markPaid,
  removeItem,
} from '../awards/disbursement';
import { ledgerFilterSchema } from '../awards/disbursement/ledger';
import { idempotencyKeySchema } from '../idempotency';
import { officerWithRoles } from '../trpc';

const id = z.uuid({ error: '记录编号无效' });
const year = z.number().int().min(2000).max(2100);
const ruleId = plainString().max(64);

/** 制单 and reading: finance officers, and the bureau admin (who may prepare a batch too). */
const financeOrAdmin = officerWithRoles('finance-officer', 'bureau-admin');
/** 审核 and 拨付: finance officers only (the state machine says the same for mark-paid). */
const finance = officerWithRoles('finance-officer');

/**
 * 拨付: batches of awards whose notice has passed → confirmed by a second finance officer →
 * paid. Money-moving procedures require a client-chosen idempotency key (UUID); a retry with the
 * same key returns the first answer. See awards/disbursement/index.ts.
 */
export const disbursementsRouter = {
  candidates: financeOrAdmin
    .input(z.object({ ruleId: ruleId.optional(), year: year.optional() }).default({}))
    .query(({ ctx, input }) => disbursementCandidates(ctx, input)),

  createBatch: financeOrAdmin
    .input(
      z.object({
        title: plainString().trim().max(100, '批次名称不能超过100个字').optional(),
        applicationIds: z
          .array(id)
          .min(1, '请至少选择一项申请')
          .max(500, '一个批次最多500项')
          .refine((ids) => new Set(ids).size === ids.length, '同一申请不能重复选择'),
        idempotencyKey: idempotencyKeySchema,
      }),
    )
    .mutation(({ ctx, input }) => createBatch(ctx, input)),

  removeItem: financeOrAdmin
    .input(z.object({ batchId: id, applicationId: id }))
    .mutation(({ ctx, input }) => removeItem(ctx, input)),

  confirm: finance
    .input(z.object({ batchId: id, idempotencyKey: idempotencyKeySchema }))
    .mutation(({ ctx, input }) => confirmBatch(ctx, input)),

  markPaid: finance
    .input(
      z.object({
        batchId: id,
        idempotencyKey: idempotencyKeySchema,
        bankReference: plainString().trim().max(100, '银行流水号不能超过100个字符').optional(),
      }),
    )
    .mutation(({ ctx, input }) => markPaid(ctx, input)),

  byId: financeOrAdmin
    .input(z.object({ id }))
    .query(({ ctx, input }) => batchDto(ctx.db.prisma, input.id, accountView(ctx))),

  list: financeOrAdmin
    .input(
      z
        .object({
          status: z.enum(BATCH_STATUS_CODES, { error: '未知的批次状态' }).optional(),
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(100).default(20),
        })
        .default({ page: 1, pageSize: 20 }),
    )
    .query(({ ctx, input }) => listBatches(ctx, input)),

  ledger: financeOrAdmin
    .input(
      ledgerFilterSchema
        .extend({
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(500).default(100),
        })
        .default({ page: 1, pageSize: 100 }),
    )
    .query(({ ctx, input }) => ledger(ctx, input)),

  /**
   * The 拨付清单 as .xlsx, base64-encoded (see exportBatchXlsx). A mutation, not a query: every
   * export of bank details is audited, and a client must not re-run it by refetching. Finance
   * officers only: it carries the full account numbers the bank pays to.
   */
  exportXlsx: finance
    .input(z.object({ batchId: id }))
    .mutation(({ ctx, input }) => exportBatchXlsx(ctx, input.batchId)),
} satisfies TRPCRouterRecord;

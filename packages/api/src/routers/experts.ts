import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  EXPERT_STATUS_CODES,
  FIELD_CODES,
  expertDecisionSchema,
  expertProfileSchema,
  plainString,
} from '@kc/domain';
import { pageInput } from '../paging';
import { revealInput, requireRevealReason } from '../reveal';
import {
  decideExpert,
  expertById,
  listExperts,
  myExpert,
  revealExpertMobile,
  saveMyExpert,
} from '../selection/experts';
import { applicantProcedure, officerWithRoles } from '../trpc';

/** The expert pool is the city's: the bureau's roles keep it, area officers do not. */
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');
const id = z.uuid({ error: '记录编号无效' });

export const expertsRouter = {
  /** The caller's own expert record, or null before they register. */
  mine: applicantProcedure.query(({ ctx }) => myExpert(ctx)),
  saveMine: applicantProcedure
    .input(expertProfileSchema)
    .mutation(({ ctx, input }) => saveMyExpert(ctx, input)),

  list: bureau
    .input(
      z.object({
        ...pageInput,
        status: z.enum(EXPERT_STATUS_CODES, { error: '未知的专家状态' }).optional(),
        fieldCode: z.enum(FIELD_CODES, { error: '未知的产业领域' }).optional(),
        q: plainString().trim().max(50, '关键词不能超过50个字').optional(),
      }),
    )
    .query(({ ctx, input }) => listExperts(ctx, input)),
  byId: bureau.input(z.object({ id })).query(({ ctx, input }) => expertById(ctx, input.id)),
  decide: bureau
    .input(
      expertDecisionSchema.and(
        z.object({ id, expectedVersion: z.number().int().positive({ error: '版本号无效' }) }),
      ),
    )
    .mutation(({ ctx, input }) => decideExpert(ctx, input)),
  revealMobile: bureau
    .input(revealInput)
    .mutation(({ ctx, input }) =>
      revealExpertMobile(ctx, input.id, requireRevealReason(input.reason)),
    ),
} satisfies TRPCRouterRecord;

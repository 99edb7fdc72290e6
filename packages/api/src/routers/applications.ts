import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { evidenceRefsSchema, plainString, todayInShanghai } from '@kc/domain';
import {
  deleteDraft,
  myApplication,
  myApplications,
  previewApplication,
  saveDraft,
  submitApplication,
  withdrawApplication,
} from '../awards/applicant-service';
import { idempotencyKeySchema } from '../idempotency';
import { openProgrammes } from '../awards/programmes';
import { applicantForFit } from '../awards/programme-applicant';
import { applicantProcedure, authedProcedure } from '../trpc';
import { policySetOn } from '../policy/catalogue';

const id = z.uuid({ error: '记录编号无效' });
const ruleId = plainString({ error: '请选择奖补事项' }).trim().min(1, '请选择奖补事项').max(64);
const version = z.number().int().positive().optional();

/**
 * Programmes open now, with their guide and form: the policy version in force today. For an
 * applicant with a profile, each says whether they may apply and whether their profile very
 * likely qualifies already (highlighted in the mini-program).
 */
export const programmesRouter = {
  open: authedProcedure.query(async ({ ctx }) => {
    const set = policySetOn(todayInShanghai(ctx.now()));
    if (!set) return [];
    // No profile yet: the list is still shown, without fit.
    const applicant =
      ctx.caller.kind === 'applicant'
        ? await applicantForFit(ctx.db.prisma, ctx.caller.userId)
        : null;
    return openProgrammes(set, applicant);
  }),
} satisfies TRPCRouterRecord;

/** An applicant's own award applications. Every query is keyed by the caller; ids of others answer NOT_FOUND. */
export const applicationsRouter = {
  preview: applicantProcedure
    .input(
      z.object({
        ruleId,
        input: z.unknown(),
        evidenceKinds: z.array(plainString().max(64)).max(50).default([]),
        applicationId: id.optional(),
      }),
    )
    // A mutation although it changes nothing: the form travels in the POST body, not in a URL
    // that proxies and logs keep.
    .mutation(async ({ ctx, input }) => {
      const evaluation = await previewApplication(ctx, input);
      return {
        eligible: evaluation.eligible,
        amountFen: evaluation.amount,
        computedAmountFen: evaluation.computedAmount,
        refusals: evaluation.refusals,
        missingEvidence: evaluation.missingEvidence,
        explanation: evaluation.explanation,
      };
    }),

  saveDraft: applicantProcedure
    .input(
      z.object({
        applicationId: id.optional(),
        ruleId,
        input: z.record(plainString(), z.unknown(), { error: '申请内容格式不正确' }),
        /** uploads, 资料库 documents and the registered 收款账户 (evidenceRefSchema) */
        evidence: evidenceRefsSchema,
        expectedVersion: version,
        /** Creating: the client's UUID for this draft, resent on a retry (ignored when updating). */
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => saveDraft(ctx, input)),

  submit: applicantProcedure
    .input(z.object({ applicationId: id, expectedVersion: version }))
    .mutation(({ ctx, input }) => submitApplication(ctx, input)),

  withdraw: applicantProcedure
    .input(
      z.object({
        applicationId: id,
        reason: plainString().trim().max(500).optional(),
        expectedVersion: version,
      }),
    )
    .mutation(({ ctx, input }) => withdrawApplication(ctx, input)),

  /** A draft never submitted is deleted (submitted ones are withdrawn). */
  deleteDraft: applicantProcedure
    .input(z.object({ applicationId: id, expectedVersion: version }))
    .mutation(({ ctx, input }) => deleteDraft(ctx, input)),

  mine: applicantProcedure.query(({ ctx }) => myApplications(ctx)),

  byId: applicantProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => myApplication(ctx, input.id)),
} satisfies TRPCRouterRecord;

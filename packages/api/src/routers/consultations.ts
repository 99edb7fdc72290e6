import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  SUZHOU_FUTURE_2026_DRAFT_TEXT,
  commentAnswerSchema,
  commentSchemaFor,
  consultationSchema,
  feedbackSummarySchema,
} from '@kc/domain';
import {
  answerComment,
  createConsultation,
  myComments,
  officerConsultation,
  officerConsultations,
  publicConsultation,
  publishFeedback,
  publishedConsultations,
  submitComment,
} from '../policy/consultations';
import { applicantProcedure, officerWithRoles, publicProcedure } from '../trpc';

const id = z.uuid({ error: '记录编号无效' });
const version = z.number().int().positive({ error: '版本号无效' });
/** The bureau runs consultations; its reviewers help answer the comments. */
const policyAdmin = officerWithRoles('bureau-admin');
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');

/**
 * 征求意见 (issue 15). Every consultation so far is on the draft's text; a consultation on
 * another version's text checks its clause again when the comment is written.
 */
export const consultationsRouter = {
  published: publicProcedure.query(({ ctx }) => publishedConsultations(ctx)),
  publicById: publicProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => publicConsultation(ctx, input.id)),

  comment: applicantProcedure
    .input(
      z.object({ consultationId: id, comment: commentSchemaFor(SUZHOU_FUTURE_2026_DRAFT_TEXT) }),
    )
    .mutation(({ ctx, input }) => submitComment(ctx, input.consultationId, input.comment)),
  mine: applicantProcedure
    .input(z.object({ consultationId: id.optional() }))
    .query(({ ctx, input }) => myComments(ctx, input.consultationId)),

  list: bureau.query(({ ctx }) => officerConsultations(ctx)),
  byId: bureau
    .input(z.object({ id }))
    .query(({ ctx, input }) => officerConsultation(ctx, input.id)),
  create: policyAdmin
    .input(consultationSchema)
    .mutation(({ ctx, input }) => createConsultation(ctx, input)),
  answer: bureau
    .input(z.object({ commentId: id, expectedVersion: version, answer: commentAnswerSchema }))
    .mutation(({ ctx, input }) => answerComment(ctx, input)),
  publishFeedback: policyAdmin
    .input(
      z.object({
        id,
        expectedVersion: version,
        summary: feedbackSummarySchema,
      }),
    )
    .mutation(({ ctx, input }) => publishFeedback(ctx, input)),
} satisfies TRPCRouterRecord;

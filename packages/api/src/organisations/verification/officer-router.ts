import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  CHANGE_STATUSES,
  CLAIM_STATUSES,
  VERIFICATION_REQUEST_STATUSES,
  codesOf,
  officerDecisionSchema,
} from '@kc/domain';
import { caseworkProcedure } from '../../trpc';
import { claimDetail, listClaims } from './claim-queries';
import { decideVerification } from './decide';
import { decideChange } from './decide-change';
import { decideClaim } from './decide-claim';
import { queueInput } from './list-filter';
import { changeDetail, listChanges, listVerifications, verificationDetail } from './queries';

const byId = z.object({ id: z.uuid({ error: '记录编号无效' }) });
/** The request's id and the officer's decision (a rejection needs a reason of 5+ characters). */
const decideInput = officerDecisionSchema.and(byId);

const verificationsRouter = {
  list: caseworkProcedure
    .input(queueInput(codesOf(VERIFICATION_REQUEST_STATUSES)))
    .query(({ ctx, input }) => listVerifications(ctx, input)),
  byId: caseworkProcedure.input(byId).query(({ ctx, input }) => verificationDetail(ctx, input.id)),
  decide: caseworkProcedure
    .input(decideInput)
    .mutation(({ ctx, input }) => decideVerification(ctx, input.id, input)),
} satisfies TRPCRouterRecord;

const changesRouter = {
  list: caseworkProcedure
    .input(queueInput(codesOf(CHANGE_STATUSES)))
    .query(({ ctx, input }) => listChanges(ctx, input)),
  byId: caseworkProcedure.input(byId).query(({ ctx, input }) => changeDetail(ctx, input.id)),
  decide: caseworkProcedure
    .input(decideInput)
    .mutation(({ ctx, input }) => decideChange(ctx, input.id, input)),
} satisfies TRPCRouterRecord;

const claimsRouter = {
  list: caseworkProcedure
    .input(queueInput(codesOf(CLAIM_STATUSES)))
    .query(({ ctx, input }) => listClaims(ctx, input)),
  byId: caseworkProcedure.input(byId).query(({ ctx, input }) => claimDetail(ctx, input.id)),
  decide: caseworkProcedure
    .input(decideInput)
    .mutation(({ ctx, input }) => decideClaim(ctx, input.id, input)),
} satisfies TRPCRouterRecord;

/**
 * The officers' queues: verifications, change requests and claims (orgReview.*). Area officers
 * see and decide their own area; bureau roles anywhere; finance not at all.
 */
export const orgReviewRouter = {
  verifications: verificationsRouter,
  changes: changesRouter,
  claims: claimsRouter,
} satisfies TRPCRouterRecord;

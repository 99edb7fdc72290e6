import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { changeRequestSchema, claimSubmitSchema, verificationSubmitSchema } from '@kc/domain';
import { applicantProcedure } from '../../trpc';
import { listOwnChanges, submitChange, withdrawChange } from './changes';
import { myClaims, submitClaim, withdrawClaim } from './claims';
import { latestVerification, submitVerification, withdrawVerification } from './submit';

const id = z.uuid({ error: '记录编号无效' });

/** 机构认证 and 变更申请, as the organisation's administrator uses them (myOrg.verification / myOrg.changes). */
export const verificationRouter = {
  /** any member: the status, the latest submission and its decision, the registration flags */
  latest: applicantProcedure.query(({ ctx }) => latestVerification(ctx)),
  submit: applicantProcedure
    .input(verificationSubmitSchema)
    .mutation(({ ctx, input }) => submitVerification(ctx, input)),
  withdraw: applicantProcedure.mutation(({ ctx }) => withdrawVerification(ctx)),
} satisfies TRPCRouterRecord;

export const changesRouter = {
  submit: applicantProcedure
    .input(changeRequestSchema)
    .mutation(({ ctx, input }) => submitChange(ctx, input)),
  list: applicantProcedure.query(({ ctx }) => listOwnChanges(ctx)),
  withdraw: applicantProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => withdrawChange(ctx, input.id)),
} satisfies TRPCRouterRecord;

/** 认领申诉 by someone whose credit code is already registered (claims.*). */
export const claimsRouter = {
  submit: applicantProcedure
    .input(claimSubmitSchema)
    .mutation(({ ctx, input }) => submitClaim(ctx, input)),
  mine: applicantProcedure.query(({ ctx }) => myClaims(ctx)),
  withdraw: applicantProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => withdrawClaim(ctx, input.id)),
} satisfies TRPCRouterRecord;

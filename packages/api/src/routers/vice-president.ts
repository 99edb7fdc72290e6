import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  plainString,
  VP_CALL_ACTION_CODES,
  VP_CALL_STATUS_CODES,
  VP_SECONDMENT_STATUS_CODES,
  vpCallCreateSchema,
  vpCandidateSchema,
  vpEvaluationSchema,
  vpNeedSchema,
  vpPairRuleSchema,
  vpResultSchema,
  vpWorkLogSchema,
} from '@kc/domain';
import { createTRPCRouter, applicantProcedure, authedProcedure, caseworkProcedure } from '../trpc';
import { setAgreementTemplate } from '../vice-president/agreement-template';
import { advanceCall, createCall, getCall, listCalls } from '../vice-president/calls';
import {
  applyToCall,
  callCandidates,
  myApplications,
  withdrawApplication,
} from '../vice-president/candidates';
import { getRun, runMatcher } from '../vice-president/matching';
import {
  clearPairRule,
  explainPair,
  listPairRules,
  setPairRule,
} from '../vice-president/pair-rules';
import {
  callNeeds,
  createNeed,
  myNeeds,
  publishedNeeds,
  updateNeed,
  withdrawNeed,
} from '../vice-president/needs';
import {
  addResult,
  mySecondment,
  mySecondments,
  saveWorkLog,
  uploadAgreement,
} from '../vice-president/secondments';
import {
  endSecondment,
  evaluate,
  listSecondments,
  secondmentDetail,
} from '../vice-president/secondments-officer';

const id = z.uuid({ error: '记录编号无效' });
const pair = z.object({ callId: id, needId: id, candidateId: id });

const callsRouter = {
  list: authedProcedure
    .input(z.object({ status: z.enum(VP_CALL_STATUS_CODES).optional() }).default({}))
    .query(({ ctx, input }) => listCalls(ctx, input)),
  get: authedProcedure
    .input(z.object({ callId: id }))
    .query(({ ctx, input }) => getCall(ctx, input.callId)),
  create: caseworkProcedure
    .input(vpCallCreateSchema)
    .mutation(({ ctx, input }) => createCall(ctx, input)),
  advance: caseworkProcedure
    .input(
      z.object({
        callId: id,
        action: z.enum(VP_CALL_ACTION_CODES, { error: '未知的操作' }),
        expectedVersion: z.number().int().positive().optional(),
        runId: id.optional(),
        comment: plainString().trim().max(500, '理由不能超过500字').optional(),
      }),
    )
    .mutation(({ ctx, input }) => advanceCall(ctx, input)),
  /** the three-party agreement template the parties download (an officer's upload) */
  setAgreementTemplate: caseworkProcedure
    .input(z.object({ callId: id, fileId: id }))
    .mutation(({ ctx, input }) => setAgreementTemplate(ctx, input)),
} satisfies TRPCRouterRecord;

const needsRouter = {
  create: applicantProcedure
    .input(z.object({ callId: id, need: vpNeedSchema, fromNeedId: id.optional() }))
    .mutation(({ ctx, input }) => createNeed(ctx, input.callId, input.need, input.fromNeedId)),
  update: applicantProcedure
    .input(z.object({ needId: id, need: vpNeedSchema }))
    .mutation(({ ctx, input }) => updateNeed(ctx, input.needId, input.need)),
  withdraw: applicantProcedure
    .input(z.object({ needId: id }))
    .mutation(({ ctx, input }) => withdrawNeed(ctx, input.needId)),
  mine: applicantProcedure.query(({ ctx }) => myNeeds(ctx)),
  /** what researchers read before applying (from the collecting stage on) */
  published: authedProcedure
    .input(z.object({ callId: id }))
    .query(({ ctx, input }) => publishedNeeds(ctx, input.callId)),
  ofCall: caseworkProcedure
    .input(
      z.object({
        callId: id,
        areaCode: plainString().max(32).optional(),
        includeWithdrawn: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) => callNeeds(ctx, input)),
} satisfies TRPCRouterRecord;

const candidatesRouter = {
  apply: applicantProcedure
    .input(z.object({ callId: id, application: vpCandidateSchema }))
    .mutation(({ ctx, input }) => applyToCall(ctx, input.callId, input.application)),
  withdraw: applicantProcedure
    .input(z.object({ candidateId: id }))
    .mutation(({ ctx, input }) => withdrawApplication(ctx, input.candidateId)),
  mine: applicantProcedure.query(({ ctx }) => myApplications(ctx)),
  ofCall: caseworkProcedure
    .input(z.object({ callId: id, includeWithdrawn: z.boolean().optional() }))
    .query(({ ctx, input }) => callCandidates(ctx, input)),
} satisfies TRPCRouterRecord;

const matchingRouter = {
  run: caseworkProcedure
    .input(z.object({ callId: id }))
    .mutation(({ ctx, input }) => runMatcher(ctx, input.callId)),
  latest: caseworkProcedure
    .input(z.object({ callId: id, runId: id.optional() }))
    .query(({ ctx, input }) => getRun(ctx, input.callId, input.runId)),
  explain: caseworkProcedure.input(pair).query(({ ctx, input }) => explainPair(ctx, input)),
  rules: caseworkProcedure
    .input(z.object({ callId: id }))
    .query(({ ctx, input }) => listPairRules(ctx, input.callId)),
  setRule: caseworkProcedure
    .input(z.object({ callId: id, rule: vpPairRuleSchema }))
    .mutation(({ ctx, input }) => setPairRule(ctx, input.callId, input.rule)),
  clearRule: caseworkProcedure.input(pair).mutation(({ ctx, input }) => clearPairRule(ctx, input)),
} satisfies TRPCRouterRecord;

const secondmentsRouter = {
  mine: applicantProcedure.query(({ ctx }) => mySecondments(ctx)),
  myDetail: applicantProcedure
    .input(z.object({ secondmentId: id }))
    .query(({ ctx, input }) => mySecondment(ctx, input.secondmentId)),
  uploadAgreement: applicantProcedure
    .input(z.object({ secondmentId: id, fileId: id }))
    .mutation(({ ctx, input }) => uploadAgreement(ctx, input)),
  saveWorkLog: applicantProcedure
    .input(z.object({ secondmentId: id, log: vpWorkLogSchema }))
    .mutation(({ ctx, input }) => saveWorkLog(ctx, input.secondmentId, input.log)),
  addResult: applicantProcedure
    .input(z.object({ secondmentId: id, result: vpResultSchema }))
    .mutation(({ ctx, input }) => addResult(ctx, input.secondmentId, input.result)),
  list: caseworkProcedure
    .input(
      z
        .object({
          callId: id.optional(),
          status: z.enum(VP_SECONDMENT_STATUS_CODES).optional(),
          /** the workbench's 年度待考核 tile */
          due: z.enum(['evaluation']).optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => listSecondments(ctx, input)),
  detail: caseworkProcedure
    .input(z.object({ secondmentId: id }))
    .query(({ ctx, input }) => secondmentDetail(ctx, input.secondmentId)),
  evaluate: caseworkProcedure
    .input(z.object({ secondmentId: id, evaluation: vpEvaluationSchema }))
    .mutation(({ ctx, input }) => evaluate(ctx, input.secondmentId, input.evaluation)),
  end: caseworkProcedure
    .input(
      z.object({
        secondmentId: id,
        kind: z.enum(['complete', 'terminate'], { error: '未知的操作' }),
        reason: plainString().trim().max(500, '理由不能超过500字').optional(),
      }),
    )
    .mutation(({ ctx, input }) => endSecondment(ctx, input)),
} satisfies TRPCRouterRecord;

/**
 * 科技副总 programme. Forms are parsed by the domain schemas (the same ones the mini-program and
 * admin forms use); services check roles, areas and ownership.
 */
export const vicePresidentRouter = createTRPCRouter({
  calls: callsRouter,
  needs: needsRouter,
  candidates: candidatesRouter,
  matching: matchingRouter,
  secondments: secondmentsRouter,
});

import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  FIELD_CODES,
  SELECTION_CALL_ACTION_CODES,
  SELECTION_CALL_STATUS_CODES,
  SELECTION_PROGRAMME_CODES,
  plainString,
  selectionCallSchema,
  submissionTitleSchema,
  PROJECT_REPORT_KIND_CODES,
  PROJECT_STATUS_CODES,
  bureauTerminationSchema,
  decideChangeSchema,
  projectChangeRequestSchema,
  projectContractSchema,
  projectReportSubmissionSchema,
  reviewReportSchema,
  resultDocumentSchema,
  teamSchema,
} from '@kc/domain';
import {
  advanceCall,
  callById,
  createCall,
  listCalls,
  publishedCall,
  publishedCalls,
  updateCall,
} from '../selection/calls';
import {
  callPanels,
  callResults,
  closePanel,
  drawReviewPanel,
  myReviewTasks,
  panelForExpert,
  respondToInvitation,
  submitSheet,
} from '../selection/panels';
import { callDecision, decideCall } from '../selection/decision';
import { answerTeamRequest, teamRequests } from '../selection/team';
import {
  callSubmissions,
  formalCheck,
  mySubmission,
  saveSubmission,
  submitSubmission,
  withdrawSubmission,
} from '../selection/submissions';
import {
  listProjects,
  myProject,
  myProjects,
  projectForOfficer,
  saveContract,
  signContract,
} from '../selection/projects';
import {
  decideChange,
  requestChange,
  reviewReport,
  submitReport,
  terminateProject,
} from '../selection/project-lifecycle';
import {
  acceptanceForExpert,
  drawAcceptancePanel,
  fillAcceptancePanel,
  submitVerdict,
} from '../selection/acceptance';
import { pageInput } from '../paging';
import { applicantProcedure, caseworkProcedure, officerWithRoles, publicProcedure } from '../trpc';

/** Calls are the bureau's to write and run; every caseworker reads them and checks submissions. */
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');
const id = z.uuid({ error: '记录编号无效' });
const version = z.number().int().positive({ error: '版本号无效' });

export const selectionRouter = {
  calls: {
    /** Published calls, for anyone (public pages, the mini-program). */
    published: publicProcedure.query(({ ctx }) => publishedCalls(ctx.db.prisma)),
    publishedById: publicProcedure
      .input(z.object({ id }))
      .query(({ ctx, input }) => publishedCall(ctx.db.prisma, input.id)),

    list: caseworkProcedure
      .input(
        z
          .object({
            status: z.enum(SELECTION_CALL_STATUS_CODES, { error: '未知的指南状态' }).optional(),
            programme: z.enum(SELECTION_PROGRAMME_CODES, { error: '未知的申报类别' }).optional(),
            waiting: z.literal('mine', { error: '未知的筛选条件' }).optional(),
          })
          .default({}),
      )
      .query(({ ctx, input }) => listCalls(ctx, input)),
    byId: caseworkProcedure
      .input(z.object({ id }))
      .query(({ ctx, input }) => callById(ctx, input.id)),
    create: bureau.input(selectionCallSchema).mutation(({ ctx, input }) => createCall(ctx, input)),
    update: bureau
      .input(z.object({ id, expectedVersion: version, call: selectionCallSchema }))
      .mutation(({ ctx, input }) => updateCall(ctx, input.id, input.expectedVersion, input.call)),
    advance: bureau
      .input(
        z.object({
          id,
          expectedVersion: version,
          action: z.enum(SELECTION_CALL_ACTION_CODES, { error: '未知的操作' }),
          /** 确定结果 (conclude): the document the result is issued under */
          document: resultDocumentSchema.optional(),
        }),
      )
      .mutation(({ ctx, input }) =>
        advanceCall(ctx, input.id, input.expectedVersion, input.action, input.document),
      ),
    submissions: caseworkProcedure
      .input(z.object({ id }))
      .query(({ ctx, input }) => callSubmissions(ctx, input.id)),
  },

  submissions: {
    /** The caller's organisation's submission to a call, or null. */
    mine: applicantProcedure
      .input(z.object({ callId: id }))
      .query(({ ctx, input }) => mySubmission(ctx, input.callId)),
    save: applicantProcedure
      .input(
        z.object({
          callId: id,
          expectedVersion: version.optional(),
          title: submissionTitleSchema,
          // Checked against the programme's form on submit; a draft may be incomplete.
          form: z.record(plainString(), z.unknown(), { error: '申报内容格式不正确' }),
          team: teamSchema.default([]),
          evidence: z
            .array(z.object({ kind: plainString().max(64), fileId: id }))
            .max(30, { error: '材料不超过30份' })
            .default([]),
          /** 揭榜挂帅: the published technology need the submission answers */
          needId: id.nullable().optional(),
        }),
      )
      .mutation(({ ctx, input }) => saveSubmission(ctx, input)),
    submit: applicantProcedure
      .input(z.object({ id, expectedVersion: version }))
      .mutation(({ ctx, input }) => submitSubmission(ctx, input.id, input.expectedVersion)),
    withdraw: applicantProcedure
      .input(z.object({ id, expectedVersion: version }))
      .mutation(({ ctx, input }) => withdrawSubmission(ctx, input.id, input.expectedVersion)),
    formalCheck: caseworkProcedure
      .input(
        z.object({
          id,
          expectedVersion: version,
          action: z.enum(['pass', 'return', 'reject'], { error: '请选择审查结论' }),
          comment: plainString().trim().max(500, { error: '审查意见不能超过500字' }).optional(),
        }),
      )
      .mutation(({ ctx, input }) => formalCheck(ctx, input)),
  },

  /** 专家评审: panels drawn by the bureau, followed by every caseworker. */
  panels: {
    draw: bureau
      .input(
        z.object({
          callId: id,
          name: plainString({ error: '请填写评审组名称' })
            .trim()
            .min(2, '评审组名称至少2个字')
            .max(40, '评审组名称不能超过40个字'),
          fieldCode: z.enum(FIELD_CODES, { error: '请选择评审组的产业领域' }),
          submissionIds: z.array(id).min(1, { error: '请选择本组评审的申报' }).max(200),
        }),
      )
      .mutation(({ ctx, input }) => drawReviewPanel(ctx, input)),
    ofCall: caseworkProcedure
      .input(z.object({ callId: id }))
      .query(({ ctx, input }) => callPanels(ctx, input.callId)),
    close: bureau.input(z.object({ id })).mutation(({ ctx, input }) => closePanel(ctx, input.id)),
    results: caseworkProcedure
      .input(z.object({ callId: id }))
      .query(({ ctx, input }) => callResults(ctx, input.callId)),
  },

  /** 合作确认: the parts the caller's organisation is named for in others' team submissions. */
  team: {
    requests: applicantProcedure.query(({ ctx }) => teamRequests(ctx)),
    answer: applicantProcedure
      .input(
        z.object({
          memberId: id,
          confirm: z.boolean({ error: '请选择确认或谢绝' }),
          reason: plainString().trim().max(200, { error: '原因不能超过200字' }).optional(),
        }),
      )
      .mutation(({ ctx, input }) => answerTeamRequest(ctx, input)),
  },

  /** 拟定结果: the bureau's choice from the ranking, within quota and budget, departures reasoned. */
  decision: {
    get: bureau
      .input(z.object({ callId: id }))
      .query(({ ctx, input }) => callDecision(ctx, input.callId)),
    save: bureau
      .input(
        z.object({
          callId: id,
          expectedVersion: version,
          choices: z
            .array(
              z.object({
                id,
                selected: z.boolean({ error: '请选择是否入选' }),
                category: z.enum(['A', 'B', 'C'], { error: '未知的团队类别' }).nullish(),
                reason: plainString().trim().max(500, { error: '理由不能超过500字' }).nullish(),
              }),
              { error: '请对每项申报作出决定' },
            )
            .max(2000),
        }),
      )
      .mutation(({ ctx, input }) => decideCall(ctx, input)),
  },

  /** An expert's side of the review: invitations, the panel's submissions, their own sheets. */
  reviews: {
    mine: applicantProcedure.query(({ ctx }) => myReviewTasks(ctx)),
    respond: applicantProcedure
      .input(
        z.object({
          assignmentId: id,
          accept: z.boolean({ error: '请选择是否参加' }),
          reason: plainString().trim().max(200, { error: '原因不能超过200字' }).optional(),
        }),
      )
      .mutation(({ ctx, input }) => respondToInvitation(ctx, input)),
    panel: applicantProcedure
      .input(z.object({ assignmentId: id }))
      .query(({ ctx, input }) => panelForExpert(ctx, input.assignmentId)),
    score: applicantProcedure
      .input(z.object({ assignmentId: id, submissionId: id, sheet: z.unknown() }))
      .mutation(({ ctx, input }) => submitSheet(ctx, input)),
    /** 项目验收: the final report an acceptance panel reads, and the expert's own verdict */
    acceptance: applicantProcedure
      .input(z.object({ assignmentId: id }))
      .query(({ ctx, input }) => acceptanceForExpert(ctx, input.assignmentId)),
    /** 提出验收意见 (checked against acceptanceSheetSchema), or 申明回避 */
    verdict: applicantProcedure
      .input(z.object({ assignmentId: id, sheet: z.unknown() }))
      .mutation(({ ctx, input }) => submitVerdict(ctx, input)),
  },

  /** 项目: the projects concluded key-project calls made, from the 任务书 on. */
  projects: {
    list: caseworkProcedure
      .input(
        z
          .object({
            ...pageInput,
            status: z.enum(PROJECT_STATUS_CODES, { error: '未知的项目状态' }).optional(),
            callId: id.optional(),
          })
          .default({ page: 1, pageSize: 20 }),
      )
      .query(({ ctx, input }) => listProjects(ctx, input)),
    byId: caseworkProcedure
      .input(z.object({ id }))
      .query(({ ctx, input }) => projectForOfficer(ctx, input.id)),
    saveContract: bureau
      .input(z.object({ id, expectedVersion: version, contract: projectContractSchema }))
      .mutation(({ ctx, input }) =>
        saveContract(ctx, input.id, input.expectedVersion, input.contract),
      ),
    /** The caller's organisation's projects, and one of them. */
    mine: applicantProcedure.query(({ ctx }) => myProjects(ctx)),
    mineById: applicantProcedure
      .input(z.object({ id }))
      .query(({ ctx, input }) => myProject(ctx, input.id)),
    /** 签订任务书 (the organisation's administrator): the first tranche is raised with it */
    sign: applicantProcedure
      .input(z.object({ id, expectedVersion: version }))
      .mutation(({ ctx, input }) => signContract(ctx, input.id, input.expectedVersion)),
    /** 中期报告 / 结题验收报告 with its files (the organisation's administrator) */
    submitReport: applicantProcedure
      .input(z.object({ id, expectedVersion: version }).and(projectReportSubmissionSchema))
      .mutation(({ ctx, input }) => submitReport(ctx, input)),
    /** 审查 a report: passing releases the tranches the contract ties to it */
    reviewReport: bureau
      .input(
        reviewReportSchema.extend({
          id,
          expectedVersion: version,
          kind: z.enum(PROJECT_REPORT_KIND_CODES, { error: '未知的报告类型' }),
        }),
      )
      .mutation(({ ctx, input }) => reviewReport(ctx, input)),
    /** 抽取验收专家组 for the submitted final report: drawn at random, the seed recorded */
    drawAcceptancePanel: bureau
      .input(z.object({ id }))
      .mutation(({ ctx, input }) => drawAcceptancePanel(ctx, input)),
    /** 递补: places left by declines and conflicts go to the reserves, in the order drawn */
    fillAcceptancePanel: bureau
      .input(z.object({ id }))
      .mutation(({ ctx, input }) => fillAcceptancePanel(ctx, input)),
    /** 延期 / 变更 / 终止 申请 (the organisation's administrator) */
    requestChange: applicantProcedure
      .input(z.object({ id, expectedVersion: version, request: projectChangeRequestSchema }))
      .mutation(({ ctx, input }) => requestChange(ctx, input)),
    decideChange: bureau
      .input(decideChangeSchema.extend({ id, changeId: id, expectedVersion: version }))
      .mutation(({ ctx, input }) => decideChange(ctx, input)),
    /** 终止 by the bureau, with a reason */
    terminate: bureau
      .input(bureauTerminationSchema.extend({ id, expectedVersion: version }))
      .mutation(({ ctx, input }) => terminateProject(ctx, input)),
  },
} satisfies TRPCRouterRecord;

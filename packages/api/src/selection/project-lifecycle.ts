import type { Prisma, TransactionClient } from '@kc/db';
import { isUniqueViolationOfIndex } from '@kc/db';
import type {
  ProjectChangeRequest,
  ProjectContract,
  ProjectReportBody,
  ProjectReportKind,
  ProjectReportStatus,
  ProjectStatus,
  ReportAttachment,
  ReportOutcome,
  TerminationReason,
} from '@kc/domain';
import {
  addCalendarMonths,
  cappedItemKey,
  changeProblems,
  projectChangeKindName,
  projectReportKindName,
  projectStatusName,
  reportAttachmentProblems,
  reportProblems,
  reportRefusal,
  reviewEffect,
  selectionSettingsVersion,
  terminationReasonName,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { decodeJson, encodeJson } from '../awards/codec';
import { changeStatus } from '../awards/transition';
import { appError } from '../errors';
import { notifyOrganisation } from '../notifications/write';
import { requireOrgAdmin } from '../organisations/membership';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';
import { acceptanceDecision, closeAcceptancePanel, closeOpenAcceptancePanels } from './acceptance';
import { lockedProject, officerProjectDetail, projectDetail } from './projects';
import { releaseTranches, TRANCHE_RULE } from './project-tranches';

/**
 * After signing (issue 14, 四.2): the unit reports (中期报告, 结题验收报告) and the bureau reviews;
 * the unit asks for changes (延期, 变更, 终止) and the bureau decides; the bureau may terminate on
 * its own. Passing a report releases the tranches the contract ties to it (project-tranches.ts);
 * ending a project withdraws the tranches still waiting for approval. What each step may do is the
 * domain's (project-reports.ts, project-changes.ts); here it is done in one transaction, with the
 * project row locked, audited and told to the unit.
 */

const CHANGED = '该项目刚被他人更新，请刷新后再试';
const ONE_PENDING = '项目已有待审批的变更申请，审批后才能再次申请';

function problemsRefusal(problems: Record<string, string[]>, prefix: string) {
  const [first] = Object.values(problems).flat();
  return appError('INVALID_INPUT', {
    message: first ?? '内容不完整',
    fieldErrors: Object.fromEntries(
      Object.entries(problems).map(([path, m]) => [
        path === '_form' ? path : `${prefix}${path}`,
        m,
      ]),
    ),
  });
}

async function ownProject(tx: TransactionClient, ctx: ApplicantCtx, id: string, version: number) {
  const membership = await requireOrgAdmin(tx, ctx.caller.userId);
  const p = await lockedProject(tx, id);
  // Another organisation's project answers exactly like a missing one.
  if (p.organisationId !== membership.organisation.id) throw appError('NOT_FOUND');
  if (p.version !== version) throw appError('STALE_VERSION', { message: CHANGED });
  return p;
}

/**
 * A report's files must be the caller's own uploads, or files the report already had: a returned
 * report is corrected keeping the files the unit did not remove, whichever administrator sent
 * them. Someone else's file id answers as a file that is not there.
 */
async function checkReportFiles(
  tx: TransactionClient,
  userId: string,
  attachments: readonly ReportAttachment[],
  kept: ReadonlyMap<string, unknown>,
) {
  const ids = [...new Set(attachments.map((a) => a.fileId))].filter((id) => !kept.has(id));
  if (ids.length === 0) return;
  const owned = await tx.storedFile.count({ where: { id: { in: ids }, ownerUserId: userId } });
  if (owned !== ids.length) {
    const message = '附件文件不存在或不是您上传的，请重新上传';
    throw appError('INVALID_INPUT', { message, fieldErrors: { attachments: [message] } });
  }
}

/**
 * 提交中期报告 / 结题验收报告 (the lead unit's administrator), with its files
 * (PROJECT_REPORT_ATTACHMENTS); a returned one is submitted again, its files replaced by the ones
 * sent now.
 */
export async function submitReport(
  ctx: ApplicantCtx,
  input: {
    id: string;
    expectedVersion: number;
    kind: ProjectReportKind;
    body: ProjectReportBody;
    attachments: ReportAttachment[];
  },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await ownProject(tx, ctx, input.id, input.expectedVersion);
    const reports = await tx.projectReport.findMany({
      where: { projectId: p.id },
      include: { files: { select: { fileId: true, createdAt: true } } },
    });
    const refusal = reportRefusal(
      input.kind,
      { status: p.status as ProjectStatus },
      reports.map((r) => ({
        kind: r.kind as ProjectReportKind,
        status: r.status as ProjectReportStatus,
      })),
    );
    if (refusal) throw appError('INVALID_TRANSITION', { message: refusal });
    const contract = decodeJson<ProjectContract>(p.contract) as ProjectContract;
    const problems = reportProblems(input.body, contract);
    if (Object.keys(problems).length > 0) throw problemsRefusal(problems, 'body.');
    const fileProblems = reportAttachmentProblems(input.kind, input.attachments);
    if (fileProblems.length > 0) throw problemsRefusal({ attachments: fileProblems }, '');
    const existing = reports.find((r) => r.kind === input.kind);
    // When each file still attached was first attached (a resubmission keeps it).
    const attachedAt = new Map(existing?.files.map((f) => [f.fileId, f.createdAt]));
    await checkReportFiles(tx, ctx.caller.userId, input.attachments, attachedAt);
    const now = ctx.now();
    const body = encodeJson(input.body);
    const report = existing
      ? await tx.projectReport.update({
          where: { id: existing.id },
          data: {
            status: 'submitted',
            body,
            submissions: { increment: 1 },
            submittedBy: ctx.caller.userId,
            submittedAt: now,
            reviewedBy: null,
            reviewedAt: null,
            version: { increment: 1 },
            updatedAt: now,
          },
        })
      : await tx.projectReport.create({
          data: {
            projectId: p.id,
            kind: input.kind,
            body,
            submittedBy: ctx.caller.userId,
            submittedAt: now,
            createdAt: now,
            updatedAt: now,
          },
        });
    await tx.projectReportFile.deleteMany({ where: { reportId: report.id } });
    await tx.projectReportFile.createMany({
      data: input.attachments.map((a, i) => ({
        reportId: report.id,
        kind: a.kind,
        fileId: a.fileId,
        position: i + 1,
        createdAt: attachedAt.get(a.fileId) ?? now,
      })),
    });
    await tx.project.update({
      where: { id: p.id },
      data: {
        // The final report opens the acceptance (验收中).
        ...(input.kind === 'final' ? { status: 'accepting' } : {}),
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'project.report.submit',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        reportKind: input.kind,
        submissions: report.submissions,
        files: input.attachments.length,
      },
    });
    return projectDetail(tx, await lockedProject(tx, p.id));
  });
}

/** Ends a project: its waiting tranches are withdrawn and the reason recorded as a change. */
async function endProject(
  tx: TransactionClient,
  ctx: OfficerCtx,
  p: { id: string; number: string; organisationId: string; status: string },
  ending: { reason: TerminationReason; text: string; changeId?: string },
) {
  const now = ctx.now();
  await tx.project.update({
    where: { id: p.id },
    data: { status: 'terminated', version: { increment: 1 }, updatedAt: now },
  });
  // An acceptance panel still reviewing has nothing left to review.
  await closeOpenAcceptancePanels(tx, p.id, now);
  if (!ending.changeId) {
    // A request still pending is answered by the termination itself.
    await tx.projectChange.updateMany({
      where: { projectId: p.id, status: 'pending' },
      data: {
        status: 'rejected',
        decidedBy: ctx.caller.userId,
        decidedAt: now,
        decisionComment: '项目已终止',
        updatedAt: now,
      },
    });
    await tx.projectChange.create({
      data: {
        projectId: p.id,
        kind: 'termination',
        status: 'approved',
        reason: ending.text,
        terminationReason: ending.reason,
        requestedBy: ctx.caller.userId,
        requestedAt: now,
        decidedBy: ctx.caller.userId,
        decidedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
  }
  // Tranches not yet approved are not paid: they leave the queue with the reason.
  const waiting = await tx.application.findMany({
    where: {
      ruleId: TRANCHE_RULE,
      organisationId: p.organisationId,
      status: 'bureau-review',
      itemKey: cappedItemKey(TRANCHE_RULE, p.organisationId, p.number),
    },
    select: { id: true, status: true, version: true },
  });
  for (const app of waiting)
    await changeStatus(tx, app, {
      to: 'rejected',
      action: 'reject',
      actor: { userId: ctx.caller.userId, role: ctx.caller.role },
      at: now,
      comment: `项目已终止（${terminationReasonName(ending.reason)}），本期资金不再拨付`,
      data: { decidedAt: now },
    });
  return waiting.length;
}

/** 审查 a submitted report (the bureau): pass, return for edits, or fail. */
export async function reviewReport(
  ctx: OfficerCtx,
  input: {
    id: string;
    kind: ProjectReportKind;
    expectedVersion: number;
    outcome: ReportOutcome;
    comment?: string | undefined;
    /** a final report: why the outcome departs from the acceptance panel's majority */
    departureReason?: string | undefined;
  },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await lockedProject(tx, input.id);
    if (p.version !== input.expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    const report = await tx.projectReport.findUnique({
      where: { projectId_kind: { projectId: p.id, kind: input.kind } },
    });
    const kindName = projectReportKindName(input.kind);
    if (!report || report.status !== 'submitted')
      throw appError('INVALID_TRANSITION', { message: `没有待审查的${kindName}` });
    const effect = reviewEffect(input.kind, input.outcome);
    const comment = input.comment?.trim() ?? '';
    if (effect.commentRequired && !comment)
      throw appError('INVALID_INPUT', {
        message: '退回或不通过须填写审查意见',
        fieldErrors: { comment: ['退回或不通过须填写审查意见'] },
      });
    // The final report is decided on its acceptance panel's conclusion (验收专家组).
    const acceptance =
      input.kind === 'final'
        ? await acceptanceDecision(tx, report, input.outcome, input.departureReason)
        : null;
    const now = ctx.now();
    if (acceptance) await closeAcceptancePanel(tx, acceptance, now);
    await tx.projectReport.update({
      where: { id: report.id },
      data: {
        status: effect.reportStatus,
        reviewedBy: ctx.caller.userId,
        reviewedAt: now,
        comment: comment || null,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    const contract = decodeJson<ProjectContract>(p.contract) as ProjectContract;
    const released = effect.releases
      ? await releaseTranches(tx, ctx, p, contract, effect.releases, {
          userId: ctx.caller.userId,
          role: ctx.caller.role,
        })
      : [];
    if (effect.terminationReason)
      await endProject(tx, ctx, p, {
        reason: effect.terminationReason,
        text: `${kindName}审查不通过：${comment}`,
      });
    else
      await tx.project.update({
        where: { id: p.id },
        data: {
          ...(effect.projectStatus ? { status: effect.projectStatus } : {}),
          version: { increment: 1 },
          updatedAt: now,
        },
      });
    const outcomeText = { pass: '审查通过', return: '退回修改', fail: '审查不通过' }[input.outcome];
    await notifyOrganisation(tx, p.organisationId, {
      kind: 'project.report.reviewed',
      title: `${kindName}${outcomeText}：${p.title}`,
      body:
        `项目 ${p.number} 的${kindName}${outcomeText}${comment ? `。审查意见：${comment}` : '。'}` +
        (released.length > 0 ? `已按任务书生成拨付申请 ${released.join('、')}。` : ''),
      at: now,
      link: { page: 'project', id: p.id },
    });
    await writeAudit(tx, ctx, {
      action: 'project.report.review',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        reportKind: input.kind,
        outcome: input.outcome,
        ...(comment ? { comment } : {}),
        ...(released.length > 0 ? { tranches: released } : {}),
        ...(acceptance?.record ?? {}),
      },
    });
    return officerProjectDetail(tx, await lockedProject(tx, p.id));
  });
}

/** 延期 / 变更 / 终止 申请 (the lead unit's administrator): one pending at a time. */
export async function requestChange(
  ctx: ApplicantCtx,
  input: { id: string; expectedVersion: number; request: ProjectChangeRequest },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await ownProject(tx, ctx, input.id, input.expectedVersion);
    const extensionsApproved = await tx.projectChange.count({
      where: { projectId: p.id, kind: 'extension', status: 'approved' },
    });
    const settings = selectionSettingsVersion(p.settingsVersion).project;
    const problems = changeProblems(
      input.request,
      { status: p.status as ProjectStatus, extensionsApproved },
      settings,
    );
    if (Object.keys(problems).length > 0) throw problemsRefusal(problems, 'request.');
    const pending = await tx.projectChange.count({
      where: { projectId: p.id, status: 'pending' },
    });
    if (pending > 0) throw appError('INVALID_TRANSITION', { message: ONE_PENDING });
    const now = ctx.now();
    const r = input.request;
    // The project row is locked, so the count above decides; the index is the last word.
    try {
      await tx.projectChange.create({
        data: {
          projectId: p.id,
          kind: r.kind,
          reason: r.reason.trim(),
          months: r.kind === 'extension' ? r.months : null,
          terminationReason: r.kind === 'termination' ? r.terminationReason : null,
          requestedBy: ctx.caller.userId,
          requestedAt: now,
          createdAt: now,
          updatedAt: now,
        },
      });
    } catch (e) {
      if (isUniqueViolationOfIndex(e, 'project_change_one_pending', ['project_id']))
        throw appError('INVALID_TRANSITION', { message: ONE_PENDING });
      throw e;
    }
    await tx.project.update({
      where: { id: p.id },
      data: { version: { increment: 1 }, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'project.change.request',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        changeKind: r.kind,
        ...(r.kind === 'extension' ? { months: r.months } : {}),
      },
    });
    return projectDetail(tx, await lockedProject(tx, p.id));
  });
}

/** 审批 a change request (the bureau): approve or reject, with a comment for a rejection. */
export async function decideChange(
  ctx: OfficerCtx,
  input: {
    id: string;
    changeId: string;
    expectedVersion: number;
    decision: 'approve' | 'reject';
    comment?: string | undefined;
  },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await lockedProject(tx, input.id);
    if (p.version !== input.expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    const change = await tx.projectChange.findFirst({
      where: { id: input.changeId, projectId: p.id },
    });
    if (!change || change.status !== 'pending')
      throw appError('INVALID_TRANSITION', { message: '该申请已审批或不存在' });
    const comment = input.comment?.trim() ?? '';
    if (input.decision === 'reject' && !comment)
      throw appError('INVALID_INPUT', {
        message: '不同意须填写理由',
        fieldErrors: { comment: ['不同意须填写理由'] },
      });
    const now = ctx.now();
    const contract = decodeJson<ProjectContract>(p.contract) as ProjectContract;
    const extension =
      input.decision === 'approve' && change.kind === 'extension' && change.months
        ? { before: contract.endOn, after: addCalendarMonths(contract.endOn, change.months) }
        : null;
    await tx.projectChange.update({
      where: { id: change.id },
      data: {
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: ctx.caller.userId,
        decidedAt: now,
        decisionComment: comment || null,
        ...(extension ? { endOnBefore: extension.before, endOnAfter: extension.after } : {}),
        updatedAt: now,
      },
    });
    if (input.decision === 'approve' && change.kind === 'termination')
      await endProject(tx, ctx, p, {
        reason: change.terminationReason as TerminationReason,
        text: change.reason,
        changeId: change.id,
      });
    else
      await tx.project.update({
        where: { id: p.id },
        data: {
          ...(extension
            ? {
                contract: encodeJson({
                  ...contract,
                  endOn: extension.after,
                }) as Prisma.InputJsonValue,
              }
            : {}),
          version: { increment: 1 },
          updatedAt: now,
        },
      });
    const verdict = input.decision === 'approve' ? '同意' : '不同意';
    await notifyOrganisation(tx, p.organisationId, {
      kind: 'project.change.decided',
      title: `${projectChangeKindName(change.kind)}申请：${verdict}`,
      body:
        `项目 ${p.number} 的${projectChangeKindName(change.kind)}申请，市科技局意见：${verdict}` +
        (extension ? `，实施期限延至 ${extension.after}` : '') +
        (comment ? `。${comment}` : '。'),
      at: now,
      link: { page: 'project', id: p.id },
    });
    await writeAudit(tx, ctx, {
      action: 'project.change.decide',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        changeKind: change.kind,
        decision: input.decision,
        ...(extension ? { endOn: extension.after } : {}),
        ...(comment ? { comment } : {}),
      },
    });
    return officerProjectDetail(tx, await lockedProject(tx, p.id));
  });
}

/** 终止 by the bureau on its own, with a reason; a project not yet signed may be ended too. */
export async function terminateProject(
  ctx: OfficerCtx,
  input: {
    id: string;
    expectedVersion: number;
    terminationReason: TerminationReason;
    reason: string;
  },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await lockedProject(tx, input.id);
    if (p.version !== input.expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    if (p.status === 'completed' || p.status === 'terminated')
      throw appError('INVALID_TRANSITION', {
        message: `项目当前为“${projectStatusName(p.status)}”，不能终止`,
      });
    const withdrawn = await endProject(tx, ctx, p, {
      reason: input.terminationReason,
      text: input.reason.trim(),
    });
    await notifyOrganisation(tx, p.organisationId, {
      kind: 'project.terminated',
      title: `项目终止：${p.title}`,
      body: `项目 ${p.number} 已由市科技局终止（${terminationReasonName(input.terminationReason)}）：${input.reason.trim()}`,
      at: ctx.now(),
      link: { page: 'project', id: p.id },
    });
    await writeAudit(tx, ctx, {
      action: 'project.terminate',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        terminationReason: input.terminationReason,
        reason: input.reason.trim(),
        withdrawnTranches: withdrawn,
      },
    });
    return officerProjectDetail(tx, await lockedProject(tx, p.id));
  });
}

import { randomBytes } from 'node:crypto';
import { Prisma } from '@kc/db';
import type { SelectionCall, TransactionClient } from '@kc/db';
import type { ApplicationFacts, ExpertFacts, Rubric, SelectionProgramme } from '@kc/domain';
import {
  EXCLUSION_REASONS,
  aggregatePanel,
  drawPanel,
  fieldName,
  formatPoints,
  issuePath,
  nextReserve,
  rankApplications,
  scoreSheetSchema,
  selectionSettingsVersion,
  talentCategoryOf,
} from '@kc/domain';
import { areaScope } from '../access';
import { writeAudit } from '../audit';
import { decodeJson, encodeJson } from '../awards/codec';
import { appError } from '../errors';
import { notify } from '../notifications/write';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';
import {
  lockedAcceptancePanel,
  readAcceptancePanel,
  tellBureauWhenComplete,
} from './acceptance-complete';
import { conclusionOf } from './acceptance-panel';

/**
 * 专家评审 (issue 14): panels drawn at random from the expert pool for a group of a call's
 * submissions, experts accepting or declining (a reserve takes a declined place), scoring against
 * the call's rubric, and the ranking once every panel has closed. The draw, the sheets and the
 * aggregation are the domain's (selection/); this module loads the facts and keeps the record.
 */

type Tx = TransactionClient;

/** The pool as the draw sees it: every expert, with their units by name and credit code. */
export async function expertFacts(tx: Tx): Promise<ExpertFacts[]> {
  const experts = await tx.expert.findMany();
  return experts.map((e) => ({
    id: e.id,
    status: e.status as ExpertFacts['status'],
    fieldCodes: e.fieldCodes,
    units: [e.unitName, ...(e.unitCreditCode ? [e.unitCreditCode] : [])],
    conflicts: e.conflicts,
  }));
}

/**
 * Who reviewed which applicant organisation in `year`: the scores of that year's calls, and the
 * verdicts of acceptance panels drawn that year (Asia/Shanghai) on the lead unit's project.
 */
export async function reviewsOfYear(tx: Tx, year: number) {
  const [scores, verdicts] = await Promise.all([
    tx.reviewScore.findMany({
      where: { assignment: { panel: { call: { year } } } },
      select: {
        assignment: { select: { expertId: true } },
        submission: { select: { organisationId: true } },
      },
    }),
    tx.acceptanceVerdict.findMany({
      where: {
        assignment: {
          panel: {
            kind: 'acceptance',
            createdAt: {
              gte: new Date(`${year}-01-01T00:00:00+08:00`),
              lt: new Date(`${year + 1}-01-01T00:00:00+08:00`),
            },
          },
        },
      },
      select: {
        assignment: {
          select: {
            expertId: true,
            panel: {
              select: {
                projectReport: { select: { project: { select: { organisationId: true } } } },
              },
            },
          },
        },
      },
    }),
  ]);
  return [
    ...scores.map((r) => ({
      expertId: r.assignment.expertId,
      applicantId: r.submission.organisationId,
    })),
    ...verdicts.flatMap((v) => {
      const project = v.assignment.panel.projectReport?.project;
      return project
        ? [{ expertId: v.assignment.expertId, applicantId: project.organisationId }]
        : [];
    }),
  ];
}

/**
 * What the draw sees of a submission: the applicant organisation (by name and credit code), each
 * team member's unit and person. A project's acceptance panel is drawn on its submission's.
 */
export function applicationFacts(s: {
  id: string;
  organisationId: string;
  organisation: { name: string; creditCode: string };
  members: readonly {
    unitName: string;
    unitCreditCode: string | null;
    personName: string | null;
  }[];
}): ApplicationFacts {
  return {
    id: s.id,
    applicantId: s.organisationId,
    units: [
      s.organisation.name,
      s.organisation.creditCode,
      ...s.members.flatMap((m) => [m.unitName, ...(m.unitCreditCode ? [m.unitCreditCode] : [])]),
    ],
    people: s.members.flatMap((m) => (m.personName ? [m.personName] : [])),
  };
}

export async function drawReviewPanel(
  ctx: OfficerCtx,
  req: { callId: string; name: string; fieldCode: string; submissionIds: string[] },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM selection_call WHERE id = ${req.callId}::uuid FOR UPDATE`;
    const call = await tx.selectionCall.findUnique({ where: { id: req.callId } });
    if (!call) throw appError('NOT_FOUND');
    if (call.status !== 'expert-review')
      throw appError('INVALID_TRANSITION', { message: '申报指南进入专家评审阶段后才能抽取专家' });
    const submissions = await tx.selectionSubmission.findMany({
      where: { id: { in: req.submissionIds }, callId: call.id },
      include: { organisation: true, members: true },
    });
    if (submissions.length !== new Set(req.submissionIds).size)
      throw appError('INVALID_INPUT', { message: '所选申报不属于本指南' });
    const unfit = submissions.find((s) => s.status !== 'passed' || s.panelId !== null);
    if (unfit)
      throw appError('INVALID_INPUT', {
        message: `申报${unfit.number}${unfit.panelId ? '已分入其他评审组' : '未通过形式审查'}`,
      });
    const applications = submissions.map(applicationFacts);
    const settings = selectionSettingsVersion(call.settingsVersion);
    // The seed comes from a cryptographic source and is recorded: the draw is random, and replayable.
    const seed = randomBytes(16).toString('hex');
    const draw = drawPanel({
      group: { fieldCode: req.fieldCode, applications },
      experts: await expertFacts(tx),
      reviewedLastYear: await reviewsOfYear(tx, call.year - 1),
      settings,
      seed,
    });
    if (!draw.ok) throw appError('PANEL_POOL_TOO_SMALL', { message: draw.message });
    const panel = await tx.reviewPanel.create({
      data: {
        callId: call.id,
        name: req.name,
        fieldCode: req.fieldCode,
        seeds: [seed],
        settingsVersion: settings.version,
        pool: [...draw.pool],
        createdBy: ctx.caller.userId,
        createdAt: now,
        updatedAt: now,
        assignments: {
          create: [...draw.members, ...draw.reserves].map((expertId, position) => ({
            expertId,
            position,
            status: position < draw.members.length ? 'invited' : 'reserve',
            createdAt: now,
          })),
        },
      },
    });
    await tx.selectionSubmission.updateMany({
      where: { id: { in: submissions.map((s) => s.id) } },
      data: { panelId: panel.id, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'selection.panel.draw',
      objectType: 'review_panel',
      objectId: panel.id,
      details: {
        name: panel.name,
        call: call.number,
        seed,
        pool: draw.pool.length,
        members: draw.members.length,
        reserves: draw.reserves.length,
        excluded: draw.excluded.length,
      },
    });
    await inviteExperts(tx, draw.members, `“${call.title}”${panel.name}`, now);
    return panelDto(tx, panel.id, draw.excluded);
  });
}

/** Tells the experts drawn (or promoted from the reserves) that they are invited to `panelText`. */
export async function inviteExperts(
  tx: Tx,
  expertIds: readonly string[],
  panelText: string,
  at: Date,
) {
  const experts = await tx.expert.findMany({ where: { id: { in: [...expertIds] } } });
  for (const e of experts)
    await notify(tx, {
      userId: e.userId,
      kind: 'selection.review-invitation',
      at,
      title: '评审邀请',
      body: `您被抽取为${panelText}的评审专家，请在“专家库—评审任务”中确认是否参加。`,
    });
}

/**
 * Invites the first `count` reserves not yet used, in the order drawn — never experts an officer
 * picks. Returns the experts invited (fewer when the reserves run out).
 */
export async function promoteReserves(tx: Tx, panelId: string, count: number) {
  const reserves = (
    await tx.reviewAssignment.findMany({
      where: { panelId, status: 'reserve' },
      orderBy: { position: 'asc' },
      select: { expertId: true },
    })
  ).map((r) => r.expertId);
  const promoted: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = nextReserve(reserves, promoted);
    if (!next) break;
    promoted.push(next);
  }
  if (promoted.length > 0)
    await tx.reviewAssignment.updateMany({
      where: { panelId, expertId: { in: promoted } },
      data: { status: 'invited' },
    });
  return promoted;
}

/** How a panel is named to its experts, and where its experts' steps are audited. */
function panelSubject(panel: PanelWithSubject) {
  const project = panel.projectReport?.project;
  if (panel.kind === 'acceptance' && project)
    return {
      acceptance: true,
      title: project.title,
      text: `项目“${project.title}”（${project.number}）验收专家组`,
      audit: { objectType: 'project', objectId: project.id, areaCode: project.areaCode },
    } as const;
  return {
    acceptance: false,
    title: panel.call?.title ?? '',
    text: `“${panel.call?.title ?? ''}”${panel.name}`,
    audit: { objectType: 'review_panel', objectId: panel.id, areaCode: null },
  } as const;
}

/** A panel as officers follow it: who is on it and how far the scoring is, no score before it closes. */
export async function panelDto(
  tx: Tx,
  panelId: string,
  excluded: readonly {
    expertId: string;
    codes: readonly (keyof typeof EXCLUSION_REASONS)[];
  }[] = [],
  /** an area officer's area: the panel's submissions of other areas are not listed */
  areaCode?: string,
) {
  const panel = await tx.reviewPanel.findUniqueOrThrow({
    where: { id: panelId },
    include: {
      assignments: { include: { expert: true, scores: true }, orderBy: { position: 'asc' } },
      submissions: {
        where: areaCode ? { areaCode } : {},
        select: { id: true, number: true, title: true },
      },
    },
  });
  const names = new Map(
    (await tx.expert.findMany({ where: { id: { in: excluded.map((x) => x.expertId) } } })).map(
      (e) => [e.id, e.name],
    ),
  );
  return {
    id: panel.id,
    name: panel.name,
    fieldCode: panel.fieldCode,
    fieldName: fieldName(panel.fieldCode),
    status: panel.status,
    statusName: panel.status === 'closed' ? '评分结束' : '评分中',
    seeds: panel.seeds,
    poolSize: panel.pool.length,
    submissions: panel.submissions,
    experts: panel.assignments.map((a) => ({
      assignmentId: a.id,
      name: a.expert.name,
      unitName: a.expert.unitName,
      status: a.status,
      statusName: ASSIGNMENT_STATUS_NAMES[a.status] ?? a.status,
      declineReason: a.declineReason,
      sheets: a.scores.length,
    })),
    /** the draw's exclusions, named (only right after a draw) */
    excluded: excluded.map((x) => ({
      name: names.get(x.expertId) ?? '',
      reasons: x.codes.map((c) => EXCLUSION_REASONS[c]),
    })),
  };
}

const ASSIGNMENT_STATUS_NAMES: Record<string, string> = {
  invited: '待确认',
  accepted: '已确认参加',
  declined: '已谢绝',
  reserve: '备选',
};

/** A panel with what names it: its call, or its report's project. */
const PANEL_SUBJECT = {
  call: true,
  projectReport: {
    include: {
      project: { select: { id: true, number: true, title: true, areaCode: true } },
    },
  },
} as const;
type PanelWithSubject = Prisma.ReviewPanelGetPayload<{ include: typeof PANEL_SUBJECT }>;

/**
 * The expert's own assignment, locked. Anyone else's — another expert's, or asked by someone who
 * is no expert — answers like a missing one; an expert no longer active holds none.
 */
export async function ownAssignment(tx: Tx, ctx: ApplicantCtx, assignmentId: string) {
  await tx.$executeRaw`SELECT 1 FROM review_assignment WHERE id = ${assignmentId}::uuid FOR UPDATE`;
  const a = await tx.reviewAssignment.findUnique({
    where: { id: assignmentId },
    include: { panel: { include: PANEL_SUBJECT }, expert: true },
  });
  if (!a || a.expert.userId !== ctx.caller.userId) throw appError('NOT_FOUND');
  if (a.expert.status !== 'active') throw appError('NOT_AN_EXPERT');
  return { assignment: a, expert: a.expert };
}

/** A call panel's assignment (an acceptance panel's has its own screens: acceptance.ts). */
async function ownCallAssignment(tx: Tx, ctx: ApplicantCtx, assignmentId: string) {
  const own = await ownAssignment(tx, ctx, assignmentId);
  const call = own.assignment.panel.call;
  if (!call) throw appError('NOT_FOUND');
  return { ...own, call };
}

/** An expert's review tasks: invitations to answer and panels they accepted. */
export async function myReviewTasks(ctx: ApplicantCtx) {
  const expert = await ctx.db.prisma.expert.findUnique({ where: { userId: ctx.caller.userId } });
  if (!expert) return [];
  const rows = await ctx.db.prisma.reviewAssignment.findMany({
    where: {
      expertId: expert.id,
      // An invitation nobody answered before the panel closed is no longer a task.
      OR: [{ status: 'accepted' }, { status: 'invited', panel: { status: 'scoring' } }],
    },
    include: {
      panel: {
        include: {
          ...PANEL_SUBJECT,
          _count: { select: { submissions: true } },
          // An acceptance panel's places, for whether it is complete (no verdict leaves here).
          assignments: {
            select: { status: true, verdict: { select: { conflict: true, verdict: true } } },
          },
        },
      },
      _count: { select: { scores: true } },
      verdict: { select: { id: true, conflict: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((a) => {
    const subject = panelSubject(a.panel);
    return {
      assignmentId: a.id,
      panelId: a.panelId,
      /** 'call' (评审 of a call's submissions) or 'acceptance' (项目验收 of a final report) */
      kind: subject.acceptance ? ('acceptance' as const) : ('call' as const),
      kindName: subject.acceptance ? '项目验收' : '申报评审',
      /** the call's title, or the project's */
      callTitle: subject.title,
      projectNumber: a.panel.projectReport?.project.number ?? null,
      panelName: a.panel.name,
      status: a.status,
      statusName: ASSIGNMENT_STATUS_NAMES[a.status] ?? a.status,
      panelClosed: a.panel.status === 'closed',
      /**
       * An acceptance panel whose verdicts are all in (意见已汇齐): no verdict changes any more,
       * the bureau decides. Always false for a call's panel.
       */
      panelComplete: subject.acceptance && conclusionOf(a.panel).conclusion.complete,
      /** the expert declared a conflict on the project (an acceptance panel): their part is over */
      conflictDeclared: a.verdict?.conflict ?? false,
      // An acceptance panel reads one report, and the expert gives one verdict on it.
      submissions: subject.acceptance ? 1 : a.panel._count.submissions,
      sheets: subject.acceptance ? (a.verdict ? 1 : 0) : a._count.scores,
    };
  });
}

/**
 * An expert accepts or declines an invitation. A declined place goes to the first unused
 * reserve, in the order drawn; never to an expert an officer picks.
 */
export async function respondToInvitation(
  ctx: ApplicantCtx,
  req: { assignmentId: string; accept: boolean; reason?: string | undefined },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const { assignment: a, expert } = await ownAssignment(tx, ctx, req.assignmentId);
    const subject = panelSubject(a.panel);
    // An acceptance panel is locked as a verdict locks it: the last invited member declining
    // may complete it, and the bureau is told then (acceptance-complete.ts).
    const before = subject.acceptance ? await lockedAcceptancePanel(tx, a.panelId) : null;
    if (a.status !== 'invited')
      throw appError('INVALID_TRANSITION', { message: '该评审邀请已处理' });
    if ((before ?? a.panel).status === 'closed')
      throw appError(
        'PANEL_CLOSED',
        subject.acceptance ? { message: '该项目验收已结束，无需再回复' } : undefined,
      );
    if (!req.accept && !req.reason?.trim())
      throw appError('INVALID_INPUT', { fieldErrors: { reason: ['请说明不能参加的原因'] } });
    await tx.reviewAssignment.update({
      where: { id: a.id },
      data: {
        status: req.accept ? 'accepted' : 'declined',
        declineReason: req.accept ? null : (req.reason?.trim() ?? null),
        respondedAt: now,
      },
    });
    let replacement: string | null = null;
    // A call panel's declined place goes to the next reserve at once; an acceptance panel's is
    // filled when the bureau says so (递补), from the same reserves in the same order.
    if (!req.accept && !subject.acceptance) {
      await tx.$executeRaw`SELECT 1 FROM review_panel WHERE id = ${a.panelId}::uuid FOR UPDATE`;
      [replacement = null] = await promoteReserves(tx, a.panelId, 1);
      if (replacement) await inviteExperts(tx, [replacement], subject.text, now);
    }
    const project = a.panel.projectReport?.project;
    if (before && project)
      await tellBureauWhenComplete(tx, {
        before,
        after: await readAcceptancePanel(tx, a.panelId),
        project,
        at: now,
      });
    await writeAudit(tx, ctx, {
      action: subject.acceptance
        ? req.accept
          ? 'project.acceptance.accept'
          : 'project.acceptance.decline'
        : req.accept
          ? 'selection.review.accept'
          : 'selection.review.decline',
      objectType: subject.acceptance ? 'project' : 'review_panel',
      objectId: subject.audit.objectId,
      areaCode: subject.audit.areaCode,
      details: {
        name: a.panel.name,
        expert: expert.name,
        ...(req.accept
          ? {}
          : { reason: req.reason?.trim(), replacedByReserve: replacement !== null }),
      },
    });
    return {
      status: req.accept ? 'accepted' : 'declined',
      replacedByReserve: replacement !== null,
    };
  });
}

/** What an expert who accepted sees of the panel: its submissions and their own sheets only. */
export async function panelForExpert(ctx: ApplicantCtx, assignmentId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { assignment: a, call } = await ownCallAssignment(tx, ctx, assignmentId);
    if (a.status !== 'accepted')
      throw appError('FORBIDDEN', { message: '确认参加评审后才能查看申报材料' });
    const submissions = await tx.selectionSubmission.findMany({
      where: { panelId: a.panelId },
      include: { organisation: { select: { name: true } }, members: true },
      orderBy: { number: 'asc' },
    });
    const sheets = await tx.reviewScore.findMany({ where: { assignmentId: a.id } });
    const rubric = decodeJson<Rubric>(call.rubric);
    const settings = selectionSettingsVersion(a.panel.settingsVersion);
    return {
      callTitle: call.title,
      programme: call.programme as SelectionProgramme,
      panelName: a.panel.name,
      closed: a.panel.status === 'closed',
      rubric,
      /** the settings the panel scores under: when a comment is required */
      settingsVersion: settings.version,
      commentAtOrBelow: settings.scoring.commentAtOrBelow,
      commentAtOrAbove: settings.scoring.commentAtOrAbove,
      submissions: submissions.map((s) => {
        const sheet = sheets.find((x) => x.submissionId === s.id);
        return {
          id: s.id,
          number: s.number,
          title: s.title,
          organisationName: s.organisation.name,
          form: decodeJson<Record<string, unknown>>(s.form) ?? {},
          team: s.members.map((m) => ({
            unitName: m.unitName,
            personName: m.personName,
            part: m.part,
          })),
          mySheet: sheet
            ? {
                conflict: sheet.conflict,
                conflictReason: sheet.conflictReason,
                scores: decodeJson<Record<string, number>>(sheet.scores),
                total: sheet.total,
                comment: sheet.comment,
              }
            : null,
        };
      }),
    };
  });
}

/** An expert's sheet for one submission, validated against the call's rubric; revisable until the panel closes. */
export async function submitSheet(
  ctx: ApplicantCtx,
  req: { assignmentId: string; submissionId: string; sheet: unknown },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const { assignment: a, expert, call } = await ownCallAssignment(tx, ctx, req.assignmentId);
    if (a.status !== 'accepted') throw appError('FORBIDDEN', { message: '确认参加评审后才能评分' });
    if (a.panel.status === 'closed') throw appError('PANEL_CLOSED');
    const submission = await tx.selectionSubmission.findUnique({ where: { id: req.submissionId } });
    if (!submission || submission.panelId !== a.panelId) throw appError('NOT_FOUND');
    const rubric = decodeJson<Rubric>(call.rubric) as Rubric;
    const parsed = scoreSheetSchema(
      rubric,
      selectionSettingsVersion(a.panel.settingsVersion),
    ).safeParse(req.sheet);
    if (!parsed.success)
      throw appError('INVALID_INPUT', {
        message: parsed.error.issues[0]?.message ?? '评分表填写有误',
        fieldErrors: Object.fromEntries(
          parsed.error.issues.map((i) => [issuePath(i.path) || 'sheet', [i.message]]),
        ),
      });
    const sheet = parsed.data;
    const data =
      sheet.conflict === 'declared'
        ? {
            conflict: true,
            conflictReason: sheet.reason,
            scores: Prisma.DbNull,
            total: null,
            comment: null,
          }
        : {
            conflict: false,
            conflictReason: null,
            scores: encodeJson(sheet.scores),
            total: Object.values(sheet.scores).reduce((s: number, v) => s + (v as number), 0),
            comment: sheet.comment ?? null,
          };
    await tx.reviewScore.upsert({
      where: { assignmentId_submissionId: { assignmentId: a.id, submissionId: submission.id } },
      create: { ...data, assignmentId: a.id, submissionId: submission.id, submittedAt: now },
      update: { ...data, submittedAt: now },
    });
    await writeAudit(tx, ctx, {
      action:
        sheet.conflict === 'declared'
          ? 'selection.review.declare-conflict'
          : 'selection.review.score',
      objectType: 'selection_submission',
      objectId: submission.id,
      areaCode: submission.areaCode,
      // The score itself stays out of the log until the panel closes: experts must not read it.
      details: { number: submission.number, panel: a.panel.name, expert: expert.name },
    });
    return { saved: true, total: data.total };
  });
}

/** Closes a panel once every expert who accepted has a sheet for every submission. */
export async function closePanel(ctx: OfficerCtx, panelId: string) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM review_panel WHERE id = ${panelId}::uuid FOR UPDATE`;
    const panel = await tx.reviewPanel.findUnique({
      where: { id: panelId },
      include: {
        assignments: { include: { scores: true } },
        _count: { select: { submissions: true } },
      },
    });
    if (!panel) throw appError('NOT_FOUND');
    if (panel.status === 'closed') throw appError('PANEL_CLOSED');
    const invited = panel.assignments.filter((a) => a.status === 'invited').length;
    if (invited > 0)
      throw appError('INVALID_TRANSITION', { message: `尚有${invited}位专家未确认是否参加` });
    const unfinished = panel.assignments.filter(
      (a) => a.status === 'accepted' && a.scores.length < panel._count.submissions,
    ).length;
    if (unfinished > 0)
      throw appError('INVALID_TRANSITION', { message: `尚有${unfinished}位专家未完成评分` });
    await tx.reviewPanel.update({
      where: { id: panelId },
      data: { status: 'closed', closedAt: now, updatedAt: now },
    });
    await writeAudit(tx, ctx, {
      action: 'selection.panel.close',
      objectType: 'review_panel',
      objectId: panelId,
      details: { name: panel.name },
    });
    return panelDto(tx, panelId);
  });
}

export async function callPanels(ctx: OfficerCtx, callId: string) {
  const panels = await ctx.db.prisma.reviewPanel.findMany({
    where: { callId },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  const { areaCode } = areaScope(ctx.caller);
  return Promise.all(panels.map((p) => panelDto(ctx.db.prisma, p.id, [], areaCode)));
}

/**
 * The call's results once panels have closed: each submission's result with how it was
 * reached, the ranking with ties explained, and for talent teams the category.
 */
export async function callResults(ctx: OfficerCtx, callId: string) {
  const call = await ctx.db.prisma.selectionCall.findUnique({ where: { id: callId } });
  if (!call) throw appError('NOT_FOUND');
  const ranked = await rankCall(ctx.db.prisma, call);
  // An area officer follows their area's submissions, at the rank they hold among all.
  const { areaCode } = areaScope(ctx.caller);
  return areaCode ? ranked.filter((r) => r.areaCode === areaCode) : ranked;
}

/** The ranking of a call's submissions whose panel has closed (the decision reads it in its transaction). */
export async function rankCall(
  db: Pick<Tx, 'selectionSubmission'>,
  call: Pick<SelectionCall, 'id' | 'programme' | 'settingsVersion'>,
) {
  const callId = call.id;
  const settings = selectionSettingsVersion(call.settingsVersion);
  const submissions = await db.selectionSubmission.findMany({
    where: { callId, panel: { status: 'closed' } },
    include: {
      organisation: { select: { name: true } },
      scores: { include: { assignment: { select: { expertId: true, status: true } } } },
    },
  });
  const results = submissions.map((s) =>
    aggregatePanel(
      s.id,
      s.scores
        .filter((x) => x.assignment.status === 'accepted')
        .map((x) => ({ expertId: x.assignment.expertId, total: x.conflict ? null : x.total })),
      settings,
    ),
  );
  const byId = new Map(submissions.map((s) => [s.id, s]));
  const ranked = rankApplications(results, (id) => byId.get(id)?.number ?? '');
  const programme = call.programme as SelectionProgramme;
  const resultOf = new Map(results.map((x) => [x.applicationId, x]));
  return ranked.flatMap((r) => {
    const s = byId.get(r.applicationId);
    const result = resultOf.get(r.applicationId);
    if (!s || !result) return [];
    return {
      submissionId: s.id,
      number: s.number,
      title: s.title,
      organisationName: s.organisation.name,
      areaCode: s.areaCode,
      rank: r.rank,
      rankReason: r.reason,
      tiedWith: r.tiedWith.map((id) => byId.get(id)?.number ?? ''),
      result: result.result,
      resultText: result.result === null ? null : formatPoints(result.result),
      explanation: result.explanation,
      flag: result.flag,
      flagName:
        result.flag === 'wide-spread'
          ? '分歧较大，提请讨论'
          : result.flag === 'too-few-scores'
            ? '有效评分不足'
            : null,
      ...(programme === 'talent-team' ? { talent: talentCategoryOf(result.result, settings) } : {}),
    };
  });
}

import { randomBytes } from 'node:crypto';
import type { TransactionClient } from '@kc/db';
import { isUniqueViolationOn } from '@kc/db';
import type {
  AcceptanceVerdict,
  ProjectContract,
  ProjectReportBody,
  ReportOutcome,
} from '@kc/domain';
import {
  acceptanceDecisionRefusal,
  acceptanceSheetSchema,
  acceptanceVerdictName,
  ACCEPTANCE_VERDICTS,
  departsFromPanel,
  drawPanel,
  fieldName,
  issuePath,
  projectReportKindName,
  reportAttachmentKindName,
  selectionProgrammeName,
  selectionSettingsVersion,
  todayInShanghai,
  verdictRefusal,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { decodeJson } from '../awards/codec';
import { appError } from '../errors';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';
import {
  lockedAcceptancePanel,
  readAcceptancePanel,
  tellBureauWhenComplete,
} from './acceptance-complete';
import { acceptancePanelOf, conclusionOf, seatOf } from './acceptance-panel';
import {
  applicationFacts,
  expertFacts,
  inviteExperts,
  ownAssignment,
  promoteReserves,
  reviewsOfYear,
} from './panels';
import { lockedProject, officerProjectDetail } from './projects';

/**
 * 验收专家组 (plan 四.2, issue 14 item 6): once the lead unit has submitted its 结题验收报告, the
 * bureau draws an expert panel for it — never picked by hand: drawn from the approved, active
 * experts of the project's field with the calls' exclusions (the lead unit and its partners'
 * units, declared conflicts, last year's reviewers of the lead unit), with reserves, the seed
 * recorded. The experts accept or decline in their review tasks (panels.ts); a declined or
 * recused place is filled from the reserves when the bureau says so (递补), in the order drawn.
 * Each expert reads the report and gives a verdict, or declares a conflict. The bureau's review
 * of the report waits for the panel to be complete and, when it departs from the panel's
 * majority, for a written reason (reviewReport, via `acceptanceDecision`). The rules are the
 * domain's (acceptance.ts, draw.ts); every step is audited on the project.
 */

type Tx = TransactionClient;

const PANEL_NAME = '验收专家组';

/** The final report a panel may be drawn or filled for: submitted, the project in 验收中. */
async function submittedFinalReport(tx: Tx, projectId: string, projectStatus: string) {
  const report = await tx.projectReport.findUnique({
    where: { projectId_kind: { projectId, kind: 'final' } },
  });
  if (!report || report.status !== 'submitted' || projectStatus !== 'accepting')
    throw appError('INVALID_TRANSITION', {
      message: '承担单位提交结题验收报告后，才能抽取验收专家组',
    });
  return report;
}

/** The panel of the report's current submission, its row locked, read again after the lock. */
async function lockedPanel(tx: Tx, reportId: string, round: number) {
  const found = await acceptancePanelOf(tx, reportId, round);
  return found ? lockedAcceptancePanel(tx, found.id) : null;
}

const panelText = (p: { title: string; number: string }) =>
  `项目“${p.title}”（${p.number}）验收专家组`;

/** What the draw sees of the project: its field, and its submission's units and people. */
async function drawFacts(tx: Tx, p: { submissionId: string }, now: Date) {
  const submission = await tx.selectionSubmission.findUniqueOrThrow({
    where: { id: p.submissionId },
    include: { organisation: true, members: true },
  });
  const year = Number(todayInShanghai(now).slice(0, 4));
  return {
    application: applicationFacts(submission),
    experts: await expertFacts(tx),
    reviewedLastYear: await reviewsOfYear(tx, year - 1),
  };
}

/**
 * 抽取验收专家组: the bureau draws the panel for the submitted final report. Two officers at once
 * draw one panel: the project row is locked, and the (report, submission) pair is unique.
 */
export async function drawAcceptancePanel(ctx: OfficerCtx, input: { id: string }) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await lockedProject(tx, input.id);
    const report = await submittedFinalReport(tx, p.id, p.status);
    if (await acceptancePanelOf(tx, report.id, report.submissions))
      throw appError('INVALID_TRANSITION', { message: '该结题验收报告已抽取验收专家组' });
    const now = ctx.now();
    const settings = selectionSettingsVersion(p.settingsVersion);
    const facts = await drawFacts(tx, p, now);
    // From a cryptographic source, and recorded: the draw is random, and anyone can replay it.
    const seed = randomBytes(16).toString('hex');
    const draw = drawPanel({
      group: { fieldCode: p.fieldCode, applications: [facts.application] },
      experts: facts.experts,
      reviewedLastYear: facts.reviewedLastYear,
      settings,
      size: { members: settings.acceptance.panelSize, reserves: settings.acceptance.reserves },
      seed,
    });
    if (!draw.ok)
      throw appError('PANEL_POOL_TOO_SMALL', {
        message: `符合条件的${fieldName(p.fieldCode)}领域专家只有${draw.pool.length}人，不足验收专家组的${settings.acceptance.panelSize}人，请先扩充专家库`,
      });
    try {
      await tx.reviewPanel.create({
        data: {
          kind: 'acceptance',
          projectReportId: report.id,
          reportRound: report.submissions,
          name: PANEL_NAME,
          fieldCode: p.fieldCode,
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
    } catch (e) {
      if (isUniqueViolationOn(e, 'project_report_id', 'report_round'))
        throw appError('INVALID_TRANSITION', { message: '该结题验收报告已抽取验收专家组' });
      throw e;
    }
    await writeAudit(tx, ctx, {
      action: 'project.acceptance.draw',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        reportKind: 'final',
        submissions: report.submissions,
        seed,
        pool: draw.pool.length,
        members: draw.members.length,
        reserves: draw.reserves.length,
        excluded: draw.excluded.length,
      },
    });
    await inviteExperts(tx, draw.members, panelText(p), now);
    return officerProjectDetail(tx, p);
  });
}

/**
 * 递补: the places left open by declines and declared conflicts go to the reserves, in the order
 * drawn; when they run out, a top-up draw (a new recorded seed, everyone drawn before left out)
 * fills the rest. Not once the panel is complete: its conclusion stands as formed.
 */
export async function fillAcceptancePanel(ctx: OfficerCtx, input: { id: string }) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await lockedProject(tx, input.id);
    const report = await submittedFinalReport(tx, p.id, p.status);
    const panel = await lockedPanel(tx, report.id, report.submissions);
    if (!panel) throw appError('INVALID_TRANSITION', { message: '尚未抽取验收专家组' });
    if (panel.status === 'closed') throw appError('PANEL_CLOSED');
    const { conclusion } = conclusionOf(panel);
    if (conclusion.complete)
      throw appError('INVALID_TRANSITION', { message: '验收专家组意见已汇齐，不再递补' });
    if (conclusion.vacancies === 0)
      throw appError('INVALID_TRANSITION', {
        message: '没有需要递补的名额：被邀请的专家尚未全部答复，或专家组已满员',
      });
    const now = ctx.now();
    const promoted = await promoteReserves(tx, panel.id, conclusion.vacancies);
    let topUp: { seed: string; pool: readonly string[]; members: readonly string[] } | null = null;
    const wanted = conclusion.vacancies - promoted.length;
    if (wanted > 0) {
      const settings = selectionSettingsVersion(panel.settingsVersion);
      const facts = await drawFacts(tx, p, now);
      const seed = randomBytes(16).toString('hex');
      const input = (members: number) => ({
        group: { fieldCode: panel.fieldCode, applications: [facts.application] },
        experts: facts.experts,
        reviewedLastYear: facts.reviewedLastYear,
        alreadyDrawn: panel.assignments.map((a) => a.expertId),
        settings,
        size: { members, reserves: 0 },
        seed,
      });
      let draw = drawPanel(input(wanted));
      // Fewer eligible experts left than places: as many as there are.
      if (!draw.ok && draw.pool.length > 0) draw = drawPanel(input(draw.pool.length));
      if (draw.ok) {
        const next = Math.max(...panel.assignments.map((a) => a.position)) + 1;
        await tx.reviewAssignment.createMany({
          data: draw.members.map((expertId, i) => ({
            panelId: panel.id,
            expertId,
            position: next + i,
            status: 'invited',
            createdAt: now,
          })),
        });
        await tx.reviewPanel.update({
          where: { id: panel.id },
          data: { seeds: { push: seed }, updatedAt: now },
        });
        topUp = { seed, pool: draw.pool, members: draw.members };
      } else if (promoted.length === 0)
        throw appError('PANEL_POOL_TOO_SMALL', {
          message: `备选专家已用完，专家库中已没有可递补的${fieldName(panel.fieldCode)}领域专家，请先扩充专家库`,
        });
    }
    const invited = [...promoted, ...(topUp?.members ?? [])];
    const names = new Map(panel.assignments.map((a) => [a.expertId, a.expert.name]));
    await writeAudit(tx, ctx, {
      action: 'project.acceptance.fill',
      objectType: 'project',
      objectId: p.id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        vacancies: conclusion.vacancies,
        fromReserves: promoted.map((id) => names.get(id) ?? ''),
        ...(topUp
          ? { seed: topUp.seed, pool: topUp.pool.length, topUpPoolIds: [...topUp.pool] }
          : {}),
        invited: invited.length,
      },
    });
    await inviteExperts(tx, invited, panelText(p), now);
    return officerProjectDetail(tx, p);
  });
}

/**
 * reviewReport on a final report: the panel of its current submission must be complete, and an
 * outcome that departs from its majority (or a panel without one) needs a reason. The panel row
 * is locked until the review commits, so no verdict changes under it.
 */
export async function acceptanceDecision(
  tx: Tx,
  report: { id: string; submissions: number },
  outcome: ReportOutcome,
  departureReason: string | undefined,
) {
  const panel = await lockedPanel(tx, report.id, report.submissions);
  if (!panel)
    throw appError('INVALID_TRANSITION', {
      message: '请先抽取验收专家组；专家组意见汇齐后才能审查结题验收报告',
    });
  const { conclusion } = conclusionOf(panel);
  const refusal = acceptanceDecisionRefusal(conclusion, outcome, departureReason);
  if (refusal?.code === 'DEPARTURE_REASON_REQUIRED')
    throw appError('DEPARTURE_REASON_REQUIRED', {
      message: refusal.message,
      fieldErrors: { [refusal.path]: [refusal.message] },
    });
  if (refusal) throw appError('INVALID_TRANSITION', { message: refusal.message });
  const departs = departsFromPanel(conclusion, outcome);
  return {
    panelId: panel.id,
    departs,
    departureReason: departs ? (departureReason?.trim() ?? null) : null,
    /** for the review's audit record */
    record: {
      panelVerdicts: ACCEPTANCE_VERDICTS.map((v) => `${v.name}${conclusion.tally[v.code]}`).join(
        '、',
      ),
      panelMajority: conclusion.majority
        ? acceptanceVerdictName(conclusion.majority)
        : '无过半数意见',
      ...(departs ? { departureReason: departureReason?.trim() } : {}),
    },
  };
}

/** The review is done: the panel closes, with the reason of a departure from its majority. */
export async function closeAcceptancePanel(
  tx: Tx,
  decision: { panelId: string; departureReason: string | null },
  now: Date,
) {
  await tx.reviewPanel.update({
    where: { id: decision.panelId },
    data: {
      status: 'closed',
      closedAt: now,
      departureReason: decision.departureReason,
      updatedAt: now,
    },
  });
}

/** A project ended: its acceptance panels still open close (their tasks end for the experts). */
export async function closeOpenAcceptancePanels(tx: Tx, projectId: string, now: Date) {
  await tx.reviewPanel.updateMany({
    where: { kind: 'acceptance', status: 'scoring', projectReport: { projectId } },
    data: { status: 'closed', closedAt: now, updatedAt: now },
  });
}

/** An acceptance panel's assignment of the caller's own, with its panel (locked) and report. */
async function ownAcceptance(tx: Tx, ctx: ApplicantCtx, assignmentId: string) {
  const { assignment, expert } = await ownAssignment(tx, ctx, assignmentId);
  const reportId = assignment.panel.projectReportId;
  // A call panel's assignment is read on the call's screens (panels.ts).
  if (assignment.panel.kind !== 'acceptance' || !reportId) throw appError('NOT_FOUND');
  const panel = await lockedAcceptancePanel(tx, assignment.panelId);
  return { assignment, expert, panel, reportId };
}

/**
 * What an expert who accepted reads: the project (its 任务书's period, funds and milestones, the
 * lead unit and its partners), the final report (a line per milestone, the money spent, its files)
 * and their own verdict. The other members' verdicts only once the panel is complete, unnamed.
 */
async function expertView(tx: Tx, own: Awaited<ReturnType<typeof ownAcceptance>>) {
  const { assignment: a, panel, reportId } = own;
  if (a.status !== 'accepted')
    throw appError('FORBIDDEN', { message: '确认参加验收后才能查看结题验收报告' });
  const report = await tx.projectReport.findUniqueOrThrow({
    where: { id: reportId },
    include: {
      project: {
        include: {
          call: { select: { programme: true } },
          organisation: { select: { name: true } },
          submission: { include: { members: { orderBy: { position: 'asc' } } } },
        },
      },
      files: {
        orderBy: { position: 'asc' },
        select: {
          kind: true,
          fileId: true,
          file: { select: { originalName: true, sizeBytes: true, mimeType: true } },
        },
      },
    },
  });
  const p = report.project;
  const contract = decodeJson<ProjectContract>(p.contract) as ProjectContract;
  const { settings, conclusion } = conclusionOf(panel);
  const mine = panel.assignments.find((x) => x.id === a.id)?.verdict ?? null;
  return {
    assignmentId: a.id,
    panelName: panel.name,
    closed: panel.status === 'closed',
    complete: conclusion.complete,
    panelSize: settings.panelSize,
    minValidVerdicts: settings.minValidVerdicts,
    project: {
      number: p.number,
      title: p.title,
      programmeName: selectionProgrammeName(p.call.programme),
      organisationName: p.organisation.name,
      fieldName: fieldName(p.fieldCode),
      team: p.submission.members.map((m) => ({
        unitName: m.unitName,
        personName: m.personName,
        part: m.part,
      })),
      contract: {
        startOn: contract.startOn,
        endOn: contract.endOn,
        cityFundsFen: contract.cityFundsFen,
        ownFundsFen: contract.ownFundsFen,
        milestones: contract.milestones,
      },
    },
    report: {
      kindName: projectReportKindName(report.kind),
      submissions: report.submissions,
      submittedAt: report.submittedAt,
      /** submitted again since this panel was drawn: what is shown is the newer text */
      superseded: panel.reportRound !== report.submissions,
      body: decodeJson<ProjectReportBody>(report.body) as ProjectReportBody,
      attachments: report.files.map((f) => ({
        kind: f.kind,
        kindName: reportAttachmentKindName(f.kind),
        fileId: f.fileId,
        name: f.file.originalName,
        sizeBytes: f.file.sizeBytes,
        mimeType: f.file.mimeType,
      })),
    },
    mine: mine
      ? {
          conflict: mine.conflict,
          conflictReason: mine.conflictReason,
          verdict: (mine.verdict as AcceptanceVerdict | null) ?? null,
          verdictName: mine.verdict ? acceptanceVerdictName(mine.verdict) : null,
          comment: mine.comment,
          submittedAt: mine.submittedAt,
        }
      : null,
    /** once complete: the tally, the majority, and every valid verdict with its comment, unnamed */
    conclusion: conclusion.complete
      ? {
          tally: conclusion.tally,
          valid: conclusion.valid,
          conflicts: conclusion.conflicts,
          majority: conclusion.majority,
          majorityName: conclusion.majority ? acceptanceVerdictName(conclusion.majority) : null,
          explanation: conclusion.explanation,
          verdicts: panel.assignments.flatMap((x) =>
            x.verdict && !x.verdict.conflict && x.status === 'accepted'
              ? [
                  {
                    mine: x.id === a.id,
                    verdictName: acceptanceVerdictName(x.verdict.verdict ?? ''),
                    comment: x.verdict.comment,
                  },
                ]
              : [],
          ),
        }
      : null,
  };
}

export async function acceptanceForExpert(ctx: ApplicantCtx, assignmentId: string) {
  return ctx.db.prisma.$transaction(async (tx) =>
    expertView(tx, await ownAcceptance(tx, ctx, assignmentId)),
  );
}

/**
 * 提出验收意见: an expert's verdict (with "no conflict" confirmed), or a declared conflict that
 * voids it; revisable until the panel is complete (then refused as INVALID_TRANSITION, and once
 * the bureau has decided and the panel closed, as PANEL_CLOSED). The answer that completes the
 * panel tells the bureau (acceptance-complete.ts). The verdict stays out of the audit record:
 * officers read the panel's verdicts once it is complete, not one by one.
 */
export async function submitVerdict(
  ctx: ApplicantCtx,
  req: { assignmentId: string; sheet: unknown },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const own = await ownAcceptance(tx, ctx, req.assignmentId);
    const { assignment: a, expert, panel } = own;
    // Closed by the bureau's decision (or the project's end): the panel's verdicts are final.
    if (panel.status === 'closed')
      throw appError('PANEL_CLOSED', { message: '本次验收已结束，验收意见不能再修改' });
    const seat = panel.assignments.find((x) => x.id === a.id);
    if (!seat) throw appError('NOT_FOUND');
    const refusal = verdictRefusal(seatOf(seat), conclusionOf(panel).conclusion);
    if (refusal)
      throw appError(a.status === 'accepted' ? 'INVALID_TRANSITION' : 'FORBIDDEN', {
        message: refusal,
      });
    const parsed = acceptanceSheetSchema.safeParse(req.sheet);
    if (!parsed.success)
      throw appError('INVALID_INPUT', {
        message: parsed.error.issues[0]?.message ?? '验收意见填写有误',
        fieldErrors: Object.fromEntries(
          parsed.error.issues.map((i) => [issuePath(i.path) || 'sheet', [i.message]]),
        ),
      });
    const sheet = parsed.data;
    const now = ctx.now();
    const data =
      sheet.conflict === 'declared'
        ? { conflict: true, conflictReason: sheet.reason, verdict: null, comment: null }
        : {
            conflict: false,
            conflictReason: null,
            verdict: sheet.verdict,
            comment: sheet.comment ?? null,
          };
    await tx.acceptanceVerdict.upsert({
      where: { assignmentId: a.id },
      create: { ...data, assignmentId: a.id, submittedAt: now },
      update: { ...data, submittedAt: now },
    });
    const after = await readAcceptancePanel(tx, panel.id);
    const { conclusion } = conclusionOf(after);
    const project = a.panel.projectReport?.project;
    if (project) await tellBureauWhenComplete(tx, { before: panel, after, project, at: now });
    await writeAudit(tx, ctx, {
      action:
        sheet.conflict === 'declared'
          ? 'project.acceptance.declare-conflict'
          : 'project.acceptance.verdict',
      objectType: 'project',
      objectId: project?.id ?? null,
      areaCode: project?.areaCode ?? null,
      details: {
        number: project?.number,
        expert: expert.name,
        ...(sheet.conflict === 'declared' ? { reason: sheet.reason } : {}),
        // The tally is written once the last verdict completes the panel.
        ...(conclusion.complete
          ? {
              panelComplete: true,
              panelVerdicts: ACCEPTANCE_VERDICTS.map(
                (v) => `${v.name}${conclusion.tally[v.code]}`,
              ).join('、'),
            }
          : {}),
      },
    });
    return expertView(tx, { ...own, panel: after });
  });
}

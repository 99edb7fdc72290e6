import type { Prisma, Project, SelectionCall, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type {
  ContractBasis,
  ProjectChangeKind,
  ProjectContract,
  ProjectReportBody,
  ProjectReportKind,
  ProjectReportStatus,
  ProjectStatus,
  ReportAttachmentKindCode,
  ResultDocument,
  SelectionProgramme,
  SubmissionForm,
} from '@kc/domain';
import {
  areaName,
  contractProblems,
  draftContract,
  fieldName,
  PROJECT_REPORT_KIND_CODES,
  projectChangeKindName,
  projectChangeStatusName,
  projectReportKindName,
  projectReportStatusName,
  projectSchedule,
  projectStatusName,
  reportAttachmentKindName,
  reportRefusal,
  selectionProgramme,
  selectionProgrammeName,
  selectionSettingsVersion,
  terminationReasonName,
  trancheConditionName,
} from '@kc/domain';
import { areaScope, canSeeArea } from '../access';
import { writeAudit } from '../audit';
import { decodeJson, encodeJson } from '../awards/codec';
import { appError } from '../errors';
import { notifyOrganisation } from '../notifications/write';
import { requireMembership, requireOrgAdmin } from '../organisations/membership';
import { pageOf, pageWindow } from '../paging';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';
import { projectAcceptance } from './acceptance-panel';
import { releaseTranches, trancheStates } from './project-tranches';

/**
 * 项目 (issue 14, 四.2): when a key-project or disruptive-tech call concludes, each selected
 * submission becomes a project whose 任务书 the bureau drafts from the submission (the domain's
 * draftContract); the bureau may adjust the draft, and the lead unit's administrator signs it in
 * the mini-program, which starts the project. What the contract must satisfy is the domain's
 * (contractProblems), checked on every save and again at signing.
 */

type ProjectForm = SubmissionForm<'key-project'>;

type WithRelations = Project & {
  call: Pick<SelectionCall, 'number' | 'title' | 'programme' | 'resultDocNo'>;
  organisation: { name: string };
  submission: { number: string; form: Prisma.JsonValue; decidedCostFen: bigint | null };
};
const INCLUDE = {
  call: { select: { number: true, title: true, programme: true, resultDocNo: true } },
  organisation: { select: { name: true } },
  submission: { select: { number: true, form: true, decidedCostFen: true } },
} as const;

/** What the contract is held to: the selected submission's funds and period. */
function basisOf(submission: { form: Prisma.JsonValue; decidedCostFen: bigint | null }) {
  const form = decodeJson<ProjectForm>(submission.form) as ProjectForm;
  return {
    decidedCityFundsFen: submission.decidedCostFen ?? form.cityFundsFen,
    committedOwnFundsFen: form.ownFundsFen,
    months: form.months,
    goals: form.goals,
  } satisfies ContractBasis & { goals: string };
}

export function projectDto(p: WithRelations) {
  const contract = decodeJson<ProjectContract>(p.contract) as ProjectContract;
  const settings = selectionSettingsVersion(p.settingsVersion).project;
  const basis = basisOf(p.submission);
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    status: p.status as ProjectStatus,
    statusName: projectStatusName(p.status),
    programmeName: selectionProgrammeName(p.call.programme),
    call: { id: p.callId, number: p.call.number, title: p.call.title },
    resultDocNo: p.call.resultDocNo,
    submissionNumber: p.submission.number,
    organisationId: p.organisationId,
    organisationName: p.organisation.name,
    areaCode: p.areaCode,
    areaName: areaName(p.areaCode),
    fieldCode: p.fieldCode,
    fieldName: fieldName(p.fieldCode),
    contract: {
      ...contract,
      tranches: contract.tranches.map((t) => ({
        ...t,
        conditionName: trancheConditionName(t.condition),
      })),
    },
    /** what the contract is held to, for the form's hints */
    basis: {
      decidedCityFundsFen: basis.decidedCityFundsFen,
      committedOwnFundsFen: basis.committedOwnFundsFen,
      months: basis.months,
    },
    schedule: projectSchedule(contract, settings),
    /** the settings the contract is held to (its version's, not today's) */
    settings: {
      firstTrancheMaxPercent: settings.firstTrancheMaxPercent,
      finalTrancheMinPercent: settings.finalTrancheMinPercent,
    },
    /** why the contract cannot be signed yet (empty: it can) */
    problems: contractProblems(contract, basis, settings),
    signedAt: p.signedAt,
    version: p.version,
    updatedAt: p.updatedAt,
  };
}

/**
 * A project with what happened after signing: the tranches and the applications that pay them,
 * the reports, the change requests, and what the unit may do next.
 */
export async function projectDetail(
  db: Pick<TransactionClient, 'application' | 'projectReport' | 'projectChange'>,
  p: WithRelations,
) {
  const base = projectDto(p);
  const [tranches, reports, changes] = await Promise.all([
    trancheStates(db, p, base.contract),
    db.projectReport.findMany({
      where: { projectId: p.id },
      orderBy: { createdAt: 'asc' },
      include: {
        files: {
          orderBy: { position: 'asc' },
          select: {
            kind: true,
            fileId: true,
            file: { select: { originalName: true, sizeBytes: true, mimeType: true } },
          },
        },
      },
    }),
    db.projectChange.findMany({ where: { projectId: p.id }, orderBy: { requestedAt: 'desc' } }),
  ]);
  const status = p.status as ProjectStatus;
  const reportStates = reports.map((r) => ({
    kind: r.kind as ProjectReportKind,
    status: r.status as ProjectReportStatus,
  }));
  const settings = selectionSettingsVersion(p.settingsVersion).project;
  return {
    ...base,
    tranches,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind as ProjectReportKind,
      kindName: projectReportKindName(r.kind),
      status: r.status as ProjectReportStatus,
      statusName: projectReportStatusName(r.status),
      body: decodeJson<ProjectReportBody>(r.body) as ProjectReportBody,
      /** its files, in the order attached (PROJECT_REPORT_ATTACHMENTS kinds) */
      attachments: r.files.map((f) => ({
        kind: f.kind as ReportAttachmentKindCode,
        kindName: reportAttachmentKindName(f.kind),
        fileId: f.fileId,
        name: f.file.originalName,
        sizeBytes: f.file.sizeBytes,
        mimeType: f.file.mimeType,
      })),
      submissions: r.submissions,
      submittedAt: r.submittedAt,
      reviewedAt: r.reviewedAt,
      comment: r.comment,
    })),
    changes: changes.map((c) => ({
      id: c.id,
      kind: c.kind as ProjectChangeKind,
      kindName: projectChangeKindName(c.kind),
      status: c.status,
      statusName: projectChangeStatusName(c.status),
      reason: c.reason,
      months: c.months,
      terminationReasonName: c.terminationReason
        ? terminationReasonName(c.terminationReason)
        : null,
      endOnBefore: c.endOnBefore,
      endOnAfter: c.endOnAfter,
      requestedAt: c.requestedAt,
      /** the bureau's own step (a termination, or a failed review's), not a unit's request */
      byBureau: c.decidedBy !== null && c.requestedBy === c.decidedBy,
      decidedAt: c.decidedAt,
      decisionComment: c.decisionComment,
    })),
    /** the reports the unit may submit now (a kind with no refusal) */
    reportsOpen: PROJECT_REPORT_KIND_CODES.filter(
      (kind) => reportRefusal(kind, { status }, reportStates) === null,
    ),
    /** whether the unit may ask for a change now (no request pending, the project running) */
    changesOpen:
      (status === 'in-progress' || status === 'accepting') &&
      !changes.some((c) => c.status === 'pending'),
    extension: {
      approved: changes.filter((c) => c.kind === 'extension' && c.status === 'approved').length,
      max: settings.maxExtensions,
      maxMonths: settings.maxExtensionMonths,
    },
  };
}

/**
 * What officers read of a project: its detail and, once the final report is in, its acceptance
 * panel (验收专家组) — the members, and the verdicts once the panel is complete.
 */
export async function officerProjectDetail(
  db: Pick<TransactionClient, 'application' | 'projectReport' | 'projectChange' | 'reviewPanel'>,
  p: WithRelations,
) {
  const [detail, acceptance] = await Promise.all([projectDetail(db, p), projectAcceptance(db, p)]);
  return { ...detail, acceptance };
}

/** 确定结果 of a project call: a project of each selected submission, its 任务书 drafted. */
export async function createProjects(
  tx: TransactionClient,
  ctx: OfficerCtx,
  call: SelectionCall,
  document: ResultDocument,
): Promise<number> {
  if (selectionProgramme(call.programme as SelectionProgramme).outcome !== 'project') return 0;
  const selected = await tx.selectionSubmission.findMany({
    where: { callId: call.id, status: 'selected' },
    orderBy: [{ decidedRank: 'asc' }, { number: 'asc' }],
  });
  const settings = selectionSettingsVersion(call.settingsVersion).project;
  const now = ctx.now();
  for (const s of selected) {
    // The period starts on the result document's date; the bureau may move it before signing.
    const contract = draftContract(basisOf(s), document.issuedOn, settings);
    const project = await tx.project.create({
      data: {
        number: await nextNumber(tx, 'project', call.year),
        callId: call.id,
        submissionId: s.id,
        organisationId: s.organisationId,
        areaCode: s.areaCode,
        title: s.title,
        fieldCode: s.fieldCode,
        contract: encodeJson(contract),
        settingsVersion: call.settingsVersion,
        createdAt: now,
        updatedAt: now,
      },
    });
    await notifyOrganisation(tx, s.organisationId, {
      kind: 'project.created',
      title: `项目立项：${s.title}`,
      body:
        `您单位申报的“${s.title}”已按《${call.title}》（${document.documentNo}）确定立项，` +
        `项目编号 ${project.number}。请单位管理员核对任务书后签订。`,
      at: now,
      link: { page: 'project', id: project.id },
    });
  }
  return selected.length;
}

export async function lockedProject(tx: TransactionClient, id: string) {
  await tx.$executeRaw`SELECT 1 FROM project WHERE id = ${id}::uuid FOR UPDATE`;
  const p = await tx.project.findUnique({ where: { id }, include: INCLUDE });
  if (!p) throw appError('NOT_FOUND');
  return p;
}

const CHANGED = '该项目刚被他人更新，请刷新后再试';

/** Why `contract` cannot be signed (empty: it can): the submission's and its settings' checks. */
function problemsOf(
  p: Pick<WithRelations, 'settingsVersion' | 'submission'>,
  contract: ProjectContract,
) {
  const settings = selectionSettingsVersion(p.settingsVersion).project;
  return contractProblems(contract, basisOf(p.submission), settings);
}

function contractRefusal(problems: Record<string, string[]>) {
  const [first] = Object.values(problems).flat();
  return appError('INVALID_INPUT', {
    message: first ?? '任务书内容不完整',
    fieldErrors: Object.fromEntries(
      Object.entries(problems).map(([path, messages]) => [`contract.${path}`, messages]),
    ),
  });
}

/** The bureau adjusts the draft 任务书 before it is signed. */
export async function saveContract(
  ctx: OfficerCtx,
  id: string,
  expectedVersion: number,
  contract: ProjectContract,
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const p = await lockedProject(tx, id);
    if (p.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    if (p.status !== 'contracting')
      throw appError('INVALID_TRANSITION', { message: '任务书已签订，不能再修改' });
    const problems = problemsOf(p, contract);
    if (Object.keys(problems).length > 0) throw contractRefusal(problems);
    const saved = await tx.project.update({
      where: { id },
      data: { contract: encodeJson(contract), version: { increment: 1 }, updatedAt: ctx.now() },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'project.contract.update',
      objectType: 'project',
      objectId: id,
      areaCode: p.areaCode,
      details: { number: p.number, cityFundsFen: contract.cityFundsFen.toString() },
    });
    return officerProjectDetail(tx, saved);
  });
}

/** 签订任务书: the lead unit's administrator signs the contract as shown; the project starts. */
export async function signContract(ctx: ApplicantCtx, id: string, expectedVersion: number) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, ctx.caller.userId);
    const p = await lockedProject(tx, id);
    // Another organisation's project answers exactly like a missing one.
    if (p.organisationId !== membership.organisation.id) throw appError('NOT_FOUND');
    if (p.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    if (p.status !== 'contracting')
      throw appError('INVALID_TRANSITION', {
        message: `项目当前为“${projectStatusName(p.status)}”，不能签订任务书`,
      });
    const contract = decodeJson<ProjectContract>(p.contract) as ProjectContract;
    const problems = problemsOf(p, contract);
    if (Object.keys(problems).length > 0) throw contractRefusal(problems);
    // The first tranche is raised on signing, to the unit's registered account.
    const accounts = await tx.organisationBankAccount.count({
      where: { organisationId: p.organisationId, status: 'active' },
    });
    if (accounts === 0)
      throw appError('BANK_DETAILS_MISSING', {
        message: '单位尚未登记收款账户，请先在“我的—收款账户”登记后再签订任务书',
      });
    const now = ctx.now();
    const saved = await tx.project.update({
      where: { id },
      data: {
        status: 'in-progress',
        signedBy: ctx.caller.userId,
        signedAt: now,
        version: { increment: 1 },
        updatedAt: now,
      },
      include: INCLUDE,
    });
    const released = await releaseTranches(tx, ctx, saved, contract, 'signing', {
      userId: ctx.caller.userId,
      role: 'applicant',
    });
    await writeAudit(tx, ctx, {
      action: 'project.contract.sign',
      objectType: 'project',
      objectId: id,
      areaCode: p.areaCode,
      details: {
        number: p.number,
        organisationId: p.organisationId,
        cityFundsFen: contract.cityFundsFen.toString(),
        tranches: released,
      },
    });
    return projectDetail(tx, saved);
  });
}

export interface ProjectListFilter {
  page: number;
  pageSize: number;
  status?: ProjectStatus | undefined;
  /** the call whose 确定结果 made them */
  callId?: string | undefined;
}

/**
 * Officers: a page of the projects of their remit (an area officer's: their area's), newest
 * first, by status and call; with the calls that made projects in the remit, for the call filter.
 */
export async function listProjects(ctx: OfficerCtx, filter: ProjectListFilter) {
  const { areaCode } = areaScope(ctx.caller);
  const remit: Prisma.ProjectWhereInput = areaCode ? { areaCode } : {};
  const where: Prisma.ProjectWhereInput = {
    ...remit,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.callId ? { callId: filter.callId } : {}),
  };
  const prisma = ctx.db.prisma;
  const [total, rows, calls] = await Promise.all([
    prisma.project.count({ where }),
    prisma.project.findMany({
      where,
      include: INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
      ...pageWindow(filter),
    }),
    prisma.selectionCall.findMany({
      where: { projects: { some: remit } },
      select: { id: true, number: true, title: true },
      orderBy: { number: 'desc' },
    }),
  ]);
  return { ...pageOf(rows.map(projectDto), total, filter), calls };
}

export async function projectForOfficer(ctx: OfficerCtx, id: string) {
  const p = await ctx.db.prisma.project.findUnique({ where: { id }, include: INCLUDE });
  if (!p || !canSeeArea(ctx.caller, p.areaCode)) throw appError('NOT_FOUND');
  return officerProjectDetail(ctx.db.prisma, p);
}

/** The caller's organisation's projects (any member reads them; the administrator signs). */
export async function myProjects(ctx: ApplicantCtx) {
  const membership = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const rows = await ctx.db.prisma.project.findMany({
    where: { organisationId: membership.organisation.id },
    include: INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
  });
  return { items: rows.map(projectDto), mayAct: membership.role === 'admin' };
}

export async function myProject(ctx: ApplicantCtx, id: string) {
  const membership = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const p = await ctx.db.prisma.project.findUnique({ where: { id }, include: INCLUDE });
  if (!p || p.organisationId !== membership.organisation.id) throw appError('NOT_FOUND');
  return { ...(await projectDetail(ctx.db.prisma, p)), mayAct: membership.role === 'admin' };
}

import superjson from 'superjson';
import type { PolicySandboxRun, TransactionClient } from '@kc/db';
import type { Fen, HistoricalApplication, PolicyAmendment } from '@kc/domain';
import {
  AWARDED_STATUSES,
  addCalendarDays,
  applyAmendment,
  fen,
  isAreaCode,
  lastTwelveMonths,
  runSandbox,
  todayInShanghai,
} from '@kc/domain';
import { createHash } from 'node:crypto';
import { writeAudit } from '../audit';
import { organisationProfile, researcherApplicant } from '../awards/applicant';
import { decodeJson } from '../awards/codec';
import { dateOf, dbDate, shanghaiDayStart } from '../dates';
import { appError } from '../errors';
import type { JobDeps } from '../jobs/deps';
import type { JobQueue } from '../jobs/runtime';
import type { OfficerCtx } from '../vice-president/common';
import { policySetById, refreshPolicyCatalogue } from './catalogue';
import { notifyEligibilityChanges } from './sandbox-notify';
import type { SandboxReport } from './sandbox-report';
import { sandboxReport } from './sandbox-report';

/**
 * 政策沙盘 (issue 15): a proposed version's effect on real applications. An officer asks for a
 * period; a background job (queue `policy-sandbox`) reads every application submitted in it, with
 * its applicant, form and evidence, and replays them under the version the proposal amends and
 * under the proposal (the domain's pure `runSandbox`: no writes but the run's own row). The result
 * is kept with the checksum of its inputs.
 */

export const SANDBOX_QUEUE = 'policy-sandbox';
/** Long enough for several years of a province; short enough to be a question, not an archive. */
export const SANDBOX_MAX_DAYS = 3 * 366;
/** Unfinished runs at once, city-wide: each holds a worker for seconds. */
const MAX_OPEN_RUNS = 3;

export const SANDBOX_STATUS_NAMES: Record<string, string> = {
  queued: '排队中',
  running: '推演中',
  done: '已完成',
  failed: '失败',
};

/** Why a run was made: an officer's question, or the adoption telling the applicants it concerns. */
export const SANDBOX_PURPOSE_NAMES: Record<string, string> = {
  officer: '人工发起',
  adoption: '确认施行时自动推演',
};

/** The job's id is the run's: a second send of the same run is dropped. */
export async function enqueueSandbox(queue: JobQueue, runId: string): Promise<void> {
  await queue.send(SANDBOX_QUEUE, { runId }, { id: runId, singletonKey: runId });
}

const amendmentOf = (row: { amendment: unknown }) => row.amendment as PolicyAmendment;

/** Asks for a replay of `from`–`to` (submission dates, Asia/Shanghai) under a version. */
export async function startSandbox(
  ctx: OfficerCtx,
  input: { versionId: string; from: string; to: string },
) {
  if (input.from > input.to)
    throw appError('INVALID_INPUT', { fieldErrors: { to: ['结束日期不能早于开始日期'] } });
  if (addCalendarDays(input.from, SANDBOX_MAX_DAYS) < input.to)
    throw appError('INVALID_INPUT', { fieldErrors: { to: ['推演期间最长三年'] } });
  const version = await ctx.db.prisma.policyVersion.findUnique({ where: { id: input.versionId } });
  if (!version || version.status === 'withdrawn')
    throw appError('NOT_FOUND', { message: '没有找到该修订版本' });
  const open = await ctx.db.prisma.policySandboxRun.count({
    where: { status: { in: ['queued', 'running'] } },
  });
  if (open >= MAX_OPEN_RUNS)
    throw appError('RATE_LIMITED', { message: `已有${open}个推演正在进行，请稍后再试` });
  const now = ctx.now();
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const created = await tx.policySandboxRun.create({
      data: {
        versionId: version.id,
        periodFrom: dbDate(input.from),
        periodTo: dbDate(input.to),
        status: 'queued',
        stage: '等待后台处理',
        requestedBy: ctx.caller.userId,
        createdAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'policy.sandbox.run',
      objectType: 'policy_version',
      objectId: version.id,
      details: {
        title: amendmentOf(version).title,
        periodFrom: input.from,
        periodTo: input.to,
      },
    });
    return created;
  });
  // After the commit, so the job finds the row; the row is the outbox (jobs/dispatch.ts).
  if (ctx.jobs)
    await enqueueSandbox(ctx.jobs, row.id).catch((error: unknown) =>
      ctx.log.error({ err: error }, 'sandbox job not queued'),
    );
  else ctx.log.warn({ runId: row.id }, 'no job queue: the sandbox run waits for a worker');
  return runHead(row);
}

/**
 * At 确认施行, in the adoption's transaction: a run over the last year under the version adopted,
 * whose job tells each applicant whose application it would decide the other way. The row is the
 * outbox; the caller queues the job after the commit (`enqueueSandbox`).
 */
export async function createAdoptionRun(
  tx: Pick<TransactionClient, 'policySandboxRun'>,
  input: { versionId: string; today: string; requestedBy: string; at: Date },
): Promise<string> {
  // The last twelve months, as the admin's 近12个月: a year of applications is whom a change
  // concerns.
  const period = lastTwelveMonths(input.today);
  const row = await tx.policySandboxRun.create({
    data: {
      versionId: input.versionId,
      periodFrom: dbDate(period.from),
      periodTo: dbDate(period.to),
      status: 'queued',
      stage: '等待后台处理',
      purpose: 'adoption',
      requestedBy: input.requestedBy,
      createdAt: input.at,
    },
    select: { id: true },
  });
  return row.id;
}

function runHead(row: PolicySandboxRun) {
  return {
    id: row.id,
    versionId: row.versionId,
    from: dateOf(row.periodFrom),
    to: dateOf(row.periodTo),
    status: row.status,
    statusName: SANDBOX_STATUS_NAMES[row.status] ?? '排队中',
    purpose: row.purpose,
    purposeName: SANDBOX_PURPOSE_NAMES[row.purpose] ?? '人工发起',
    notifiedCount: row.notifiedCount,
    progress: row.progress,
    stage: row.stage,
    checksum: row.checksum,
    error: row.status === 'failed' ? row.error : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/** A version's runs, newest first (without their results: a list, not a report). */
export async function sandboxRuns(ctx: Pick<OfficerCtx, 'db'>, versionId: string) {
  const rows = await ctx.db.prisma.policySandboxRun.findMany({
    where: { versionId },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
  return rows.map(runHead);
}

/** A finished run's report, as stored. */
export function storedReport(row: Pick<PolicySandboxRun, 'result'>): SandboxReport | null {
  return row.result ? superjson.deserialize<SandboxReport>(row.result as never) : null;
}

/**
 * One run, with its report once done. The list of every application decided the other way is
 * the adoption's to use (it can be long); the officer reads its counts and the largest changes.
 */
export async function sandboxRun(ctx: Pick<OfficerCtx, 'db'>, id: string) {
  const row = await ctx.db.prisma.policySandboxRun.findUnique({ where: { id } });
  if (!row) throw appError('NOT_FOUND', { message: '没有找到该推演' });
  const report = storedReport(row);
  if (!report) return { ...runHead(row), result: null };
  const { eligibilityChanges: _all, ...shown } = report;
  return { ...runHead(row), result: shown };
}

/**
 * Every application submitted in the period as the sandbox replays it: its applicant as the
 * platform knows them now (the profile at submission is not kept apart from the form), its form
 * and evidence, the day it was decided and what was recorded.
 */
async function historicalApplications(
  deps: JobDeps,
  from: string,
  to: string,
): Promise<HistoricalApplication[]> {
  const rows = await deps.db.prisma.application.findMany({
    where: {
      status: { not: 'draft' },
      submittedAt: { gte: shanghaiDayStart(from), lt: shanghaiDayStart(addCalendarDays(to, 1)) },
    },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      ruleId: true,
      status: true,
      input: true,
      areaCode: true,
      submittedAt: true,
      decidedAt: true,
      approvedAmountFen: true,
      evidence: { select: { kind: true } },
      organisation: {
        include: { verifiedQualifications: { select: { kind: true } } },
      },
      researcher: { select: { id: true, name: true } },
    },
  });
  const awarded = new Set<string>(AWARDED_STATUSES);
  const out: HistoricalApplication[] = [];
  for (const r of rows) {
    const profile = r.organisation
      ? organisationProfile(r.organisation, r.organisation.verifiedQualifications)
      : r.researcher
        ? researcherApplicant(r.researcher)
        : null;
    if (!profile || !r.submittedAt) continue;
    const recorded: Fen | undefined = awarded.has(r.status)
      ? fen(r.approvedAmountFen ?? 0n)
      : r.status === 'rejected' || r.status === 'withdrawn'
        ? fen(0n)
        : undefined;
    out.push({
      ruleId: r.ruleId,
      areaCode: r.areaCode && isAreaCode(r.areaCode) ? r.areaCode : null,
      application: {
        id: r.id,
        appliedOn: todayInShanghai(r.submittedAt),
        applicant: profile.applicant,
        // Stored with bigints tagged (awards/codec.ts): the engine reads them as the form sent them.
        input: decodeJson(r.input),
        evidence: r.evidence.map((e) => e.kind),
      },
      ...(r.decidedAt ? { decidedOn: todayInShanghai(r.decidedAt) } : {}),
      ...(recorded !== undefined ? { recordedAmount: recorded } : {}),
    });
  }
  return out;
}

/** Each programme's budgets over the years the period touches, summed. */
async function budgetsOver(deps: JobDeps, from: string, to: string) {
  const rows = await deps.db.prisma.programmeBudget.findMany({
    where: { year: { gte: Number(from.slice(0, 4)), lte: Number(to.slice(0, 4)) } },
    select: { ruleId: true, budgetFen: true },
  });
  const sums: Record<string, Fen> = {};
  for (const r of rows) sums[r.ruleId] = fen((sums[r.ruleId] ?? 0n) + r.budgetFen);
  return sums;
}

/** node:crypto's SHA-256 for the checksum: the same digest as the domain's own, faster. */
const nodeHash = () => {
  const h = createHash('sha256');
  return {
    update(bytes: Uint8Array) {
      h.update(bytes);
    },
    hex: () => h.digest('hex'),
  };
};

async function progress(deps: JobDeps, id: string, percent: number, stage: string) {
  await deps.db.prisma.policySandboxRun.update({
    where: { id },
    data: { progress: percent, stage },
  });
}

/** The job: reads, replays, stores. A failure is written on the run for the officer to read. */
export async function runSandboxJob(deps: JobDeps, runId: string): Promise<{ status: string }> {
  const prisma = deps.db.prisma;
  const claimed = await prisma.policySandboxRun.updateMany({
    where: { id: runId, status: { in: ['queued', 'running'] } },
    data: { status: 'running', startedAt: deps.now(), progress: 5, stage: '读取申请' },
  });
  if (claimed.count === 0) return { status: 'skipped' };
  const run = await prisma.policySandboxRun.findUniqueOrThrow({ where: { id: runId } });
  try {
    await refreshPolicyCatalogue(deps.db);
    const version = await prisma.policyVersion.findUniqueOrThrow({ where: { id: run.versionId } });
    const base = policySetById(version.baseId);
    if (!base) throw new SandboxRefusal(`所依据的政策版本 ${version.baseId} 不在现行版本目录中`);
    const amendment = amendmentOf(version);
    const proposed = applyAmendment(base, amendment);
    const period = { from: dateOf(run.periodFrom), to: dateOf(run.periodTo) };
    const applications = await historicalApplications(deps, period.from, period.to);
    const budgetsFen = await budgetsOver(deps, period.from, period.to);
    await progress(deps, runId, 30, `重放${applications.length}件申请`);
    const result = runSandbox({
      applications,
      period,
      current: base,
      proposed,
      amendment,
      budgetsFen,
      hash: nodeHash,
    });
    await progress(deps, runId, 80, '汇总结果');
    const report = await sandboxReport(deps, result, todayInShanghai(deps.now()));
    await prisma.$transaction(async (tx) => {
      const notified =
        run.purpose === 'adoption'
          ? await notifyEligibilityChanges(tx, { amendment, result, at: deps.now() })
          : null;
      await tx.policySandboxRun.update({
        where: { id: runId },
        data: {
          status: 'done',
          progress: 100,
          stage: null,
          checksum: result.checksum,
          result: superjson.serialize(report) as never,
          notifiedCount: notified,
          finishedAt: deps.now(),
        },
      });
    });
    return { status: 'done' };
  } catch (error) {
    const message =
      error instanceof SandboxRefusal
        ? error.message
        : '推演时发生错误，请稍后重试或联系系统管理员';
    if (!(error instanceof SandboxRefusal)) deps.log.error({ err: error, runId }, 'sandbox failed');
    await prisma.policySandboxRun.update({
      where: { id: runId },
      data: { status: 'failed', stage: null, error: message, finishedAt: deps.now() },
    });
    return { status: 'failed' };
  }
}

/** A reason the run cannot be made, told to the officer as it is. */
class SandboxRefusal extends Error {}

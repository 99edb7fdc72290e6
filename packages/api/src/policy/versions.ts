import type { PolicyVersion, TransactionClient } from '@kc/db';
import { isUniqueViolationOfIndex } from '@kc/db';
import type { AmendmentProblem, PolicyAmendment, PolicySet } from '@kc/domain';
import {
  amendableParameters,
  applyAmendment,
  checkAmendment,
  comparePolicySets,
  comparisonLine,
  effectiveDateProblem,
  latestPolicySet,
  policyCatalogue,
  policyVersionStatusName,
  todayInShanghai,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { dateOf, dbDate } from '../dates';
import { appError } from '../errors';
import { requestHash } from '../idempotency';
import { notify } from '../notifications/write';
import { createAdoptionRun, enqueueSandbox } from './sandbox';
import type { OfficerCtx } from '../vice-president/common';
import { policySetById, policySets, readPolicyCatalogue } from './catalogue';

/**
 * 政策修订 (issue 15): a proposed version is an amendment of the newest version, as data
 * (`policyAmendmentSchema`), checked by the domain (`checkAmendment`) and turned into a version by
 * `applyAmendment` — the one path. A bureau administrator proposes and edits it, asks for it to be
 * adopted with an effective date, and a second administrator confirms (four eyes); from then on it
 * is one more version of every instance's catalogue (catalogue.ts), and never changes again (the
 * database's trigger). Applications submitted on or after its date are decided by it; those
 * submitted earlier keep the version stored with them.
 */

type Tx = TransactionClient;

const CHANGED = '该修订版本刚被他人更新，请刷新后再试';

/** The amendment's problems as the form's field errors (one list per field). */
function fieldErrorsOf(problems: readonly AmendmentProblem[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const p of problems) (errors[p.field] ??= []).push(p.message);
  return errors;
}

function refuse(problems: readonly AmendmentProblem[]): never {
  throw appError('INVALID_INPUT', {
    message: problems[0]?.message ?? '修订内容填写有误',
    fieldErrors: fieldErrorsOf(problems),
  });
}

/** The newest version in force or to come: the only one a new amendment may be made from. */
function newestVersion(catalogue: readonly PolicySet[] = policySets()): PolicySet {
  const latest = latestPolicySet(catalogue);
  if (!latest) throw appError('NOT_FOUND', { message: '尚无可修订的政策版本' });
  return latest;
}

/** Checks an amendment against the newest version; the checked amendment, or the form's errors. */
function checked(amendment: unknown, base: PolicySet): PolicyAmendment {
  const check = checkAmendment(base, amendment);
  if (!check.ok) refuse(check.problems);
  return check.amendment;
}

const amendmentOf = (row: Pick<PolicyVersion, 'amendment'>) => row.amendment as PolicyAmendment;

/** What the admin's form is generated from: the newest version's amendable figures. */
export function amendmentForm() {
  const base = newestVersion();
  return {
    base: baseHead(base),
    parameters: amendableParameters(base),
  };
}

const baseHead = (set: PolicySet) => ({
  id: set.id,
  version: set.version,
  title: set.title,
  effectiveFrom: set.effectiveFrom,
});

/** The 修改对照表 of a row against its base, with each change as one line. */
function comparisonOf(row: Pick<PolicyVersion, 'baseId' | 'amendment'>) {
  const base = policySetById(row.baseId);
  if (!base) return { rows: [], lines: [], baseMissing: true };
  const check = checkAmendment(base, row.amendment);
  // A proposal made from a version that has since been superseded no longer applies: it is shown
  // with what is wrong, for the officer to withdraw or remake it.
  if (!check.ok)
    return { rows: [], lines: check.problems.map((p) => p.message), baseMissing: false };
  const rows = comparePolicySets(base, applyAmendment(base, row.amendment));
  return { rows, lines: rows.map(comparisonLine), baseMissing: false };
}

function versionHead(row: PolicyVersion) {
  const amendment = amendmentOf(row);
  return {
    id: row.id,
    version: amendment.version,
    title: amendment.title,
    baseId: row.baseId,
    status: row.status,
    statusName: policyVersionStatusName(row.status),
    effectiveFrom: row.effectiveFrom ? dateOf(row.effectiveFrom) : amendment.effectiveFrom,
    changes: Object.keys(amendment.changes).length,
    consultationId: row.consultationId,
    proposedAt: row.createdAt,
    adoptionRequestedAt: row.adoptionRequestedAt,
    adoptedAt: row.adoptedAt,
    returnReason: row.returnReason,
    returnedAt: row.returnedAt,
    withdrawnAt: row.withdrawnAt,
    checksum: row.checksum,
    rowVersion: row.version,
  };
}

/** Every version: the code's (内置, in force from their own dates) and the bureau's. */
export async function listPolicyVersions(ctx: Pick<OfficerCtx, 'db'>) {
  const rows = await ctx.db.prisma.policyVersion.findMany({ orderBy: { createdAt: 'desc' } });
  const stored = new Set(rows.map((r) => r.id));
  const builtIn = policySets()
    .filter((s) => !stored.has(s.id))
    .map((s) => ({
      ...baseHead(s),
      effectiveTo: s.effectiveTo ?? null,
      source: s.source.status,
    }));
  return { builtIn, versions: rows.map(versionHead), newestId: newestVersion().id };
}

/** One proposed or adopted version: its amendment, its 修改对照表 and who did what. */
export async function policyVersionById(ctx: Pick<OfficerCtx, 'db' | 'caller'>, id: string) {
  const row = await ctx.db.prisma.policyVersion.findUnique({ where: { id } });
  if (!row) throw appError('NOT_FOUND', { message: '没有找到该修订版本' });
  const people = await ctx.db.prisma.user.findMany({
    where: {
      id: {
        in: [
          row.proposedBy,
          row.adoptionRequestedBy,
          row.adoptedBy,
          row.returnedBy,
          row.withdrawnBy,
        ].filter((v): v is string => v !== null),
      },
    },
    select: { id: true, displayName: true },
  });
  const nameOf = (userId: string | null) =>
    userId ? (people.find((p) => p.id === userId)?.displayName ?? '—') : null;
  const base = policySetById(row.baseId);
  return {
    ...versionHead(row),
    amendment: amendmentOf(row),
    base: base ? baseHead(base) : null,
    comparison: comparisonOf(row),
    proposedByName: nameOf(row.proposedBy),
    adoptionRequestedByName: nameOf(row.adoptionRequestedBy),
    adoptedByName: nameOf(row.adoptedBy),
    returnedByName: nameOf(row.returnedBy),
    withdrawnByName: nameOf(row.withdrawnBy),
    /** The caller asked for its adoption: another administrator must confirm it. */
    requestedByYou: row.adoptionRequestedBy === ctx.caller.userId,
    /** The base's amendable figures (current values); the proposal's are in `amendment.changes`. */
    parameters: base ? amendableParameters(base) : [],
  };
}

/** 拟修订: a new proposed version from the newest one. */
export async function proposePolicyVersion(
  ctx: OfficerCtx,
  input: { amendment: unknown; consultationId?: string | undefined },
) {
  const base = newestVersion();
  const amendment = checked(input.amendment, base);
  if (policySetById(amendment.id))
    refuse([
      { code: 'VERSION_ID_TAKEN', field: 'id', message: `版本编号 ${amendment.id} 已被使用` },
    ]);
  const now = ctx.now();
  try {
    return await ctx.db.prisma.$transaction(async (tx) => {
      if (input.consultationId) {
        const c = await tx.policyConsultation.findUnique({ where: { id: input.consultationId } });
        if (!c) throw appError('NOT_FOUND', { message: '没有找到该征求意见' });
      }
      const row = await tx.policyVersion.create({
        data: {
          id: amendment.id,
          baseId: base.id,
          amendment,
          checksum: requestHash(amendment),
          status: 'proposed',
          consultationId: input.consultationId ?? null,
          proposedBy: ctx.caller.userId,
          createdAt: now,
          updatedAt: now,
        },
      });
      await writeAudit(tx, ctx, {
        action: 'policy.version.propose',
        objectType: 'policy_version',
        objectId: row.id,
        details: { title: amendment.title, baseId: base.id, changes: comparisonOf(row).lines },
      });
      return versionHead(row);
    });
  } catch (error) {
    if (isUniqueViolationOfIndex(error, 'policy_version_pkey', ['id']))
      refuse([
        { code: 'VERSION_ID_TAKEN', field: 'id', message: `版本编号 ${amendment.id} 已被使用` },
      ]);
    throw error;
  }
}

/** Locks a version's row and checks the caller saw its latest state. */
async function lockVersion(tx: Tx, id: string, expectedVersion: number): Promise<PolicyVersion> {
  await tx.$executeRaw`SELECT 1 FROM policy_version WHERE id = ${id} FOR UPDATE`;
  const row = await tx.policyVersion.findUnique({ where: { id } });
  if (!row) throw appError('NOT_FOUND', { message: '没有找到该修订版本' });
  if (row.status === 'adopted')
    throw appError('INVALID_TRANSITION', {
      message: `${amendmentOf(row).title}已通过施行，不能修改；如需调整请在其基础上再提出修订`,
    });
  if (row.status === 'withdrawn') throw appError('INVALID_TRANSITION', { message: '该修订已撤回' });
  if (row.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
  return row;
}

/** Edits a proposal (拟修订 only: once asked for adoption, it is what the second officer checks). */
export async function updatePolicyVersion(
  ctx: OfficerCtx,
  input: { id: string; expectedVersion: number; amendment: unknown },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.status !== 'proposed')
      throw appError('INVALID_TRANSITION', { message: '待确认施行的修订不能修改，请先退回' });
    const base = newestVersion();
    const amendment = checked(input.amendment, base);
    if (amendment.id !== row.id)
      refuse([{ code: 'INVALID_INPUT', field: 'id', message: '修订版本的编号不能更改' }]);
    const updated = await tx.policyVersion.update({
      where: { id: row.id },
      data: {
        baseId: base.id,
        amendment,
        checksum: requestHash(amendment),
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'policy.version.update',
      objectType: 'policy_version',
      objectId: row.id,
      details: { title: amendment.title, changes: comparisonOf(updated).lines },
    });
    return versionHead(updated);
  });
}

/** The adoption's date checks: tomorrow at the earliest, after the newest version, from it. */
function assertAdoptable(row: PolicyVersion, effectiveFrom: string, today: string) {
  const newest = newestVersion();
  if (row.baseId !== newest.id)
    throw appError('INVALID_TRANSITION', {
      message: `该修订所依据的版本已被新版本（${newest.title} ${newest.version}）取代，请撤回后重新提出`,
    });
  const problem = effectiveDateProblem(effectiveFrom, today, newest);
  if (problem)
    throw appError('INVALID_INPUT', {
      message: problem,
      fieldErrors: { effectiveFrom: [problem] },
    });
}

/** 提请施行: an administrator asks for the proposal to be adopted from a date. */
export async function requestAdoption(
  ctx: OfficerCtx,
  input: { id: string; expectedVersion: number; effectiveFrom: string },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.status !== 'proposed')
      throw appError('INVALID_TRANSITION', { message: '该修订已提请施行，等待另一名管理员确认' });
    assertAdoptable(row, input.effectiveFrom, todayInShanghai(now));
    const amendment = checked(
      { ...amendmentOf(row), effectiveFrom: input.effectiveFrom },
      newestVersion(),
    );
    const updated = await tx.policyVersion.update({
      where: { id: row.id },
      data: {
        amendment,
        checksum: requestHash(amendment),
        status: 'awaiting-confirmation',
        effectiveFrom: dbDate(input.effectiveFrom),
        adoptionRequestedBy: ctx.caller.userId,
        adoptionRequestedAt: now,
        returnReason: null,
        returnedBy: null,
        returnedAt: null,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'policy.version.request-adoption',
      objectType: 'policy_version',
      objectId: row.id,
      details: { title: amendment.title, effectiveFrom: input.effectiveFrom },
    });
    return versionHead(updated);
  });
}

/** 退回: the second administrator sends it back with a reason (or the requester takes it back). */
export async function returnPolicyVersion(
  ctx: OfficerCtx,
  input: { id: string; expectedVersion: number; reason: string },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.status !== 'awaiting-confirmation')
      throw appError('INVALID_TRANSITION', { message: '只有待确认施行的修订可以退回' });
    const updated = await tx.policyVersion.update({
      where: { id: row.id },
      data: {
        status: 'proposed',
        effectiveFrom: null,
        adoptionRequestedBy: null,
        adoptionRequestedAt: null,
        returnReason: input.reason,
        returnedBy: ctx.caller.userId,
        returnedAt: now,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'policy.version.return',
      objectType: 'policy_version',
      objectId: row.id,
      details: { title: amendmentOf(row).title, reason: input.reason },
    });
    return versionHead(updated);
  });
}

/** 撤回: a proposal that will not be adopted stays on record, withdrawn. */
export async function withdrawPolicyVersion(
  ctx: OfficerCtx,
  input: { id: string; expectedVersion: number; reason: string },
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    const updated = await tx.policyVersion.update({
      where: { id: row.id },
      data: {
        status: 'withdrawn',
        withdrawnBy: ctx.caller.userId,
        withdrawnAt: now,
        // The reason shown is now the withdrawal's: an earlier return is no longer told.
        returnReason: input.reason,
        returnedBy: null,
        returnedAt: null,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'policy.version.withdraw',
      objectType: 'policy_version',
      objectId: row.id,
      details: { title: amendmentOf(row).title, reason: input.reason },
    });
    return versionHead(updated);
  });
}

/** One lock for every adoption: two versions confirmed at once would both claim to be the newest. */
const ADOPTION_LOCK = 7_202_615;

/**
 * 确认施行: a second administrator (not the one who asked) confirms. The version joins the
 * catalogue; the firms and researchers with drafts of a programme it changes are told.
 */
export async function confirmAdoption(
  ctx: OfficerCtx,
  input: { id: string; expectedVersion: number },
) {
  const now = ctx.now();
  const result = await ctx.db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADOPTION_LOCK})`;
    // The catalogue as committed, read under the lock (another instance may have adopted one).
    const catalogue = await readPolicyCatalogue(tx);
    const row = await lockVersion(tx, input.id, input.expectedVersion);
    if (row.status !== 'awaiting-confirmation')
      throw appError('INVALID_TRANSITION', { message: '该修订尚未提请施行' });
    if (row.adoptionRequestedBy === ctx.caller.userId)
      throw appError('SEPARATION_OF_DUTIES', {
        message: '该修订由您提请施行，须由另一名局管理员确认',
      });
    const amendment = amendmentOf(row);
    assertAdoptable(row, amendment.effectiveFrom, todayInShanghai(now));
    // The same build every instance will make from the rows: it must hold before it is committed.
    const base = newestVersion(catalogue);
    const adopted = applyAmendment(base, amendment);
    policyCatalogue([amendment], catalogue);
    const updated = await tx.policyVersion.update({
      where: { id: row.id },
      data: {
        status: 'adopted',
        adoptedBy: ctx.caller.userId,
        adoptedAt: now,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    const comparison = comparePolicySets(base, adopted);
    const told = await notifyDraftHolders(tx, comparison, amendment, now);
    // Whose applications of the last year it would decide the other way: a replay, in the
    // background; its job tells them (policy/sandbox-notify.ts).
    const runId = await createAdoptionRun(tx, {
      versionId: row.id,
      today: todayInShanghai(now),
      requestedBy: ctx.caller.userId,
      at: now,
    });
    await writeAudit(tx, ctx, {
      action: 'policy.version.adopt',
      objectType: 'policy_version',
      objectId: row.id,
      details: {
        title: amendment.title,
        effectiveFrom: amendment.effectiveFrom,
        changes: comparison.map(comparisonLine),
        draftsTold: told,
      },
    });
    return { head: { ...versionHead(updated), draftsTold: told }, runId };
  });
  // Committed: this instance decides with it from now on; the others within a second.
  await readPolicyCatalogue(ctx.db.prisma);
  if (ctx.jobs)
    await enqueueSandbox(ctx.jobs, result.runId).catch((error: unknown) =>
      ctx.log.error({ err: error }, 'adoption sandbox job not queued'),
    );
  return result.head;
}

/**
 * Tells whoever holds a draft (or a returned application) of a programme the version changes: it
 * will be decided under the new figures if submitted on or after the date. A change of the
 * version's settings concerns every programme.
 */
async function notifyDraftHolders(
  tx: Tx,
  comparison: ReturnType<typeof comparePolicySets>,
  amendment: PolicyAmendment,
  at: Date,
): Promise<number> {
  const touchesAll = comparison.some(
    (r) => r.ruleId === null && r.key !== undefined && r.key !== 'effectiveFrom',
  );
  const ruleIds = [...new Set(comparison.flatMap((r) => (r.ruleId ? [r.ruleId] : [])))];
  if (!touchesAll && ruleIds.length === 0) return 0;
  const drafts = await tx.application.findMany({
    where: {
      status: { in: ['draft', 'returned'] },
      ...(touchesAll ? {} : { ruleId: { in: ruleIds } }),
    },
    select: { id: true, number: true, applicantUserId: true },
  });
  for (const d of drafts) {
    await notify(tx, {
      userId: d.applicantUserId,
      kind: 'policy.version-adopted',
      title: '政策标准有调整',
      body: `《${amendment.title}》将于${amendment.effectiveFrom}起施行，您尚未提交的申请（${d.number}）如在该日及以后提交，将按新标准审核计算。`,
      link: { page: 'application', id: d.id },
      at,
    });
  }
  return drafts.length;
}

/** What the public reads of an adopted version: its title, dates and 修改对照表; never who. */
function publicVersionOf(row: PolicyVersion) {
  const head = versionHead(row);
  const base = policySetById(row.baseId);
  return {
    id: head.id,
    title: head.title,
    version: head.version,
    effectiveFrom: head.effectiveFrom,
    adoptedAt: row.adoptedAt,
    base: base ? { title: base.title, version: base.version } : null,
    comparison: comparisonOf(row).rows,
  };
}

/** 政策修订 on the public pages: every adopted version, newest first. */
export async function publicPolicyVersions(ctx: Pick<OfficerCtx, 'db'>) {
  const rows = await ctx.db.prisma.policyVersion.findMany({
    where: { status: 'adopted' },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'asc' }],
  });
  return rows.map(publicVersionOf);
}

/** One adopted version, or null (a proposal is not public). */
export async function publicPolicyVersion(ctx: Pick<OfficerCtx, 'db'>, id: string) {
  const row = await ctx.db.prisma.policyVersion.findFirst({ where: { id, status: 'adopted' } });
  return row ? publicVersionOf(row) : null;
}

export type PublicPolicyVersion = ReturnType<typeof publicVersionOf>;

/**
 * Role × procedure: what each officer role may reach, checked over every procedure of the router
 * so that a new procedure must be placed. Finance (财务人员) first: its remit is payment
 * (docs/AWARD-SPINE.md, 财务人员的范围; access.ts, CASEWORK_ROLES).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, officerFileAccess } from '../src';
import type { OfficerCaller } from '../src/caller';
import { submittedScenario } from './awards-support';
import { WORKSTATION_RULE, key, newOfficer, noticePassedAward } from './disbursement-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { CALL_FORM } from './vp-support';

let h: Harness;
type Officer = Awaited<ReturnType<Harness['officer']>>;
let finance: Officer;
let finance2: Officer;
let reviewer: Officer;

beforeAll(async () => {
  h = await createHarness();
  [finance, reviewer] = await Promise.all([h.officer('finance'), h.officer('reviewer')]);
  finance2 = (await newOfficer(h, 'FINANCE_OFFICER', '第二财务人员')).api;
  await h.prisma.programmeBudget.update({
    where: { ruleId_year: { ruleId: WORKSTATION_RULE, year: 2026 } },
    data: { budgetFen: 100_000_000_00n },
  });
});
afterAll(async () => {
  await h?.close();
});

/**
 * Everything finance may call. Every other procedure that needs a caller answers FORBIDDEN before
 * it reads its input.
 * The officer's own account (signing in and out, password, second factor, sessions) is whole.
 */
const OWN_ACCOUNT = ['auth.', 'officerSecurity.'];
const FINANCE_MAY = new Set([
  // payment: the batches, their items and frozen payee accounts, the ledger
  'disbursements.candidates',
  'disbursements.createBatch',
  'disbursements.removeItem',
  'disbursements.confirm',
  'disbursements.markPaid',
  'disbursements.byId',
  'disbursements.list',
  'disbursements.ledger',
  'disbursements.exportXlsx',
  // 资金台账 as a background export, and its own exports (exports/kinds.ts refuses other lists)
  'exports.request',
  'exports.mine',
  'budgets.list',
  // every officer: the home page, aggregate figures (no personal data), recusal
  'workbench.summary',
  'dashboard.summary',
  'dashboard.targets',
  'dashboard.targetsXlsx',
  'review.declareConflict',
  'review.myConflicts',
  // every officer: their own messages (消息中心), as every applicant has theirs
  'notifications.mine',
  'notifications.unreadCount',
  'notifications.markRead',
  // what any signed-in user reads, applicants included
  'programmes.open',
  'vp.calls.list',
  'vp.calls.get',
  'vp.needs.published',
]);
const financeMay = (path: string) =>
  OWN_ACCOUNT.some((prefix) => path.startsWith(prefix)) || FINANCE_MAY.has(path);

type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription' } };
const PROCEDURES = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures,
).map(([path, p]) => ({ path, type: p._def.type }));

/** Calls a procedure by its dotted path with `input`, through the HTTP client. */
function call(client: Officer, path: string, type: string, input: unknown) {
  let node = client as unknown as Record<string, unknown>;
  for (const segment of path.split('.')) node = node[segment] as Record<string, unknown>;
  const fn = node[type === 'query' ? 'query' : 'mutate'] as (input: unknown) => Promise<unknown>;
  return fn(input);
}

describe('finance reaches payment only', () => {
  it('lists only procedures that exist', () => {
    const paths = new Set(PROCEDURES.map((p) => p.path));
    expect([...FINANCE_MAY].filter((p) => !paths.has(p))).toEqual([]);
  });

  // Named in the security review (issue 12, finding 7); the sweep below covers them too.
  it.each([
    ['review.queue', {}],
    ['review.byId', { id: '00000000-0000-4000-8000-000000000001' }],
    ['organisations.byId', { id: '00000000-0000-4000-8000-000000000001' }],
    ['vp.needs.ofCall', { callId: '00000000-0000-4000-8000-000000000001' }],
    ['vp.secondments.detail', { secondmentId: '00000000-0000-4000-8000-000000000001' }],
  ])('refuses %s', async (path, input) => {
    const refused = await failure(() => call(finance, path, 'query', input));
    expect(refused).toMatchObject({ appCode: 'FORBIDDEN', httpStatus: 403 });
  });

  it.each(PROCEDURES.filter((p) => !financeMay(p.path)))(
    'refuses $path whatever the input',
    async ({ path, type }) => {
      // Open to anonymous callers (health, the privacy notice…): no role to check.
      const anonymous = await failure(() => call(h.client(), path, type, {})).catch(() => null);
      if (anonymous?.appCode !== 'UNAUTHENTICATED') return;
      const refused = await failure(() => call(finance, path, type, {}));
      expect(refused.appCode).toBe('FORBIDDEN');
    },
  );

  it('pays: candidates, a batch, its detail with the payee account, confirmation, payment, export', async () => {
    const { applicationId } = await noticePassedAward(h, reviewer);
    const candidate = (await finance.disbursements.candidates.query()).find(
      (c) => c.applicationId === applicationId,
    );
    expect(candidate).toMatchObject({ payable: true, bankAccountMasked: expect.any(String) });
    const batch = await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const listed = await finance.disbursements.list.query({});
    expect(listed.items.some((b) => b.id === batch.id)).toBe(true);
    const detail = await finance.disbursements.byId.query({ id: batch.id });
    expect(detail.items[0]?.payeeAccountNo).toMatch(/^\d+$/);
    await finance2.disbursements.confirm.mutate({ batchId: batch.id, idempotencyKey: key() });
    expect(
      await finance.disbursements.markPaid.mutate({ batchId: batch.id, idempotencyKey: key() }),
    ).toMatchObject({ status: 'paid' });
    expect((await finance.disbursements.exportXlsx.mutate({ batchId: batch.id })).base64).toEqual(
      expect.any(String),
    );
    expect(await finance.disbursements.ledger.query({ year: 2026 })).toBeTruthy();
    expect(await finance.budgets.list.query({ year: 2026 })).toBeTruthy();
    expect(await finance.workbench.summary.query()).toBeTruthy();
  });
});

describe('finance opens evidence of awards in a batch only', () => {
  async function financeCaller(): Promise<OfficerCaller> {
    const user = await h.prisma.user.findUniqueOrThrow({ where: { username: 'finance' } });
    return {
      kind: 'officer',
      userId: user.id,
      sessionId: 'test',
      username: user.username ?? 'finance',
      displayName: user.displayName,
      role: 'finance-officer',
      areaCode: null,
    };
  }
  /** The stored file of an application's first evidence item. */
  const evidenceOf = (applicationId: string) =>
    h.prisma.storedFile.findFirstOrThrow({ where: { evidence: { some: { applicationId } } } });

  it('refuses evidence of an application in no batch, grants it once the award is in one', async () => {
    const canSee = officerFileAccess(h.db);
    const me = await financeCaller();
    const { application } = await submittedScenario(h, '财务材料权限案例');
    expect(await canSee(me, await evidenceOf(application.id))).toBe(false);

    const { applicationId, number } = await noticePassedAward(h, reviewer);
    const voucher = await evidenceOf(applicationId);
    expect(await canSee(me, voucher)).toBe(false);
    await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    expect(await canSee(me, voucher)).toMatchObject({
      details: { applicationId, number },
    });
    // The case workers keep their access.
    const admin = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(
      await canSee(
        { ...me, userId: admin.id, username: 'admin', role: 'bureau-admin' },
        await evidenceOf(application.id),
      ),
    ).not.toBe(false);
  });
});

describe('finance’s workbench', () => {
  it('shows payment activity only, and no notice or 科技副总 deadlines it cannot open', async () => {
    const admin = await h.officer('admin');
    await admin.vp.calls.create.mutate(CALL_FORM);
    const { applicationId } = await noticePassedAward(h, reviewer);
    await finance.disbursements.createBatch.mutate({
      applicationIds: [applicationId],
      idempotencyKey: key(),
    });
    const bureau = await admin.workbench.summary.query();
    // The case workers' view has both kinds of deadline and of activity, so the test bites.
    expect(bureau.deadlines.length).toBeGreaterThan(0);
    expect(bureau.recent.some((r) => r.objectType !== 'disbursement_batch')).toBe(true);

    const mine = await finance.workbench.summary.query();
    expect(mine.deadlines).toEqual([]);
    expect(mine.recent.length).toBeGreaterThan(0);
    expect(mine.recent.every((r) => r.objectType === 'disbursement_batch')).toBe(true);
  });
});

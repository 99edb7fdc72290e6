import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyCatalogue, policySetFor } from '@kc/domain';
import { createPublicPages } from '../src/public';
import { firmApplicant } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * 政策修订 (issue 15): a proposed version is an amendment as data; an administrator asks for it to
 * be adopted from a date, a second one confirms; from that date new submissions are decided by
 * it, earlier ones keep theirs; adopted versions never change.
 */
describe('amending the policy: propose, adopt, confirm', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['officer']>>;
  let leader: Awaited<ReturnType<Harness['officer']>>;
  const YUAN = 100n;
  const CAP_KEY = 'rules.tech-transfer.formula.cap';
  const NEW_ID = 'suzhou-future-2026-12';
  const amendment = {
    baseId: 'suzhou-future-2026-draft',
    id: NEW_ID,
    version: '2026.12',
    title: '提高技术成果转化补助上限',
    effectiveFrom: '2026-12-20',
    changes: { [CAP_KEY]: '800000.00' },
  };
  let rowVersion = 0;

  /** A 四.8 form whose paid amount makes 10% exceed both caps: ¥6,000,000 paid, ¥600,000 computed. */
  const techTransfer = () => ({
    contractNo: `HT-${Math.random().toString(36).slice(2, 8)}`,
    resultName: '高效储热材料制备技术',
    sellerName: '合肥储能研究院有限公司',
    sellerLocation: 'outside-city',
    contractSignedOn: '2026-09-01',
    contractAmount: 8_000_000n * YUAN,
    payments: [{ paidOn: '2026-10-10', amount: 6_000_000n * YUAN, voucherNo: 'PZ001' }],
    conversionProject: '在宿州经开区建设中试线',
  });
  const EVIDENCE = [
    'technology-contract',
    'bank-transfer-voucher',
    'conversion-proof',
    'credit-commitment',
    'bank-account',
  ];
  async function draftOf(firm: Awaited<ReturnType<typeof firmApplicant>>) {
    return firm.client.applications.saveDraft.mutate({
      ruleId: 'tech-transfer',
      input: techTransfer(),
      evidence: await Promise.all(EVIDENCE.map((k) => firm.upload(k))),
    });
  }
  const submit = (
    firm: Awaited<ReturnType<typeof firmApplicant>>,
    draft: { id: string; version: number },
  ) =>
    firm.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });

  beforeAll(async () => {
    // 2026-12-01 10:00 in Shanghai.
    h = await createHarness({ start: new Date('2026-12-01T02:00:00Z') });
    admin = await h.officer('admin');
    leader = await h.officer('leader');
  });
  afterAll(() => h.close());

  it('the form is generated from the newest version: every amendable figure with its current value', async () => {
    const form = await admin.policyVersions.form.query();
    expect(form.base).toMatchObject({ id: 'suzhou-future-2026-draft' });
    expect(form.parameters.find((p) => p.key === CAP_KEY)).toMatchObject({
      clause: '四.8',
      kind: 'money-fen',
      current: '500000.00',
      currentText: '¥500,000.00',
    });
    const reviewer = await h.officer('reviewer');
    expect((await failure(() => reviewer.policyVersions.form.query())).appCode).toBe('FORBIDDEN');
    expect(
      (await failure(() => reviewer.policyVersions.propose.mutate({ amendment }))).appCode,
    ).toBe('FORBIDDEN');
  });

  it('a proposal with a wrong figure is refused field by field; nothing is written', async () => {
    const refused = await failure(() =>
      admin.policyVersions.propose.mutate({
        amendment: { ...amendment, changes: { [CAP_KEY]: '-1', 'rules.nope.amount': '1.00' } },
      }),
    );
    expect(refused.appCode).toBe('INVALID_INPUT');
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(
      [`changes.${CAP_KEY}`, 'changes.rules.nope.amount'].sort(),
    );
    expect(await h.prisma.policyVersion.count()).toBe(0);
  });

  it('proposes 四.8 at ¥800,000: the 修改对照表 reads old and new text and figure', async () => {
    const made = await admin.policyVersions.propose.mutate({ amendment });
    expect(made).toMatchObject({
      id: NEW_ID,
      status: 'proposed',
      statusName: '拟修订',
      changes: 1,
    });
    const detail = await admin.policyVersions.byId.query({ id: NEW_ID });
    expect(detail.comparison.rows).toEqual([
      expect.objectContaining({
        clause: '四.8',
        ruleId: 'tech-transfer',
        oldFigure: '¥500,000.00',
        newFigure: '¥800,000.00',
        key: CAP_KEY,
      }),
      expect.objectContaining({
        item: '施行日期',
        oldFigure: '2026-01-01',
        newFigure: '2026-12-20',
      }),
    ]);
    expect(detail.comparison.rows[0]!.oldText).toContain('50万元');
    expect(detail.comparison.rows[0]!.newText).toContain('80万元');
    expect(detail.proposedByName).toBe('系统管理员');
    rowVersion = detail.rowVersion;
    // The same id twice is a field error, not a crash.
    const again = await failure(() => admin.policyVersions.propose.mutate({ amendment }));
    expect(again).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { id: [expect.stringContaining(NEW_ID)] },
    });
  });

  let before: Awaited<ReturnType<typeof firmApplicant>>;
  let after: Awaited<ReturnType<typeof firmApplicant>>;
  let beforeApp = { id: '', version: 0 };
  let afterDraft = { id: '', version: 0 };

  it('adoption needs a date from tomorrow on, and a second administrator', async () => {
    const early = await failure(() =>
      admin.policyVersions.requestAdoption.mutate({
        id: NEW_ID,
        expectedVersion: rowVersion,
        effectiveFrom: '2026-12-01',
      }),
    );
    expect(early).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { effectiveFrom: ['施行日期最早为明天（2026-12-02）'] },
    });
    const asked = await admin.policyVersions.requestAdoption.mutate({
      id: NEW_ID,
      expectedVersion: rowVersion,
      effectiveFrom: '2026-12-20',
    });
    expect(asked).toMatchObject({ status: 'awaiting-confirmation', effectiveFrom: '2026-12-20' });
    // What the second officer checks no longer changes.
    expect(
      (
        await failure(() =>
          admin.policyVersions.update.mutate({
            id: NEW_ID,
            expectedVersion: asked.rowVersion,
            amendment,
          }),
        )
      ).appCode,
    ).toBe('INVALID_TRANSITION');
    const own = await failure(() =>
      admin.policyVersions.confirm.mutate({ id: NEW_ID, expectedVersion: asked.rowVersion }),
    );
    expect(own).toMatchObject({
      appCode: 'SEPARATION_OF_DUTIES',
      message: '该修订由您提请施行，须由另一名局管理员确认',
    });
    rowVersion = asked.rowVersion;

    // Before it is confirmed: one firm submits (the draft's cap), another keeps a draft.
    before = await firmApplicant(h);
    const draft = await draftOf(before);
    const submitted = await submit(before, draft);
    beforeApp = { id: submitted.id, version: submitted.version };
    after = await firmApplicant(h);
    afterDraft = await draftOf(after);
  });

  it('the second administrator confirms: the version is in force from its date, and draft holders are told', async () => {
    const confirmed = await leader.policyVersions.confirm.mutate({
      id: NEW_ID,
      expectedVersion: rowVersion,
    });
    expect(confirmed).toMatchObject({ status: 'adopted', statusName: '已通过' });
    expect(confirmed.draftsTold).toBeGreaterThanOrEqual(1);
    const told = await after.client.notifications.mine.query({});
    expect(told.items.find((n) => n.title === '政策标准有调整')).toMatchObject({
      link: { page: 'application', id: afterDraft.id },
    });
    expect(told.items.find((n) => n.title === '政策标准有调整')!.body).toContain('2026-12-20');

    // Anyone's client builds the same versions from the adopted amendments.
    const { amendments } = await h.client().policyVersions.catalogue.query();
    expect(amendments.map((a) => [a.id, a.effectiveFrom])).toEqual([[NEW_ID, '2026-12-20']]);
    const built = policySetFor('2026-12-20', policyCatalogue(amendments));
    const rule = built?.rules.find((r) => r.id === 'tech-transfer');
    expect([
      built?.id,
      rule?.formula.kind === 'percentage-capped' && rule.formula.capPerItem,
    ]).toEqual([NEW_ID, 800_000n * YUAN]);

    const { versions, builtIn } = await admin.policyVersions.list.query();
    expect(versions.map((v) => [v.id, v.statusName])).toEqual([[NEW_ID, '已通过']]);
    // The draft it amends ends the day before.
    expect(builtIn.find((s) => s.id === 'suzhou-future-2026-draft')?.effectiveTo).toBe(
      '2026-12-19',
    );
    const actions = (
      await h.prisma.auditLog.findMany({
        where: { objectType: 'policy_version' },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      'policy.version.propose',
      'policy.version.request-adoption',
      'policy.version.adopt',
    ]);
  });

  it('the public pages announce it with its 修改对照表; a proposal is not public', async () => {
    const pages = createPublicPages({ db: h.db, now: () => h.clock.now });
    const index = await pages.index();
    expect(index.html).toContain('第2026.12版已通过，自2026年12月20日起施行');
    const list = await pages.policyVersions();
    expect(list.html).toContain('提高技术成果转化补助上限');
    const detail = await pages.policyVersion(NEW_ID);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('修改对照表');
    expect(detail.html).toContain('单项成果累计最高 50万元');
    expect(detail.html).toContain('80万元');
    // No officer's name is published.
    expect(detail.html).not.toContain('系统管理员');
    expect(detail.html).not.toContain('分管副局长');

    const draft = await admin.policyVersions.propose.mutate({
      amendment: {
        ...amendment,
        id: 'suzhou-future-2027-01',
        version: '2027.1',
        baseId: NEW_ID,
        effectiveFrom: '2027-01-01',
        changes: { 'rules.tech-transfer.formula.rate': 1500 },
      },
    });
    expect((await pages.policyVersion(draft.id)).status).toBe(404);
    await admin.policyVersions.withdraw.mutate({
      id: draft.id,
      expectedVersion: draft.rowVersion,
      reason: '测试后撤回',
    });
  });

  it('a version sent back says who sent it back and when, until it is asked again; a withdrawn one, who withdrew it', async () => {
    const proposed = await admin.policyVersions.propose.mutate({
      amendment: {
        ...amendment,
        id: 'suzhou-future-2027-02',
        version: '2027.2',
        baseId: NEW_ID,
        effectiveFrom: '2027-01-01',
        changes: { 'rules.tech-transfer.formula.rate': 1500 },
      },
    });
    const ask = (expectedVersion: number) =>
      admin.policyVersions.requestAdoption.mutate({
        id: proposed.id,
        expectedVersion,
        effectiveFrom: '2027-01-01',
      });
    const asked = await ask(proposed.rowVersion);
    const returned = await leader.policyVersions.return.mutate({
      id: proposed.id,
      expectedVersion: asked.rowVersion,
      reason: '施行日期与预算年度不一致',
    });
    expect(await admin.policyVersions.byId.query({ id: proposed.id })).toMatchObject({
      status: 'proposed',
      returnReason: '施行日期与预算年度不一致',
      returnedByName: '分管副局长',
      returnedAt: h.clock.now,
    });
    // Who and when are told together, or not at all.
    await expect(
      h.prisma.$executeRaw`UPDATE policy_version SET returned_by = NULL WHERE id = ${proposed.id}`,
    ).rejects.toThrow(/policy_version_returned_check/);

    // Asked again: the return is no longer told.
    const again = await ask(returned.rowVersion);
    expect(await admin.policyVersions.byId.query({ id: proposed.id })).toMatchObject({
      status: 'awaiting-confirmation',
      returnReason: null,
      returnedByName: null,
      returnedAt: null,
    });

    // Sent back again, then withdrawn: the withdrawal, its reason and who made it.
    const back = await leader.policyVersions.return.mutate({
      id: proposed.id,
      expectedVersion: again.rowVersion,
      reason: '另行研究',
    });
    await admin.policyVersions.withdraw.mutate({
      id: proposed.id,
      expectedVersion: back.rowVersion,
      reason: '不再需要',
    });
    expect(await leader.policyVersions.byId.query({ id: proposed.id })).toMatchObject({
      status: 'withdrawn',
      returnReason: '不再需要',
      returnedByName: null,
      returnedAt: null,
      withdrawnByName: '系统管理员',
      withdrawnAt: h.clock.now,
    });
  });

  it('an adopted version never changes: not through the API, not in the database', async () => {
    const current = await admin.policyVersions.byId.query({ id: NEW_ID });
    for (const call of [
      () =>
        admin.policyVersions.withdraw.mutate({
          id: NEW_ID,
          expectedVersion: current.rowVersion,
          reason: '不再需要',
        }),
      () =>
        admin.policyVersions.update.mutate({
          id: NEW_ID,
          expectedVersion: current.rowVersion,
          amendment,
        }),
    ])
      expect((await failure(call)).appCode).toBe('INVALID_TRANSITION');
    await expect(
      h.prisma
        .$executeRaw`UPDATE policy_version SET checksum = repeat('0', 64) WHERE id = ${NEW_ID}`,
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      h.prisma.$executeRaw`DELETE FROM policy_version WHERE id = ${NEW_ID}`,
    ).rejects.toThrow(/cannot be changed/);
  });

  it('submitted on or after the date: the new cap; submitted before: the old one', async () => {
    // The day before: still the draft's cap.
    h.clock.now = new Date('2026-12-19T02:00:00Z');
    const stillOld = await firmApplicant(h);
    const old = await submit(stillOld, await draftOf(stillOld));
    expect(old).toMatchObject({
      policySetId: 'suzhou-future-2026-draft',
      computedAmountFen: 500_000n * YUAN,
    });

    h.clock.now = new Date('2026-12-20T02:00:00Z');
    const firm = await after.signInAgain();
    const fresh = await firm.applications.submit.mutate({
      applicationId: afterDraft.id,
      expectedVersion: afterDraft.version,
    });
    expect(fresh).toMatchObject({ policySetId: NEW_ID, computedAmountFen: 600_000n * YUAN });
    const explained = await firm.applications.byId.query({ id: fresh.id });
    expect(explained.explanation).toMatchObject({ policySetId: NEW_ID, version: '2026.12' });
    expect(explained.explanation?.capsApplied.join('')).toContain('800,000');

    const first = await (await before.signInAgain()).applications.byId.query({ id: beforeApp.id });
    expect(first).toMatchObject({
      policySetId: 'suzhou-future-2026-draft',
      computedAmountFen: 500_000n * YUAN,
    });
  });
});

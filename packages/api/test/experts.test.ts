import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpertProfileInput } from '@kc/domain';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * The expert pool (专家库, issue 14): an expert registers in the mini-program, the bureau approves,
 * rejects, suspends and reinstates with reasons, every step audited and told to the expert.
 */
describe('expert pool', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  let serial = 0;
  const form = (over: Partial<ExpertProfileInput> = {}): ExpertProfileInput => ({
    name: '周文博',
    mobile: `1390000${String(1000 + serial++).padStart(4, '0')}`,
    title: 'professor',
    unitName: '宿州学院',
    fieldCodes: ['low-carbon-energy'],
    subFieldCodes: ['membrane-electrode'],
    expertise: '质子交换膜燃料电池膜电极制备',
    conflicts: ['安徽宿氢新能源科技有限公司'],
    ...over,
  });

  async function registered(over: Partial<ExpertProfileInput> = {}) {
    const client = await h.applicant();
    const saved = await client.experts.saveMine.mutate(form(over));
    return { client, saved };
  }

  it('an expert registers and waits for review; officers see the mobile masked', async () => {
    const { client, saved } = await registered();
    expect(saved).toMatchObject({ status: 'pending', statusName: '待审核', version: 1 });
    expect(await client.experts.mine.query()).toMatchObject({ id: saved.id, status: 'pending' });

    const reviewer = await h.officer('reviewer');
    const page = await reviewer.experts.list.query({ status: 'pending', q: '宿州学院' });
    const row = page.items.find((e) => e.id === saved.id);
    expect(row).toMatchObject({
      titleName: '教授',
      fieldNames: ['低碳能源'],
      statusName: '待审核',
      conflicts: ['安徽宿氢新能源科技有限公司'],
    });
    expect(row?.mobileMasked).toMatch(/^139\*{4}\d{4}$/);
    expect(JSON.stringify(page)).not.toContain(saved.mobile);

    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { objectId: saved.id } });
    expect(audit.action).toBe('expert.register');
  });

  it('refuses a junior title, a sub-field outside the fields and a bad mobile, in Chinese', async () => {
    const client = await h.applicant();
    const refused = await failure(() =>
      client.experts.saveMine.mutate(form({ title: 'lecturer', mobile: '1234' })),
    );
    expect(refused.appCode).toBe('INVALID_INPUT');
    expect(refused.fieldErrors?.title).toEqual(['入库专家须具有副高级及以上职称，请选择职称']);
    expect(refused.fieldErrors?.mobile?.[0]).toMatch(/手机号/);
    const outside = await failure(() =>
      client.experts.saveMine.mutate(form({ subFieldCodes: ['drones'] })),
    );
    expect(outside.fieldErrors?.subFieldCodes).toEqual(['细分方向须属于所选的产业领域']);
    expect(await client.experts.mine.query()).toBeNull();
  });

  it('only the bureau keeps the pool: area officers, finance and applicants are refused', async () => {
    for (const who of [
      await h.officer('yongqiao'),
      await h.officer('finance'),
      await h.applicant(),
    ])
      expect((await failure(() => who.experts.list.query({}))).appCode).toBe('FORBIDDEN');
  });

  it('approval, rejection with its reason, and the expert told each time', async () => {
    const admin = await h.officer('admin');
    const a = await registered({ name: '李明远' });
    const b = await registered({ name: '王晓东' });

    const noReason = await failure(() =>
      admin.experts.decide.mutate({ id: b.saved.id, expectedVersion: 1, decision: 'reject' }),
    );
    expect(noReason.fieldErrors?.reason).toEqual(['请填写审核不通过的理由']);

    const approved = await admin.experts.decide.mutate({
      id: a.saved.id,
      expectedVersion: 1,
      decision: 'approve',
    });
    expect(approved).toMatchObject({ status: 'active', statusName: '在库', version: 2 });
    await admin.experts.decide.mutate({
      id: b.saved.id,
      expectedVersion: 1,
      decision: 'reject',
      reason: '职称证明与填报不符',
    });
    expect(await b.client.experts.mine.query()).toMatchObject({
      status: 'rejected',
      statusReason: '职称证明与填报不符',
    });
    const told = await b.client.notifications.mine.query({});
    expect(told.items[0]).toMatchObject({ title: '专家入库申请未通过' });
    expect(told.items[0]?.body).toContain('职称证明与填报不符');

    // Approving again is refused with what the expert's status is now.
    const again = await failure(() =>
      admin.experts.decide.mutate({ id: a.saved.id, expectedVersion: 2, decision: 'approve' }),
    );
    expect(again).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '该专家当前为“在库”，不能审核通过',
    });
    // A rejected expert who edits applies again.
    const resubmitted = await b.client.experts.saveMine.mutate(form({ name: '王晓东' }));
    expect(resubmitted).toMatchObject({ status: 'pending', statusReason: null });

    const found = await admin.audit.search.query({ objectId: a.saved.id });
    expect(found.items.map((i) => [i.actionLabel, i.objectTypeLabel, i.objectLabel])).toEqual([
      ['专家入库审核通过', '评审专家', '李明远'],
      ['申请加入专家库', '评审专家', '李明远'],
    ]);
  });

  it('an approved expert changing unit or fields goes back to review; expertise alone does not', async () => {
    const admin = await h.officer('admin');
    const { client, saved } = await registered({ name: '赵一鸣' });
    await admin.experts.decide.mutate({ id: saved.id, expectedVersion: 1, decision: 'approve' });
    const same = { name: '赵一鸣', mobile: saved.mobile };
    const edited = await client.experts.saveMine.mutate(
      form({ ...same, expertise: '膜电极与催化剂寿命评价' }),
    );
    expect(edited).toMatchObject({ status: 'active', version: 3 });
    const moved = await client.experts.saveMine.mutate(
      form({ ...same, unitName: '安徽大学', expertise: '膜电极与催化剂寿命评价' }),
    );
    expect(moved).toMatchObject({ status: 'pending', version: 4 });
  });

  it('a suspended expert cannot edit until reinstated; a stale decision is refused', async () => {
    const admin = await h.officer('admin');
    const reviewer = await h.officer('reviewer');
    const { client, saved } = await registered({ name: '钱立新' });
    await admin.experts.decide.mutate({ id: saved.id, expectedVersion: 1, decision: 'approve' });
    // Two officers act on the same version at once: exactly one decision is applied.
    const results = await Promise.allSettled([
      admin.experts.decide.mutate({
        id: saved.id,
        expectedVersion: 2,
        decision: 'suspend',
        reason: '连续两次无故缺席评审',
      }),
      reviewer.experts.decide.mutate({
        id: saved.id,
        expectedVersion: 2,
        decision: 'suspend',
        reason: '评审意见敷衍',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stale = await failure(() =>
      reviewer.experts.decide.mutate({
        id: saved.id,
        expectedVersion: 2,
        decision: 'reinstate',
        reason: '已说明情况',
      }),
    );
    expect(stale.appCode).toBe('EXPERT_STALE');
    expect((await failure(() => client.experts.saveMine.mutate(form()))).appCode).toBe(
      'EXPERT_SUSPENDED',
    );
    const rows = await h.prisma.auditLog.count({
      where: { objectId: saved.id, action: 'expert.suspend' },
    });
    expect(rows).toBe(1);
    await admin.experts.decide.mutate({
      id: saved.id,
      expectedVersion: 3,
      decision: 'reinstate',
      reason: '已说明情况',
    });
    expect(await client.experts.mine.query()).toMatchObject({ status: 'active' });
  });

  it('the full mobile only with a reason, and the look is audited', async () => {
    const admin = await h.officer('admin');
    const { saved } = await registered({ name: '孙海峰' });
    const refused = await failure(() => admin.experts.revealMobile.mutate({ id: saved.id }));
    expect(refused.appCode).toBe('REVEAL_REASON_REQUIRED');
    const shown = await admin.experts.revealMobile.mutate({
      id: saved.id,
      reason: '通知评审会议时间',
    });
    expect(shown.mobile).toBe(saved.mobile);
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { objectId: saved.id, action: 'expert.reveal-mobile' },
    });
    expect(audit.details).toMatchObject({ reason: '通知评审会议时间' });
    expect(JSON.stringify(audit.details)).not.toContain(saved.mobile);
  });
});

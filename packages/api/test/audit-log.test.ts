import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { SCENARIO_EVIDENCE, firmApplicant, scenarioInput } from './awards-support';
import { researcherInput, residentId } from './fixtures';
import { CALL_FORM, needForm, vpFirm } from './vp-support';

/**
 * The audit log as officers read it (issue 11, defect 10): Chinese names instead of codes and
 * UUIDs, the officer who logged in as the actor, search by application number, and every state
 * change an applicant makes has its row.
 */
describe('audit log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function rowsOf(objectId: string) {
    return h.prisma.auditLog.findMany({ where: { objectId }, orderBy: { id: 'asc' } });
  }

  it('a login row names the officer who logged in as its actor, in Chinese', async () => {
    await h.officer('reviewer');
    const admin = await h.officer('admin');
    const found = await admin.audit.search.query({
      action: 'auth.officer-login',
      actor: 'reviewer',
    });
    expect(found.total).toBeGreaterThanOrEqual(1);
    const row = found.items[0]!;
    expect(row.actorName).toMatch(/reviewer/);
    expect(row.actorRoleName).toBe('局审核员');
    expect(row.actionLabel).toBe('登录');
    expect(row.objectTypeLabel).toBe('账号');
    expect(row.objectLabel).toMatch(/reviewer/);
  });

  it('an applicant drafting, submitting, resubmitting and withdrawing leaves a row for each', async () => {
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('宿州审计日志测试场景'),
      evidence,
    });
    const submitted = await firm.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    const yongqiao = await h.officer('yongqiao');
    const accepted = await yongqiao.review.act.mutate({
      applicationId: draft.id,
      action: 'accept-area',
      expectedVersion: submitted.version,
    });
    const returned = await yongqiao.review.act.mutate({
      applicationId: draft.id,
      action: 'return',
      comment: '请补充案例说明',
      expectedVersion: accepted.version,
    });
    const resubmitted = await firm.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: returned.version,
    });
    await firm.client.applications.withdraw.mutate({
      applicationId: draft.id,
      reason: '暂不申请',
      expectedVersion: resubmitted.version,
    });
    const rows = await rowsOf(draft.id);
    expect(rows.map((r) => r.action)).toEqual([
      'application.create',
      'application.submit',
      'application.accept-area',
      'application.return',
      'application.resubmit',
      'application.withdraw',
    ]);
    const own = rows.filter((r) => r.actorUserId === firm.userId);
    expect(own).toHaveLength(4);
    for (const r of own) {
      expect(r.actorRole).toBe('applicant');
      expect(r.areaCode).toBe('yongqiao');
      expect(r.details).toMatchObject({ number: draft.number });
    }

    // The admin finds all of them by the application number, with Chinese names and no UUID.
    const admin = await h.officer('admin');
    const found = await admin.audit.search.query({ objectId: draft.number, pageSize: 50 });
    expect(found.items.map((i) => i.action).reverse()).toEqual(rows.map((r) => r.action));
    const withdrawn = found.items[0]!;
    expect(withdrawn.actionLabel).toBe('申请：撤回申请');
    expect(withdrawn.objectTypeLabel).toBe('奖补申请');
    expect(withdrawn.objectLabel).toBe(draft.number);
    expect(withdrawn.actorRoleName).toBe('申请人');
    expect(withdrawn.actorName).toContain(firm.org.name);
    expect(found.items.find((i) => i.action === 'application.resubmit')?.actionLabel).toBe(
      '申请：重新提交申请',
    );
    // The area officer of the application's area finds them too.
    expect((await yongqiao.audit.search.query({ objectId: draft.number })).total).toBe(6);
  });

  it('the search by application number also finds the batches and objections naming it', async () => {
    const admin = await h.officer('admin');
    const app = await h.prisma.application.findFirstOrThrow({ select: { id: true, number: true } });
    await h.prisma.auditLog.create({
      data: {
        at: h.clock.now,
        action: 'notice.add-items',
        objectType: 'notice-batch',
        objectId: '00000000-0000-4000-8000-000000000001',
        details: { number: 'GS-TEST', applications: [app.number] },
      },
    });
    const found = await admin.audit.search.query({ objectId: app.number });
    expect(found.items.some((i) => i.action === 'notice.add-items')).toBe(true);
    // A number is matched whole: a prefix of it finds nothing.
    expect((await admin.audit.search.query({ objectId: app.number.slice(0, -1) })).total).toBe(0);
  });

  it('a researcher saving a profile and a firm editing a 科技副总 need are audited', async () => {
    const client = await h.applicant();
    const saved = await client.profile.saveResearcher.mutate(
      researcherInput({ residentId: residentId('19850101', '417') }),
    );
    await client.profile.saveResearcher.mutate(
      researcherInput({ residentId: residentId('19850101', '417'), title: 'professor' }),
    );
    const researcherRows = await rowsOf(saved.id);
    expect(researcherRows.map((r) => r.action)).toEqual([
      'researcher.register',
      'researcher.update',
    ]);
    // Never the full ID or mobile number.
    const written = JSON.stringify(researcherRows.map((r) => r.details));
    expect(written).not.toContain('13855720002');
    expect(written).not.toContain(residentId('19850101', '417'));

    const admin = await h.officer('admin');
    const call = await admin.vp.calls.create.mutate({ ...CALL_FORM, title: '审计测试批次' });
    const firm = await vpFirm(h);
    const need = await firm.client.vp.needs.create.mutate({ callId: call.id, need: needForm() });
    await firm.client.vp.needs.update.mutate({
      needId: need.id,
      need: needForm({ daysPerYear: 90 }),
    });
    expect((await rowsOf(need.id)).map((r) => r.action)).toEqual([
      'vp.need.create',
      'vp.need.update',
    ]);
    const found = await admin.audit.search.query({ objectId: need.id });
    expect(found.items[0]?.objectLabel).toContain('燃料电池膜电极量产工艺攻关');
  });

  it('a reveal without a reason is refused with a stable code; the reason is kept in the row', async () => {
    const reviewer = await h.officer('reviewer');
    const researcher = (await reviewer.researchers.list.query({ pageSize: 1 })).items[0]!;
    for (const reason of [undefined, '  ']) {
      const refused = await failure(() =>
        reviewer.researchers.revealMobile.mutate({ id: researcher.id, reason } as never),
      );
      expect(refused.appCode).toBe('REVEAL_REASON_REQUIRED');
      expect(refused.message).toBe('查看完整号码须填写查看理由');
    }
    await reviewer.researchers.revealMobile.mutate({
      id: researcher.id,
      reason: '电话核实申报材料',
    });
    const yongqiao = await h.officer('yongqiao');
    const org = (await yongqiao.organisations.list.query({})).items[0]!;
    expect(
      (await failure(() => yongqiao.organisations.revealContact.mutate({ id: org.id } as never)))
        .appCode,
    ).toBe('REVEAL_REASON_REQUIRED');
    await yongqiao.organisations.revealContact.mutate({ id: org.id, reason: '联系补正材料' });
    const rows = await h.prisma.auditLog.findMany({
      where: { action: { in: ['researcher.reveal-mobile', 'organisation.reveal-contact'] } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => (r.details as { reason?: string }).reason)).toEqual([
      '电话核实申报材料',
      '联系补正材料',
    ]);
  });

  it('the type filter takes Chinese-named types, and every row names its object', async () => {
    const admin = await h.officer('admin');
    const page = await admin.audit.search.query({ pageSize: 100 });
    for (const row of page.items) {
      expect(row.objectTypeLabel).toMatch(/[\u4e00-\u9fa5]/);
      expect(row.actionLabel).toMatch(/[\u4e00-\u9fa5]/);
      // A UUID is never what an officer is shown for the object.
      expect(row.objectLabel ?? '').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});

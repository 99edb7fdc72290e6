import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import {
  APPLICATION_FORM,
  CALL_FORM,
  needForm,
  storedFile,
  vpFirm,
  vpResearcher,
} from './vp-support';

/**
 * Issue 11: what firms and researchers read of a call as it moves on. Their need and their
 * application follow the call (defect 5); the matcher says why someone was left over (defect
 * 13); the counterpart's contact shows once the call is confirmed, and only to the counterpart.
 */
describe('科技副总: statuses, leftovers and contacts follow the call', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['officer']>>;
  let firm: Awaited<ReturnType<typeof vpFirm>>;
  let zhou: Awaited<ReturnType<typeof vpResearcher>>;
  let conflicted: Awaited<ReturnType<typeof vpResearcher>>;
  let callId: string;
  const FIRM_PHONE = '13955710001';
  const ZHOU_PHONE = '13855720002';

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-12-01T02:00:00Z');
    admin = await h.officer('admin');
    firm = await vpFirm(h, { name: '宿州氢途动力科技有限公司' });
    zhou = await vpResearcher(h, { name: '周文博', institutionName: '合肥工业大学' });
    conflicted = await vpResearcher(h, {
      name: '王建华',
      institutionName: '皖北能源研究院',
      mobile: '13505573903',
    });
  });
  afterAll(() => h.close());

  async function moveClock(iso: string) {
    h.clock.now = new Date(iso);
    admin = await h.officer('admin');
    for (const who of [firm, zhou, conflicted]) who.client = await h.applicant(who.openid);
  }
  const needProgress = async () => (await firm.client.vp.needs.mine.query())[0]!.progress.name;
  const officerNeedProgress = async () =>
    (await admin.vp.needs.ofCall.query({ callId }))[0]!.progress.name;
  const applicationProgress = async (who: typeof zhou) =>
    (await who.client.vp.candidates.mine.query())[0]!.progress.name;
  const officerCandidateProgress = async (who: typeof zhou) =>
    (await admin.vp.candidates.ofCall.query({ callId })).find(
      (c) => c.researcherId === who.researcher.id,
    )!.progress.name;

  it('a need requires its sub-field (it is scored)', async () => {
    callId = (await admin.vp.calls.create.mutate(CALL_FORM)).id;
    const refused = await failure(() =>
      firm.client.vp.needs.create.mutate({
        callId,
        need: { ...needForm(), subFieldCode: undefined as unknown as string },
      }),
    );
    expect(refused.fieldErrors?.['need.subFieldCode']).toEqual(['请选择细分方向']);
    await firm.client.vp.needs.create.mutate({ callId, need: needForm() });
    expect(await needProgress()).toBe('征集中');
    expect(await officerNeedProgress()).toBe('征集中');
  });

  it('before matching: 待匹配 / 已报名, then 匹配中 on both sides', async () => {
    await admin.vp.calls.advance.mutate({ callId, action: 'open-applications' });
    await zhou.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM });
    const [need] = await firm.client.vp.needs.mine.query();
    await conflicted.client.vp.candidates.apply.mutate({
      callId,
      application: { ...APPLICATION_FORM, relatedFirmCreditCodes: [firm.org.creditCode] },
    });
    expect(need).toBeDefined();
    expect(await needProgress()).toBe('待匹配');
    expect(await applicationProgress(zhou)).toBe('已报名');
    expect(await officerCandidateProgress(zhou)).toBe('已报名');
    await admin.vp.calls.advance.mutate({ callId, action: 'start-matching' });
    expect(await needProgress()).toBe('匹配中');
    expect(await applicationProgress(zhou)).toBe('匹配中');
  });

  it('the run says why a researcher and a need were left over (defect 13)', async () => {
    const run = (await admin.vp.matching.run.mutate({ callId }))!;
    expect(run.proposals.map((p) => p.candidate.name)).toEqual(['周文博']);
    const wang = (await admin.vp.candidates.ofCall.query({ callId })).find(
      (c) => c.name === '王建华',
    )!;
    expect(run.summary.unplacedCandidates).toEqual([
      {
        candidateId: wang.id,
        hadOptions: false,
        reason: '无可配对的需求：同领域需求1项，其中因创办或投资关系须回避1项',
      },
    ]);
  });

  it('published: 公示中 for the matched, 未匹配 for the rest; no contacts yet', async () => {
    const latest = (await admin.vp.matching.latest.query({ callId }))!;
    await admin.vp.calls.advance.mutate({ callId, action: 'confirm-matches', runId: latest.id });
    expect(await needProgress()).toBe('公示中');
    expect(await officerNeedProgress()).toBe('公示中');
    expect(await applicationProgress(zhou)).toBe('公示中');
    expect(await applicationProgress(conflicted)).toBe('未匹配');
    expect(await officerCandidateProgress(conflicted)).toBe('未匹配');

    const [firmView] = await firm.client.vp.secondments.mine.query();
    const [zhouView] = await zhou.client.vp.secondments.mine.query();
    expect(firmView!.counterpart).toBeNull();
    expect(zhouView!.counterpart).toBeNull();
    const detail = await firm.client.vp.secondments.myDetail.query({ secondmentId: firmView!.id });
    expect(detail.counterpart).toBeNull();
    for (const view of [firmView, zhouView, detail]) {
      expect(JSON.stringify(view)).not.toContain(ZHOU_PHONE);
      expect(JSON.stringify(view)).not.toContain(FIRM_PHONE);
    }
  });

  it('confirmed: 已确认, and each side sees the other’s contact in full', async () => {
    await moveClock('2026-12-09T02:00:00Z');
    await admin.vp.calls.advance.mutate({ callId, action: 'confirm-call' });
    expect(await needProgress()).toBe('已确认');
    expect(await applicationProgress(zhou)).toBe('已确认');
    expect(await applicationProgress(conflicted)).toBe('未匹配');

    const [firmView] = await firm.client.vp.secondments.mine.query();
    expect(firmView!.counterpart).toEqual({
      name: '周文博',
      unit: '合肥工业大学',
      phone: ZHOU_PHONE,
    });
    const [zhouView] = await zhou.client.vp.secondments.mine.query();
    expect(zhouView!.counterpart).toEqual({
      name: firm.org.contactName,
      unit: '宿州氢途动力科技有限公司',
      phone: FIRM_PHONE,
    });
    const detail = await zhou.client.vp.secondments.myDetail.query({ secondmentId: zhouView!.id });
    expect(detail.counterpart?.phone).toBe(FIRM_PHONE);
    // Officers' lists keep phones masked.
    const officerView = await admin.vp.secondments.list.query({ callId });
    expect(JSON.stringify(officerView)).not.toContain(ZHOU_PHONE);
    expect(JSON.stringify(officerView)).not.toContain(FIRM_PHONE);
    // Nobody else's phone leaks to the researcher who was not placed.
    expect(await conflicted.client.vp.secondments.mine.query()).toEqual([]);

    await zhou.client.vp.secondments.uploadAgreement.mutate({
      secondmentId: zhouView!.id,
      fileId: await storedFile(h, zhou.userId),
    });
    expect(await needProgress()).toBe('履职中');
    expect(await applicationProgress(zhou)).toBe('履职中');
  });
});

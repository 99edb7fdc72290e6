import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResearcherProfileInput } from '@kc/domain';
import { creditCode, researcherInput, residentId } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { invitedMember, registeredOrg } from './members-support';
import { verifiedInDb } from './org-support';
import { APPLICATION_FORM, CALL_FORM } from './vp-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

let serial = 1500;
let idSeq = 300;

/** A verified 高校 (or another type) on the platform, with its administrator. */
async function institution(type: 'university' | 'institute' | 'firm' = 'university') {
  const n = serial++;
  const names = {
    university: '宿州学院',
    institute: '宿州农业科学研究院',
    firm: '宿州某科技有限公司',
  };
  const made = await registeredOrg(h, {
    type,
    name: `${names[type]}${n}`,
    creditCode: creditCode(n),
  });
  await verifiedInDb(h, made.org.id);
  return made;
}

async function researcher(overrides: Partial<ResearcherProfileInput> = {}) {
  const client = await h.applicant();
  const profile = researcherInput({
    residentId: residentId('19800615', String(idSeq++).padStart(3, '0')),
    ...overrides,
  });
  const saved = await client.profile.saveResearcher.mutate(profile);
  return { client, profile, id: saved.id };
}

async function linkStatus(client: Awaited<ReturnType<Harness['applicant']>>) {
  const mine = await client.profile.mine.query();
  if (mine.type !== 'researcher') throw new Error('not a researcher');
  return [mine.researcher.institutionLinkStatus, mine.researcher.institutionLinkStatusLabel];
}

describe('a researcher’s 工作单位, confirmed by the institution', () => {
  it('naming an institution on the platform by its credit code asks its administrators, who are told', async () => {
    const uni = await institution();
    const zhou = await researcher({ name: '周文博', institutionCreditCode: uni.org.creditCode });
    expect(await linkStatus(zhou.client)).toEqual(['pending', '待单位确认']);

    const pending = await uni.admin.myOrg.researcherLinks.pending.query();
    expect(pending).toEqual([
      expect.objectContaining({
        researcherId: zhou.id,
        name: '周文博',
        titleLabel: '副教授',
        mobileMasked: '138****0002',
      }),
    ]);
    expect(JSON.stringify(pending)).not.toContain('13855720002');
    expect((await uni.admin.notifications.mine.query({ limit: 5 })).items[0]).toMatchObject({
      title: '科研人员申请关联本单位',
      link: { page: 'org-members', id: uni.org.id },
    });
  });

  it('without an organisation of that code, or without a code, the 单位 stays free text marked 未核验', async () => {
    const a = await researcher({ institutionCreditCode: creditCode(1999) });
    expect(await linkStatus(a.client)).toEqual(['none', '未核验']);
    const b = await researcher();
    expect(await linkStatus(b.client)).toEqual(['none', '未核验']);
  });

  it('the administrator confirms; the researcher is told, and it is in the organisation’s activity', async () => {
    const uni = await institution();
    const wu = await researcher({ name: '吴思远', institutionCreditCode: uni.org.creditCode });
    const decided = await uni.admin.myOrg.researcherLinks.decide.mutate({
      researcherId: wu.id,
      decision: 'confirmed',
    });
    expect(decided).toEqual({ researcherId: wu.id, status: 'confirmed' });
    expect(await linkStatus(wu.client)).toEqual(['confirmed', '已确认']);
    expect((await wu.client.notifications.mine.query({ limit: 5 })).items[0]).toMatchObject({
      title: '工作单位已确认',
      body: `“${uni.org.name}”已确认您是本单位人员。`,
    });
    expect(await uni.admin.myOrg.researcherLinks.pending.query()).toEqual([]);
    const activity = await uni.admin.myOrg.members.activity.query({ limit: 10 });
    expect(activity.items.slice(0, 2).map((i) => [i.actionLabel, i.actorName, i.note])).toEqual([
      ['确认科研人员为本单位人员', '陈晓东', '吴思远'],
      ['科研人员申请关联本单位', '科研人员吴思远', null],
    ]);

    expect(
      await failure(() =>
        uni.admin.myOrg.researcherLinks.decide.mutate({
          researcherId: wu.id,
          decision: 'rejected',
        }),
      ),
    ).toMatchObject({ appCode: 'INSTITUTION_LINK_CLOSED', message: '该单位关联申请已处理' });
  });

  it('an administrator who does not confirm tells the researcher, who may correct the 单位', async () => {
    const uni = await institution();
    const zheng = await researcher({ institutionCreditCode: uni.org.creditCode });
    await uni.admin.myOrg.researcherLinks.decide.mutate({
      researcherId: zheng.id,
      decision: 'rejected',
    });
    expect(await linkStatus(zheng.client)).toEqual(['rejected', '单位未确认']);
    expect((await zheng.client.notifications.mine.query({ limit: 1 })).items[0]?.title).toBe(
      '工作单位未获确认',
    );
    // Saving again with the same code does not ask the institution again.
    await zheng.client.profile.saveResearcher.mutate({ ...zheng.profile, expertise: '新的专长' });
    expect(await linkStatus(zheng.client)).toEqual(['rejected', '单位未确认']);
  });

  it('only the named institution’s administrators decide, and only once it is verified', async () => {
    const uni = await institution();
    const other = await institution();
    const qian = await researcher({ institutionCreditCode: uni.org.creditCode });
    const input = { researcherId: qian.id, decision: 'confirmed' as const };
    expect(
      (await failure(() => other.admin.myOrg.researcherLinks.decide.mutate(input))).appCode,
    ).toBe('NOT_FOUND');
    const agent = await invitedMember(h, uni.admin, 'agent', '钱经办');
    expect(
      await failure(() => agent.client.myOrg.researcherLinks.decide.mutate(input)),
    ).toMatchObject({ appCode: 'NOT_ORG_ADMIN', message: '只有单位管理员可以进行此操作' });
    expect((await failure(() => agent.client.myOrg.researcherLinks.pending.query())).appCode).toBe(
      'NOT_ORG_ADMIN',
    );

    const unverified = await registeredOrg(h, { type: 'university', name: '未认证学院' });
    const sun = await researcher({ institutionCreditCode: unverified.org.creditCode });
    expect(
      await failure(() =>
        unverified.admin.myOrg.researcherLinks.decide.mutate({
          researcherId: sun.id,
          decision: 'confirmed',
        }),
      ),
    ).toMatchObject({
      appCode: 'ORGANISATION_NOT_VERIFIED',
      message: '单位通过机构认证后，才能确认科研人员是否为本单位人员',
    });
    expect(await linkStatus(sun.client)).toEqual(['pending', '待单位确认']);
  });

  it('a changed credit code starts the link over; an institution that registers later is linked on the next save', async () => {
    const uni = await institution();
    const other = await institution('institute');
    const feng = await researcher({ institutionCreditCode: uni.org.creditCode });
    await uni.admin.myOrg.researcherLinks.decide.mutate({
      researcherId: feng.id,
      decision: 'confirmed',
    });
    await feng.client.profile.saveResearcher.mutate({ ...feng.profile, expertise: '只改专长' });
    expect(await linkStatus(feng.client)).toEqual(['confirmed', '已确认']);

    await feng.client.profile.saveResearcher.mutate({
      ...feng.profile,
      institutionCreditCode: other.org.creditCode,
    });
    expect(await linkStatus(feng.client)).toEqual(['pending', '待单位确认']);
    expect(
      (await other.admin.myOrg.researcherLinks.pending.query()).map((p) => p.researcherId),
    ).toEqual([feng.id]);
    await feng.client.profile.saveResearcher.mutate({ ...feng.profile, institutionCreditCode: '' });
    expect(await linkStatus(feng.client)).toEqual(['none', '未核验']);
    expect(await other.admin.myOrg.researcherLinks.pending.query()).toEqual([]);

    const laterCode = creditCode(serial + 50);
    const chen = await researcher({ institutionCreditCode: laterCode });
    expect(await linkStatus(chen.client)).toEqual(['none', '未核验']);
    await registeredOrg(h, { type: 'university', name: '新入驻学院', creditCode: laterCode });
    await chen.client.profile.saveResearcher.mutate(chen.profile);
    expect(await linkStatus(chen.client)).toEqual(['pending', '待单位确认']);
  });
});

describe('科技副总: “at a university or institute” rests on the confirmed link', () => {
  let callId: string;
  let admin: Awaited<ReturnType<Harness['officer']>>;
  beforeAll(async () => {
    admin = await h.officer('admin');
    callId = (await admin.vp.calls.create.mutate(CALL_FORM)).id;
    await admin.vp.calls.advance.mutate({ callId, action: 'open-applications' });
  });

  it('a researcher whose institution confirms it is a firm is not eligible, whatever they declare', async () => {
    const firm = await institution('firm');
    const he = await researcher({
      name: '何志远',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: [],
      institutionCreditCode: firm.org.creditCode,
    });
    // While the link waits, the declaration stands (officers are warned).
    const pendingApply = await he.client.vp.candidates.apply.mutate({
      callId,
      application: APPLICATION_FORM,
    });
    await he.client.vp.candidates.withdraw.mutate({ candidateId: pendingApply.id });

    await firm.admin.myOrg.researcherLinks.decide.mutate({
      researcherId: he.id,
      decision: 'confirmed',
    });
    const refused = await failure(() =>
      he.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM }),
    );
    expect(refused).toMatchObject({
      appCode: 'VP_NOT_ELIGIBLE',
      message: `经“${firm.org.name}”确认，您的工作单位为企业；科技副总须为高校或科研院所的科研人员`,
    });
    expect(refused.fieldErrors?.['application.institutionKind']).toBeDefined();
  });

  it('a researcher confirmed by a university is eligible as 高校 even if they declared otherwise', async () => {
    const uni = await institution('university');
    const lin = await researcher({
      name: '林若溪',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: [],
      institutionCreditCode: uni.org.creditCode,
    });
    await uni.admin.myOrg.researcherLinks.decide.mutate({
      researcherId: lin.id,
      decision: 'confirmed',
    });
    const applied = await lin.client.vp.candidates.apply.mutate({
      callId,
      application: { ...APPLICATION_FORM, institutionKind: 'other' },
    });
    expect(applied.institutionKind).toBe('university');
    const listed = (await admin.vp.candidates.ofCall.query({ callId })).find(
      (c) => c.id === applied.id,
    );
    expect(listed).toMatchObject({ institutionUnverified: false, institutionNote: null });
  });

  it('officers see a warning where the institution has not confirmed the researcher', async () => {
    const uni = await institution('university');
    const pendingOne = await researcher({
      name: '待确认',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: [],
      institutionCreditCode: uni.org.creditCode,
    });
    const freeText = await researcher({
      name: '自填单位',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: [],
    });
    const ids = [];
    for (const who of [pendingOne, freeText])
      ids.push(
        (await who.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM })).id,
      );
    const listed = await admin.vp.candidates.ofCall.query({ callId });
    const [p, f] = ids.map((id) => listed.find((c) => c.id === id));
    expect(p).toMatchObject({
      institutionUnverified: true,
      institutionNote: `工作单位待“${uni.org.name}”管理员确认，单位类型为本人填报`,
    });
    expect(f).toMatchObject({
      institutionUnverified: true,
      institutionNote: '工作单位未在平台核验，单位信息为本人填报',
    });
  });
});

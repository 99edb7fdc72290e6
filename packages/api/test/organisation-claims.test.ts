import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimSubmitInput } from '@kc/domain';
import { SCENARIO_EVIDENCE, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { researcherInput, residentId } from './fixtures';
import {
  auditOf,
  codeIn,
  declareConflict,
  registeredOrg,
  storedFile,
  verifiedOrg,
} from './verification-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Someone new to the platform, with their licence uploaded, ready to claim `creditCode`. */
async function newcomer(creditCode: string, overrides: Partial<ClaimSubmitInput> = {}) {
  const client = await h.applicant();
  const userId = (await client.auth.me.query()).id;
  const licence = await storedFile(h, userId);
  const input: ClaimSubmitInput = {
    creditCode,
    licenceKind: 'business-licence',
    licenceFileId: licence.id,
    legalRepName: '赵立新',
    actingRole: 'legal-representative',
    claimantName: '赵立新',
    claimantPhone: '13905571234',
    statement: '本人为该公司法定代表人，公司账号系前员工私自注册，现申请收回管理权限。',
    ...overrides,
  };
  return { client, userId, input };
}

describe('认领申诉: a newcomer whose credit code is taken', () => {
  it('files a claim with the licence; the holders hear of it and the claimant sees it pending', async () => {
    const firm = await verifiedOrg(h);
    const claimant = await newcomer(firm.org.creditCode);
    const claim = await claimant.client.claims.submit.mutate(claimant.input);
    expect(claim).toMatchObject({
      status: 'pending',
      statusLabel: '待审核',
      organisation: { name: firm.org.name, creditCode: firm.org.creditCode },
    });
    expect(await claimant.client.claims.mine.query()).toHaveLength(1);
    const told = await h.prisma.notification.findMany({ where: { userId: firm.userId } });
    expect(told.map((m) => m.title)).toContain('单位账号收到认领申诉');
    const audit = await auditOf(h, claim.id);
    expect(audit[0]).toMatchObject({ action: 'organisation.claim.submit', areaCode: 'yongqiao' });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('13905571234');
  });

  it('is told to register instead when nobody holds the code', async () => {
    const claimant = await newcomer(codeIn());
    const result = await failure(() => claimant.client.claims.submit.mutate(claimant.input));
    expect(result).toMatchObject({
      appCode: 'NOT_FOUND',
      message: '该统一社会信用代码尚未在平台注册，无需认领申诉，请直接注册单位',
    });
    expect(result.fieldErrors?.creditCode).toHaveLength(1);
  });

  it('refuses a member of an organisation and a researcher', async () => {
    const firm = await verifiedOrg(h);
    const member = await registeredOrg(h);
    const licence = await member.upload();
    const asMember = await failure(() =>
      member.client.claims.submit.mutate({
        creditCode: firm.org.creditCode,
        licenceKind: 'business-licence',
        licenceFileId: licence.id,
        legalRepName: '赵立新',
        actingRole: 'legal-representative',
        claimantName: '赵立新',
        claimantPhone: '13905571234',
        statement: '本人为该公司法定代表人，申请收回账号管理权限。',
      }),
    );
    expect(asMember).toMatchObject({
      appCode: 'ALREADY_MEMBER',
      message: '您已是单位成员，不能认领其他单位；如需认领，请先退出原单位',
    });

    const researcher = await newcomer(firm.org.creditCode);
    await researcher.client.profile.saveResearcher.mutate(
      researcherInput({ residentId: residentId('19850101', '777') }),
    );
    const asResearcher = await failure(() =>
      researcher.client.claims.submit.mutate(researcher.input),
    );
    expect(asResearcher).toMatchObject({
      appCode: 'ALREADY_REGISTERED',
      message: '您已注册为科研人员，不能认领单位账号',
    });
  });

  it('refuses a second claim while one is pending, the wrong licence, and a missing 授权委托书', async () => {
    const firm = await verifiedOrg(h);
    const claimant = await newcomer(firm.org.creditCode);
    const wrong = await failure(() =>
      claimant.client.claims.submit.mutate({
        ...claimant.input,
        licenceKind: 'institution-certificate',
      }),
    );
    expect(wrong).toMatchObject({
      appCode: 'LICENCE_KIND_MISMATCH',
      message: '企业请上传营业执照',
    });
    const noLetter = await failure(() =>
      claimant.client.claims.submit.mutate({ ...claimant.input, actingRole: 'staff' }),
    );
    expect(noLetter.fieldErrors?.authorisationFileId).toEqual([
      '非法定代表人本人办理的，须上传加盖单位公章的授权委托书',
    ]);

    await claimant.client.claims.submit.mutate(claimant.input);
    const twice = await failure(() => claimant.client.claims.submit.mutate(claimant.input));
    expect(twice).toMatchObject({
      appCode: 'CLAIM_PENDING',
      message: '您已提交认领申诉，请等待县区审核',
    });
  });

  it('can be withdrawn by the claimant while pending', async () => {
    const firm = await verifiedOrg(h);
    const claimant = await newcomer(firm.org.creditCode);
    const claim = await claimant.client.claims.submit.mutate(claimant.input);
    const withdrawn = await claimant.client.claims.withdraw.mutate({ id: claim.id });
    expect(withdrawn.status).toBe('withdrawn');
    const someoneElse = await h.applicant();
    expect(await failure(() => someoneElse.claims.withdraw.mutate({ id: claim.id }))).toMatchObject(
      { appCode: 'NOT_FOUND', message: '记录不存在或您无权查看' },
    );
  });
});

describe('认领申诉: the area officer hears both sides and decides', () => {
  it('shows the claimant’s material and the organisation’s current state, phones masked', async () => {
    const firm = await verifiedOrg(h);
    const claimant = await newcomer(firm.org.creditCode);
    const claim = await claimant.client.claims.submit.mutate(claimant.input);
    const officer = await h.officer('yongqiao');
    const detail = await officer.orgReview.claims.byId.query({ id: claim.id });
    expect(detail.claimant).toMatchObject({
      claimantName: '赵立新',
      claimantPhoneMasked: '139****1234',
      statement: claimant.input.statement,
      licenceKindLabel: '营业执照',
    });
    expect(detail.organisation).toMatchObject({
      id: firm.org.id,
      verificationStatus: 'verified',
      verificationStatusLabel: '已认证',
      contactPhoneMasked: '139****0001',
      latestVerification: { status: 'verified', legalRepName: '陈晓东' },
    });
    expect(detail.organisation.members).toEqual([
      expect.objectContaining({ roleLabel: '管理员', originLabel: '注册单位' }),
    ]);
    const json = JSON.stringify(detail);
    expect(json).not.toContain('13905571234');
    expect(json).not.toContain('13955710001');
  });

  it('upholds a claim: the old members leave, the claimant administers, applications stay', async () => {
    const firm = await verifiedOrg(h);
    const evidence = await Promise.all(
      SCENARIO_EVIDENCE.map(async (kind) => ({
        fileId: (await firm.upload(`${kind}.pdf`, 'application/pdf')).id,
        kind,
      })),
    );
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('认领后保留的场景申请'),
      evidence,
    });
    const submitted = await firm.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    const invite = await h.prisma.organisationInvite.create({
      data: {
        organisationId: firm.org.id,
        codeHash: `test-${firm.org.id}`,
        role: 'agent',
        createdBy: firm.userId,
        createdAt: h.clock.now,
        expiresAt: new Date(h.clock.now.getTime() + 72 * 3600_000),
      },
    });
    const claimant = await newcomer(firm.org.creditCode);
    const claim = await claimant.client.claims.submit.mutate(claimant.input);
    const rival = await newcomer(firm.org.creditCode, { claimantName: '钱多多' });
    const rivalClaim = await rival.client.claims.submit.mutate(rival.input);

    const officer = await h.officer('yongqiao');
    const decided = await officer.orgReview.claims.decide.mutate({
      id: claim.id,
      decision: 'approve',
    });
    expect(decided.claimant.status).toBe('upheld');

    const oldMembership = await h.prisma.organisationMember.findFirstOrThrow({
      where: { organisationId: firm.org.id, userId: firm.userId },
    });
    expect(oldMembership).toMatchObject({
      status: 'ended',
      endReason: 'claim-upheld',
      endedAt: h.clock.now,
    });
    const now = await claimant.client.profile.mine.query();
    expect(now).toMatchObject({
      type: 'organisation',
      organisation: { id: firm.org.id },
      membership: { role: 'admin' },
    });
    const newMembership = await h.prisma.organisationMember.findFirstOrThrow({
      where: { userId: claimant.userId, status: 'active' },
    });
    expect(newMembership.origin).toBe('claim');

    // The application belongs to the organisation: the new administrator has it, the old one not.
    const app = await h.prisma.application.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(app.organisationId).toBe(firm.org.id);
    expect((await claimant.client.applications.mine.query()).map((a) => a.id)).toContain(
      submitted.id,
    );
    expect((await firm.client.applications.mine.query()).map((a) => a.id)).not.toContain(
      submitted.id,
    );

    const revoked = await h.prisma.organisationInvite.findUniqueOrThrow({
      where: { id: invite.id },
    });
    expect(revoked.revokedAt).toEqual(h.clock.now);
    expect(await rival.client.claims.mine.query()).toEqual([
      expect.objectContaining({
        id: rivalClaim.id,
        status: 'rejected',
        decisionReason: '该单位已由其他申诉人认领成功，本申诉不再受理',
      }),
    ]);

    const oldSide = await h.prisma.notification.findMany({ where: { userId: firm.userId } });
    expect(oldSide.map((m) => m.title)).toContain('您已不再是该单位的成员');
    const newSide = await h.prisma.notification.findMany({ where: { userId: claimant.userId } });
    expect(newSide.map((m) => m.title)).toContain('认领申诉成立');

    const audit = await auditOf(h, claim.id);
    expect(audit.map((a) => a.action)).toEqual([
      'organisation.claim.submit',
      'organisation.claim.uphold',
    ]);
    expect(audit[1]!.details).toMatchObject({
      organisationId: firm.org.id,
      areaCode: 'yongqiao',
      endedMembers: 1,
      rejectedClaims: [rivalClaim.id],
    });
  });

  it('rejects a claim with a reason: nothing changes and the claimant is told why', async () => {
    const firm = await verifiedOrg(h);
    const claimant = await newcomer(firm.org.creditCode);
    const claim = await claimant.client.claims.submit.mutate(claimant.input);
    const officer = await h.officer('reviewer');
    await officer.orgReview.claims.decide.mutate({
      id: claim.id,
      decision: 'reject',
      reason: '申诉人提供的营业执照与登记信息不符',
    });
    const still = await h.prisma.organisationMember.findFirstOrThrow({
      where: { organisationId: firm.org.id, userId: firm.userId },
    });
    expect(still.status).toBe('active');
    expect(await claimant.client.claims.mine.query()).toEqual([
      expect.objectContaining({ status: 'rejected', statusLabel: '申诉不成立' }),
    ]);
    const told = await h.prisma.notification.findMany({ where: { userId: claimant.userId } });
    expect(told.find((m) => m.title === '认领申诉未通过')?.body).toContain(
      '申诉人提供的营业执照与登记信息不符',
    );
    expect((await auditOf(h, claim.id)).map((a) => a.action)).toContain(
      'organisation.claim.reject',
    );
  });

  it('is hidden from other areas and refused to an officer with a conflict of interest', async () => {
    const firm = await verifiedOrg(h);
    const claimant = await newcomer(firm.org.creditCode);
    const claim = await claimant.client.claims.submit.mutate(claimant.input);
    const dangshan = await h.officer('dangshan');
    expect(
      await failure(() => dangshan.orgReview.claims.byId.query({ id: claim.id })),
    ).toMatchObject({ appCode: 'NOT_FOUND', message: '记录不存在或您无权查看' });
    await declareConflict(h, 'yongqiao', firm.org.id);
    const yongqiao = await h.officer('yongqiao');
    expect(
      await failure(() =>
        yongqiao.orgReview.claims.decide.mutate({ id: claim.id, decision: 'approve' }),
      ),
    ).toMatchObject({
      appCode: 'CONFLICT_OF_INTEREST',
      message: '您已申报与该单位存在利益冲突，须回避，不能办理该单位的审核事项',
    });
    const untouched = await h.prisma.organisationClaim.findUniqueOrThrow({
      where: { id: claim.id },
    });
    expect(untouched.status).toBe('pending');
  });
});

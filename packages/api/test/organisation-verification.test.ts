import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmInput } from './fixtures';
import {
  auditOf,
  codeIn,
  declareConflict,
  legalRepSubmission,
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

describe('机构认证: an administrator submits the licence', () => {
  it('puts the organisation under review with a snapshot of what was submitted', async () => {
    const firm = await registeredOrg(h);
    const before = await firm.client.myOrg.verification.latest.query();
    expect(before).toMatchObject({ status: 'unverified', canSubmit: true, latest: null });

    const after = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    expect(after).toMatchObject({ status: 'pending', statusLabel: '认证审核中', canSubmit: false });
    expect(after.latest).toMatchObject({
      status: 'pending',
      licenceKindLabel: '营业执照',
      legalRepName: '陈晓东',
      actingRoleLabel: '法定代表人',
      authorisationFile: null,
      snapshot: { name: firm.org.name, creditCode: firm.org.creditCode, areaName: '埇桥区' },
      flags: [],
    });
    const audit = await auditOf(h, after.latest!.id);
    expect(audit.map((a) => a.action)).toEqual(['organisation.verification.submit']);
    expect(audit[0]!.details).toMatchObject({ organisationId: firm.org.id, areaCode: 'yongqiao' });
    expect(audit[0]!.at).toEqual(h.clock.now);
  });

  it('takes a 授权委托书 from someone who is not the legal representative', async () => {
    const firm = await registeredOrg(h);
    const letter = await firm.upload('授权委托书.pdf', 'application/pdf');
    const after = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm, { actingRole: 'staff', authorisationFileId: letter.id }),
    );
    expect(after.latest).toMatchObject({
      actingRoleLabel: '单位员工（经授权）',
      authorisationFile: { id: letter.id, mimeType: 'application/pdf' },
    });
  });

  it('refuses a submission without a 授权委托书 from someone who is not the legal representative', async () => {
    const firm = await registeredOrg(h);
    const result = await failure(async () =>
      firm.client.myOrg.verification.submit.mutate(
        await legalRepSubmission(firm, { actingRole: 'manager' }),
      ),
    );
    expect(result.appCode).toBe('INVALID_INPUT');
    expect(result.fieldErrors?.authorisationFileId).toEqual([
      '非法定代表人本人办理的，须上传加盖单位公章的授权委托书',
    ]);
    expect(
      await h.prisma.organisationVerification.count({ where: { organisationId: firm.org.id } }),
    ).toBe(0);
  });

  it('refuses the wrong licence type: a firm shows a 营业执照, an institution its 事业单位法人证书', async () => {
    const firm = await registeredOrg(h);
    const wrong = await failure(async () =>
      firm.client.myOrg.verification.submit.mutate(
        await legalRepSubmission(firm, { licenceKind: 'institution-certificate' }),
      ),
    );
    expect(wrong).toMatchObject({
      appCode: 'LICENCE_KIND_MISMATCH',
      message: '企业请上传营业执照',
    });
    expect(wrong.fieldErrors?.licenceKind).toEqual(['企业请上传营业执照']);

    const institute = await registeredOrg(h, {
      type: 'institute',
      creditCode: codeIn('12341302'),
      name: '宿州市农业科学研究院',
      qualifications: [],
    });
    const alsoWrong = await failure(async () =>
      institute.client.myOrg.verification.submit.mutate(await legalRepSubmission(institute)),
    );
    expect(alsoWrong).toMatchObject({
      appCode: 'LICENCE_KIND_MISMATCH',
      message: '统一社会信用代码以“1”开头的单位为事业单位，请上传事业单位法人证书',
    });
    const right = await institute.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(institute, { licenceKind: 'institution-certificate' }),
    );
    expect(right.latest?.licenceKindLabel).toBe('事业单位法人证书');
  });

  it('refuses a 经办人: only administrators submit', async () => {
    const firm = await registeredOrg(h);
    const agent = await h.applicant();
    const agentId = (await agent.auth.me.query()).id;
    await h.prisma.organisationMember.create({
      data: {
        organisationId: firm.org.id,
        userId: agentId,
        role: 'agent',
        origin: 'invited',
        joinedAt: h.clock.now,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    const licence = await storedFile(h, agentId);
    const result = await failure(() =>
      agent.myOrg.verification.submit.mutate({
        licenceKind: 'business-licence',
        licenceFileId: licence.id,
        legalRepName: '陈晓东',
        actingRole: 'legal-representative',
      }),
    );
    expect(result).toMatchObject({
      appCode: 'NOT_ORG_ADMIN',
      message: '只有单位管理员可以进行此操作',
    });
    // A 经办人 still sees where verification stands.
    expect(await agent.myOrg.verification.latest.query()).toMatchObject({
      status: 'unverified',
      isAdmin: false,
      canSubmit: false,
    });
  });

  it('refuses a second submission while one is under review, and after verification', async () => {
    const firm = await registeredOrg(h);
    await firm.client.myOrg.verification.submit.mutate(await legalRepSubmission(firm));
    const twice = await failure(async () =>
      firm.client.myOrg.verification.submit.mutate(await legalRepSubmission(firm)),
    );
    expect(twice).toMatchObject({
      appCode: 'VERIFICATION_PENDING',
      message: '机构认证正在审核中，请耐心等待，无需重复提交',
    });

    const verified = await verifiedOrg(h);
    const again = await failure(async () =>
      verified.client.myOrg.verification.submit.mutate(await legalRepSubmission(verified)),
    );
    expect(again).toMatchObject({
      appCode: 'ALREADY_VERIFIED',
      message: '单位已通过机构认证，无需重复认证',
    });
  });

  it('refuses a file that is not the caller’s own, or not an image or PDF', async () => {
    const firm = await registeredOrg(h);
    const other = await registeredOrg(h);
    const theirs = await other.upload();
    const notMine = await failure(async () =>
      firm.client.myOrg.verification.submit.mutate(
        await legalRepSubmission(firm, { licenceFileId: theirs.id }),
      ),
    );
    expect(notMine).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '证照文件不存在或不是您上传的，请重新上传',
    });
    const sheet = await firm.upload(
      '执照.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const notImage = await failure(async () =>
      firm.client.myOrg.verification.submit.mutate(
        await legalRepSubmission(firm, { licenceFileId: sheet.id }),
      ),
    );
    expect(notImage.fieldErrors?.licenceFileId).toEqual(['证照须为图片或PDF文件']);
  });

  it('flags a Beijing credit code in 埇桥区 as 市外注册 for the officer, without refusing it', async () => {
    const firm = await registeredOrg(h, { creditCode: '91110000100017643K' });
    const before = await firm.client.myOrg.verification.latest.query();
    expect(before.registrationFlags).toEqual(['outside-city']);
    expect(before.registrationNotes[0]).toContain('北京市');
    const after = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    expect(after.latest?.flags).toEqual([{ code: 'outside-city', name: '市外注册' }]);

    const officer = await h.officer('yongqiao');
    const detail = await officer.orgReview.verifications.byId.query({ id: after.latest!.id });
    expect(detail.flags.map((f) => f.name)).toEqual(['市外注册']);
    expect(detail.registrationNotes[0]).toContain('属市外注册');
  });

  it('flags a 埇桥区 code registered for 砀山县 as 登记地与所选县区不一致', async () => {
    const firm = await registeredOrg(h, { areaCode: 'dangshan' });
    const after = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    expect(after.latest?.flags).toEqual([
      { code: 'division-mismatch', name: '登记地与所选县区不一致' },
    ]);
    // The 砀山县 officer decides: the organisation chose 砀山县.
    const officer = await h.officer('dangshan');
    const detail = await officer.orgReview.verifications.byId.query({ id: after.latest!.id });
    expect(detail.registrationNotes[0]).toContain('所选县区为砀山县');
  });

  it('lets an administrator withdraw a pending submission', async () => {
    const firm = await registeredOrg(h);
    await firm.client.myOrg.verification.submit.mutate(await legalRepSubmission(firm));
    const after = await firm.client.myOrg.verification.withdraw.mutate();
    expect(after).toMatchObject({
      status: 'unverified',
      canSubmit: true,
      latest: { status: 'withdrawn', statusLabel: '已撤回' },
    });
    const nothing = await failure(() => firm.client.myOrg.verification.withdraw.mutate());
    expect(nothing).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '没有审核中的机构认证申请，无需撤回',
    });
  });
});

describe('机构认证: the area officer decides', () => {
  it('verifies the organisation from the licence, messages its members and audits it', async () => {
    const firm = await registeredOrg(h);
    const submitted = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm, { legalRepName: '李建国' }),
    );
    const officer = await h.officer('yongqiao');
    const decided = await officer.orgReview.verifications.decide.mutate({
      id: submitted.latest!.id,
      decision: 'approve',
    });
    expect(decided).toMatchObject({ status: 'verified', canDecide: false });

    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    expect(org).toMatchObject({
      verificationStatus: 'verified',
      verifiedAt: h.clock.now,
      legalRepresentative: '李建国',
    });
    const mine = await firm.client.myOrg.verification.latest.query();
    expect(mine).toMatchObject({ status: 'verified', statusLabel: '已认证', canSubmit: false });

    const messages = await h.prisma.notification.findMany({ where: { userId: firm.userId } });
    expect(messages.map((m) => m.title)).toContain('机构认证已通过');
    const audit = await auditOf(h, submitted.latest!.id);
    expect(audit.map((a) => a.action)).toEqual([
      'organisation.verification.submit',
      'organisation.verification.approve',
    ]);
    expect(audit[1]!.details).toMatchObject({ organisationId: firm.org.id, areaCode: 'yongqiao' });
  });

  it('rejects with a reason the applicant reads, after which they may submit again', async () => {
    const firm = await registeredOrg(h);
    const submitted = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    const officer = await h.officer('yongqiao');
    const noReason = await failure(() =>
      officer.orgReview.verifications.decide.mutate({
        id: submitted.latest!.id,
        decision: 'reject',
      }),
    );
    expect(noReason.fieldErrors?.reason).toEqual(['不予通过须说明理由（不少于5个字）']);

    await officer.orgReview.verifications.decide.mutate({
      id: submitted.latest!.id,
      decision: 'reject',
      reason: '营业执照照片模糊，无法辨认',
    });
    const mine = await firm.client.myOrg.verification.latest.query();
    expect(mine).toMatchObject({
      status: 'rejected',
      statusLabel: '认证未通过',
      canSubmit: true,
      latest: { status: 'rejected', decisionReason: '营业执照照片模糊，无法辨认' },
    });
    const messages = await h.prisma.notification.findMany({ where: { userId: firm.userId } });
    expect(messages.find((m) => m.title === '机构认证未通过')?.body).toContain(
      '营业执照照片模糊，无法辨认',
    );

    // The firm resubmits the next day, with a clearer photo.
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 86_400_000);
    const again = await firm.client.myOrg.verification.submit
      .mutate(await legalRepSubmission(firm))
      .finally(() => {
        h.clock.now = start;
      });
    expect(again.status).toBe('pending');
    const detail = await officer.orgReview.verifications.byId.query({ id: again.latest!.id });
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ status: 'rejected' });

    const twice = await failure(() =>
      officer.orgReview.verifications.decide.mutate({
        id: submitted.latest!.id,
        decision: 'approve',
      }),
    );
    expect(twice).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '该机构认证申请已处理或已撤回，不能再次办理',
    });
  });

  it('shows another area’s submission to nobody but its own area officer and the bureau', async () => {
    const firm = await registeredOrg(h);
    const submitted = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    const id = submitted.latest!.id;
    const dangshan = await h.officer('dangshan');
    expect(await failure(() => dangshan.orgReview.verifications.byId.query({ id }))).toMatchObject({
      appCode: 'NOT_FOUND',
      message: '记录不存在或您无权查看',
    });
    expect(
      await failure(() =>
        dangshan.orgReview.verifications.decide.mutate({ id, decision: 'approve' }),
      ),
    ).toMatchObject({ appCode: 'NOT_FOUND', message: '记录不存在或您无权查看' });
    const list = await dangshan.orgReview.verifications.list.query({ status: 'pending' });
    expect(list.items.map((i) => i.id)).not.toContain(id);
    expect(
      await failure(() => dangshan.orgReview.verifications.list.query({ areaCode: 'yongqiao' })),
    ).toMatchObject({ appCode: 'FORBIDDEN', message: '您只能查看本县区或园区的数据' });

    const finance = await h.officer('finance');
    expect(await failure(() => finance.orgReview.verifications.byId.query({ id }))).toMatchObject({
      appCode: 'FORBIDDEN',
      message: '财务人员只办理奖补资金拨付，不能查看或办理此项业务',
    });

    const reviewer = await h.officer('reviewer');
    const all = await reviewer.orgReview.verifications.list.query({
      status: 'pending',
      q: firm.org.name,
    });
    expect(all.items.map((i) => i.id)).toEqual([id]);
  });

  it('refuses an officer who declared a conflict of interest with the organisation', async () => {
    const firm = await registeredOrg(h);
    const submitted = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    await declareConflict(h, 'yongqiao', firm.org.id);
    const officer = await h.officer('yongqiao');
    const detail = await officer.orgReview.verifications.byId.query({ id: submitted.latest!.id });
    expect(detail).toMatchObject({ conflictOfInterest: true, canDecide: false });
    const result = await failure(() =>
      officer.orgReview.verifications.decide.mutate({
        id: submitted.latest!.id,
        decision: 'approve',
      }),
    );
    expect(result).toMatchObject({
      appCode: 'CONFLICT_OF_INTEREST',
      message: '您已申报与该单位存在利益冲突，须回避，不能办理该单位的审核事项',
    });
    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    expect(org.verificationStatus).toBe('pending');
  });

  it('lets officers of the area download the licence, audited, and nobody else', async () => {
    const firm = await registeredOrg(h);
    const submitted = await firm.client.myOrg.verification.submit.mutate(
      await legalRepSubmission(firm),
    );
    const { organisationFileAccess } =
      await import('../src/organisations/verification/file-access');
    const canSee = organisationFileAccess(h.db);
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: submitted.latest!.licenceFile!.id },
    });
    const caller = async (username: string) => {
      const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
      const role = {
        AREA_OFFICER: 'area-officer',
        BUREAU_ADMIN: 'bureau-admin',
        BUREAU_REVIEWER: 'bureau-reviewer',
        FINANCE_OFFICER: 'finance-officer',
      }[user.role!] as 'area-officer';
      return {
        kind: 'officer' as const,
        userId: user.id,
        sessionId: 'test',
        username,
        displayName: user.displayName,
        role,
        areaCode: (user.areaCode as 'yongqiao' | null) ?? null,
      };
    };
    expect(await canSee(await caller('yongqiao'), file)).toMatchObject({
      areaCode: 'yongqiao',
      details: { organisationId: firm.org.id, verificationId: submitted.latest!.id },
    });
    expect(await canSee(await caller('admin'), file)).not.toBe(false);
    expect(await canSee(await caller('dangshan'), file)).toBe(false);
    expect(await canSee(await caller('finance'), file)).toBe(false);
  });
});

describe('after verification the credit code, name and type are locked', () => {
  it('refuses to change them in 修改资料 but keeps other fields editable', async () => {
    const firm = await verifiedOrg(h);
    const locked = await failure(() =>
      firm.client.profile.saveOrganisation.mutate(
        firmInput({ creditCode: firm.org.creditCode, name: '宿州改名科技有限公司' }),
      ),
    );
    expect(locked).toMatchObject({
      appCode: 'FIELD_LOCKED',
      message: '单位已通过认证，统一社会信用代码、名称和类型须提交变更申请，经审核后修改',
    });
    expect(Object.keys(locked.fieldErrors ?? {})).toEqual(['name']);
    const edited = await firm.client.profile.saveOrganisation.mutate(
      firmInput({
        creditCode: firm.org.creditCode,
        name: firm.org.name,
        contactName: '王芳',
      }),
    );
    expect(edited.contactName).toBe('王芳');
  });
});

describe('the officers’ organisation detail and directory', () => {
  it('shows verification and its history, the people and the flags; no phone in full', async () => {
    const firm = await verifiedOrg(h, { creditCode: codeIn('91110108') });
    const officer = await h.officer('yongqiao');
    const detail = await officer.organisations.byId.query({ id: firm.org.id });
    expect(detail).toMatchObject({
      verificationStatus: 'verified',
      verificationStatusLabel: '已认证',
      legalRepresentative: '陈晓东',
      registrationFlags: ['outside-city'],
      bankAccount: null,
      verifiedQualifications: [],
      documents: [],
    });
    expect(detail.verifications).toHaveLength(1);
    expect(detail.verifications[0]).toMatchObject({ status: 'verified' });
    expect(detail.members).toEqual([
      expect.objectContaining({ role: 'admin', roleLabel: '管理员', originLabel: '注册单位' }),
    ]);
    expect(JSON.stringify(detail)).not.toContain('13955710001');

    const list = await officer.organisations.list.query({
      verificationStatus: 'verified',
      q: firm.org.name,
    });
    expect(list.items.map((i) => [i.id, i.verificationStatusLabel])).toEqual([
      [firm.org.id, '已认证'],
    ]);
    const none = await officer.organisations.list.query({
      verificationStatus: 'unverified',
      q: firm.org.name,
    });
    expect(none.total).toBe(0);
  });

  it('shows the active bank account masked', async () => {
    const firm = await verifiedOrg(h);
    await h.prisma.organisationBankAccount.create({
      data: {
        organisationId: firm.org.id,
        holder: firm.org.name,
        bankName: '中国工商银行',
        branchName: '宿州分行营业部',
        accountNo: '6222021234567890123',
        createdBy: firm.userId,
        createdAt: h.clock.now,
      },
    });
    const officer = await h.officer('reviewer');
    const detail = await officer.organisations.byId.query({ id: firm.org.id });
    expect(detail.bankAccount).toMatchObject({
      bankName: '中国工商银行',
      accountNoMasked: '****0123',
    });
    expect(JSON.stringify(detail)).not.toContain('6222021234567890123');
  });
});

describe('the workbench tiles', () => {
  it('count exactly what the verification screen lists, per area', async () => {
    const here = await registeredOrg(h);
    await here.client.myOrg.verification.submit.mutate(await legalRepSubmission(here));
    const there = await registeredOrg(h, { areaCode: 'dangshan', creditCode: codeIn('91341321') });
    await there.client.myOrg.verification.submit.mutate(await legalRepSubmission(there));

    for (const username of ['yongqiao', 'dangshan', 'admin']) {
      const officer = await h.officer(username);
      const { queues } = await officer.workbench.summary.query();
      const tile = queues.find((q) => q.key === 'org-verification')!;
      expect(tile.path).toBe('/verifications?tab=verifications&status=pending');
      const list = await officer.orgReview.verifications.list.query({ status: 'pending' });
      expect(tile.count).toBe(list.total);
      expect(tile.count).toBeGreaterThan(0);
      for (const key of ['org-change', 'org-claim']) {
        const other = queues.find((q) => q.key === key)!;
        const shown =
          key === 'org-change'
            ? await officer.orgReview.changes.list.query({ status: 'pending' })
            : await officer.orgReview.claims.list.query({ status: 'pending' });
        expect(other.count).toBe(shown.total);
      }
    }
    const finance = await h.officer('finance');
    const { queues } = await finance.workbench.summary.query();
    expect(queues.map((q) => q.key)).not.toContain('org-verification');
  });
});

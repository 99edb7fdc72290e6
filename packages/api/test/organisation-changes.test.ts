import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmInput } from './fixtures';
import {
  auditOf,
  codeIn,
  declareConflict,
  registeredOrg,
  verifiedOrg,
} from './verification-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('变更申请: a verified organisation changes its name, credit code or type', () => {
  it('locks the fields, then an approved request changes them and keeps the old values', async () => {
    const firm = await verifiedOrg(h);
    const oldName = firm.org.name;
    const locked = await failure(() =>
      firm.client.profile.saveOrganisation.mutate(
        firmInput({ creditCode: firm.org.creditCode, name: '宿州云启新材料科技有限公司' }),
      ),
    );
    expect(locked.appCode).toBe('FIELD_LOCKED');

    const licence = await firm.upload('变更后营业执照.pdf', 'application/pdf');
    const submitted = await firm.client.myOrg.changes.submit.mutate({
      name: '宿州云启新材料科技有限公司',
      creditCode: firm.org.creditCode,
      reason: '2026年10月经市场监管局核准更名',
      licenceFileId: licence.id,
    });
    // Only what differs is a change; the unchanged credit code is not part of it.
    expect(submitted.fields).toEqual([
      { field: 'name', label: '单位名称', from: oldName, to: '宿州云启新材料科技有限公司' },
    ]);
    expect(submitted.status).toBe('pending');

    const officer = await h.officer('yongqiao');
    const detail = await officer.orgReview.changes.byId.query({ id: submitted.id });
    expect(detail).toMatchObject({ canDecide: true, creditCodeTaken: false });
    expect(detail.verifiedWith?.status).toBe('verified');
    await officer.orgReview.changes.decide.mutate({ id: submitted.id, decision: 'approve' });

    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    expect(org.name).toBe('宿州云启新材料科技有限公司');
    const list = await firm.client.myOrg.changes.list.query();
    expect(list.items[0]).toMatchObject({
      status: 'approved',
      fields: [{ from: oldName, to: '宿州云启新材料科技有限公司' }],
    });
    const history = await officer.organisations.byId.query({ id: firm.org.id });
    expect(history.changes[0]?.fields[0]).toMatchObject({ from: oldName });

    const audit = await auditOf(h, submitted.id);
    expect(audit.map((a) => a.action)).toEqual([
      'organisation.change.submit',
      'organisation.change.approve',
    ]);
    expect(audit[1]!.details).toMatchObject({
      organisationId: firm.org.id,
      areaCode: 'yongqiao',
      from: { name: oldName },
      to: { name: '宿州云启新材料科技有限公司' },
    });
    const messages = await h.prisma.notification.findMany({ where: { userId: firm.userId } });
    expect(messages.map((m) => m.title)).toContain('变更申请已通过');
  });

  it('changes the credit code and type on approval', async () => {
    const firm = await verifiedOrg(h);
    const newCode = codeIn();
    const licence = await firm.upload();
    const submitted = await firm.client.myOrg.changes.submit.mutate({
      creditCode: newCode,
      type: 'incubator',
      reason: '改制为科技企业孵化器，重新领取营业执照',
      licenceFileId: licence.id,
    });
    expect(submitted.fields.map((f) => [f.label, f.to])).toEqual([
      ['统一社会信用代码', newCode],
      ['单位类型', '孵化器运营机构'],
    ]);
    const officer = await h.officer('reviewer');
    await officer.orgReview.changes.decide.mutate({ id: submitted.id, decision: 'approve' });
    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    expect(org).toMatchObject({ creditCode: newCode, type: 'INCUBATOR' });
  });

  it('refuses a request from an organisation that is not verified', async () => {
    const firm = await registeredOrg(h);
    const licence = await firm.upload();
    const result = await failure(() =>
      firm.client.myOrg.changes.submit.mutate({
        name: '宿州另一个名字科技有限公司',
        reason: '更名需要变更',
        licenceFileId: licence.id,
      }),
    );
    expect(result).toMatchObject({
      appCode: 'ORGANISATION_NOT_VERIFIED',
      message: '单位尚未通过机构认证，名称、信用代码和类型可直接在“修改资料”中修改，无需变更申请',
    });
  });

  it('refuses a second request while one is pending, and a request that changes nothing', async () => {
    const firm = await verifiedOrg(h);
    const licence = await firm.upload();
    const same = await failure(() =>
      firm.client.myOrg.changes.submit.mutate({
        name: firm.org.name,
        reason: '核对单位名称',
        licenceFileId: licence.id,
      }),
    );
    expect(same).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '填写的内容与当前登记信息相同，没有需要变更的项目',
    });
    const nothing = await failure(() =>
      firm.client.myOrg.changes.submit.mutate({
        reason: '核对单位名称',
        licenceFileId: licence.id,
      }),
    );
    expect(nothing.fieldErrors?._form).toEqual(['请至少填写一项需要变更的内容']);

    await firm.client.myOrg.changes.submit.mutate({
      name: '宿州第一次更名科技有限公司',
      reason: '经核准更名为新名称',
      licenceFileId: licence.id,
    });
    const twice = await failure(() =>
      firm.client.myOrg.changes.submit.mutate({
        name: '宿州第二次更名科技有限公司',
        reason: '经核准更名为新名称',
        licenceFileId: licence.id,
      }),
    );
    expect(twice).toMatchObject({
      appCode: 'CHANGE_PENDING',
      message: '已有待审核的变更申请，请等待审核结果',
    });
  });

  it('refuses a new credit code that another organisation holds', async () => {
    const firm = await verifiedOrg(h);
    const other = await registeredOrg(h);
    const licence = await firm.upload();
    const result = await failure(() =>
      firm.client.myOrg.changes.submit.mutate({
        creditCode: other.org.creditCode,
        reason: '信用代码录入有误需更正',
        licenceFileId: licence.id,
      }),
    );
    expect(result).toMatchObject({
      appCode: 'CREDIT_CODE_TAKEN',
      message: '变更后的统一社会信用代码已被平台上的其他单位注册，请核对后再提交',
    });
    expect(result.fieldErrors?.creditCode).toHaveLength(1);
  });

  it('is rejected with a reason, withdrawn by the administrator, and refused to 经办人', async () => {
    const firm = await verifiedOrg(h);
    const licence = await firm.upload();
    const first = await firm.client.myOrg.changes.submit.mutate({
      name: '宿州被驳回更名科技有限公司',
      reason: '经核准更名为新名称',
      licenceFileId: licence.id,
    });
    const officer = await h.officer('yongqiao');
    await officer.orgReview.changes.decide.mutate({
      id: first.id,
      decision: 'reject',
      reason: '营业执照上的名称与申请不一致',
    });
    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    expect(org.name).toBe(firm.org.name);
    const list = await firm.client.myOrg.changes.list.query();
    expect(list.items[0]).toMatchObject({
      status: 'rejected',
      statusLabel: '未通过',
      decisionReason: '营业执照上的名称与申请不一致',
    });

    const second = await firm.client.myOrg.changes.submit.mutate({
      name: '宿州撤回更名科技有限公司',
      reason: '经核准更名为新名称',
      licenceFileId: licence.id,
    });
    const withdrawn = await firm.client.myOrg.changes.withdraw.mutate({ id: second.id });
    expect(withdrawn.status).toBe('withdrawn');
    expect(
      await failure(() => firm.client.myOrg.changes.withdraw.mutate({ id: second.id })),
    ).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '该变更申请已处理或已撤回，不能撤回',
    });

    const agent = await h.applicant();
    await h.prisma.organisationMember.create({
      data: {
        organisationId: firm.org.id,
        userId: (await agent.auth.me.query()).id,
        role: 'agent',
        origin: 'invited',
        joinedAt: h.clock.now,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    expect(
      await failure(() =>
        agent.myOrg.changes.submit.mutate({
          name: '宿州经办人更名科技有限公司',
          reason: '经核准更名为新名称',
          licenceFileId: licence.id,
        }),
      ),
    ).toMatchObject({ appCode: 'NOT_ORG_ADMIN', message: '只有单位管理员可以进行此操作' });
    expect((await agent.myOrg.changes.list.query()).canSubmit).toBe(false);
  });

  it('is decided only by an officer of the area without a conflict of interest', async () => {
    const firm = await verifiedOrg(h);
    const licence = await firm.upload();
    const submitted = await firm.client.myOrg.changes.submit.mutate({
      name: '宿州回避测试科技有限公司',
      reason: '经核准更名为新名称',
      licenceFileId: licence.id,
    });
    const dangshan = await h.officer('dangshan');
    expect(
      await failure(() =>
        dangshan.orgReview.changes.decide.mutate({ id: submitted.id, decision: 'approve' }),
      ),
    ).toMatchObject({ appCode: 'NOT_FOUND', message: '记录不存在或您无权查看' });
    await declareConflict(h, 'reviewer', firm.org.id);
    const reviewer = await h.officer('reviewer');
    expect(
      await failure(() =>
        reviewer.orgReview.changes.decide.mutate({ id: submitted.id, decision: 'approve' }),
      ),
    ).toMatchObject({
      appCode: 'CONFLICT_OF_INTEREST',
      message: '您已申报与该单位存在利益冲突，须回避，不能办理该单位的审核事项',
    });
    const finance = await h.officer('finance');
    expect(
      await failure(() => finance.orgReview.changes.list.query({ status: 'pending' })),
    ).toMatchObject({
      appCode: 'FORBIDDEN',
      message: '财务人员只办理奖补资金拨付，不能查看或办理此项业务',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_ALPHABET } from '@kc/domain';
import { SCENARIO_EVIDENCE, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { invitedMember, registeredOrg } from './members-support';
import { verifiedInDb } from './org-support';
import { researcherInput, residentId } from './fixtures';
import { storedFile } from './vp-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const HOUR = 3600_000;

describe('inviting colleagues into an organisation', () => {
  it('an administrator invites a 经办人 with a one-time code and QR valid 72 hours, and the colleague joins with it', async () => {
    const { admin, org, openid } = await registeredOrg(h);
    const invite = await admin.myOrg.members.invite.mutate({ role: 'agent' });
    expect(invite.code).toHaveLength(8);
    expect([...invite.code].every((c) => INVITE_ALPHABET.includes(c))).toBe(true);
    expect(invite.expiresAt).toEqual(new Date(h.clock.now.getTime() + 72 * HOUR));
    expect(invite.roleLabel).toBe('经办人');
    expect(invite.qrPayload).toBe(`SZKC-JOIN:${invite.code}`);
    expect(invite.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    // Only the code's SHA-256 is kept.
    const row = await h.prisma.organisationInvite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(invite.code);
    expect((await admin.myOrg.members.invites.query()).map((i) => i.id)).toEqual([invite.id]);

    // Scanned in WeChat, the QR's text comes in whole; typed codes may be lower case.
    const colleague = await h.applicant();
    const joined = await colleague.myOrg.members.join.mutate({
      code: invite.qrPayload.toLowerCase(),
      name: '李经办',
    });
    expect(joined).toMatchObject({
      organisation: { id: org.id },
      role: 'agent',
      roleLabel: '经办人',
    });
    const member = await h.prisma.organisationMember.findUniqueOrThrow({
      where: { id: joined.memberId },
    });
    expect(member).toMatchObject({ origin: 'invited', status: 'active', role: 'agent' });

    const list = await colleague.myOrg.members.list.query();
    expect(list.me).toMatchObject({ role: 'agent', isAdmin: false });
    expect(list.members.map((m) => [m.roleLabel, m.isMe])).toEqual([
      ['管理员', false],
      ['经办人', true],
    ]);
    expect(list.members[1]!.name).toBe('李经办');
    expect(JSON.stringify(list)).not.toContain(openid);

    expect(await admin.myOrg.members.invites.query()).toEqual([]);
    const messages = await admin.notifications.mine.query({ limit: 5 });
    expect(messages.items[0]).toMatchObject({
      title: '新成员加入单位',
      body: expect.stringContaining('李经办'),
      link: { page: 'org-members', id: org.id },
    });
    expect((await colleague.profile.mine.query()).type).toBe('organisation');
  });

  it('an invitation for an administrator makes the colleague an administrator', async () => {
    const { admin } = await registeredOrg(h);
    const second = await invitedMember(h, admin, 'admin', '王管理');
    const list = await second.client.myOrg.members.list.query();
    expect(list.adminCount).toBe(2);
    expect(list.me).toMatchObject({ role: 'admin', isAdmin: true });
  });

  it('a code works once: the second person is told it was used, and of two racing for it exactly one joins', async () => {
    const { admin } = await registeredOrg(h);
    const { code } = await admin.myOrg.members.invite.mutate({ role: 'agent' });
    await (await h.applicant()).myOrg.members.join.mutate({ code, name: '第一人' });
    const late = await failure(async () =>
      (await h.applicant()).myOrg.members.join.mutate({ code, name: '第二人' }),
    );
    expect(late).toMatchObject({
      appCode: 'INVITE_USED',
      message: '该邀请码已被使用，每个邀请码只能使用一次',
      fieldErrors: { code: ['该邀请码已被使用，每个邀请码只能使用一次'] },
    });

    const race = await admin.myOrg.members.invite.mutate({ role: 'agent' });
    const [a, b] = [await h.applicant(), await h.applicant()];
    const results = await Promise.allSettled([
      a.myOrg.members.join.mutate({ code: race.code, name: '甲同事' }),
      b.myOrg.members.join.mutate({ code: race.code, name: '乙同事' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((await failure(() => Promise.reject(loser.reason))).appCode).toBe('INVITE_USED');
    expect(
      await h.prisma.organisationMember.count({
        where: { organisationId: (await admin.myOrg.members.list.query()).organisation.id },
      }),
    ).toBe(3);
  });

  it('a code expires 72 hours after it was made', async () => {
    const { admin } = await registeredOrg(h);
    const { code } = await admin.myOrg.members.invite.mutate({ role: 'agent' });
    const start = h.clock.now;
    try {
      h.clock.now = new Date(start.getTime() + 73 * HOUR);
      const late = await failure(async () =>
        (await h.applicant()).myOrg.members.join.mutate({ code, name: '迟到者' }),
      );
      expect(late).toMatchObject({
        appCode: 'INVITE_EXPIRED',
        message: '邀请码已过期（有效期72小时），请让单位管理员重新生成',
      });
    } finally {
      h.clock.now = start;
    }
  });

  it('a revoked code, a code never issued and a mistyped code are refused with the reason', async () => {
    const { admin } = await registeredOrg(h);
    const { id, code } = await admin.myOrg.members.invite.mutate({ role: 'agent' });
    await admin.myOrg.members.revokeInvite.mutate({ inviteId: id });
    const joiner = await h.applicant();
    expect(
      await failure(() => joiner.myOrg.members.join.mutate({ code, name: '张三' })),
    ).toMatchObject({
      appCode: 'INVITE_INVALID',
      message: '该邀请码已被单位管理员撤销，请向管理员索取新的邀请码',
    });
    expect(
      await failure(() => admin.myOrg.members.revokeInvite.mutate({ inviteId: id })),
    ).toMatchObject({ appCode: 'INVITE_INVALID' });

    const unknown =
      [...code].reverse().join('') === code ? 'ABCDEFGH' : [...code].reverse().join('');
    expect(
      await failure(() => joiner.myOrg.members.join.mutate({ code: unknown, name: '张三' })),
    ).toMatchObject({ appCode: 'INVITE_INVALID', message: '邀请码无效，请向单位管理员核对' });

    expect(
      await failure(() => joiner.myOrg.members.join.mutate({ code: 'ABC2', name: '张三' })),
    ).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { code: ['邀请码为8位字母和数字'] },
    });
    expect(
      (await failure(() => joiner.myOrg.members.join.mutate({ code: 'ABCD0EFG', name: '张' })))
        .fieldErrors,
    ).toEqual({
      code: ['邀请码含有无效字符，请核对（不含数字0、1和字母I、L、O）'],
      name: ['您的姓名至少2个字'],
    });
    expect((await joiner.profile.mine.query()).type).toBeNull();
  });

  it('guessing codes is paused after ten wrong ones in an hour', async () => {
    const guesser = await h.applicant();
    for (let i = 0; i < 10; i++) {
      const code = `ABCDEF${INVITE_ALPHABET[i]}${INVITE_ALPHABET[i]}`;
      expect(
        (await failure(() => guesser.myOrg.members.join.mutate({ code, name: '猜码人' }))).appCode,
      ).toBe('INVITE_INVALID');
    }
    expect(
      await failure(() => guesser.myOrg.members.join.mutate({ code: 'ABCDEFGH', name: '猜码人' })),
    ).toMatchObject({ appCode: 'RATE_LIMITED', message: '邀请码输错次数过多，请1小时后再试' });
  });

  it('someone already in an organisation, or registered as a researcher, cannot join another', async () => {
    const first = await registeredOrg(h);
    const other = await registeredOrg(h);
    const { code } = await other.admin.myOrg.members.invite.mutate({ role: 'agent' });
    expect(
      await failure(() => first.admin.myOrg.members.join.mutate({ code, name: '管理员甲' })),
    ).toMatchObject({
      appCode: 'ALREADY_MEMBER',
      message: `您已是“${first.org.name}”的成员，如需加入其他单位，请先退出原单位`,
    });
    const researcher = await h.applicant();
    await researcher.profile.saveResearcher.mutate(
      researcherInput({ residentId: residentId('19820101', '611') }),
    );
    expect(
      await failure(() => researcher.myOrg.members.join.mutate({ code, name: '周文博' })),
    ).toMatchObject({
      appCode: 'ALREADY_REGISTERED',
      message: '您已注册为科研人员，不能再加入单位',
    });
    // The refused attempts did not spend the code.
    await (await h.applicant()).myOrg.members.join.mutate({ code, name: '新同事' });
  });

  it('someone in no organisation is told to register or join first', async () => {
    const nobody = await h.applicant();
    expect(await failure(() => nobody.myOrg.members.list.query())).toMatchObject({
      appCode: 'NOT_ORG_MEMBER',
      message: '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
    });
  });
});

describe('what a 经办人 may do', () => {
  it('a 经办人 drafts and submits an application for the verified organisation', async () => {
    const { admin, org } = await registeredOrg(h);
    await verifiedInDb(h, org.id);
    const agent = await invitedMember(h, admin, 'agent', '赵经办');
    // Uploaded by the 经办人 (stands in for POST /files).
    const evidence = await Promise.all(
      SCENARIO_EVIDENCE.map(async (kind) => ({ fileId: await storedFile(h, agent.userId), kind })),
    );
    const draft = await agent.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('宿州经办人提交的场景案例'),
      evidence,
    });
    const submitted = await agent.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    expect(submitted.status).not.toBe('draft');
    // It is the organisation's: the administrator sees it too.
    const row = await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.organisationId).toBe(org.id);
  });

  it('a 经办人 cannot invite, revoke, remove, hand over, change roles or read the activity', async () => {
    const { admin } = await registeredOrg(h);
    const agent = await invitedMember(h, admin, 'agent', '钱经办');
    const { members } = await admin.myOrg.members.list.query();
    const adminMember = members.find((m) => m.role === 'admin')!;
    const refusals = await Promise.all([
      failure(() => agent.client.myOrg.members.invite.mutate({ role: 'agent' })),
      failure(() => agent.client.myOrg.members.invites.query()),
      failure(() => agent.client.myOrg.members.remove.mutate({ memberId: adminMember.id })),
      failure(() => agent.client.myOrg.members.handOver.mutate({ memberId: adminMember.id })),
      failure(() =>
        agent.client.myOrg.members.setRole.mutate({ memberId: agent.memberId, role: 'admin' }),
      ),
      failure(() => agent.client.myOrg.members.activity.query({ limit: 10 })),
    ]);
    for (const r of refusals)
      expect(r).toMatchObject({
        appCode: 'NOT_ORG_ADMIN',
        message: '只有单位管理员可以进行此操作',
      });
    expect((await admin.myOrg.members.list.query()).adminCount).toBe(1);
  });
});

describe('administrators, hand-over and leaving', () => {
  it('the last administrator cannot leave; a 经办人 can, and the administrator is told', async () => {
    const alone = await registeredOrg(h);
    expect(await failure(() => alone.admin.myOrg.members.leave.mutate())).toMatchObject({
      appCode: 'LAST_ADMIN',
      message: '您是该单位唯一的管理员，请先邀请同事加入并移交管理员身份，再退出单位',
    });

    const { admin, org } = await registeredOrg(h);
    const agent = await invitedMember(h, admin, 'agent', '孙经办');
    expect(await failure(() => admin.myOrg.members.leave.mutate())).toMatchObject({
      appCode: 'LAST_ADMIN',
      message: '您是该单位唯一的管理员，请先将管理员身份移交给其他成员',
    });
    await agent.client.myOrg.members.leave.mutate();
    expect((await agent.client.profile.mine.query()).type).toBeNull();
    const ended = await h.prisma.organisationMember.findUniqueOrThrow({
      where: { id: agent.memberId },
    });
    expect(ended).toMatchObject({ status: 'ended', endReason: 'left', endedAt: h.clock.now });
    const messages = (await admin.notifications.mine.query({ limit: 10 })).items;
    expect(messages.find((m) => m.title === '成员退出单位')).toMatchObject({
      body: `孙经办（经办人）已退出“${org.name}”。`,
    });
  });

  it('an administrator hands the role over to a 经办人 and becomes 经办人, then may leave', async () => {
    const { admin } = await registeredOrg(h);
    const agent = await invitedMember(h, admin, 'agent', '周经办');
    const result = await admin.myOrg.members.handOver.mutate({ memberId: agent.memberId });
    expect(result).toEqual({ adminMemberId: agent.memberId, myRole: 'agent' });
    const list = await agent.client.myOrg.members.list.query();
    expect(list.me.role).toBe('admin');
    expect(list.adminCount).toBe(1);
    expect((await agent.client.notifications.mine.query({ limit: 1 })).items[0]?.title).toBe(
      '您已成为单位管理员',
    );
    // The former administrator is now a 经办人 and may leave.
    await admin.myOrg.members.leave.mutate();
    expect((await agent.client.myOrg.members.list.query()).members).toHaveLength(1);
  });

  it('hand-over needs another member of the same organisation', async () => {
    const { admin } = await registeredOrg(h);
    const other = await registeredOrg(h);
    const { me } = await admin.myOrg.members.list.query();
    const { me: theirs } = await other.admin.myOrg.members.list.query();
    expect(
      await failure(() => admin.myOrg.members.handOver.mutate({ memberId: me.memberId })),
    ).toMatchObject({
      appCode: 'MEMBER_IS_SELF',
      message: '不能对自己进行此操作；如需退出单位，请使用“退出单位”',
    });
    expect(
      await failure(() => admin.myOrg.members.handOver.mutate({ memberId: theirs.memberId })),
    ).toMatchObject({ appCode: 'NOT_FOUND', message: '该成员不存在或已不在本单位' });
    expect(
      (await failure(() => admin.myOrg.members.handOver.mutate({ memberId: 'nobody' }))).appCode,
    ).toBe('INVALID_INPUT');
    expect((await admin.myOrg.members.list.query()).me.role).toBe('admin');
  });

  it('an administrator removes a member, who is told, and whose unused codes stop working', async () => {
    const { admin, org } = await registeredOrg(h);
    const second = await invitedMember(h, admin, 'admin', '吴管理');
    const { code } = await second.client.myOrg.members.invite.mutate({ role: 'admin' });
    await admin.myOrg.members.remove.mutate({ memberId: second.memberId });

    expect((await second.client.profile.mine.query()).type).toBeNull();
    expect((await second.client.notifications.mine.query({ limit: 1 })).items[0]).toMatchObject({
      title: '您已被移出单位',
      body: `“${org.name}”的管理员已将您移出单位，您不能再以该单位名义办理事项。`,
    });
    // The removed administrator cannot come back with a code made before.
    expect(
      (await failure(() => second.client.myOrg.members.join.mutate({ code, name: '吴管理' })))
        .appCode,
    ).toBe('INVITE_INVALID');
    expect(
      (await failure(() => admin.myOrg.members.remove.mutate({ memberId: second.memberId })))
        .appCode,
    ).toBe('NOT_FOUND');
    const { me } = await admin.myOrg.members.list.query();
    expect(
      (await failure(() => admin.myOrg.members.remove.mutate({ memberId: me.memberId }))).appCode,
    ).toBe('MEMBER_IS_SELF');
  });

  it('roles change only while an administrator remains', async () => {
    const { admin } = await registeredOrg(h);
    const agent = await invitedMember(h, admin, 'agent', '郑经办');
    const { me } = await admin.myOrg.members.list.query();
    expect(
      await failure(() =>
        admin.myOrg.members.setRole.mutate({ memberId: me.memberId, role: 'agent' }),
      ),
    ).toMatchObject({
      appCode: 'LAST_ADMIN',
      message: '该成员是单位唯一的管理员，不能改为经办人，请先将管理员身份移交给其他成员',
    });
    await admin.myOrg.members.setRole.mutate({ memberId: agent.memberId, role: 'admin' });
    await admin.myOrg.members.setRole.mutate({ memberId: me.memberId, role: 'agent' });
    const list = await agent.client.myOrg.members.list.query();
    expect(list.members.map((m) => m.roleLabel).sort()).toEqual(['管理员', '经办人']);
  });

  it('two administrators leaving at the same moment: one leaves, the other is told they are the last', async () => {
    const { admin } = await registeredOrg(h);
    const second = await invitedMember(h, admin, 'admin', '冯管理');
    await invitedMember(h, admin, 'agent', '陈经办');
    const results = await Promise.allSettled([
      admin.myOrg.members.leave.mutate(),
      second.client.myOrg.members.leave.mutate(),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((await failure(() => Promise.reject(loser.reason))).appCode).toBe('LAST_ADMIN');
  });

  it('the person registering is known by the contact name until members name themselves', async () => {
    const { admin } = await registeredOrg(h);
    const before = await admin.myOrg.members.list.query();
    expect(before.members[0]).toMatchObject({ name: '陈晓东', nameMissing: false });
    await admin.myOrg.members.setMyName.mutate({ name: '陈晓冬' });
    const after = await admin.myOrg.members.list.query();
    expect(after.members[0]).toMatchObject({ name: '陈晓冬', nameMissing: false });
    // Someone who joins names themselves as they join.
    const agent = await invitedMember(h, admin, 'agent', '周新成员');
    const listed = await admin.myOrg.members.list.query();
    expect(listed.members.find((m) => m.id === agent.memberId)).toMatchObject({ name: '周新成员' });
  });
});

describe('the administrators’ activity view', () => {
  it('shows its own organisation’s changes of people, newest first, with who did them', async () => {
    const { admin } = await registeredOrg(h);
    await admin.myOrg.members.setMyName.mutate({ name: '林管理' });
    const start = h.clock.now;
    try {
      h.clock.now = new Date(start.getTime() + 60_000);
      const agent = await invitedMember(h, admin, 'agent', '何经办');
      h.clock.now = new Date(start.getTime() + 120_000);
      await admin.myOrg.members.handOver.mutate({ memberId: agent.memberId });
    } finally {
      h.clock.now = start;
    }
    // Another organisation's people at the same time are not in this view.
    const other = await registeredOrg(h);
    await invitedMember(h, other.admin, 'agent', '外单位经办');

    const agentNowAdmin = (await admin.myOrg.members.list.query()).members.find(
      (m) => m.name === '何经办',
    );
    expect(agentNowAdmin?.role).toBe('admin');
    // The former administrator (now 经办人) no longer reads it.
    expect((await failure(() => admin.myOrg.members.activity.query({ limit: 10 }))).appCode).toBe(
      'NOT_ORG_ADMIN',
    );
    const newAdmin = await h.applicant(
      (await h.prisma.user.findFirstOrThrow({ where: { displayName: '何经办' } })).openid!,
    );
    const page = await newAdmin.myOrg.members.activity.query({ limit: 50 });
    const people = page.items.filter((i) => i.action.startsWith('organisation.member.'));
    expect(people.map((i) => [i.actionLabel, i.actorName, i.note])).toEqual([
      ['移交管理员身份', '林管理', '移交给何经办'],
      ['凭邀请码加入单位', '何经办', '经办人'],
      ['生成成员邀请码', '林管理', '经办人'],
      ['修改成员姓名', '林管理', '原姓名：陈晓东'],
    ]);
    expect(JSON.stringify(page)).not.toContain('外单位经办');

    // “Load more” pages through the same entries.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await newAdmin.myOrg.members.activity.query({ limit: 2, cursor });
      paged.push(...next.items.map((i) => i.id));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(page.items.map((i) => i.id));
  });

  it('area officers find the same entries in the audit search of the organisation’s area', async () => {
    const { admin, org } = await registeredOrg(h, { areaCode: 'yongqiao' });
    await admin.myOrg.members.invite.mutate({ role: 'agent' });
    const yongqiao = await h.officer('yongqiao');
    const found = await yongqiao.audit.search.query({ action: 'organisation.member.invite' });
    expect(
      found.items.some((i) => (i.details as { organisationId?: string }).organisationId === org.id),
    ).toBe(true);
  });
});

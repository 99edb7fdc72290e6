import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_NOTICE, PRIVACY_NOTICE_VERSIONS, findUnmaskedPII } from '@kc/domain';
import { collectMyData, myDataXlsx } from '../src/privacy/export';
import { submittedScenario } from './awards-support';
import { researcherInput } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const CURRENT = CURRENT_PRIVACY_NOTICE.version;
const OLD = PRIVACY_NOTICE_VERSIONS[0]!.version;

function login(openid: string, acceptedNoticeVersion?: string) {
  return h.client(undefined, { ip: '10.9.8.7' }).auth.wechatLogin.mutate({
    code: h.wechat.issueCode(openid),
    ...(acceptedNoticeVersion ? { acceptedNoticeVersion } : {}),
  });
}

describe('consent to the privacy notice, by version', () => {
  it('has one current version, the last, whose paragraph 五 names 查看与导出 and 注销', () => {
    expect(OLD).not.toBe(CURRENT);
    expect(CURRENT_PRIVACY_NOTICE.paragraphs.at(-1)).toMatch(/查看与导出[\s\S]*注销/);
  });

  it('stores an acceptance sent with the login, with version, time and address', async () => {
    const result = await login('openid-consent-1', CURRENT);
    expect(result.consentRequired).toBeNull();
    const rows = await h.prisma.privacyConsent.findMany({ where: { userId: result.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      noticeVersion: CURRENT,
      ip: '10.9.8.7',
      acceptedAt: h.clock.now,
    });
    const audit = await h.prisma.auditLog.findFirst({
      where: { action: 'privacy.consent', objectId: result.user.id },
    });
    expect(audit?.details).toEqual({ noticeVersion: CURRENT });
    // A silent re-login (nothing accepted now) is fine: the current version is on record.
    const again = await login('openid-consent-1');
    expect(again.consentRequired).toBeNull();
    expect(await h.prisma.privacyConsent.count({ where: { userId: result.user.id } })).toBe(1);
  });

  it('asks again when the user accepted nothing, or an older version', async () => {
    const none = await login('openid-consent-2');
    expect(none.consentRequired).toEqual({ version: CURRENT });
    expect(await h.prisma.privacyConsent.count({ where: { userId: none.user.id } })).toBe(0);

    const old = await login('openid-consent-3', OLD);
    expect(old.consentRequired).toEqual({ version: CURRENT });
    await h.prisma.privacyConsent.create({
      data: { userId: old.user.id, noticeVersion: OLD, acceptedAt: h.clock.now },
    });
    expect((await login('openid-consent-3')).consentRequired).toEqual({ version: CURRENT });
  });

  it('同意 after the question stores the acceptance; an outdated or malformed version is refused', async () => {
    const { token, user } = await login('openid-consent-4');
    const me = h.client(token);
    const outdated = await failure(() => me.me.acceptPrivacyNotice.mutate({ version: OLD }));
    expect(outdated).toMatchObject({ appCode: 'PRIVACY_NOTICE_OUTDATED', httpStatus: 409 });
    const bad = await failure(() => me.me.acceptPrivacyNotice.mutate({ version: '../x' }));
    expect(bad).toMatchObject({ appCode: 'INVALID_INPUT', httpStatus: 400 });
    await me.me.acceptPrivacyNotice.mutate({ version: CURRENT });
    expect(await h.prisma.privacyConsent.count({ where: { userId: user.id } })).toBe(1);
    expect((await login('openid-consent-4')).consentRequired).toBeNull();
  });

  it('serves the notice in force to anyone', async () => {
    expect(await h.client().me.privacyNotice.query()).toEqual(CURRENT_PRIVACY_NOTICE);
  });
});

/** A firm administrator with a submitted application, a draft, files, an account, messages. */
async function richFirm() {
  const { firm, application } = await submittedScenario(h, '个人信息测试场景');
  await firm.client.me.acceptPrivacyNotice.mutate({ version: CURRENT });
  const draftFile = await firm.upload('case-summary');
  const draft = await firm.client.applications.saveDraft.mutate({
    ruleId: 'scenario-case',
    input: { caseName: '草稿里的场景' },
    evidence: [draftFile],
  });
  const loose = await firm.upload('never-used');
  await h.prisma.organisationBankAccount.create({
    data: {
      organisationId: firm.org.id,
      holder: firm.org.name,
      bankName: '中国工商银行',
      branchName: '宿州分行',
      accountNo: '6222020200112233445',
      createdBy: firm.userId,
      createdAt: h.clock.now,
    },
  });
  return { firm, application, draft, draftFile, loose };
}

describe('own data: me.export', () => {
  it('holds profile, memberships, organisation, applications with events, files, messages, consents, sessions and audit rows', async () => {
    const { firm, application } = await richFirm();
    const data = await firm.client.me.export.query();
    expect(data.profile.id).toBe(firm.userId);
    expect(data.memberships).toEqual([
      expect.objectContaining({ organisation: firm.org.name, role: '管理员', status: '在职' }),
    ]);
    expect(data.organisations[0]).toMatchObject({ name: firm.org.name });
    expect(data.organisations[0]!.bankAccounts[0]!.accountNo).toMatch(/3445$/);
    expect(data.organisations[0]!.bankAccounts[0]!.accountNo).not.toContain('62220202001122');
    const number = data.applications.find((a) => a.number === application.number);
    expect(number?.events.length).toBeGreaterThan(0);
    expect(number?.events[0]).toMatchObject({ by: '申请人' });
    expect(data.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['case-summary.pdf', 'never-used.pdf']),
    );
    expect(data.files[0]).toEqual({
      name: expect.any(String),
      sizeBytes: 1024,
      type: 'application/pdf',
      uploadedAt: expect.any(String),
    });
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.consents).toEqual([expect.objectContaining({ noticeVersion: CURRENT })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.auditLog.map((a) => a.action)).toEqual(
      expect.arrayContaining(['注册单位', '同意隐私保护指引']),
    );
    // Audit rows name no officer: only roles, or 本人.
    const verify = data.auditLog.find((a) => a.action === '机构认证通过');
    if (verify) expect(verify.by).toBe('县区园区管理员');
    expect(
      await h.prisma.auditLog.count({ where: { action: 'privacy.export', objectId: firm.userId } }),
    ).toBe(1);
  });

  it('as a workbook: one sheet per section, the account masked to its last 4 digits', async () => {
    const { firm } = await richFirm();
    const bytes = await myDataXlsx(await collectMyData(h.prisma, firm.userId, h.clock.now));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '账号',
      '科研人员信息',
      '单位成员身份',
      '管理的单位',
      '机构认证记录',
      '收款账户',
      '申请',
      '申请进度',
      '上传材料',
      '科技副总选派',
      '消息',
      '隐私保护指引同意记录',
      '登录记录',
      '操作日志',
    ]);
    const account = String(wb.getWorksheet('收款账户')!.getRow(2).getCell(4).value);
    expect(account).toMatch(/3445$/);
    expect(account).not.toContain('6222020200112');
    expect(wb.getWorksheet('上传材料')!.rowCount).toBeGreaterThan(4);
    // The 项目 column names the programme, as the mini-program does, never its rule code.
    const applications = wb.getWorksheet('申请')!;
    expect(applications.rowCount).toBeGreaterThan(1);
    for (let r = 2; r <= applications.rowCount; r++) {
      const programme = String(applications.getRow(r).getCell(2).value);
      expect(programme).not.toMatch(/^[a-z-]+$/);
      expect(programme).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is for applicants only', async () => {
    const officer = await h.officer('yongqiao');
    expect(await failure(() => officer.me.export.query())).toMatchObject({ appCode: 'FORBIDDEN' });
    expect(await failure(() => h.client().me.export.query())).toMatchObject({
      appCode: 'UNAUTHENTICATED',
    });
  });
});

describe('注销: account cancellation, table by table', () => {
  it('refuses without the typed confirmation', async () => {
    const me = await h.applicant();
    const wrong = await failure(() => me.me.cancelAccount.mutate({ confirmation: '确定' }));
    expect(wrong).toMatchObject({ appCode: 'CANCEL_CONFIRMATION_REQUIRED', httpStatus: 400 });
    const { id } = await me.auth.me.query();
    expect((await h.prisma.user.findUniqueOrThrow({ where: { id } })).cancelledAt).toBeNull();
  });

  it('refuses the last administrator of an organisation, who hands over first', async () => {
    const { firm } = await richFirm();
    const refused = await failure(() =>
      firm.client.me.cancelAccount.mutate({ confirmation: '注销' }),
    );
    expect(refused).toMatchObject({ appCode: 'LAST_ADMIN' });
    expect(refused.message).toContain('移交管理员身份');
    const user = await h.prisma.user.findUniqueOrThrow({ where: { id: firm.userId } });
    expect(user.cancelledAt).toBeNull();
  });

  it('keeps what audit needs, reduces the person, removes the rest', async () => {
    const { firm, application, draft, draftFile, loose } = await richFirm();
    // A colleague becomes administrator too, so the firm keeps one.
    const colleague = await h.applicant();
    const colleagueId = (await colleague.auth.me.query()).id;
    await h.prisma.organisationMember.create({
      data: {
        organisationId: firm.org.id,
        userId: colleagueId,
        role: 'admin',
        origin: 'invited',
        joinedAt: h.clock.now,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    const invite = await h.prisma.organisationInvite.create({
      data: {
        organisationId: firm.org.id,
        codeHash: `hash-${firm.userId}`,
        role: 'agent',
        createdBy: firm.userId,
        createdAt: h.clock.now,
        expiresAt: new Date(h.clock.now.getTime() + 3_600_000),
      },
    });
    const kept = await h.prisma.applicationEvidence.findMany({
      where: { applicationId: application.id },
    });
    const auditBefore = await h.prisma.auditLog.count();
    const eventsBefore = await h.prisma.applicationEvent.count({
      where: { applicationId: application.id },
    });
    // The bytes of the two files only the draft and nobody used.
    for (const f of [draftFile, loose]) {
      const row = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: f.fileId } });
      await h.fileStore.put(new TextEncoder().encode(`bytes of ${row.id}`)).then(async (put) => {
        await h.prisma.storedFile.update({ where: { id: row.id }, data: { sha256: put.sha256 } });
      });
    }
    const orphanShas = (
      await h.prisma.storedFile.findMany({
        where: { id: { in: [draftFile.fileId, loose.fileId] } },
      })
    ).map((f) => f.sha256);

    const { openid } = await h.prisma.user.findUniqueOrThrow({ where: { id: firm.userId } });
    await firm.client.me.cancelAccount.mutate({ confirmation: ' 注销 ' });

    // user: no openid, no name, cancelled.
    const user = await h.prisma.user.findUniqueOrThrow({ where: { id: firm.userId } });
    expect(user).toMatchObject({
      openid: null,
      displayName: '已注销用户',
      cancelledAt: h.clock.now,
    });
    // session: all revoked; the old token is refused.
    expect(await h.prisma.session.count({ where: { userId: firm.userId, revokedAt: null } })).toBe(
      0,
    );
    expect(await failure(() => firm.client.auth.me.query())).toMatchObject({
      appCode: 'UNAUTHENTICATED',
    });
    // organisation_member: ended; the organisation keeps its other administrator.
    const memberships = await h.prisma.organisationMember.findMany({
      where: { userId: firm.userId },
    });
    expect(memberships.every((m) => m.status === 'ended' && m.endReason === 'left')).toBe(true);
    // organisation_invite: codes they made no longer work.
    expect(
      (await h.prisma.organisationInvite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt,
    ).toEqual(h.clock.now);
    // organisation, bank account, verification: the organisation's, kept.
    expect(await h.prisma.organisation.count({ where: { id: firm.org.id } })).toBe(1);
    expect(
      await h.prisma.organisationBankAccount.count({ where: { organisationId: firm.org.id } }),
    ).toBe(1);
    // application: the submitted one kept whole with its evidence; the draft emptied and closed.
    const submitted = await h.prisma.application.findUniqueOrThrow({
      where: { id: application.id },
    });
    expect(submitted.status).toBe('submitted');
    expect(
      await h.prisma.applicationEvidence.count({ where: { applicationId: application.id } }),
    ).toBe(kept.length);
    const closed = await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(closed).toMatchObject({ status: 'withdrawn', input: {} });
    expect(await h.prisma.applicationEvidence.count({ where: { applicationId: draft.id } })).toBe(
      0,
    );
    // application_event: append-only, kept; the draft's closing is on it.
    expect(
      await h.prisma.applicationEvent.count({ where: { applicationId: application.id } }),
    ).toBe(eventsBefore);
    expect(
      await h.prisma.applicationEvent.count({
        where: { applicationId: draft.id, action: 'delete-draft' },
      }),
    ).toBe(1);
    // stored_file: evidence of kept records stays; the draft's and the unused file go, bytes too.
    expect(
      await h.prisma.storedFile.count({
        where: { id: { in: kept.flatMap((e) => (e.fileId ? [e.fileId] : [])) } },
      }),
    ).toBe(kept.filter((e) => e.fileId).length);
    expect(
      await h.prisma.storedFile.count({ where: { id: { in: [draftFile.fileId, loose.fileId] } } }),
    ).toBe(0);
    for (const sha of orphanShas) expect(await h.fileStore.has(sha)).toBe(false);
    // notification, privacy_consent: deleted.
    expect(await h.prisma.notification.count({ where: { userId: firm.userId } })).toBe(0);
    expect(await h.prisma.privacyConsent.count({ where: { userId: firm.userId } })).toBe(0);
    // audit_log: kept (append-only), one row more, with no unmasked numbers.
    expect(await h.prisma.auditLog.count()).toBe(auditBefore + 1);
    const row = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'privacy.cancel-account', objectId: firm.userId },
    });
    expect(findUnmaskedPII(JSON.stringify(row.details))).toEqual([]);

    // The same WeChat user logging in again starts a new, empty account.
    const again = await login(openid!, CURRENT);
    expect(again.user.id).not.toBe(firm.userId);
    expect(again.user.profileType).toBeNull();
  });

  it('a session of a cancelled account is refused even if it was somehow not revoked', async () => {
    const me = await h.applicant();
    const { id } = await me.auth.me.query();
    await me.me.cancelAccount.mutate({ confirmation: '注销' });
    await h.prisma.session.updateMany({ where: { userId: id }, data: { revokedAt: null } });
    await h.prisma.user.update({ where: { id }, data: { openid: `restored-${id}` } });
    expect(await failure(() => me.auth.me.query())).toMatchObject({ appCode: 'UNAUTHENTICATED' });
  });

  it('researcher: phone and ID removed; the name kept only where a secondment names it', async () => {
    // A fresh researcher with nothing kept.
    const fresh = await h.applicant();
    await fresh.profile.saveResearcher.mutate(researcherInput({ name: '林清源' }));
    const freshId = (await fresh.auth.me.query()).id;
    await fresh.me.cancelAccount.mutate({ confirmation: '注销' });
    const r1 = await h.prisma.researcher.findUniqueOrThrow({ where: { userId: freshId } });
    expect(r1).toMatchObject({
      name: '已注销用户',
      mobile: '',
      residentIdMasked: '',
      expertise: '',
    });
    expect(r1.residentIdHash).toMatch(/^cancelled:/);

    // A demo researcher on a secondment: the name stays, the rest goes.
    const demo = await h.prisma.researcher.findFirstOrThrow({
      where: { user: { openid: 'demo-openid-researcher-1' } },
      include: { vpCandidates: { include: { call: { include: { needs: true } } } } },
    });
    const candidate = demo.vpCandidates[0]!;
    const need = candidate.call.needs[0]!;
    await h.prisma.vpSecondment.create({
      data: {
        callId: candidate.callId,
        needId: need.id,
        candidateId: candidate.id,
        organisationId: need.organisationId,
        researcherId: demo.id,
        areaCode: need.areaCode,
        score: 80,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    const client = await h.applicant('demo-openid-researcher-1');
    const data = await client.me.export.query();
    expect(data.secondments).toHaveLength(1);
    expect(data.researcher?.mobile).toBe(demo.mobile);
    await client.me.cancelAccount.mutate({ confirmation: '注销' });
    const r2 = await h.prisma.researcher.findUniqueOrThrow({ where: { id: demo.id } });
    expect(r2).toMatchObject({ name: demo.name, mobile: '', residentIdMasked: '' });
    expect(r2.birthDate.toISOString().slice(5, 10)).toBe('01-01');
    expect(await h.prisma.vpSecondment.count({ where: { researcherId: demo.id } })).toBe(1);

    // Neither is talent on offer any more: the 人才库 lists neither kept record.
    const reviewer = await h.officer('reviewer');
    const listed = await reviewer.researchers.list.query({ pageSize: 100 });
    const ids = listed.items.map((i) => i.id);
    expect(ids).not.toContain(r1.id);
    expect(ids).not.toContain(demo.id);
    expect(listed.items.every((i) => i.name !== '已注销用户')).toBe(true);
  });
});

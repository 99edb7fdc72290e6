import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { median } from '../src/organisations/official-lists/panel';
import { newOfficer } from './disbursement-support';
import { firmInput } from './fixtures';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import {
  DEMO,
  SAMPLE_FILES,
  hteCsv,
  importSample,
  organisationByCode,
  previewOf,
} from './official-list-support';
import { verifiedInDb } from './org-support';

/**
 * 免申即享 from the firm's side and the bureau's: the sample lists are imported, the invited
 * firms' administrators confirm with one tap, and the awards go the normal way to payment.
 */
let h: Harness;
const START = new Date('2026-11-27T02:00:00Z');
const WAN = 1_000_000n; // 1万元 in fen

/** Demo administrators (src/seed.ts) of the firms the sample lists name. */
const OPENID = {
  suqing: 'demo-openid-firm-1',
  xincai: 'demo-openid-firm-4',
  college: 'demo-openid-university-1',
  incubator: 'demo-openid-incubator-1',
  yunzhi: 'demo-openid-firm-2',
};

beforeAll(async () => {
  h = await createHarness({ start: START });
  await importSample(h, 'high-tech-enterprise', SAMPLE_FILES.highTech);
  await importSample(h, 'rd-platform', SAMPLE_FILES.rdPlatform);
  await importSample(h, 'incubator', SAMPLE_FILES.incubator);
});
afterAll(async () => {
  await h?.close();
});

async function invitationOf(openid: string) {
  const firm = await h.applicant(openid);
  const list = await firm.myOrg.invitations.list.query();
  const first = list.items[0];
  if (!first) throw new Error(`no invitation for ${openid}`);
  return { firm, list, id: first.id };
}

/** A file of the applicant's own, as POST /files would store it. */
async function ownFile(userId: string, name: string) {
  return h.prisma.storedFile.create({
    data: {
      sha256: randomBytes(32).toString('hex'),
      sizeBytes: 1024,
      mimeType: 'application/pdf',
      originalName: name,
      ownerUserId: userId,
      createdAt: h.clock.now,
    },
  });
}

/** The area step and the bureau's approval, as officers do them. */
async function approve(applicationId: string) {
  const admin = await h.officer('admin');
  const seen = await admin.review.byId.query({ id: applicationId });
  const accepted = await admin.review.act.mutate({
    applicationId,
    action: 'accept-area',
    expectedVersion: seen.version,
  });
  const forwarded = await admin.review.act.mutate({
    applicationId,
    action: 'forward',
    expectedVersion: accepted.version,
  });
  const reviewer = await h.officer('reviewer');
  return reviewer.review.act.mutate({
    applicationId,
    action: 'approve',
    expectedVersion: forwarded.version,
  });
}

describe('an invited firm sees what the list fills in for it', () => {
  it('shows the pre-filled application, the amount and its explanation, and where the evidence comes from', async () => {
    const { firm, list, id } = await invitationOf(OPENID.suqing);
    expect(list.waiting).toBe(1);
    expect(list.items[0]).toMatchObject({
      status: 'invited',
      statusLabel: '待确认',
      ruleName: '国家高新技术企业认定奖励',
      clause: '四.10',
      listKindName: '国家高新技术企业认定名单',
      listTitle: '2026年安徽省第一批认定高新技术企业名单（宿州市）',
      documentNo: 'GR202634000101',
      recognisedOn: '2026-10-15',
      application: null,
    });
    const detail = await firm.myOrg.invitations.byId.query({ invitationId: id });
    expect(detail).toMatchObject({
      organisationName: DEMO.suqing.name,
      amountFen: 20n * WAN,
      refusals: [],
      missing: [],
      missingInputs: [],
      mayConfirm: true,
      role: 'admin',
      bankAccount: {
        holder: DEMO.suqing.name,
        bankName: '中国工商银行',
        accountNoMasked: '****3456',
      },
    });
    expect(detail.inputRows).toEqual([
      { label: '认定类型', value: '首次认定' },
      { label: '高新技术企业证书编号', value: 'GR202634000101' },
      { label: '发证日期', value: '2026-10-15' },
    ]);
    expect(detail.explanation?.summary).toContain('200,000');
    expect(detail.evidence.map((e) => [e.kind, e.source, e.sourceLabel])).toEqual([
      ['high-tech-certificate', 'official-list', '官方认定名单（免申即享）'],
      ['credit-commitment', 'e-commitment', '线上信用承诺'],
      ['bank-account', 'bank-account', '平台登记的收款账户'],
    ]);
    expect(detail.evidence[0]?.note).toBe(
      '《2026年安徽省第一批认定高新技术企业名单（宿州市）》第 3 行：安徽宿氢新能源科技有限公司，GR202634000101，2026-10-15',
    );
    // The bank account number never leaves unmasked.
    expect(
      JSON.stringify(detail, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    ).not.toContain('1317000109200123456');
  });

  it('shows it to every member, lets only administrators confirm, and hides it from other firms', async () => {
    const { id } = await invitationOf(OPENID.suqing);
    const org = await organisationByCode(h, DEMO.suqing.creditCode);
    const agent = await h.applicant();
    const agentUser = await agent.auth.me.query();
    await h.prisma.organisationMember.create({
      data: {
        organisationId: org.id,
        userId: agentUser.id,
        role: 'agent',
        origin: 'invited',
        joinedAt: h.clock.now,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    const seen = await agent.myOrg.invitations.byId.query({ invitationId: id });
    expect(seen).toMatchObject({ role: 'agent', mayConfirm: false });
    expect(seen.missing).toContain('只有单位管理员可以确认申领');
    expect(
      await failure(() =>
        agent.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      ),
    ).toMatchObject({ appCode: 'NOT_ORG_ADMIN', message: '只有单位管理员可以进行此操作' });
    expect(
      await failure(() => agent.myOrg.invitations.decline.mutate({ invitationId: id })),
    ).toMatchObject({ appCode: 'NOT_ORG_ADMIN' });

    const other = await h.applicant(OPENID.yunzhi);
    for (const call of [
      () => other.myOrg.invitations.byId.query({ invitationId: id }),
      () => other.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      () => other.myOrg.invitations.decline.mutate({ invitationId: id }),
    ]) {
      expect(await failure(call)).toMatchObject({
        appCode: 'NOT_FOUND',
        message: '记录不存在或您无权查看',
      });
    }
    expect((await other.myOrg.invitations.list.query()).items).toEqual([]);
    const nobody = await h.applicant();
    expect(await failure(() => nobody.myOrg.invitations.list.query())).toMatchObject({
      appCode: 'NOT_ORG_MEMBER',
      message: '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
    });
  });
});

describe('confirming an invitation (确认申领)', () => {
  it('needs the commitment, a verified organisation and a registered 收款账户', async () => {
    const { firm, id } = await invitationOf(OPENID.suqing);
    const org = await organisationByCode(h, DEMO.suqing.creditCode);

    const noCommitment = await failure(() =>
      firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: false as true }),
    );
    expect(noCommitment).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '请阅读并勾选信用承诺',
      fieldErrors: { commitment: ['请阅读并勾选信用承诺'] },
    });

    await h.prisma.organisation.update({
      where: { id: org.id },
      data: { verificationStatus: 'pending' },
    });
    expect(
      await failure(() =>
        firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      ),
    ).toMatchObject({
      appCode: 'ORGANISATION_NOT_VERIFIED',
      message: '单位机构认证正在审核中，认证通过后才能提交',
    });
    await h.prisma.organisation.update({
      where: { id: org.id },
      data: { verificationStatus: 'verified' },
    });

    await h.prisma.organisationBankAccount.updateMany({
      where: { organisationId: org.id, status: 'active' },
      data: { status: 'replaced', replacedAt: h.clock.now },
    });
    const detail = await firm.myOrg.invitations.byId.query({ invitationId: id });
    expect(detail).toMatchObject({ mayConfirm: false, bankAccount: null });
    expect(detail.missing).toEqual(['单位尚未登记收款账户，请先在“我的—收款账户”登记']);
    expect(
      await failure(() =>
        firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      ),
    ).toMatchObject({
      appCode: 'BANK_DETAILS_MISSING',
      message: '单位尚未登记收款账户，请先在“我的—收款账户”登记后再确认申领',
    });
    await h.prisma.organisationBankAccount.updateMany({
      where: { organisationId: org.id },
      data: { status: 'active', replacedAt: null },
    });
    // Nothing was written by the refusals.
    expect(await h.prisma.application.count({ where: { organisationId: org.id } })).toBe(0);
    expect((await firm.myOrg.invitations.byId.query({ invitationId: id })).status).toBe('invited');
  });

  it('asks a re-recognised firm for its previous certificate when no list gave it', async () => {
    const openid = 'test-re-recognised-firm';
    const firm = await h.applicant(openid);
    const org = await firm.profile.saveOrganisation.mutate(
      firmInput({ creditCode: '91341302MA8N2B6P4K', name: '宿州再认定科技有限公司' }),
    );
    await verifiedInDb(h, org.id);
    await h.prisma.organisationBankAccount.create({
      data: {
        organisationId: org.id,
        holder: '宿州再认定科技有限公司',
        bankName: '中国银行',
        branchName: '宿州分行',
        accountNo: '1827312345678',
        createdBy: org.id,
        createdAt: h.clock.now,
      },
    });
    const preview = await previewOf(
      h,
      'high-tech-enterprise',
      hteCsv([
        [
          'GR202634009401',
          '91341302MA8N2B6P4K',
          '宿州再认定科技有限公司',
          '2026-10-15',
          '再次认定',
          '',
        ],
      ]),
      're.csv',
    );
    await (await h.officer('admin')).officialLists.commit.mutate({ importId: preview.id });
    const { id } = await invitationOf(openid);
    const detail = await firm.myOrg.invitations.byId.query({ invitationId: id });
    expect(detail).toMatchObject({
      missingInputs: ['previousCertificateNo'],
      amountFen: null,
      mayConfirm: true,
    });
    expect(detail.missing).toEqual(['名单未列出上一次高新技术企业证书编号，请在确认时填写']);

    expect(
      await failure(() =>
        firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      ),
    ).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { previousCertificateNo: ['再次认定请填写上一次高新技术企业证书编号'] },
    });
    expect(
      await failure(() =>
        firm.myOrg.invitations.confirm.mutate({
          invitationId: id,
          commitment: true,
          previousCertificateNo: 'GR12',
        }),
      ),
    ).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: {
        previousCertificateNo: ['上一次证书编号应为 GR 加 12 位数字，如 GR202334001111'],
      },
    });
    const done = await firm.myOrg.invitations.confirm.mutate({
      invitationId: id,
      commitment: true,
      previousCertificateNo: 'gr 2023 3400 0999',
    });
    expect(done).toMatchObject({ status: 'confirmed', amountFen: 10n * WAN });
    const app = await firm.applications.byId.query({ id: done.application!.id });
    expect(app.input).toMatchObject({
      recognitionType: 're',
      previousCertificateNo: 'GR202334000999',
    });
  });

  it('turns the invitation into a submitted application, marked 免申即享, in one tap', async () => {
    const { firm, id } = await invitationOf(OPENID.suqing);
    const confirmed = await firm.myOrg.invitations.confirm.mutate({
      invitationId: id,
      commitment: true,
    });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      statusLabel: '已确认申领',
      amountFen: 20n * WAN,
      mayConfirm: false,
      missing: [],
      application: { status: 'submitted', statusLabel: '已提交' },
    });
    const app = await firm.applications.byId.query({ id: confirmed.application!.id });
    expect(app).toMatchObject({
      ruleId: 'high-tech-enterprise',
      status: 'submitted',
      viaExemption: true,
      computedAmountFen: 20n * WAN,
      input: {
        recognitionType: 'first',
        certificateNo: 'GR202634000101',
        certifiedOn: '2026-10-15',
      },
    });
    const importRow = await h.prisma.officialListImport.findFirstOrThrow({
      where: { listKind: 'high-tech-enterprise', status: 'committed' },
      orderBy: { createdAt: 'asc' },
    });
    expect(app.evidence.map((e) => [e.kind, e.source, e.fileId])).toEqual([
      ['high-tech-certificate', 'official-list', importRow.fileId],
      ['credit-commitment', 'e-commitment', null],
      ['bank-account', 'bank-account', null],
    ]);
    // Who (the demo administrator 赵立新) and when (10:00 Shanghai time), and what they accepted.
    expect(app.evidence[1]?.note).toMatch(
      /^赵立新 于 2026-11-27 10:00 在线确认信用承诺：本单位承诺/,
    );
    expect(app.evidence[2]?.note).toBe(
      `${DEMO.suqing.name}，中国工商银行宿州经济开发区支行，账号 ****3456`,
    );
    expect(app.timeline.map((e) => [e.action, e.comment])).toEqual([
      ['create', '免申即享：根据《2026年安徽省第一批认定高新技术企业名单（宿州市）》预先填写'],
      ['submit', '免申即享：单位管理员确认申领'],
    ]);
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'exemption.confirm', objectId: id },
    });
    expect(audit.details).toMatchObject({
      organisationId: (await organisationByCode(h, DEMO.suqing.creditCode)).id,
      number: app.number,
      amount: '¥200,000.00',
      commitment: 'e-commitment',
    });

    // Officers see it marked, with the list's file as its evidence.
    const reviewer = await h.officer('reviewer');
    expect(await reviewer.review.byId.query({ id: app.id })).toMatchObject({ viaExemption: true });
    const queue = await reviewer.review.queue.query({ q: app.number });
    expect(queue.items.map((i) => [i.number, i.viaExemption])).toEqual([[app.number, true]]);

    for (const call of [
      () => firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      () => firm.myOrg.invitations.decline.mutate({ invitationId: id }),
    ]) {
      expect(await failure(call)).toMatchObject({
        appCode: 'INVITATION_CLOSED',
        message: '该免申即享邀请已确认申领，请在“我的申请”查看进度',
      });
    }
  });

  it('uses the 资料库’s valid 信用承诺书 instead of an online commitment', async () => {
    const { firm, id } = await invitationOf(OPENID.college);
    const me = await firm.auth.me.query();
    const org = await organisationByCode(h, DEMO.college.creditCode);
    const file = await ownFile(me.id, '信用承诺书.pdf');
    const doc = await h.prisma.organisationDocument.create({
      data: {
        organisationId: org.id,
        kind: 'credit-commitment',
        fileId: file.id,
        validUntil: new Date('2026-12-31T00:00:00Z'),
        uploadedBy: me.id,
        createdAt: h.clock.now,
      },
    });
    const confirmed = await firm.myOrg.invitations.confirm.mutate({
      invitationId: id,
      commitment: true,
    });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      amountFen: 40n * WAN,
      ruleName: '新认定国家级、省级研发平台奖励',
    });
    const evidence = await h.prisma.applicationEvidence.findFirstOrThrow({
      where: { applicationId: confirmed.application!.id, kind: 'credit-commitment' },
    });
    expect(evidence).toMatchObject({ source: 'library', documentId: doc.id, fileId: file.id });
  });

  it('voids the invitation with the engine’s reason when the firm was already awarded', async () => {
    // 萧县新材 applied for its 2026 re-recognition by hand before the list came; it was approved.
    const firm = await h.applicant(OPENID.xincai);
    const me = await firm.auth.me.query();
    const evidence = await Promise.all(
      ['high-tech-certificate', 'credit-commitment', 'bank-account'].map(async (kind) => ({
        fileId: (await ownFile(me.id, `${kind}.pdf`)).id,
        kind,
      })),
    );
    const draft = await firm.applications.saveDraft.mutate({
      ruleId: 'high-tech-enterprise',
      input: {
        recognitionType: 're',
        certificateNo: 'GR202634000102',
        certifiedOn: '2026-10-15',
        previousCertificateNo: 'GR202334000857',
      },
      evidence,
    });
    const submitted = await firm.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    await approve(submitted.id);

    const { id } = await invitationOf(OPENID.xincai);
    const before = await firm.myOrg.invitations.byId.query({ invitationId: id });
    expect(before.mayConfirm).toBe(false);
    expect(before.refusals.map((r) => r.code)).toEqual(['ALREADY_AWARDED']);
    const voided = await firm.myOrg.invitations.confirm.mutate({
      invitationId: id,
      commitment: true,
    });
    expect(voided).toMatchObject({ status: 'void', statusLabel: '已失效', application: null });
    expect(voided.closedReason).toContain('2026 年度高新技术企业认定奖励');
    // No second application: only the one applied for by hand.
    const xincai = await organisationByCode(h, DEMO.xincai.creditCode);
    expect(await h.prisma.application.count({ where: { organisationId: xincai.id } })).toBe(1);
    expect(
      await h.prisma.auditLog.count({ where: { action: 'exemption.void', objectId: id } }),
    ).toBe(1);
    expect(
      await failure(() =>
        firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      ),
    ).toMatchObject({ appCode: 'INVITATION_CLOSED', message: '该免申即享邀请已失效' });
  });

  it('lets the administrator decline, with a reason', async () => {
    const { firm, id } = await invitationOf(OPENID.incubator);
    const declined = await firm.myOrg.invitations.decline.mutate({
      invitationId: id,
      reason: '已通过省级渠道申领',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      statusLabel: '已放弃',
      closedReason: '已通过省级渠道申领',
    });
    expect(
      await h.prisma.auditLog.count({ where: { action: 'exemption.decline', objectId: id } }),
    ).toBe(1);
    expect(
      await failure(() =>
        firm.myOrg.invitations.confirm.mutate({ invitationId: id, commitment: true }),
      ),
    ).toMatchObject({ appCode: 'INVITATION_CLOSED', message: '该免申即享邀请已放弃' });
  });
});

describe('from invitation to payment, and the 免申即享 panel', () => {
  it('follows the normal review, notice and payment path, and the panel counts each step', async () => {
    const suqing = await organisationByCode(h, DEMO.suqing.creditCode);
    const college = await organisationByCode(h, DEMO.college.creditCode);
    const ids = await Promise.all(
      [suqing, college].map(async (org) => {
        const inv = await h.prisma.exemptionInvitation.findFirstOrThrow({
          where: { organisationId: org.id, status: 'confirmed' },
        });
        return inv.applicationId!;
      }),
    );
    for (const id of ids) expect((await approve(id)).status).toBe('approved');

    let admin = await h.officer('admin');
    const notice = await admin.notices.create.mutate({
      title: '免申即享奖励公示',
      applicationIds: ids,
    });
    await admin.notices.publish.mutate({ batchId: notice.id });
    h.clock.now = new Date('2026-12-07T02:00:00Z');
    admin = await h.officer('admin');
    await admin.notices.close.mutate({ batchId: notice.id });

    // 制单 by one finance officer, 审核 by another, then 拨付 (officer sessions last 8 hours).
    const checker = (await newOfficer(h, 'FINANCE_OFFICER', '第二财务人员')).username;
    const pay = async (applicationId: string) => {
      const [finance, finance2] = [await h.officer('finance'), await h.officer(checker)];
      const batch = await finance.disbursements.createBatch.mutate({
        title: '免申即享奖励拨付',
        applicationIds: [applicationId],
        idempotencyKey: randomUUID(),
      });
      await finance2.disbursements.confirm.mutate({
        batchId: batch.id,
        idempotencyKey: randomUUID(),
      });
      return finance.disbursements.markPaid.mutate({
        batchId: batch.id,
        idempotencyKey: randomUUID(),
      });
    };
    expect((await pay(ids[0]!)).status).toBe('paid');
    h.clock.now = new Date('2026-12-09T02:00:00Z');
    expect((await pay(ids[1]!)).status).toBe('paid');

    const ledger = await h.prisma.ledgerEntry.findMany({
      where: { applicationId: { in: ids }, kind: 'payment' },
      orderBy: { at: 'asc' },
    });
    expect(ledger.map((l) => l.amountFen)).toEqual([20n * WAN, 40n * WAN]);

    const reviewer = await h.officer('reviewer');
    const panel = await reviewer.exemptions.panel.query();
    const byStage = Object.fromEntries(panel.stages.map((s) => [s.stage, s]));
    // Invited: 宿氢, 萧县新材, 理工学院, 泗县众创, and the re-recognised test firm.
    expect(Object.fromEntries(panel.stages.map((s) => [s.stage, s.count]))).toEqual({
      invited: 5,
      confirmed: 3,
      approved: 2,
      paid: 2,
      waiting: 0,
      declined: 1,
      void: 1,
    });
    expect(byStage.paid).toMatchObject({
      label: '已拨付',
      path: '/official-lists/exemptions?stage=paid',
    });
    // Lists committed on 11-27 at 10:00; paid on 12-07 and 12-09 at 10:00: 10 and 12 days.
    expect(panel).toMatchObject({ medianDaysToPayment: 11, paidMeasured: 2 });

    // Each number links to a list with exactly that many invitations.
    for (const s of panel.stages) {
      const list = await reviewer.exemptions.list.query({ stage: s.stage, page: 1 });
      expect(list.total, s.stage).toBe(s.count);
    }
    const paid = await reviewer.exemptions.list.query({ stage: 'paid', page: 1 });
    expect(
      paid.items.map((i) => [
        i.organisation.name,
        i.application?.statusLabel,
        i.application?.amountFen,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [DEMO.suqing.name, '已拨付', 20n * WAN],
        [DEMO.college.name, '已拨付', 40n * WAN],
      ]),
    );
    h.clock.now = START;
  });

  it('is for bureau officers only', async () => {
    for (const username of ['yongqiao', 'finance']) {
      const officer = await h.officer(username);
      expect(await failure(() => officer.exemptions.panel.query())).toMatchObject({
        appCode: 'FORBIDDEN',
        message: '您没有权限进行此操作',
      });
      expect(
        (await failure(() => officer.exemptions.list.query({ stage: 'paid', page: 1 }))).appCode,
      ).toBe('FORBIDDEN');
    }
    const firm = await h.applicant(OPENID.suqing);
    expect((await failure(() => firm.exemptions.panel.query())).appCode).toBe('FORBIDDEN');
  });

  it('takes the median of the days to payment', () => {
    expect(median([])).toBeNull();
    expect(median([10])).toBe(10);
    expect(median([12, 10])).toBe(11);
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('the one clock', () => {
  it('stamps every list, entry, qualification and invitation with the injected time', async () => {
    // The tests above set the clock to these instants only: anything else came from elsewhere.
    const instants = new Set(
      [START, new Date('2026-12-07T02:00:00Z'), new Date('2026-12-09T02:00:00Z')].map((d) =>
        d.toISOString(),
      ),
    );
    const columns = [
      ['official_list_import', 'created_at'],
      ['official_list_import', 'updated_at'],
      ['official_list_import', 'committed_at'],
      ['official_list_entry', 'created_at'],
      ['official_list_entry', 'matched_at'],
      ['organisation_qualification', 'created_at'],
      ['exemption_invitation', 'created_at'],
      ['exemption_invitation', 'updated_at'],
      ['exemption_invitation', 'confirmed_at'],
    ];
    for (const [table, column] of columns) {
      const rows = await h.prisma.$queryRawUnsafe<{ at: Date }[]>(
        `SELECT DISTINCT "${column}" AS at FROM "${table}" WHERE "${column}" IS NOT NULL`,
      );
      expect(rows.length, `${table}.${column}`).toBeGreaterThan(0);
      for (const { at } of rows) expect(instants, `${table}.${column}`).toContain(at.toISOString());
    }
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evidenceAccess } from '../src';
import type { ApplicantCaller, OfficerCaller } from '../src/caller';
import { documentFileAccess, memberFileAccess } from '../src/organisations/documents/file-access';
import { firmApplicant, scenarioInput } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { accountForm, colleague, storedFile } from './library-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The harness clock starts on Friday 2026-11-27, 10:00 in Shanghai; some tests move it. */
const START = new Date('2026-11-27T02:00:00Z');
afterEach(() => {
  h.clock.now = START;
});

type Firm = Awaited<ReturnType<typeof firmApplicant>>;

/** A verified firm with its account registered and a yearly 信用承诺书 in its library. */
async function firmWithLibrary() {
  const firm = await firmApplicant(h);
  await firm.client.myOrg.bankAccount.save.mutate(accountForm(firm.org.name));
  const file = await storedFile(h, firm.userId, '2026年度信用承诺书.pdf');
  const commitment = await firm.client.myOrg.documents.add.mutate({
    kind: 'credit-commitment',
    fileId: file.id,
  });
  return { firm, commitment };
}

/** A scenario case's evidence: the two case documents uploaded, the rest by reference. */
async function scenarioEvidence(firm: Firm, documentId: string) {
  return [
    await firm.upload('selection-notice'),
    await firm.upload('case-summary'),
    { kind: 'credit-commitment', documentId },
    { kind: 'bank-account', bankAccount: true as const },
  ];
}

async function officerCaller(username: string): Promise<OfficerCaller> {
  const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
  return {
    kind: 'officer',
    userId: user.id,
    sessionId: 'test',
    username,
    displayName: user.displayName,
    role: user.role === 'AREA_OFFICER' ? 'area-officer' : 'bureau-admin',
    areaCode: (user.areaCode as OfficerCaller['areaCode']) ?? null,
  };
}

function applicantCaller(userId: string): ApplicantCaller {
  return { kind: 'applicant', userId, sessionId: 'test', openid: 'test' };
}

describe('the 资料库', () => {
  it('a 经办人 adds the yearly 信用承诺书: valid to 31 December, listed for every member', async () => {
    const firm = await firmApplicant(h);
    const agent = await colleague(h, firm.org.id);
    const file = await storedFile(h, agent.userId);
    const added = await agent.client.myOrg.documents.add.mutate({
      kind: 'credit-commitment',
      fileId: file.id,
      // A yearly document ignores a date typed in: it runs to the year's end.
      validUntil: '2030-01-01',
    });
    expect(added).toMatchObject({
      kind: 'credit-commitment',
      kindName: '信用承诺书（年度）',
      fileId: file.id,
      originalName: '信用承诺书.pdf',
      validUntil: '2026-12-31',
      validityLabel: '有效期至 2026-12-31',
      current: true,
      statusLabel: '在用',
      expired: false,
      uploadedAt: START,
    });
    expect(await firm.client.myOrg.documents.list.query()).toEqual([added]);
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'organisation.document.add', objectId: added.id },
    });
    expect(audit.details).toMatchObject({
      organisationId: firm.org.id,
      kind: 'credit-commitment',
      validUntil: '2026-12-31',
    });
  });

  it('a newer document replaces the current one of its kind, which stays listed as 已更新', async () => {
    const { firm, commitment } = await firmWithLibrary();
    const newer = await firm.client.myOrg.documents.add.mutate({
      kind: 'credit-commitment',
      fileId: (await storedFile(h, firm.userId, '新承诺书.pdf')).id,
    });
    const list = await firm.client.myOrg.documents.list.query();
    expect(list.map((d) => [d.id, d.current, d.statusLabel])).toEqual([
      [newer.id, true, '在用'],
      [commitment.id, false, '已更新'],
    ]);
    expect(list[1]?.supersededAt).toEqual(START);
  });

  it('a licence is valid to the date on it; a date already past is refused', async () => {
    const firm = await firmApplicant(h);
    const file = await storedFile(h, firm.userId, '营业执照.jpg', 'image/jpeg');
    const licence = await firm.client.myOrg.documents.add.mutate({
      kind: 'business-licence',
      fileId: file.id,
      validUntil: '2035-06-30',
    });
    expect(licence.validUntil).toBe('2035-06-30');
    const lasting = await firm.client.myOrg.documents.add.mutate({
      kind: 'business-licence',
      fileId: file.id,
    });
    expect(lasting).toMatchObject({ validUntil: null, validityLabel: '长期有效（更新前）' });

    const past = await failure(() =>
      firm.client.myOrg.documents.add.mutate({
        kind: 'business-licence',
        fileId: file.id,
        validUntil: '2026-11-26',
      }),
    );
    const message = '有效期至不能早于今天：已过期的证照不能存入资料库，请上传有效的证照';
    expect(past).toMatchObject({
      appCode: 'INVALID_INPUT',
      message,
      fieldErrors: { validUntil: [message] },
    });
  });

  it('takes only the caller’s own upload, and only an image or a PDF', async () => {
    const firm = await firmApplicant(h);
    const other = await firmApplicant(h);
    const theirs = await storedFile(h, other.userId);
    const notMine = await failure(() =>
      firm.client.myOrg.documents.add.mutate({ kind: 'credit-commitment', fileId: theirs.id }),
    );
    expect(notMine).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { fileId: ['资料文件不存在或不是您上传的，请重新上传'] },
    });
    const word = await storedFile(
      h,
      firm.userId,
      '承诺书.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const notPdf = await failure(() =>
      firm.client.myOrg.documents.add.mutate({ kind: 'credit-commitment', fileId: word.id }),
    );
    expect(notPdf).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { fileId: ['资料文件须为图片（JPG、PNG 等）或 PDF'] },
    });
    const noKind = await failure(() =>
      firm.client.myOrg.documents.add.mutate({ kind: 'diploma' as never, fileId: word.id }),
    );
    expect(noKind.fieldErrors?.kind).toEqual(['请选择资料类型']);
  });
});

describe('attaching standing documents and the registered account by reference', () => {
  it('says what the library and the account can supply, and why the rest must be uploaded', async () => {
    const firm = await firmApplicant(h);
    const empty = await firm.client.myOrg.documents.forEvidence.query({ ruleId: 'scenario-case' });
    expect(empty.map((e) => [e.kind, e.offer, e.uploadReason])).toEqual([
      ['selection-notice', null, null],
      ['case-summary', null, null],
      ['credit-commitment', null, '资料库中还没有信用承诺书，请上传'],
      [
        'bank-account',
        null,
        '单位尚未登记收款账户，请上传收款账户证明，或由管理员在“我的—收款账户”中登记',
      ],
    ]);

    await firm.client.myOrg.bankAccount.save.mutate(accountForm(firm.org.name));
    const doc = await firm.client.myOrg.documents.add.mutate({
      kind: 'credit-commitment',
      fileId: (await storedFile(h, firm.userId)).id,
    });
    const offers = await firm.client.myOrg.documents.forEvidence.query({ ruleId: 'scenario-case' });
    expect(offers[2]).toMatchObject({
      kind: 'credit-commitment',
      offer: {
        source: 'library',
        ref: { kind: 'credit-commitment', documentId: doc.id },
        label: '使用资料库中的信用承诺书（有效期至 2026-12-31）',
        validUntil: '2026-12-31',
        fileId: doc.fileId,
      },
      uploadReason: null,
    });
    expect(offers[3]).toMatchObject({
      kind: 'bank-account',
      offer: {
        source: 'bank-account',
        ref: { kind: 'bank-account', bankAccount: true },
        label: '使用已登记的收款账户 ****4567',
        fileId: null,
      },
    });

    // A researcher (no organisation) uploads everything.
    const researcher = await h.applicant();
    const none = await researcher.myOrg.documents.forEvidence.query({ ruleId: 'scenario-case' });
    expect(none.every((e) => e.offer === null && e.uploadReason === null)).toBe(true);
  });

  it('submits an application with the library commitment and the registered account, uploading neither', async () => {
    const { firm, commitment } = await firmWithLibrary();
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('资料库引用案例'),
      evidence: await scenarioEvidence(firm, commitment.id),
    });
    const submitted = await firm.client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    expect(submitted.status).toBe('submitted');
    // submit answers from what it read (the references in one statement): as a fresh read shows.
    expect(submitted).toEqual(await firm.client.applications.byId.query({ id: draft.id }));
    const byKind = new Map(submitted.evidence.map((e) => [e.kind, e]));
    expect(byKind.get('credit-commitment')).toMatchObject({
      source: 'library',
      sourceLabel: '单位资料库',
      documentId: commitment.id,
      fileId: commitment.fileId,
      note: '资料库 信用承诺书 有效期至 2026-12-31',
      ref: { kind: 'credit-commitment', documentId: commitment.id },
    });
    expect(byKind.get('bank-account')).toMatchObject({
      source: 'bank-account',
      sourceLabel: '平台登记的收款账户',
      fileId: null,
      originalName: null,
      note: '收款账户 中国工商银行宿州分行营业部 ****4567',
      ref: { kind: 'bank-account', bankAccount: true },
    });
    expect(byKind.get('selection-notice')?.source).toBe('upload');

    // The area officer reads the same, the number masked, and may open the library document.
    const officer = await h.officer('yongqiao');
    const seen = await officer.review.byId.query({ id: submitted.id });
    expect(seen.evidence.find((e) => e.kind === 'bank-account')?.note).toBe(
      '收款账户 中国工商银行宿州分行营业部 ****4567',
    );
    const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: commitment.fileId } });
    expect(await evidenceAccess(h.db)(await officerCaller('yongqiao'), file)).not.toBe(false);
  });

  it('one library document serves two applications', async () => {
    const { firm, commitment } = await firmWithLibrary();
    const ids: string[] = [];
    for (const name of ['资料复用案例甲', '资料复用案例乙']) {
      const draft = await firm.client.applications.saveDraft.mutate({
        ruleId: 'scenario-case',
        input: scenarioInput(name),
        evidence: await scenarioEvidence(firm, commitment.id),
      });
      const submitted = await firm.client.applications.submit.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
      });
      ids.push(submitted.id);
    }
    const rows = await h.prisma.applicationEvidence.findMany({
      where: { applicationId: { in: ids }, kind: 'credit-commitment' },
    });
    expect(rows.map((r) => [r.source, r.documentId, r.fileId])).toEqual([
      ['library', commitment.id, commitment.fileId],
      ['library', commitment.id, commitment.fileId],
    ]);
    expect(
      await h.prisma.organisationDocument.count({ where: { organisationId: firm.org.id } }),
    ).toBe(1);
  });

  it('refuses at submission a document that expired after the draft was saved, with the reason', async () => {
    h.clock.now = new Date('2026-12-30T02:00:00Z');
    const { firm, commitment } = await firmWithLibrary();
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('跨年过期案例'),
      evidence: await scenarioEvidence(firm, commitment.id),
    });

    h.clock.now = new Date('2027-01-04T02:00:00Z');
    const message = '资料库中的信用承诺书已过有效期（有效期至 2026-12-31），请重新上传';
    const refused = await failure(() =>
      firm.client.applications.submit.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
      }),
    );
    expect(refused).toMatchObject({
      appCode: 'DOCUMENT_EXPIRED',
      message,
      fieldErrors: { evidence: [message] },
    });
    expect((await h.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      'draft',
    );
    // Saving it again with the expired document is refused the same way.
    const stale = await scenarioEvidence(firm, commitment.id);
    const resaved = await failure(() =>
      firm.client.applications.saveDraft.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
        ruleId: 'scenario-case',
        input: scenarioInput('跨年过期案例'),
        evidence: stale,
      }),
    );
    expect(resaved).toMatchObject({ appCode: 'DOCUMENT_EXPIRED', message });
    // The form is told why it must be uploaded again; the list marks it 已过期.
    const offers = await firm.client.myOrg.documents.forEvidence.query({ ruleId: 'scenario-case' });
    expect(offers.find((o) => o.kind === 'credit-commitment')).toMatchObject({
      offer: null,
      uploadReason: message,
    });
    const [listed] = await firm.client.myOrg.documents.list.query();
    expect(listed).toMatchObject({ expired: true, statusLabel: '已过期' });

    // This year's commitment, added to the library, is valid to the end of 2027.
    const renewed = await firm.client.myOrg.documents.add.mutate({
      kind: 'credit-commitment',
      fileId: (await storedFile(h, firm.userId, '2027年度信用承诺书.pdf')).id,
    });
    expect(renewed.validUntil).toBe('2027-12-31');
    const saved = await firm.client.applications.saveDraft.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
      ruleId: 'scenario-case',
      input: scenarioInput('跨年过期案例'),
      evidence: await scenarioEvidence(firm, renewed.id),
    });
    expect(saved.evidence.find((e) => e.kind === 'credit-commitment')?.note).toBe(
      '资料库 信用承诺书 有效期至 2027-12-31',
    );
  });

  it('refuses a replaced document, another organisation’s, and the account for anything but 收款账户', async () => {
    const { firm, commitment } = await firmWithLibrary();
    await firm.client.myOrg.documents.add.mutate({
      kind: 'credit-commitment',
      fileId: (await storedFile(h, firm.userId, '新承诺书.pdf')).id,
    });
    const draft = (
      evidence: Parameters<typeof firm.client.applications.saveDraft.mutate>[0]['evidence'],
    ) =>
      failure(() =>
        firm.client.applications.saveDraft.mutate({
          ruleId: 'scenario-case',
          input: scenarioInput('引用校验案例'),
          evidence,
        }),
      );

    const replaced = await draft([{ kind: 'credit-commitment', documentId: commitment.id }]);
    expect(replaced).toMatchObject({
      appCode: 'DOCUMENT_EXPIRED',
      message: '资料库中的信用承诺书已被新上传的一份替换，请改用资料库中最新的信用承诺书或重新上传',
    });

    const other = await firmWithLibrary();
    const theirs = await draft([{ kind: 'credit-commitment', documentId: other.commitment.id }]);
    expect(theirs).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '资料库中没有这份资料，请重新选择或上传',
      fieldErrors: { evidence: ['资料库中没有这份资料，请重新选择或上传'] },
    });

    const wrongKind = await draft([{ kind: 'credit-commitment', bankAccount: true }]);
    expect(wrongKind).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '已登记的收款账户只能作为收款账户信息，不能作为“申报单位信用承诺书”',
    });

    const bare = await firmApplicant(h);
    const noAccount = await failure(() =>
      bare.client.applications.saveDraft.mutate({
        ruleId: 'scenario-case',
        input: scenarioInput('无账户案例'),
        evidence: [{ kind: 'bank-account', bankAccount: true }],
      }),
    );
    expect(noAccount).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '单位尚未登记收款账户，请由管理员在“我的—收款账户”中登记，或上传收款账户证明',
    });
  });

  it('refuses at submission an account that was changed after the draft was saved', async () => {
    const { firm, commitment } = await firmWithLibrary();
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('账户变更案例'),
      evidence: await scenarioEvidence(firm, commitment.id),
    });
    await firm.client.myOrg.bankAccount.save.mutate(
      accountForm(firm.org.name, { accountNo: '6217001230000009876', currentLast4: '4567' }),
    );
    const refused = await failure(() =>
      firm.client.applications.submit.mutate({
        applicationId: draft.id,
        expectedVersion: draft.version,
      }),
    );
    expect(refused).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '单位收款账户已变更，请重新保存申请，以使用当前登记的收款账户',
    });
  });

  it('lets a colleague edit a draft keeping the files the first one uploaded', async () => {
    const { firm, commitment } = await firmWithLibrary();
    const agent = await colleague(h, firm.org.id);
    const evidence = await scenarioEvidence(firm, commitment.id);
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('同事续填案例'),
      evidence,
    });
    const edited = await agent.client.applications.saveDraft.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
      ruleId: 'scenario-case',
      input: scenarioInput('同事续填案例（修改）'),
      evidence: draft.evidence.flatMap((e) => (e.ref ? [e.ref] : [])),
    });
    expect(edited.evidence.map((e) => e.source).sort()).toEqual(
      ['bank-account', 'library', 'upload', 'upload'].sort(),
    );
    // A file nobody attached to this draft is still refused.
    const stranger = await firmApplicant(h);
    const theirs = await stranger.upload('case-summary');
    const refused = await failure(() =>
      agent.client.applications.saveDraft.mutate({
        applicationId: draft.id,
        expectedVersion: edited.version,
        ruleId: 'scenario-case',
        input: scenarioInput('同事续填案例'),
        evidence: [theirs],
      }),
    );
    expect(refused).toMatchObject({
      appCode: 'INVALID_INPUT',
      message: '材料文件不存在或不是您上传的',
    });
  });
});

describe('who may download a library document', () => {
  it('the members of the organisation, and the officers who may see it', async () => {
    const { firm, commitment } = await firmWithLibrary();
    const agent = await colleague(h, firm.org.id);
    const stranger = await firmApplicant(h);
    const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: commitment.fileId } });

    const members = memberFileAccess(h.db);
    expect(await members(applicantCaller(agent.userId), file)).toBe(true);
    expect(await members(applicantCaller(stranger.userId), file)).toBe(false);

    const officers = documentFileAccess(h.db);
    expect(await officers(await officerCaller('yongqiao'), file)).toEqual({
      areaCode: 'yongqiao',
      details: {
        organisationId: firm.org.id,
        documentId: commitment.id,
        documentKind: 'credit-commitment',
      },
    });
    expect(await officers(await officerCaller('admin'), file)).not.toBe(false);
    expect(await officers(await officerCaller('dangshan'), file)).toBe(false);
  });
});

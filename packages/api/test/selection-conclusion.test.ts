import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import type { DecidingCallArgs } from './selection-support';
import { closedNotice as closedNoticeOf, five } from './selection-support';

/**
 * 确定结果 (issue 14): after the notice, the bureau issues the result under a document number.
 * A scenario-case or talent-team result becomes an official list through the import path: each
 * selected case or team a verified qualification and a 免申即享 invitation to the award, which
 * the organisation's administrator confirms into a submitted application carrying the
 * submission's own attachments. Key projects conclude without a list.
 */
describe('selection conclusion', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  const closedNotice = (...args: DecidingCallArgs) => closedNoticeOf(h, ...args);

  async function conclude(
    officer: Awaited<ReturnType<Harness['officer']>>,
    callId: string,
    document?: { documentNo: string; issuedOn: string },
  ) {
    const current = await officer.selection.calls.byId.query({ id: callId });
    return officer.selection.calls.advance.mutate({
      id: callId,
      expectedVersion: current.version,
      action: 'conclude',
      ...(document ? { document } : {}),
    });
  }

  it('turns the selected cases into the 典型案例名单, an invitation each, paid as 四.1 says', async () => {
    const { call, firms, officer, endsOn } = await closedNotice(
      'scenario-case',
      [
        { name: '智慧矿山无人运输', totals: five(91) },
        { name: '农光互补示范园', totals: five(86) },
        { name: '县域虚拟电厂', totals: five(72) },
      ],
      { quota: 2 },
    );
    const today = h.clock.now.toISOString().slice(0, 10);

    // The document is asked for, and its date must follow the notice and not be in the future.
    const none = await failure(() => conclude(officer, call.id));
    expect(none).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { 'document.documentNo': ['请填写结果文件的文号和印发日期'] },
    });
    const early = await failure(() =>
      conclude(officer, call.id, { documentNo: '宿科〔2027〕12号', issuedOn: '2027-01-05' }),
    );
    expect(early.fieldErrors).toEqual({
      'document.issuedOn': [`印发日期不能早于公示截止日 ${endsOn}`],
    });
    const badNumber = await failure(() =>
      conclude(officer, call.id, { documentNo: '', issuedOn: today }),
    );
    expect(badNumber.appCode).toBe('INVALID_INPUT');
    // Nothing was written by the refusals.
    expect(await h.prisma.officialListImport.count({ where: { listKind: 'scenario-case' } })).toBe(
      0,
    );

    const concluded = await conclude(officer, call.id, {
      documentNo: '宿科〔2027〕12号',
      issuedOn: today,
    });
    expect(concluded).toMatchObject({
      status: 'concluded',
      result: { documentNo: '宿科〔2027〕12号', issuedOn: today },
    });
    expect(concluded.resultListId).toBeTruthy();

    // The list is an official list like any the bureau imports: committed, both rows matched.
    const list = await officer.officialLists.byId.query({
      importId: concluded.resultListId!,
      page: 1,
      pageSize: 20,
    });
    expect(list).toMatchObject({
      kind: 'scenario-case',
      title: '2027年市级重大应用场景典型案例名单',
      status: 'committed',
      rowCount: 2,
      counts: { matched: 2, unmatched: 0, conflict: 0, invalid: 0, unchanged: 0 },
    });

    // Its file is the list: a title, the list's header and the two cases in their rank order.
    const file = await h.prisma.storedFile.findFirstOrThrow({
      where: { listImports: { some: { id: concluded.resultListId! } } },
    });
    const wb = new ExcelJS.Workbook();
    const bytes = await new Response(
      (await h.fileStore.get(file.sha256)) as unknown as ReadableStream,
    ).arrayBuffer();
    await wb.xlsx.load(bytes);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe(
      '2027年市级重大应用场景典型案例名单（宿科〔2027〕12号）',
    );
    expect(sheet.getRow(2).getCell(1).text).toBe('案例名称');
    expect([sheet.getRow(3).getCell(1).text, sheet.getRow(4).getCell(1).text]).toEqual([
      '智慧矿山无人运输',
      '农光互补示范园',
    ]);
    expect(sheet.getRow(3).getCell(2).text).toBe('产业发展');

    // The first firm has its invitation, already filled in from the list.
    const first = firms[0]!;
    const firstClient = await first.signInAgain();
    const {
      items: [invitation],
    } = await firstClient.myOrg.invitations.list.query();
    expect(invitation).toMatchObject({ ruleId: 'scenario-case', status: 'invited' });
    const qualification = await h.prisma.organisationQualification.findFirstOrThrow({
      where: { organisationId: first.org.id, kind: 'scenario-case' },
    });
    expect(qualification).toMatchObject({
      source: 'official-list',
      documentNo: '宿科〔2027〕12号',
    });
    // The third case was not selected: nothing for its firm.
    expect((await (await firms[2]!.signInAgain()).myOrg.invitations.list.query()).items).toEqual(
      [],
    );

    // Confirmed with one tap: a submitted application of ¥200,000 whose evidence is the list,
    // the case summary the firm uploaded when it applied, the commitment and the account.
    await h.prisma.organisationBankAccount.create({
      data: {
        organisationId: first.org.id,
        holder: first.org.name,
        bankName: '中国工商银行',
        branchName: '宿州分行营业部',
        accountNo: '6222021313000004567',
        createdBy: first.userId,
        createdAt: h.clock.now,
      },
    });
    const confirmed = await firstClient.myOrg.invitations.confirm.mutate({
      invitationId: invitation!.id,
      commitment: true,
    });
    expect([confirmed.status, confirmed.closedReason]).toEqual(['confirmed', null]);
    const application = await h.prisma.application.findFirstOrThrow({
      where: { organisationId: first.org.id, ruleId: 'scenario-case' },
      include: { evidence: { orderBy: { kind: 'asc' } } },
    });
    expect(application).toMatchObject({
      status: 'submitted',
      computedAmountFen: 20_000_000n,
    });
    expect((application.input as { json: unknown }).json).toMatchObject({
      caseName: '智慧矿山无人运输',
      applicationDomain: 'industry',
      selectedOn: today,
      selectionDocNo: '宿科〔2027〕12号',
    });
    const submission = await h.prisma.selectionSubmission.findFirstOrThrow({
      where: { callId: call.id, organisationId: first.org.id },
    });
    const summary = (submission.evidence as { json: { kind: string; fileId: string }[] }).json.find(
      (e) => e.kind === 'case-summary',
    );
    expect(application.evidence.map((e) => [e.kind, e.source])).toEqual([
      ['bank-account', 'bank-account'],
      ['case-summary', 'selection'],
      ['credit-commitment', 'e-commitment'],
      ['selection-notice', 'official-list'],
    ]);
    expect(application.evidence.find((e) => e.kind === 'case-summary')?.fileId).toBe(
      summary?.fileId,
    );

    // The record: the conclusion names its document and its list.
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'selection.call.conclude', objectId: call.id },
    });
    expect(audit.details).toMatchObject({
      document: { documentNo: '宿科〔2027〕12号' },
      list: { entries: 2, invitations: 2 },
    });
  });

  it('turns a talent-team selection into one team in each category, at ¥3M, ¥2M and ¥1M', async () => {
    const { call, firms, officer } = await closedNotice('talent-team', [
      { name: '固态储氢材料创新团队', totals: five(92) },
      { name: '智能农机装备团队', totals: five(80) },
      { name: '生物医用材料团队', totals: five(70) },
    ]);
    const today = h.clock.now.toISOString().slice(0, 10);
    const concluded = await conclude(officer, call.id, {
      documentNo: '宿人才〔2027〕3号',
      issuedOn: today,
    });
    const invitations = await h.prisma.exemptionInvitation.findMany({
      where: { listEntry: { importId: concluded.resultListId! } },
      orderBy: { createdAt: 'asc' },
    });
    const categories = invitations.map((i) => (i.input as { category: string }).category).sort();
    expect(categories).toEqual(['A', 'B', 'C']);

    // Each team's invitation is worth its category, as the award engine reads it.
    for (const [index, firm] of firms.entries()) {
      const client = await firm.signInAgain();
      const {
        items: [mine],
      } = await client.myOrg.invitations.list.query();
      const detail = await client.myOrg.invitations.byId.query({ invitationId: mine!.id });
      expect(detail.amountFen).toBe([300_000_000n, 200_000_000n, 100_000_000n][index]);
    }
  });

  it('concludes a key-project call with its document and no list (it becomes projects)', async () => {
    const { call, officer } = await closedNotice('key-project', [
      { name: '高效钙钛矿电池中试', totals: five(88), cityFundsFen: 200_000_000n },
    ]);
    const concluded = await conclude(officer, call.id, {
      documentNo: '宿科〔2027〕20号',
      issuedOn: h.clock.now.toISOString().slice(0, 10),
    });
    expect(concluded).toMatchObject({ status: 'concluded', resultListId: null });
    expect(concluded.result?.documentNo).toBe('宿科〔2027〕20号');
  });

  it('concludes once when two officers conclude at the same moment', async () => {
    const { call, officer } = await closedNotice('scenario-case', [
      { name: '城市地下管网智能监测', totals: five(90) },
    ]);
    const today = h.clock.now.toISOString().slice(0, 10);
    const current = await officer.selection.calls.byId.query({ id: call.id });
    const other = await h.officer('admin');
    const attempt = (o: typeof officer) =>
      o.selection.calls.advance.mutate({
        id: call.id,
        expectedVersion: current.version,
        action: 'conclude',
        document: { documentNo: '宿科〔2027〕30号', issuedOn: today },
      });
    const results = await Promise.allSettled([attempt(officer), attempt(other)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      await h.prisma.officialListEntry.count({
        where: {
          listKind: 'scenario-case',
          detail: { path: ['caseName'], equals: '城市地下管网智能监测' },
        },
      }),
    ).toBe(1);
  });
});

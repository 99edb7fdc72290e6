import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUZHOU_FUTURE_2026_DRAFT } from '@kc/domain';
import { encodeJson } from '../src/awards/codec';
import { firmApplicant, scenarioInput, toBureauReview } from './awards-support';
import { giveBankDetails } from './disbursement-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { closedNotice, five } from './selection-support';

/**
 * 四.1 "每年评选不超过10项" counts a selected case in its selection's year: the call's 年度, which
 * the selection decision counts by too — not the calendar year its result document bears. A 2027
 * call whose result is issued on 2028-02-10 invites its cases as 2027's: they are approved while
 * 2028 already holds ten cases, and refused once 2027 holds ten while 2028 has room.
 */
describe('a scenario call concluded in the next calendar year', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  let serial = 0;
  /** `n` scenario awards standing (approved) in `year`, of another firm, written to the database. */
  async function approvedCases(year: number, n: number): Promise<string[]> {
    const firm = await firmApplicant(h);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      serial++;
      const app = await h.prisma.application.create({
        data: {
          number: `SZKC-${year}-8${String(serial).padStart(5, '0')}`,
          createdAt: h.clock.now,
          updatedAt: h.clock.now,
          applicantUserId: firm.userId,
          organisationId: firm.org.id,
          ruleId: 'scenario-case',
          policySetId: SUZHOU_FUTURE_2026_DRAFT.id,
          policyVersion: SUZHOU_FUTURE_2026_DRAFT.version,
          status: 'approved',
          input: encodeJson(scenarioInput(`年度名额占位案例${serial}`)),
          areaCode: 'yongqiao',
          year,
          computedAmountFen: 20_000_000n,
          approvedAmountFen: 20_000_000n,
          submittedAt: h.clock.now,
          decidedAt: h.clock.now,
        },
      });
      ids.push(app.id);
    }
    return ids;
  }

  it('invites, counts and approves the cases in the call’s year', async () => {
    const { call, firms } = await closedNotice(
      h,
      'scenario-case',
      [
        { name: '跨年发文智慧矿山', totals: five(91) },
        { name: '跨年发文农光互补', totals: five(86) },
      ],
      { quota: 2 },
    );
    expect(call.year).toBe(2027);

    // The result document of the 2027 call is issued on 2028-02-10.
    h.clock.now = new Date('2028-02-10T02:00:00Z');
    const admin = await h.officer('admin');
    const concluded = await admin.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: (await admin.selection.calls.byId.query({ id: call.id })).version,
      action: 'conclude',
      document: { documentNo: '宿科〔2028〕5号', issuedOn: '2028-02-10' },
    });
    expect(concluded.status).toBe('concluded');

    // The list names the call's year; its entries are keyed in it; the invitations carry it.
    const entries = await h.prisma.officialListEntry.findMany({
      where: { importId: concluded.resultListId! },
      orderBy: { entryKey: 'asc' },
    });
    expect(entries.map((e) => e.entryKey).sort()).toEqual(
      ['2027:跨年发文农光互补', '2027:跨年发文智慧矿山'].sort(),
    );
    expect(entries.map((e) => (e.detail as { selectionYear?: number }).selectionYear)).toEqual([
      2027, 2027,
    ]);
    const invitations = await h.prisma.exemptionInvitation.findMany({
      where: { listEntry: { importId: concluded.resultListId! } },
    });
    expect(invitations.map((i) => i.input)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseName: '跨年发文智慧矿山',
          selectedOn: '2028-02-10',
          selectionYear: 2027,
        }),
      ]),
    );

    await h.prisma.programmeBudget.createMany({
      data: [2027, 2028].map((year) => ({
        ruleId: 'scenario-case',
        year,
        budgetFen: 100_000_000_00n,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      })),
    });
    // 2028 already holds its ten cases.
    const of2028 = await approvedCases(2028, 10);

    /** The firm confirms its invitation (a submitted application) and it reaches the bureau. */
    async function confirmed(firm: (typeof firms)[number]) {
      await giveBankDetails(h, firm.org.id);
      const client = await firm.signInAgain();
      const {
        items: [invitation],
      } = await client.myOrg.invitations.list.query();
      const detail = await client.myOrg.invitations.byId.query({ invitationId: invitation!.id });
      expect(detail.inputRows).toContainEqual({ label: '评选年度', value: '2027' });
      await client.myOrg.invitations.confirm.mutate({
        invitationId: invitation!.id,
        commitment: true,
      });
      const application = await h.prisma.application.findFirstOrThrow({
        where: { organisationId: firm.org.id, ruleId: 'scenario-case' },
      });
      const atBureau = await toBureauReview(h, application.id);
      return { application, atBureau };
    }

    // The first case counts in 2027, where nothing stands yet: approved.
    const first = await confirmed(firms[0]!);
    expect(first.application).toMatchObject({ status: 'submitted', year: 2027 });
    // The case's once-key is 2027's too (a name of ideographs only is its own key part).
    expect(first.application.onceKeys).toContain('scenario-case:2027:跨年发文智慧矿山');
    const reviewer = await h.officer('reviewer');
    const approved = await reviewer.review.act.mutate({
      applicationId: first.application.id,
      action: 'approve',
      expectedVersion: first.atBureau.version,
    });
    expect(approved.status).toBe('approved');
    expect(
      (
        await h.prisma.programmeBudget.findUniqueOrThrow({
          where: { ruleId_year: { ruleId: 'scenario-case', year: 2027 } },
        })
      ).approvedCount,
    ).toBe(1);

    // Nine of 2028's ten turn out to be 2027's: 2027 now holds ten, 2028 one. The second case
    // counts in 2027 and is refused, though its document's year has room.
    await h.prisma.application.updateMany({
      where: { id: { in: of2028.slice(0, 9) } },
      data: { year: 2027 },
    });
    const second = await confirmed(firms[1]!);
    expect(second.application.year).toBe(2027);
    const refused = await failure(() =>
      reviewer.review.act.mutate({
        applicationId: second.application.id,
        action: 'approve',
        expectedVersion: second.atBureau.version,
      }),
    );
    expect(refused).toMatchObject({
      appCode: 'QUOTA_EXCEEDED',
      message: '2027 年度已评选 10 项，已达每年不超过 10 项的上限',
    });
  }, 120_000);
});

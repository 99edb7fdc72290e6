import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { policySetFor } from '@kc/domain';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { submittedScenario, toBureauReview } from './awards-support';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The harness clock starts on Friday 2026-11-27, 10:00 in Shanghai; tests move it. */
const START = new Date('2026-11-27T02:00:00Z');
afterEach(() => {
  h.clock.now = START;
});
/** `YYYY-MM-DD` at `hh:00` Shanghai time. */
function at(date: string, hour = 10): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

const AWARD = 200_000n * 100n;

/** Moves the clock. Officer sessions last 8 hours, so the bureau officers log in again. */
async function travelTo(when: Date) {
  h.clock.now = when;
  return { admin: await h.officer('admin'), reviewer: await h.officer('reviewer') };
}

/** A scenario case taken through the area and the bureau to approval. */
async function approvedScenario(caseName: string, area: 'yongqiao' | 'dangshan' = 'yongqiao') {
  const { firm, application } = await submittedScenario(h, caseName, area);
  const atBureau = await toBureauReview(h, application.id, area);
  const reviewer = await h.officer('reviewer');
  const approved = await reviewer.review.act.mutate({
    applicationId: application.id,
    action: 'approve',
    expectedVersion: atBureau.version,
  });
  expect(approved.status).toBe('approved');
  return { firm, application: approved };
}

function budget() {
  return h.prisma.programmeBudget.findUniqueOrThrow({
    where: { ruleId_year: { ruleId: 'scenario-case', year: 2026 } },
  });
}

async function statusOf(id: string) {
  return (await h.prisma.application.findUniqueOrThrow({ where: { id } })).status;
}

describe('the notice flow', () => {
  it('lists approved awards, runs 5 working days skipping the weekend, hears an objection, closes', async () => {
    const one = await approvedScenario('公示流程案例甲');
    const two = await approvedScenario('公示流程案例乙');
    let admin = await h.officer('admin');
    let reviewer = await h.officer('reviewer');
    const budgetBefore = await budget();

    const draft = await admin.notices.create.mutate({
      title: '2026年第一批未来产业奖补拟支持名单公示',
      applicationIds: [two.application.id, one.application.id],
    });
    expect(draft).toMatchObject({
      number: expect.stringMatching(/^SZKC-GS-2026-\d{3}$/),
      status: 'draft',
      workingDays: 5,
      publishedOn: null,
      endsOn: null,
      itemCount: 2,
      totalFen: 2n * AWARD,
    });
    // The list as it will be published: in application-number order, with who, what and how much.
    expect(draft.items.map((i) => i.applicationNumber)).toEqual(
      [one.application.number, two.application.number].sort(),
    );
    // Nothing is in notice yet: the items say they wait for the batch to be published.
    expect(draft.items.map((i) => i.statusLabel)).toEqual(['待发布', '待发布']);
    expect(draft.items[0]).toMatchObject({
      status: 'listed',
      organisationName: one.firm.org.name,
      ruleId: 'scenario-case',
      ruleName: expect.stringContaining('场景'),
      clause: '四.1',
      amountFen: AWARD,
      areaName: '埇桥区',
    });
    // A draft changes no application.
    expect(await statusOf(one.application.id)).toBe('approved');

    // Published on Friday 2026-11-27: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December.
    const { notice, warnings } = await reviewer.notices.publish.mutate({ batchId: draft.id });
    expect(notice).toMatchObject({
      status: 'published',
      publishedOn: '2026-11-27',
      // Open from the day of publication; the five working days are counted after it.
      startsOn: '2026-11-27',
      endsOn: '2026-12-04',
    });
    expect(notice.items.map((i) => i.statusLabel)).toEqual(['公示中', '公示中']);
    // Whom to object to is the policy version's setting, not words in a screen.
    expect(notice.objectionContact).toEqual(
      policySetFor('2026-11-27')!.settings.noticeObjectionContact,
    );
    expect(notice.objectionContact.phone).toMatch(/^0557-\d{7}$/);
    expect(warnings).toEqual([]);
    for (const { application } of [one, two]) {
      const seen = await reviewer.review.byId.query({ id: application.id });
      expect(seen.status).toBe('in-notice');
      expect(seen.timeline.at(-1)).toMatchObject({
        action: 'publish-notice',
        toStatus: 'in-notice',
      });
    }
    const itemOne = notice.items.find((i) => i.applicationId === one.application.id)!;

    ({ admin, reviewer } = await travelTo(at('2026-11-30')));
    const objected = await admin.notices.recordObjection.mutate({
      itemId: itemOne.id,
      objector: '宿州某科技公司 王先生 13900000000',
      content: '该案例与本公司2025年已获奖案例内容重复',
    });
    const objectedItem = objected.items.find((i) => i.id === itemOne.id)!;
    expect(objectedItem.status).toBe('objected');
    expect(objectedItem.objections).toHaveLength(1);
    expect(objectedItem.objections[0]).toMatchObject({ status: 'open' });
    const applicantView = await one.firm.client.applications.byId.query({
      id: one.application.id,
    });
    expect(applicantView.timeline.at(-1)).toMatchObject({
      action: 'record-objection',
      actionLabel: '公示期间收到异议',
    });
    expect(JSON.stringify(applicantView.timeline)).not.toContain('王先生');
    // The applicant's timeline shows the notice period's dates.
    expect(applicantView.notice).toEqual({ startsOn: '2026-11-27', endsOn: '2026-12-04' });

    // Friday 4 December is still the last day of the period.
    ({ admin, reviewer } = await travelTo(at('2026-12-04', 23)));
    const early = await failure(() => admin.notices.close.mutate({ batchId: draft.id }));
    expect(early.appCode).toBe('NOTICE_NOT_OVER');
    expect(early.message).toContain('2026-12-05');

    // An objection received on the last evening may be entered the next morning.
    ({ admin, reviewer } = await travelTo(at('2026-12-05', 9)));
    await admin.notices.recordObjection.mutate({
      itemId: itemOne.id,
      objector: '来信人',
      content: '同上，补充材料',
      receivedAt: at('2026-12-04', 18),
    });
    // One received after the period may not.
    const late = await failure(() =>
      admin.notices.recordObjection.mutate({
        itemId: itemOne.id,
        objector: '来信人',
        content: '逾期异议',
        receivedAt: at('2026-12-05', 8),
      }),
    );
    expect(late.appCode).toBe('OUTSIDE_NOTICE_PERIOD');

    const blocked = await failure(() => admin.notices.close.mutate({ batchId: draft.id }));
    expect(blocked.appCode).toBe('OPEN_OBJECTIONS');
    expect(blocked.message).toContain(one.application.number);

    const open = (await admin.notices.byId.query({ id: draft.id })).items
      .find((i) => i.id === itemOne.id)!
      .objections.filter((o) => o.status === 'open');
    expect(open).toHaveLength(2);
    let after = await reviewer.notices.resolveObjection.mutate({
      objectionId: open[0]!.id,
      outcome: 'dismiss',
      resolution: '经核查，两案例内容不同，异议不成立',
    });
    // Still one open objection: the item stays objected.
    expect(after.items.find((i) => i.id === itemOne.id)!.status).toBe('objected');
    after = await reviewer.notices.resolveObjection.mutate({
      objectionId: open[1]!.id,
      outcome: 'dismiss',
      resolution: '与前一异议内容相同，一并答复，不成立',
    });
    expect(after.items.find((i) => i.id === itemOne.id)!.status).toBe('kept');
    expect(after.openObjections).toBe(0);
    const again = await failure(() =>
      reviewer.notices.resolveObjection.mutate({
        objectionId: open[0]!.id,
        outcome: 'uphold',
        resolution: '重复处理应被拒绝',
      }),
    );
    expect(again.appCode).toBe('INVALID_TRANSITION');

    const closed = await admin.notices.close.mutate({ batchId: draft.id });
    expect(closed.status).toBe('closed');
    expect(closed.items.find((i) => i.id === itemOne.id)!.statusLabel).toBe('异议不成立');
    expect(closed.items.find((i) => i.id !== itemOne.id)!.statusLabel).toBe('公示期满无异议');
    for (const { application } of [one, two]) {
      expect(await statusOf(application.id)).toBe('notice-passed');
    }
    const timeline = (await reviewer.review.byId.query({ id: one.application.id })).timeline;
    expect(timeline.slice(-6).map((e) => e.action)).toEqual([
      'publish-notice',
      'record-objection',
      'record-objection',
      'dismiss-objection',
      'dismiss-objection',
      'close-notice',
    ]);
    // Dismissals and closing move no money.
    const budgetAfter = await budget();
    expect(budgetAfter.committedFen).toBe(budgetBefore.committedFen);
    expect(budgetAfter.approvedCount).toBe(budgetBefore.approvedCount);
    const audit = await h.prisma.auditLog.findMany({
      where: { objectId: draft.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['notice.create', 'notice.publish', 'notice.close']);
    expect(
      await h.prisma.auditLog.count({
        where: { action: { in: ['notice.record-objection', 'notice.dismiss-objection'] } },
      }),
    ).toBe(4);
  });

  it('takes objections from the day of publication, by the Asia/Shanghai day', async () => {
    const { application } = await approvedScenario('发布当日异议案例');
    // Published on Friday 2026-11-27 (the harness clock).
    let { admin } = await travelTo(START);
    const draft = await admin.notices.create.mutate({
      title: '发布当日异议',
      applicationIds: [application.id],
    });
    const { notice } = await admin.notices.publish.mutate({ batchId: draft.id });
    const itemId = notice.items[0]!.id;

    // The same day, 18:00: the notice is public, the objection is taken (before the fix the
    // period started the next day and this was refused).
    ({ admin } = await travelTo(at('2026-11-27', 18)));
    const taken = await admin.notices.recordObjection.mutate({
      itemId,
      objector: '匿名',
      content: '该案例入选时间存疑',
    });
    expect(taken.items[0]!.objections).toHaveLength(1);
    // The evening before, in Suzhou, is the day before (16:00 UTC is midnight in Suzhou).
    const dayBefore = await failure(() =>
      admin.notices.recordObjection.mutate({
        itemId,
        objector: '匿名',
        content: '前一日收到的意见',
        receivedAt: new Date('2026-11-26T15:59:00Z'),
      }),
    );
    expect(dayBefore.appCode).toBe('OUTSIDE_NOTICE_PERIOD');
  });

  it('warns when the period runs into a year whose holidays are not entered yet', async () => {
    const { application } = await approvedScenario('跨年公示案例');
    const { admin } = await travelTo(at('2026-12-28'));
    const draft = await admin.notices.create.mutate({
      title: '跨年公示',
      applicationIds: [application.id],
    });
    const { notice, warnings } = await admin.notices.publish.mutate({ batchId: draft.id });
    // Without the 2027 schedule, 1 January counts as a working day: the end date must be checked.
    expect(notice.endsOn).toBe('2027-01-04');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('2027');
  });
});

describe('an upheld objection', () => {
  it('pulls the award back to bureau review and gives back its budget, quota place and once-keys', async () => {
    const before = await budget();
    const { application } = await approvedScenario('异议成立案例');
    const approvedBudget = await budget();
    expect(approvedBudget.committedFen - before.committedFen).toBe(AWARD);
    expect(approvedBudget.approvedCount - before.approvedCount).toBe(1);
    const keys = await h.prisma.awardOnceKey.count({ where: { applicationId: application.id } });
    expect(keys).toBeGreaterThan(0);

    let admin = await h.officer('admin');
    let reviewer = await h.officer('reviewer');
    const draft = await admin.notices.create.mutate({
      title: '异议成立测试公示',
      applicationIds: [application.id],
    });
    await admin.notices.publish.mutate({ batchId: draft.id });
    ({ admin, reviewer } = await travelTo(at('2026-12-01')));
    const withObjection = await admin.notices.recordObjection.mutate({
      itemId: draft.items[0]!.id,
      objector: '匿名',
      content: '该企业未实际实施该场景',
    });
    const objectionId = withObjection.items[0]!.objections[0]!.id;

    const comment = '经实地核查，该场景未实际落地，异议成立，撤回重审';
    const resolved = await admin.notices.resolveObjection.mutate({
      objectionId,
      outcome: 'uphold',
      resolution: comment,
    });
    expect(resolved.items[0]).toMatchObject({ status: 'pulled', amountFen: null });
    expect(resolved.items[0]!.objections[0]).toMatchObject({
      status: 'upheld',
      resolution: comment,
    });
    expect(resolved.totalFen).toBe(0n);

    const row = await h.prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({
      status: 'bureau-review',
      approvedAmountFen: null,
      decidedAt: null,
      computedAmountFen: AWARD,
    });
    reviewer = await h.officer('reviewer');
    const seen = await reviewer.review.byId.query({ id: application.id });
    expect(seen.timeline.at(-1)).toMatchObject({
      action: 'uphold-objection',
      toStatus: 'bureau-review',
      comment,
    });

    // The money: back where it was before the approval, and the journal says why.
    const released = await budget();
    expect(released.committedFen).toBe(before.committedFen);
    expect(released.approvedCount).toBe(before.approvedCount);
    const ledger = await h.prisma.ledgerEntry.findMany({
      where: { applicationId: application.id },
      orderBy: { id: 'asc' },
    });
    expect(ledger.map((e) => [e.kind, e.approvalRound, e.amountFen])).toEqual([
      ['commit', 1, AWARD],
      ['release', 1, AWARD],
    ]);
    expect(await h.prisma.awardOnceKey.count({ where: { applicationId: application.id } })).toBe(0);

    // Decided again: the same recognition may now be approved (round 2), and listed anew while
    // the old batch, where it is pulled, is still open.
    const reapproved = await reviewer.review.act.mutate({
      applicationId: application.id,
      action: 'approve',
      expectedVersion: seen.version,
    });
    expect(reapproved).toMatchObject({ status: 'approved', approvedAmountFen: AWARD });
    expect(
      (
        await h.prisma.ledgerEntry.findMany({
          where: { applicationId: application.id, kind: 'commit' },
          orderBy: { approvalRound: 'asc' },
        })
      ).map((e) => e.approvalRound),
    ).toEqual([1, 2]);
    expect((await budget()).committedFen).toBe(approvedBudget.committedFen);
    expect(await h.prisma.awardOnceKey.count({ where: { applicationId: application.id } })).toBe(
      keys,
    );
    const second = await admin.notices.create.mutate({
      title: '重新审定后再次公示',
      applicationIds: [application.id],
    });
    expect(second.items).toHaveLength(1);

    // The old batch closes after its period with nothing passed: its only item was pulled.
    ({ admin, reviewer } = await travelTo(at('2026-12-07')));
    const closed = await admin.notices.close.mutate({ batchId: draft.id });
    expect(closed.status).toBe('closed');
    expect(await statusOf(application.id)).toBe('approved');
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'notice.uphold-objection', objectId: objectionId },
    });
    expect(audit.details).toMatchObject({ releasedFen: AWARD.toString(), approvalRound: 1 });
  });
});

describe('refusals', () => {
  it('refuses an application that is not approved, naming it, and one already in an open batch', async () => {
    const { application: pending } = await submittedScenario(h, '未批准案例');
    const atBureau = await toBureauReview(h, pending.id);
    const { application: ok } = await approvedScenario('已批准案例');
    const admin = await h.officer('admin');
    const refused = await failure(() =>
      admin.notices.create.mutate({ title: '混入未批准申请', applicationIds: [ok.id, pending.id] }),
    );
    expect(refused.appCode).toBe('NOTICE_ITEM_REFUSED');
    expect(refused.message).toContain(atBureau.number);
    expect(refused.message).toContain('市局审核中');
    expect(await h.prisma.noticeItem.count({ where: { applicationId: ok.id } })).toBe(0);

    const first = await admin.notices.create.mutate({ title: '批次一', applicationIds: [ok.id] });
    const twice = await failure(() =>
      admin.notices.create.mutate({ title: '批次二', applicationIds: [ok.id] }),
    );
    expect(twice.appCode).toBe('NOTICE_ITEM_REFUSED');
    expect(twice.message).toContain(first.number);

    // Draft batches can be edited; published ones cannot.
    const emptied = await admin.notices.removeItem.mutate({ itemId: first.items[0]!.id });
    expect(emptied.items).toHaveLength(0);
    const empty = await failure(() => admin.notices.publish.mutate({ batchId: first.id }));
    expect(empty.appCode).toBe('INVALID_TRANSITION');
    const refilled = await admin.notices.addItems.mutate({
      batchId: first.id,
      applicationIds: [ok.id],
    });
    expect(refilled.items.map((i) => i.applicationId)).toEqual([ok.id]);
    await admin.notices.publish.mutate({ batchId: first.id });
    const locked = await failure(() =>
      admin.notices.addItems.mutate({ batchId: first.id, applicationIds: [pending.id] }),
    );
    expect(locked.appCode).toBe('INVALID_TRANSITION');
    const republish = await failure(() => admin.notices.publish.mutate({ batchId: first.id }));
    expect(republish.appCode).toBe('INVALID_TRANSITION');
  });

  it('lets only the bureau change a notice, and lists an application in one open batch only', async () => {
    const { application } = await approvedScenario('权限测试案例');
    const admin = await h.officer('admin');
    const draft = await admin.notices.create.mutate({
      title: '权限测试',
      applicationIds: [application.id],
    });
    for (const username of ['yongqiao', 'finance']) {
      const officer = await h.officer(username);
      expect(
        (await failure(() => officer.notices.publish.mutate({ batchId: draft.id }))).appCode,
      ).toBe('FORBIDDEN');
      expect(
        (
          await failure(() =>
            officer.notices.create.mutate({ title: '越权', applicationIds: [application.id] }),
          )
        ).appCode,
      ).toBe('FORBIDDEN');
    }
    const applicant = await h.applicant();
    expect((await failure(() => applicant.notices.list.query({}))).appCode).toBe('FORBIDDEN');
    expect(await statusOf(application.id)).toBe('approved');
    // Nor may the bureau date a publication in the future.
    const future = await failure(() =>
      admin.notices.publish.mutate({ batchId: draft.id, publishedOn: '2026-12-01' }),
    );
    expect(future.appCode).toBe('INVALID_INPUT');
    await admin.notices.removeItem.mutate({ itemId: draft.items[0]!.id });

    // Two officers listing the same application at the same moment: one batch gets it.
    const reviewer = await h.officer('reviewer');
    const results = await Promise.allSettled(
      [admin, reviewer].map((officer, i) =>
        officer.notices.create.mutate({
          title: `同时公示${i + 1}`,
          applicationIds: [application.id],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as { data?: { appCode?: string } }).data?.appCode).toBe(
      'NOTICE_ITEM_REFUSED',
    );
    expect(
      await h.prisma.noticeItem.count({
        where: { applicationId: application.id, batch: { status: 'draft' } },
      }),
    ).toBe(1);
  });
});

describe('who sees what', () => {
  it('shows an area officer only their own area’s items, and who objected to the bureau only', async () => {
    const home = await approvedScenario('埇桥区可见案例', 'yongqiao');
    const away = await approvedScenario('砀山县案例', 'dangshan');
    const solo = await approvedScenario('砀山县单独公示案例', 'dangshan');
    let admin = await h.officer('admin');
    const mixed = await admin.notices.create.mutate({
      title: '两地混合公示',
      applicationIds: [home.application.id, away.application.id],
    });
    const dangshanOnly = await admin.notices.create.mutate({
      title: '砀山县公示',
      applicationIds: [solo.application.id],
    });
    await admin.notices.publish.mutate({ batchId: mixed.id });
    ({ admin } = await travelTo(at('2026-11-30')));
    const homeItem = mixed.items.find((i) => i.applicationId === home.application.id)!;
    await admin.notices.recordObjection.mutate({
      itemId: homeItem.id,
      objector: '实名举报人 李某',
      content: '请核实',
    });

    const yongqiao = await h.officer('yongqiao');
    const seen = await yongqiao.notices.byId.query({ id: mixed.id });
    expect(seen.items.map((i) => i.applicationId)).toEqual([home.application.id]);
    expect(seen.totalFen).toBe(AWARD);
    expect(seen.items[0]!.objections[0]).toMatchObject({ objector: null, content: '请核实' });
    expect(
      (await failure(() => yongqiao.notices.byId.query({ id: dangshanOnly.id }))).appCode,
    ).toBe('NOT_FOUND');
    const listed = await yongqiao.notices.list.query({});
    expect(listed.map((b) => b.id)).toContain(mixed.id);
    expect(listed.map((b) => b.id)).not.toContain(dangshanOnly.id);
    expect(listed.flatMap((b) => b.items).every((i) => i.areaCode === 'yongqiao')).toBe(true);

    const dangshan = await h.officer('dangshan');
    expect(
      (await dangshan.notices.byId.query({ id: mixed.id })).items.map((i) => i.applicationId),
    ).toEqual([away.application.id]);

    const bureau = await admin.notices.byId.query({ id: mixed.id });
    expect(bureau.items).toHaveLength(2);
    expect(bureau.items.find((i) => i.id === homeItem.id)!.objections[0]!.objector).toBe(
      '实名举报人 李某',
    );
    // Finance's remit is payment: it reads no notice (role-scope.test.ts).
    const finance = await h.officer('finance');
    expect((await failure(() => finance.notices.byId.query({ id: mixed.id }))).appCode).toBe(
      'FORBIDDEN',
    );
  });
});

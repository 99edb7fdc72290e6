import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import type { DecidingCallArgs } from './selection-support';
import { decidingCall as decidingCallOf, five } from './selection-support';
import { awardNotice } from '../src/public/data';

/**
 * 拟定结果 (issue 14): the bureau chooses from the ranking within the call's quota, the plan's
 * yearly ceiling across calls and the budget; departures need reasons; the list goes to notice
 * only once decided. The panels are written straight into the database with hand-set totals:
 * drawing and scoring have their own test (selection-review.test.ts).
 */
describe('selection decision', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  const decidingCall = (...args: DecidingCallArgs) => decidingCallOf(h, ...args);

  it('proposes the ranking within the quota, refuses a skip without a reason, saves one with it', async () => {
    const { call, ids, officer } = await decidingCall(
      'scenario-case',
      [
        { name: '氢能重卡加氢站', totals: five(90) },
        { name: '园区光储充一体化', totals: five(85) },
        { name: '燃料电池热电联供', totals: five(80) },
        { name: '风电制氢示范', totals: [] },
      ],
      { quota: 2 },
    );
    const before = await officer.selection.decision.get.query({ callId: call.id });
    expect(before.decidedAt).toBeNull();
    expect(before.rows.map((r) => [r.rank, r.resultText, r.selected])).toEqual([
      [1, '90.00', true],
      [2, '85.00', true],
      [3, '80.00', false],
      [null, null, false],
    ]);
    // Two cases of ¥200,000 (四.1), as the ranking proposes.
    expect(before.totalFen).toBe(40_000_000n);
    expect(before.yearly).toEqual({ limit: 10, heldElsewhere: 0 });

    // Putting to notice before deciding is refused.
    expect(
      (
        await failure(() =>
          officer.selection.calls.advance.mutate({
            id: call.id,
            expectedVersion: call.version,
            action: 'propose',
          }),
        )
      ).message,
    ).toBe('请先根据评审结果拟定入选名单');

    const skip = [
      { id: ids[0]!, selected: true },
      { id: ids[1]!, selected: false },
      { id: ids[2]!, selected: true },
      { id: ids[3]!, selected: false },
    ];
    const refused = await failure(() =>
      officer.selection.decision.save.mutate({
        callId: call.id,
        expectedVersion: call.version,
        choices: skip,
      }),
    );
    expect(refused.appCode).toBe('DEPARTURE_REASON_REQUIRED');
    expect(refused.message).toBe('未按评审排名确定的，须逐项写明理由（2项）');
    const number = async (id: string) =>
      (await h.prisma.selectionSubmission.findUniqueOrThrow({ where: { id } })).number;
    expect(refused.fieldErrors?.[`choices.${ids[1]}`]).toEqual([
      `${await number(ids[1]!)}：排名第2，未入选，而排名第3的${await number(ids[2]!)}入选，须写明理由`,
    ]);
    // Nothing was written.
    expect(
      await h.prisma.selectionSubmission.count({ where: { id: { in: ids }, status: 'passed' } }),
    ).toBe(4);

    const noResult = await failure(() =>
      officer.selection.decision.save.mutate({
        callId: call.id,
        expectedVersion: call.version,
        choices: skip.map((c, i) => (i === 3 ? { ...c, selected: true } : c)),
      }),
    );
    expect(noResult.appCode).toBe('INVALID_INPUT');

    const saved = await officer.selection.decision.save.mutate({
      callId: call.id,
      expectedVersion: call.version,
      choices: [
        { id: ids[0]!, selected: true },
        { id: ids[1]!, selected: false, reason: '公示前核实，该场景已停止运行' },
        { id: ids[2]!, selected: true, reason: '依次递补' },
        { id: ids[3]!, selected: false },
      ],
    });
    expect(saved.decidedAt).not.toBeNull();
    expect(saved.rows.map((r) => [r.selected, r.departures.length, r.reason])).toEqual([
      [true, 0, null],
      [false, 1, '公示前核实，该场景已停止运行'],
      [true, 1, '依次递补'],
      [false, 0, null],
    ]);
    expect(saved.totalFen).toBe(40_000_000n);
    const rows = await h.prisma.selectionSubmission.findMany({
      where: { id: { in: ids } },
      orderBy: { number: 'asc' },
    });
    expect(rows.map((r) => [r.status, r.decidedRank, r.decidedCostFen])).toEqual([
      ['selected', 1, 20_000_000n],
      ['not-selected', 2, 0n],
      ['selected', 3, 20_000_000n],
      ['not-selected', null, 0n],
    ]);
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { objectId: call.id, action: 'selection.call.decide' },
    });
    expect(audit.details).toMatchObject({
      totalFen: '40000000',
      departures: [
        { number: rows[1]!.number, reason: '公示前核实，该场景已停止运行' },
        { number: rows[2]!.number, reason: '依次递补' },
      ],
    });

    // A stale version is refused; the current one goes to notice.
    expect(
      (
        await failure(() =>
          officer.selection.decision.save.mutate({
            callId: call.id,
            expectedVersion: call.version,
            choices: skip,
          }),
        )
      ).appCode,
    ).toBe('STALE_VERSION');
    const current = await officer.selection.calls.byId.query({ id: call.id });
    expect(current.decidedTotalFen).toBe(40_000_000n);
    const notice = await officer.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'propose',
    });
    expect(notice.status).toBe('notice');
    expect(
      (
        await failure(() =>
          officer.selection.decision.save.mutate({
            callId: call.id,
            expectedVersion: notice.version,
            choices: skip,
          }),
        )
      ).message,
    ).toBe('评审结束、拟定结果阶段才能确定入选名单');
  });

  it('holds the ten-a-year ceiling across two calls deciding at once', async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({
      name: `典型场景${i + 1}号`,
      totals: five(90 - i),
    }));
    const a = await decidingCall('scenario-case', entries);
    const countSelected = () =>
      h.prisma.selectionSubmission.count({
        where: { status: 'selected', call: { programme: 'scenario-case', year: 2027 } },
      });
    // Other tests' calls of the year may hold some already.
    const held = await countSelected();
    expect(held).toBeLessThanOrEqual(4);
    const b = await decidingCall('scenario-case', entries);
    const all = (ids: string[]) => ids.map((id) => ({ id, selected: true }));
    // Each alone fits (6 ≤ 10); together they would be 12. Exactly one wins.
    const results = await Promise.allSettled([
      a.officer.selection.decision.save.mutate({
        callId: a.call.id,
        expectedVersion: a.call.version,
        choices: all(a.ids),
      }),
      b.officer.selection.decision.save.mutate({
        callId: b.call.id,
        expectedVersion: b.call.version,
        choices: all(b.ids),
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.message).toMatch(
      `每年不超过10项，本年度其他指南已拟定入选${held + 6}项，本指南最多还能选${4 - held}项`,
    );
    expect(await countSelected()).toBe(held + 6);
    const loserCall = results[0]!.status === 'fulfilled' ? b : a;
    const fresh = await loserCall.officer.selection.decision.get.query({
      callId: loserCall.call.id,
    });
    expect(fresh.yearly).toEqual({ limit: 10, heldElsewhere: held + 6 });
    // The ranking's proposal for the loser now fits the places left.
    expect(fresh.rows.filter((r) => r.selected)).toHaveLength(4 - held);
  });

  it('talent teams: decided with a category, the band unless reasoned, and priced by it', async () => {
    const { call, ids, officer } = await decidingCall('talent-team', [
      { name: '新型储能材料创新团队', totals: five(92) },
      { name: '氢能装备研发团队', totals: five(84) },
      { name: '光伏组件回收团队', totals: five(73) },
      { name: '生物质能利用团队', totals: five(60) },
    ]);
    const proposal = await officer.selection.decision.get.query({ callId: call.id });
    expect(proposal.rows.map((r) => [r.band, r.selected, r.category])).toEqual([
      ['A', true, 'A'],
      ['B', true, 'B'],
      ['C', true, 'C'],
      [null, false, null],
    ]);
    // ¥3,000,000 + ¥2,000,000 + ¥1,000,000
    expect(proposal.totalFen).toBe(600_000_000n);
    const choices = proposal.rows.map((r) => ({
      id: r.submissionId,
      selected: r.selected,
      category: r.category,
    }));
    const upgraded = await failure(() =>
      officer.selection.decision.save.mutate({
        callId: call.id,
        expectedVersion: call.version,
        choices: choices.map((c, i) => (i === 2 ? { ...c, category: 'B' as const } : c)),
      }),
    );
    expect(upgraded.fieldErrors?.[`choices.${ids[2]}`]?.[0]).toMatch(
      /评审结果对应C类，拟定为B类，须写明理由$/,
    );
    const saved = await officer.selection.decision.save.mutate({
      callId: call.id,
      expectedVersion: call.version,
      choices,
    });
    expect(saved.rows.map((r) => r.costFen)).toEqual([
      300_000_000n,
      200_000_000n,
      100_000_000n,
      0n,
    ]);
  });

  it('projects: the city funds asked for count against the budget, to the fen', async () => {
    const { call, officer } = await decidingCall(
      'key-project',
      [
        { name: '固态电池电解质中试', totals: five(88), cityFundsFen: 300_000_000n },
        { name: '绿氢电解槽关键部件', totals: five(86), cityFundsFen: 200_000_001n },
      ],
      { budgetFen: 500_000_000n },
    );
    const proposal = await officer.selection.decision.get.query({ callId: call.id });
    // Both would be ¥5,000,000.01 against ¥5,000,000.00: the ranking proposes the first only.
    expect(proposal.rows.map((r) => r.selected)).toEqual([true, false]);
    const over = await failure(() =>
      officer.selection.decision.save.mutate({
        callId: call.id,
        expectedVersion: call.version,
        choices: proposal.rows.map((r) => ({ id: r.submissionId, selected: true })),
      }),
    );
    expect(over).toMatchObject({
      appCode: 'OVER_BUDGET',
      message: '入选项目所需资金合计¥5,000,000.01，超过本指南预算¥5,000,000.00',
    });
  });

  it('goes to notice on the notice machinery: an objection upheld, withdrawn, decided again, closed, concluded', async () => {
    const { call, ids, officer } = await decidingCall(
      'scenario-case',
      [
        { name: '智慧矿山无人运输', totals: five(91) },
        { name: '农光互补示范园', totals: five(86) },
        { name: '县域虚拟电厂', totals: five(82) },
      ],
      { quota: 2 },
    );
    const proposal = await officer.selection.decision.get.query({ callId: call.id });
    await officer.selection.decision.save.mutate({
      callId: call.id,
      expectedVersion: proposal.version,
      choices: proposal.rows.map((r) => ({ id: r.submissionId, selected: r.selected })),
    });
    let current = await officer.selection.calls.byId.query({ id: call.id });
    current = await officer.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'propose',
    });
    expect(current.notice).toMatchObject({ status: 'published' });
    const notice = await officer.notices.byId.query({ id: current.notice!.id });
    expect(notice).toMatchObject({ callId: call.id, status: 'published', itemCount: 2 });
    expect(notice.items.map((i) => [i.kind, i.organisationName.length > 0, i.amountFen])).toEqual([
      ['selection', true, 20_000_000n],
      ['selection', true, 20_000_000n],
    ]);
    expect(notice.items[0]!.ruleName).toBe('智慧矿山无人运输（市级重大应用场景典型案例评选）');
    // The organisations on the list are told.
    const told = await h.prisma.notification.count({
      where: { kind: 'selection.notice', body: { contains: '智慧矿山无人运输' } },
    });
    expect(told).toBeGreaterThanOrEqual(1);

    // Anyone reads it on the public pages, as an award notice is read: who, for what, how much.
    const shown = await awardNotice({ db: h.db, now: () => h.clock.now }, notice.id);
    expect(shown?.items.map((i) => [i.ruleName.split('（')[0], i.clause, i.amountFen])).toEqual([
      ['智慧矿山无人运输', '四.1', 20_000_000n],
      ['农光互补示范园', '四.1', 20_000_000n],
    ]);

    // The award notices' own steps refuse a selection's batch.
    expect(
      (
        await failure(() =>
          officer.notices.addItems.mutate({ batchId: notice.id, applicationIds: [ids[2]!] }),
        )
      ).appCode,
    ).toBe('INVALID_TRANSITION');

    // An objection to the second, upheld: it leaves the list, its cost comes back.
    const second = notice.items[1]!;
    const objected = await officer.notices.recordObjection.mutate({
      itemId: second.id,
      objector: '匿名',
      content: '该场景尚未实际投入运行，申报材料中的运行数据不实',
    });
    const objectionId = objected.items[1]!.objections[0]!.id;
    // Withdrawing with an open objection is refused.
    expect(
      (
        await failure(() =>
          officer.selection.calls.advance.mutate({
            id: call.id,
            expectedVersion: current.version,
            action: 'withdraw-notice',
          }),
        )
      ).appCode,
    ).toBe('OPEN_OBJECTIONS');
    const upheld = await officer.notices.resolveObjection.mutate({
      objectionId,
      outcome: 'uphold',
      resolution: '经现场核查，该场景尚未投入运行，异议成立',
    });
    expect(upheld.items[1]).toMatchObject({ status: 'pulled', amountFen: null });
    expect(upheld.totalFen).toBe(20_000_000n);
    const pulled = await h.prisma.selectionSubmission.findUniqueOrThrow({
      where: { id: second.submissionId! },
    });
    expect(pulled).toMatchObject({
      status: 'not-selected',
      decidedCostFen: 0n,
      departureReason: '经现场核查，该场景尚未投入运行，异议成立',
    });
    expect(pulled.departures).toContain('公示期间异议成立，撤出拟入选名单');
    current = await officer.selection.calls.byId.query({ id: call.id });
    expect(current.decidedTotalFen).toBe(20_000_000n);

    // Withdrawn to decide again: the third takes the place, with a reason; a new notice runs.
    current = await officer.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'withdraw-notice',
    });
    // The call still points at the withdrawn notice, for the record.
    expect(current).toMatchObject({
      status: 'deciding',
      notice: { id: notice.id, status: 'withdrawn' },
    });
    expect(
      (await h.prisma.noticeBatch.findUniqueOrThrow({ where: { id: notice.id } })).status,
    ).toBe('withdrawn');
    const again = await officer.selection.decision.get.query({ callId: call.id });
    const byTitle = (t: string) => again.rows.find((r) => r.title === t)!.submissionId;
    await officer.selection.decision.save.mutate({
      callId: call.id,
      expectedVersion: again.version,
      choices: [
        { id: byTitle('智慧矿山无人运输'), selected: true },
        {
          id: byTitle('农光互补示范园'),
          selected: false,
          reason: '公示期间异议成立，撤出名单',
        },
        { id: byTitle('县域虚拟电厂'), selected: true, reason: '依次递补' },
      ],
    });
    current = await officer.selection.calls.byId.query({ id: call.id });
    current = await officer.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'propose',
    });
    const second2 = await officer.notices.byId.query({ id: current.notice!.id });
    expect(second2.id).not.toBe(notice.id);
    // The withdrawn notice still says what it published: both cases, ¥200,000 each, and the one
    // pulled by the objection as pulled.
    const withdrawn = await officer.notices.byId.query({ id: notice.id });
    expect(withdrawn.items.map((i) => [i.status, i.amountFen])).toEqual([
      ['listed', 20_000_000n],
      ['pulled', null],
    ]);
    expect((await officer.notices.list.query({ status: 'withdrawn' })).map((n) => n.id)).toContain(
      notice.id,
    );
    expect(second2.items.map((i) => i.ruleName.split('（')[0])).toEqual([
      '智慧矿山无人运输',
      '县域虚拟电厂',
    ]);

    // Concluding waits for the notice to close, which waits for the period to end.
    expect(
      (
        await failure(() =>
          officer.selection.calls.advance.mutate({
            id: call.id,
            expectedVersion: current.version,
            action: 'conclude',
          }),
        )
      ).message,
    ).toBe('公示期满、异议处理完毕并结束公示后，才能确定结果');
    h.clock.now = new Date(`${second2.endsOn}T16:00:01Z`); // the next day, 00:00:01 in Shanghai
    const later = await h.officer('admin');
    const closed = await later.notices.close.mutate({ batchId: second2.id });
    expect(closed.status).toBe('closed');
    // The withdrawn notice stays on the public pages, as what was published.
    expect((await awardNotice({ db: h.db, now: () => h.clock.now }, notice.id))?.stage).toBe(
      'withdrawn',
    );
    current = await later.selection.calls.byId.query({ id: call.id });
    const concluded = await later.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'conclude',
      document: { documentNo: '宿科〔2027〕9号', issuedOn: second2.endsOn! },
    });
    expect(concluded.status).toBe('concluded');
    const audit = await h.prisma.auditLog.findMany({
      where: { objectType: 'notice-batch', objectId: { in: [notice.id, second2.id] } },
      select: { action: true },
    });
    // (The clock stands still between steps: the records are compared as a set.)
    expect(audit.map((a) => a.action).sort()).toEqual([
      'notice.close',
      'notice.publish',
      'notice.publish',
      'notice.withdraw',
    ]);
  });

  it('is the bureau’s: an area officer cannot read or save it', async () => {
    const call = await h.prisma.selectionCall.findFirstOrThrow({ where: { status: 'deciding' } });
    const area = await h.officer('yongqiao');
    expect(
      (await failure(() => area.selection.decision.get.query({ callId: call.id }))).appCode,
    ).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectionDemoResult } from '../src';
import { seedSelectionDemo } from '../src';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * The selection demo (issue 14) on a fresh demo database: every stage is there, as the officers'
 * own lists show it, and a second run adds nothing.
 */
describe('the selection demo', () => {
  // 14:00 in Shanghai: the demo's dates are relative to this day.
  const seededAt = new Date('2026-12-06T06:00:00Z');
  let h: Harness;
  let first: SelectionDemoResult;
  let admin: Awaited<ReturnType<Harness['officer']>>;

  beforeAll(async () => {
    h = await createHarness({ start: seededAt });
    first = await seedSelectionDemo({
      db: h.db,
      now: seededAt,
      fileStore: h.fileStore,
      config: h.deps.config,
    });
    admin = await h.officer('admin');
  }, 120_000);
  afterAll(() => h.close());

  async function callTitled(fragment: string) {
    const calls = await admin.selection.calls.list.query({});
    const call = calls.find((c) => c.title.includes(fragment));
    if (!call) throw new Error(`no call titled …${fragment}…`);
    return call;
  }

  it('seeds once, through the API, on dates up to today', async () => {
    expect(first).toMatchObject({ seeded: true });
    console.info(`selection demo: ${first.steps} steps in ${first.ms} ms`);
    const calls = await admin.selection.calls.list.query({});
    expect(calls.map((c) => [c.programme, c.status]).sort()).toEqual(
      [
        ['disruptive-tech', 'expert-review'],
        ['key-project', 'concluded'],
        ['scenario-case', 'concluded'],
        ['scenario-case', 'open'],
        ['talent-team', 'notice'],
      ].sort(),
    );
    // Every row is the product's own: audited by the people who acted, nothing dated ahead.
    const latest = await h.prisma.auditLog.findFirstOrThrow({
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    expect(latest.at.getTime()).toBeLessThanOrEqual(seededAt.getTime());
    const actions = await h.prisma.auditLog.groupBy({ by: ['action'], _count: { _all: true } });
    const count = (action: string) => actions.find((a) => a.action === action)?._count._all ?? 0;
    expect(count('selection.call.create')).toBe(5);
    expect(count('selection.review.score')).toBeGreaterThanOrEqual(30);
    expect(count('need.post')).toBe(7);
    expect(count('project.contract.sign')).toBe(2);
  });

  it('1. 需求榜: published needs with 揭榜, one returned, one waiting for 埇桥区', async () => {
    const all = await admin.needs.list.query({ page: 1, pageSize: 50 });
    const statuses = all.items.map((n) => n.status);
    expect(statuses.filter((s) => s === 'published')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'returned')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'submitted')).toHaveLength(1);
    const catalyst = all.items.find((n) => n.title === '燃料电池低铂催化剂批量制备');
    expect(catalyst?.responses.map((r) => r.who)).toEqual([
      '陈思雨（宿州创新理工学院）',
      '宿州汴北新能源装备有限公司',
    ]);
    const board = await h.client().needs.published.query({ page: 1, pageSize: 20 });
    expect(board.total).toBe(5);
    const yongqiao = await h.officer('yongqiao');
    const waiting = await yongqiao.needs.list.query({ page: 1, pageSize: 20, status: 'submitted' });
    expect(waiting.items.map((n) => n.organisationName)).toEqual(['宿州云智数据科技有限公司']);
    const returned = all.items.find((n) => n.status === 'returned');
    expect(returned?.returnComment).toContain('预算范围');
  });

  it('2. an open scenario-case call with a draft and a submission at each formal-check step', async () => {
    const call = await callTitled('典型案例评选（第二批）');
    expect(call).toMatchObject({ status: 'open', statusName: '申报中', quota: 8 });
    expect(call.applyUntil > '2026-12-06').toBe(true);
    expect(call.submissionCounts).toEqual({ draft: 1, submitted: 1, 'area-passed': 1 });
    const published = await h.client().selection.calls.published.query();
    expect(published[0]?.id).toBe(call.id);
    // The waiting submissions show on the workbenches of 埇桥区 and the bureau.
    const tile = async (username: string) =>
      (await (await h.officer(username)).workbench.summary.query()).queues.find(
        (q) => q.key === 'selection-formal-check',
      )?.count;
    expect(await tile('yongqiao')).toBe(1);
    expect(await tile('reviewer')).toBe(1);
    expect(await tile('dangshan')).toBe(0);
  });

  it('3. the 揭榜挂帅 call concluded: a project under way, one at acceptance, one to sign', async () => {
    const call = await callTitled('揭榜挂帅');
    expect(call.result?.documentNo).toBe('宿科〔2026〕63号');
    const submissions = await admin.selection.calls.submissions.query({ id: call.id });
    expect(submissions.map((s) => s.need?.title ?? null).sort()).toEqual([
      null,
      null,
      '燃料电池低铂催化剂批量制备',
    ]);
    expect(submissions.every((s) => s.team.every((m) => m.confirmed))).toBe(true);

    const { items: projects } = await admin.selection.projects.list.query({ callId: call.id });
    expect(projects.map((p) => [p.organisationName, p.statusName]).sort()).toEqual([
      ['宿州汴北新能源装备有限公司', '实施中'],
      ['砀山梨康生物科技有限公司', '待签订任务书'],
      ['萧县新材陶瓷科技有限公司', '验收中'],
    ]);
    const signed = await admin.selection.projects.byId.query({
      id: projects.find((p) => p.status === 'in-progress')!.id,
    });
    expect(
      signed.tranches.map((t) => [t.conditionName, t.application?.statusName ?? null]),
    ).toEqual([
      ['任务书签订后', '市局审核中'],
      ['中期检查通过后', '市局审核中'],
      ['验收通过后', null],
    ]);
    expect(signed.reports.map((r) => [r.kindName, r.statusName])).toEqual([['中期报告', '通过']]);
    expect(signed.reports[0]?.attachments.map((a) => [a.kindName, a.name])).toEqual([
      ['报告正文', '中期报告（盖章版）.pdf'],
      ['专项资金使用情况（审计报告）', '专项资金使用情况表.pdf'],
      ['成果证明等佐证材料', '发明专利申请受理通知书.pdf'],
    ]);
    expect(signed.changes.map((c) => [c.kindName, c.statusName, c.months])).toEqual([
      ['延期', '待审批', 6],
    ]);
    const toSign = await admin.selection.projects.byId.query({
      id: projects.find((p) => p.status === 'contracting')!.id,
    });
    expect(toSign.problems).toEqual({});
    expect(toSign.contract.tranches).toHaveLength(3);

    // The tranches wait in the bureau's queue like any application.
    const queue = await admin.review.queue.query({
      queue: 'bureau-review',
      ruleId: 'key-project',
      page: 1,
      pageSize: 20,
    });
    expect(queue.total).toBe(4);
  });

  it('3. the six-month project at acceptance, its 验收专家组 part-way', async () => {
    const call = await callTitled('揭榜挂帅');
    const { items } = await admin.selection.projects.list.query({ callId: call.id });
    const id = items.find((p) => p.status === 'accepting')!.id;
    // 萧县 has no area officer: the bureau took the area step of the formal check.
    const steps = await h.prisma.auditLog.findMany({
      where: { action: 'selection.submission.check-pass', areaCode: 'xiaoxian' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const bureau = await h.prisma.user.findUniqueOrThrow({ where: { username: 'reviewer' } });
    expect(steps.map((a) => [a.actorUserId, (a.details as { stepName: string }).stepName])).toEqual(
      [
        [bureau.id, '县区形式审查'],
        [bureau.id, '市局形式审查'],
      ],
    );

    const reviewer = await h.officer('reviewer');
    const project = await reviewer.selection.projects.byId.query({ id });
    expect(project.reports.map((r) => [r.kindName, r.statusName])).toEqual([
      ['中期报告', '通过'],
      ['结题验收报告', '待审查'],
    ]);
    const panel = project.acceptance?.panel;
    expect(panel?.members.map((m) => [m.statusName, m.answered])).toEqual([
      ['已接受', true],
      ['已接受', true],
      ['已谢绝', false],
      ['已接受', false],
      ['待接受', false],
      ['备选', false],
    ]);
    // Nobody sees a verdict before the panel is complete; the bureau sees who answered.
    expect(panel?.members.every((m) => m.verdict === null)).toBe(true);
    expect(panel?.statusName).toBe('评审中');
    expect(
      project.tranches.map((t) => [t.conditionName, t.application?.statusName ?? null]),
    ).toEqual([
      ['任务书签订后', '市局审核中'],
      ['中期检查通过后', '市局审核中'],
      ['验收通过后', null],
    ]);
  });

  it('4. the talent-team call in 公示: teams ranked in categories A, B and C', async () => {
    const call = await callTitled('人才团队遴选');
    expect(call.status).toBe('notice');
    expect(call.notice?.status).toBe('published');
    expect((call.notice?.endsOn ?? '') > '2026-12-06').toBe(true);
    const results = await admin.selection.panels.results.query({ callId: call.id });
    expect(results.map((r) => [r.rank, r.resultText, r.talent?.category])).toEqual([
      [1, '91.00', 'A'],
      [2, '83.00', 'B'],
      [3, '73.00', 'C'],
    ]);
    const decision = await admin.selection.decision.get.query({ callId: call.id });
    expect(decision.rows.map((r) => [r.selected, r.category])).toEqual(
      expect.arrayContaining([
        [true, 'A'],
        [true, 'B'],
        [true, 'C'],
      ]),
    );
    expect(decision.totalFen).toBe(600_000_000n);
  });

  it('5. a call in 专家评审: some experts accepted and scored, some not yet', async () => {
    const call = await callTitled('颠覆性技术');
    expect(call.status).toBe('expert-review');
    const [panel, ...more] = await admin.selection.panels.ofCall.query({ callId: call.id });
    expect(more).toEqual([]);
    expect(panel?.statusName).toBe('评分中');
    const byStatus = (status: string) => panel!.experts.filter((e) => e.status === status);
    expect(byStatus('accepted')).toHaveLength(3);
    expect(byStatus('declined')).toHaveLength(1);
    expect(byStatus('invited')).toHaveLength(2);
    expect(byStatus('accepted').map((e) => e.sheets)).toEqual([2, 1, 0]);
    // An accepted expert sees the task in the mini-program.
    const expert = await h.prisma.expert.findFirstOrThrow({
      where: { name: byStatus('accepted')[0]!.name },
      include: { user: true },
    });
    const client = await h.applicant(expert.user.openid!);
    const tasks = await client.selection.reviews.mine.query();
    expect(tasks.find((t) => t.callTitle === call.title)).toMatchObject({
      statusName: '已确认参加',
      panelClosed: false,
      submissions: 2,
      sheets: 2,
    });
  });

  it('6. the first scenario-case call concluded, its cases 免申即享 invitations', async () => {
    const call = await callTitled('典型案例评选（第一批）');
    expect(call).toMatchObject({ status: 'concluded', result: { documentNo: '宿科〔2026〕72号' } });
    const list = await admin.officialLists.byId.query({
      importId: call.resultListId!,
      page: 1,
      pageSize: 20,
    });
    expect(list).toMatchObject({ kind: 'scenario-case', status: 'committed', rowCount: 2 });
    const invited = await admin.exemptions.list.query({ stage: 'invited', page: 1, pageSize: 20 });
    expect(
      invited.items
        .filter((i) => i.ruleId === 'scenario-case')
        .map((i) => [i.organisation.name, i.documentNo])
        .sort(),
    ).toEqual([
      ['宿州云智数据科技有限公司', '宿科〔2026〕72号'],
      ['宿州汴北新能源装备有限公司', '宿科〔2026〕72号'],
    ]);
    const submissions = await admin.selection.calls.submissions.query({ id: call.id });
    expect(submissions.map((s) => s.status).sort()).toEqual([
      'not-selected',
      'selected',
      'selected',
    ]);
  });

  it('7. three 四.8 applications waiting for review, their amounts as worked by hand', async () => {
    const rows = await h.prisma.application.findMany({
      where: { ruleId: 'tech-transfer' },
      orderBy: { submittedAt: 'asc' },
      include: { organisation: { select: { name: true } } },
    });
    // 10% of ¥3,000,000 / ¥6,500,000 / ¥9,000,000 paid, at most ¥500,000 each.
    expect(
      rows.map((r) => [r.organisation?.name, r.status, r.computedAmountFen, r.policySetId]),
    ).toEqual([
      ['宿州云智数据科技有限公司', 'submitted', 300_000_00n, 'suzhou-future-2026-draft'],
      ['宿州汴北新能源装备有限公司', 'submitted', 500_000_00n, 'suzhou-future-2026-draft'],
      ['砀山绿源合成生物科技有限公司', 'submitted', 500_000_00n, 'suzhou-future-2026-draft'],
    ]);
    // Submitted 50, 35 and 12 days before the seeding day (2026-12-06, Shanghai).
    expect(rows.map((r) => r.submittedAt?.toISOString().slice(0, 10))).toEqual([
      '2026-10-17',
      '2026-11-01',
      '2026-11-24',
    ]);
  });

  it('a second run adds nothing', async () => {
    const counts = () =>
      Promise.all([
        h.prisma.auditLog.count(),
        h.prisma.selectionCall.count(),
        h.prisma.innovationNeed.count(),
        h.prisma.storedFile.count(),
        h.prisma.notification.count(),
        h.prisma.organisation.count(),
      ]);
    const before = await counts();
    const again = await seedSelectionDemo({
      db: h.db,
      now: seededAt,
      fileStore: h.fileStore,
      config: h.deps.config,
    });
    expect(again).toMatchObject({ seeded: false, skipped: 'already-seeded' });
    expect(await counts()).toEqual(before);
  });
});

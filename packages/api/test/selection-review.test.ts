import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { applicantFileAccess, officerFileAccess } from '../src';
import type { ApplicantCaller, OfficerCaller } from '../src/caller';
import { firmApplicant } from './awards-support';

/**
 * 专家评审 (issue 14): a panel drawn from the demo pool for three scenario submissions in 低碳能源,
 * an expert declining and a reserve taking the place, sheets against the rubric, and the ranking
 * once the panel closes — every figure computed by hand below.
 */
describe('expert review', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  type Firm = Awaited<ReturnType<typeof firmApplicant>>;

  /** A call in expert review with three submissions through the formal check. */
  async function callInReview() {
    const admin = await h.officer('admin');
    const draft = await admin.selection.calls.create.mutate({
      programme: 'scenario-case',
      year: 2027,
      title: '2027年度低碳能源应用场景典型案例评选',
      guide: '征集低碳能源领域已落地运行、成效明显的应用场景典型案例，每年评选不超过十项。',
      applyFrom: '2027-03-01',
      applyUntil: '2027-03-31',
    });
    const call = await admin.selection.calls.advance.mutate({
      id: draft.id,
      expectedVersion: draft.version,
      action: 'publish',
    });
    const firms: Firm[] = [];
    const submitted: Awaited<
      ReturnType<Firm['client']['selection']['submissions']['submit']['mutate']>
    >[] = [];
    for (const [i, name] of ['氢能重卡加氢站', '园区光储充一体化', '燃料电池热电联供'].entries()) {
      const firm = await firmApplicant(h, 'yongqiao');
      firms.push(firm);
      const evidence = await Promise.all(
        ['case-summary', 'site-proof', 'credit-commitment'].map(async (k) => ({
          kind: k,
          fileId: (await firm.upload(k)).fileId,
        })),
      );
      const saved = await firm.client.selection.submissions.save.mutate({
        callId: call.id,
        title: name,
        form: {
          caseName: name,
          applicationDomain: 'industry',
          fieldCode: 'low-carbon-energy',
          site: '宿州高新区',
          summary: `${name}已稳定运行一年以上，年减排二氧化碳逾千吨，带动相关产业链企业集聚发展。`,
        },
        evidence,
        // The first names a partner: the demo expert of 宿州创新理工学院 may not review this group.
        team: i === 0 ? [{ unitName: '宿州创新理工学院', part: '加氢工艺技术支撑' }] : [],
      });
      submitted.push(
        await firm.client.selection.submissions.submit.mutate({
          id: saved.id,
          expectedVersion: saved.version,
        }),
      );
    }
    const yongqiao = await h.officer('yongqiao');
    const areaPassed: typeof submitted = [];
    for (const s of submitted)
      areaPassed.push(
        await yongqiao.selection.submissions.formalCheck.mutate({
          id: s.id,
          expectedVersion: s.version,
          action: 'pass',
        }),
      );
    h.clock.now = new Date('2027-04-01T02:00:00Z');
    const officer = await h.officer('admin');
    const current = await officer.selection.calls.byId.query({ id: call.id });
    const closed = await officer.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'close-applications',
    });
    for (const s of areaPassed)
      await officer.selection.submissions.formalCheck.mutate({
        id: s.id,
        expectedVersion: s.version,
        action: 'pass',
      });
    const review = await officer.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: closed.version,
      action: 'start-expert-review',
    });
    return { call: review, submissions: submitted, officer };
  }

  /** The tRPC client of the expert on an assignment, logged in through their demo WeChat. */
  async function expertClient(assignmentName: string) {
    const expert = await h.prisma.expert.findFirstOrThrow({
      where: { name: assignmentName },
      include: { user: true },
    });
    return h.applicant(expert.user.openid ?? '');
  }

  async function officerCaller(username: string): Promise<OfficerCaller> {
    const u = await h.prisma.user.findUniqueOrThrow({ where: { username } });
    return {
      kind: 'officer',
      userId: u.id,
      sessionId: 'test',
      username,
      displayName: u.displayName,
      role: u.role === 'AREA_OFFICER' ? 'area-officer' : 'bureau-reviewer',
      areaCode: (u.areaCode as never) ?? null,
    };
  }
  async function applicantCaller(name: string): Promise<ApplicantCaller> {
    const e = await h.prisma.expert.findFirstOrThrow({ where: { name }, include: { user: true } });
    return { kind: 'applicant', userId: e.userId, sessionId: 'test', openid: e.user.openid ?? '' };
  }

  /** Whole points per criterion (30/25/20/25) adding up to `total`. */
  function sheet(total: number, comment?: string) {
    const innovation = Math.min(30, total);
    const feasibility = Math.min(25, total - innovation);
    const team = Math.min(20, total - innovation - feasibility);
    const benefit = total - innovation - feasibility - team;
    return {
      conflict: 'none',
      scores: { innovation, feasibility, team, benefit },
      ...(comment ? { comment } : {}),
    };
  }

  it('draws, replaces a declining expert, scores, closes and ranks', async () => {
    const { call, submissions, officer } = await callInReview();
    const panel = await officer.selection.panels.draw.mutate({
      callId: call.id,
      name: '低碳能源组',
      fieldCode: 'low-carbon-energy',
      submissionIds: submissions.map((s) => s.id),
    });
    // Seven in the field; the one of 宿州创新理工学院 is left out: five members, one reserve.
    expect(panel.poolSize).toBe(6);
    expect(panel.excluded).toContainEqual({
      name: expect.any(String),
      reasons: ['与申报单位或团队成员单位为同一单位'],
    });
    expect(panel.experts.map((e) => e.statusName)).toEqual([
      '待确认',
      '待确认',
      '待确认',
      '待确认',
      '待确认',
      '备选',
    ]);
    const drawn = await h.prisma.auditLog.findFirstOrThrow({
      where: { objectId: panel.id, action: 'selection.panel.draw' },
    });
    expect(drawn.details).toMatchObject({ seed: panel.seeds[0], pool: 6, members: 5 });

    // The first member declines; the reserve is invited in their place.
    const [first, ...others] = panel.experts.slice(0, 5);
    const decliner = await expertClient(first!.name);
    const tasks = await decliner.selection.reviews.mine.query();
    expect(tasks).toMatchObject([
      { panelName: '低碳能源组', statusName: '待确认', submissions: 3 },
    ]);
    expect(
      (
        await failure(() =>
          decliner.selection.reviews.panel.query({ assignmentId: first!.assignmentId }),
        )
      ).message,
    ).toBe('确认参加评审后才能查看申报材料');
    const noReason = await failure(() =>
      decliner.selection.reviews.respond.mutate({
        assignmentId: first!.assignmentId,
        accept: false,
      }),
    );
    expect(noReason.fieldErrors?.reason).toEqual(['请说明不能参加的原因']);
    expect(
      await decliner.selection.reviews.respond.mutate({
        assignmentId: first!.assignmentId,
        accept: false,
        reason: '评审期间出国访问',
      }),
    ).toEqual({ status: 'declined', replacedByReserve: true });

    const [after] = await officer.selection.panels.ofCall.query({ callId: call.id });
    const reserve = after!.experts[5]!;
    expect(reserve.statusName).toBe('待确认');
    const members = [...others, reserve];

    // Each member accepts; an expert not on the panel cannot open it.
    const clients: { c: Awaited<ReturnType<typeof expertClient>>; assignmentId: string }[] = [];
    for (const m of members) {
      const c = await expertClient(m.name);
      await c.selection.reviews.respond.mutate({ assignmentId: m.assignmentId, accept: true });
      clients.push({ c, assignmentId: m.assignmentId });
    }
    expect(
      (
        await failure(() =>
          decliner.selection.reviews.panel.query({ assignmentId: members[0]!.assignmentId }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    // Attachments: the accepted experts, the area's officer and the bureau may open them; the
    // expert who declined, and another area's officer, may not.
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: submissions[0]!.evidence[0]!.fileId },
    });
    const expertMay = applicantFileAccess(h.db);
    expect(await expertMay(await applicantCaller(members[0]!.name), file)).toBe(true);
    expect(await expertMay(await applicantCaller(first!.name), file)).toBe(false);
    const officerMay = officerFileAccess(h.db);
    expect(await officerMay(await officerCaller('yongqiao'), file)).toMatchObject({
      areaCode: 'yongqiao',
      details: { number: submissions[0]!.number },
    });
    expect(await officerMay(await officerCaller('reviewer'), file)).toBeTruthy();
    expect(await officerMay(await officerCaller('dangshan'), file)).toBe(false);

    const [A, B, C] = submissions;
    // Totals by expert (rows) for A, B, C; null: a declared conflict.
    const totals: (number | null)[][] = [
      [92, 80, null],
      [88, 80, 90],
      [85, 80, 85],
      [80, 80, 80],
      [70, 80, 75],
    ];
    const view = await clients[0]!.c.selection.reviews.panel.query({
      assignmentId: clients[0]!.assignmentId,
    });
    expect(view.submissions.map((s) => s.title).sort()).toEqual(
      ['氢能重卡加氢站', '园区光储充一体化', '燃料电池热电联供'].sort(),
    );
    const extreme = await failure(() =>
      clients[0]!.c.selection.reviews.score.mutate({
        assignmentId: clients[0]!.assignmentId,
        submissionId: A!.id,
        sheet: sheet(92),
      }),
    );
    expect(extreme.message).toBe('总分92分，不低于90分，请填写评审意见说明理由');

    for (const [i, { c, assignmentId }] of clients.entries())
      for (const [j, s] of [A, B, C].entries()) {
        if (i === 4 && j === 2) continue; // the last sheet comes after the refused close
        const total = totals[i]![j]!;
        await c.selection.reviews.score.mutate({
          assignmentId,
          submissionId: s!.id,
          sheet:
            total === null
              ? { conflict: 'declared', reason: '曾为该单位提供技术咨询' }
              : sheet(total, total >= 90 ? '技术路线成熟，示范效应突出' : undefined),
        });
      }
    const early = await failure(() => officer.selection.panels.close.mutate({ id: panel.id }));
    expect(early.message).toBe('尚有1位专家未完成评分');
    await clients[4]!.c.selection.reviews.score.mutate({
      assignmentId: clients[4]!.assignmentId,
      submissionId: C!.id,
      sheet: sheet(75),
    });
    const closed = await officer.selection.panels.close.mutate({ id: panel.id });
    expect(closed.statusName).toBe('评分结束');
    expect(
      (
        await failure(() =>
          clients[1]!.c.selection.reviews.score.mutate({
            assignmentId: clients[1]!.assignmentId,
            submissionId: A!.id,
            sheet: sheet(70),
          }),
        )
      ).appCode,
    ).toBe('PANEL_CLOSED');

    // A: 92 88 85 80 70 → (88+85+80)/3 = 84.33, spread 22 > 20: flagged.
    // C: one conflict, 90 85 80 75 → four valid, not trimmed: 330/4 = 82.50.
    // B: 80 × 5 → 80.00.
    const results = await officer.selection.panels.results.query({ callId: call.id });
    expect(results.map((r) => [r.title, r.rank, r.resultText, r.flagName])).toEqual([
      ['氢能重卡加氢站', 1, '84.33', '分歧较大，提请讨论'],
      ['燃料电池热电联供', 2, '82.50', null],
      ['园区光储充一体化', 3, '80.00', null],
    ]);
    expect(results[1]!.explanation).toBe(
      '4份有效评分：90、85、80、75（1位专家回避，不计）；平均82.50分（不足5份，不去掉最高最低分）；最高与最低相差15分',
    );
    const audit = await officer.audit.search.query({ objectId: panel.id });
    expect(audit.items.map((i) => i.actionLabel)).toContain('专家谢绝参加评审');
    expect(audit.items[0]?.objectLabel).toBe('2027年度低碳能源应用场景典型案例评选 低碳能源组');
  });
});

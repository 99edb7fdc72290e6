import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantFileAccess } from '../src';
import type { ApplicantCaller } from '../src/caller';
import {
  answerAll,
  expertOf,
  finalReportIn,
  panelSeats,
  reportBody,
  sheetFor,
} from './acceptance-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';

/**
 * 验收专家组 (issue 14 item 6, 四.2): the bureau draws an acceptance panel for a submitted final
 * report from the demo pool's seven 低碳能源 experts (five members, two reserves) with the calls'
 * exclusions; the experts accept or decline in their review tasks, read the report and give
 * verdicts; declined places are filled from the reserves by the bureau; the bureau's review waits
 * for the panel and a departure from its majority is reasoned.
 */
describe('the acceptance panel of a key project', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  /** The demo pool's experts of the project's field (seed-experts.ts: seven of 低碳能源). */
  async function fieldExpertIds() {
    const rows = await h.prisma.expert.findMany({
      where: {
        fieldCodes: { has: 'low-carbon-energy' },
        user: { openid: { startsWith: 'demo-openid-expert-' } },
      },
      select: { id: true },
    });
    return rows.map((r) => r.id).sort();
  }

  it('draws five members and two reserves, leaving out the project’s own units and declared conflicts', async () => {
    const { project, admin, firm, client } = await finalReportIn(h);
    expect(project.status).toBe('accepting');
    // Experts who may not judge this project: at the lead unit, at its partner (宿州学院), one who
    // declared a conflict with the lead unit's credit code, and one not yet approved.
    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    const stamps = { createdAt: h.clock.now, updatedAt: h.clock.now };
    const extra = [
      { name: '承担单位专家', unitName: org.name, conflicts: [], status: 'active' },
      { name: '合作单位专家', unitName: '宿州学院', conflicts: [], status: 'active' },
      {
        name: '申明回避专家',
        unitName: '淮北师范大学',
        conflicts: [org.creditCode],
        status: 'active',
      },
      { name: '待审核专家', unitName: '安徽大学', conflicts: [], status: 'pending' },
    ];
    const created: string[] = [];
    for (const [i, e] of extra.entries()) {
      const row = await h.prisma.expert.create({
        data: {
          ...e,
          mobile: `1395559000${i}`,
          title: 'professor',
          fieldCodes: ['low-carbon-energy'],
          subFieldCodes: [],
          expertise: '燃料电池催化剂',
          ...stamps,
          user: {
            create: {
              kind: 'APPLICANT',
              openid: `acceptance-extra-${i}`,
              displayName: e.name,
              ...stamps,
            },
          },
        },
      });
      created.push(row.id);
    }

    try {
      // Before: the detail offers the draw; the unit's own view of the project shows no panel.
      const before = await admin.selection.projects.byId.query({ id: project.id });
      expect(before.acceptance).toEqual({
        reportRound: 1,
        drawable: true,
        settings: { panelSize: 5, reserves: 2, minValidVerdicts: 3 },
        panel: null,
      });
      const own = await client.selection.projects.mineById.query({ id: project.id });
      expect('acceptance' in own).toBe(false);

      const drawn = await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
      const panel = drawn.acceptance?.panel;
      expect(drawn.acceptance?.drawable).toBe(false);
      expect(panel).toMatchObject({
        name: '验收专家组',
        round: 1,
        closed: false,
        statusName: '评审中',
        panelSize: 5,
        minValidVerdicts: 3,
        poolSize: 7,
        departureReason: null,
      });
      expect(panel?.seeds).toHaveLength(1);
      expect(panel?.members.map((m) => m.statusName)).toEqual([
        '待接受',
        '待接受',
        '待接受',
        '待接受',
        '待接受',
        '备选',
        '备选',
      ]);
      // Officers read members fit for them: the mobile masked, nothing they said yet.
      expect(panel?.members[0]?.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(panel?.members.every((m) => !m.answered && m.verdict === null)).toBe(true);
      expect(panel?.conclusion).toMatchObject({ complete: false, tally: null, majority: null });

      // The pool the draw saw is the seven demo experts of the field, and nobody else.
      const row = await h.prisma.reviewPanel.findUniqueOrThrow({ where: { id: panel!.id } });
      expect(row).toMatchObject({ kind: 'acceptance', callId: null, reportRound: 1 });
      expect(row.pool).toEqual(await fieldExpertIds());
      const seats = await panelSeats(h, project.id);
      expect(seats.map((s) => s.expertId).sort()).toEqual(await fieldExpertIds());
      expect(seats.some((s) => created.includes(s.expertId))).toBe(false);

      const audit = await h.prisma.auditLog.findFirstOrThrow({
        where: { action: 'project.acceptance.draw', objectId: project.id },
      });
      expect(audit).toMatchObject({ objectType: 'project', areaCode: project.areaCode });
      expect(audit.details).toMatchObject({
        number: project.number,
        seed: panel?.seeds[0],
        pool: 7,
        members: 5,
        reserves: 2,
        excluded: expect.any(Number),
      });
      // The members, not the reserves, are told.
      const invitedUser = await h.prisma.expert.findUniqueOrThrow({
        where: { id: seats[0]!.expertId },
      });
      const told = await h.prisma.notification.findFirst({
        where: { userId: invitedUser.userId, kind: 'selection.review-invitation' },
        orderBy: { createdAt: 'desc' },
      });
      expect(told?.body).toContain(`项目“${project.title}”（${project.number}）验收专家组`);

      const again = await failure(() =>
        admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id }),
      );
      expect(again).toMatchObject({
        appCode: 'INVALID_TRANSITION',
        message: '该结题验收报告已抽取验收专家组',
      });
      // An area officer follows the project but draws nothing.
      const area = await h.officer('yongqiao');
      expect(
        (
          await failure(() =>
            area.selection.projects.drawAcceptancePanel.mutate({ id: project.id }),
          )
        ).appCode,
      ).toBe('FORBIDDEN');
    } finally {
      // The experts who may not judge this project stay out of the later tests' pools.
      await h.prisma.expert.updateMany({
        where: { id: { in: created } },
        data: { status: 'suspended', statusReason: '测试结束，暂停' },
      });
    }
  });

  it('draws one panel when two officers draw at the same moment', async () => {
    const { project, admin } = await finalReportIn(h);
    const reviewer = await h.officer('reviewer');
    const results = await Promise.allSettled(
      [admin, reviewer].map((who) =>
        who.selection.projects.drawAcceptancePanel.mutate({ id: project.id }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toContain('已抽取验收专家组');
    const report = await h.prisma.projectReport.findUniqueOrThrow({
      where: { projectId_kind: { projectId: project.id, kind: 'final' } },
    });
    expect(await h.prisma.reviewPanel.count({ where: { projectReportId: report.id } })).toBe(1);
    expect(
      await h.prisma.reviewAssignment.count({ where: { panel: { projectReportId: report.id } } }),
    ).toBe(7);
  });

  it('shows the task to the drawn experts only, and the report to those who accepted', async () => {
    const { project, admin, client, attachments } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    const seats = await panelSeats(h, project.id);
    const member = await expertOf(h, seats[0]!.id);
    const other = await expertOf(h, seats[1]!.id);
    const reserve = await expertOf(h, seats[5]!.id);

    const tasks = await member.selection.reviews.mine.query();
    const task = tasks.find((t) => t.assignmentId === member.assignmentId);
    expect(task).toMatchObject({
      kind: 'acceptance',
      kindName: '项目验收',
      callTitle: project.title,
      projectNumber: project.number,
      panelName: '验收专家组',
      status: 'invited',
      statusName: '待确认',
      submissions: 1,
      sheets: 0,
    });
    // A reserve has no task until a place comes to them.
    expect(
      (await reserve.selection.reviews.mine.query()).some(
        (t) => t.assignmentId === reserve.assignmentId,
      ),
    ).toBe(false);

    // Nobody reads another's task: not another member, not the lead unit, not someone new.
    const stranger = await h.applicant();
    for (const who of [other, client, stranger]) {
      expect(
        (
          await failure(() =>
            who.selection.reviews.acceptance.query({ assignmentId: member.assignmentId }),
          )
        ).appCode,
      ).toBe('NOT_FOUND');
      expect(
        (
          await failure(() =>
            who.selection.reviews.verdict.mutate({
              assignmentId: member.assignmentId,
              sheet: sheetFor('pass'),
            }),
          )
        ).appCode,
      ).toBe('NOT_FOUND');
    }
    // An acceptance task is not a call panel's.
    expect(
      (
        await failure(() =>
          member.selection.reviews.panel.query({ assignmentId: member.assignmentId }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
    // Before accepting: neither the report nor its files.
    const before = await failure(() =>
      member.selection.reviews.acceptance.query({ assignmentId: member.assignmentId }),
    );
    expect(before).toMatchObject({
      appCode: 'FORBIDDEN',
      message: '确认参加验收后才能查看结题验收报告',
    });
    const canRead = applicantFileAccess(h.db);
    const caller = async (who: { assignmentId: string }): Promise<ApplicantCaller> => {
      const a = await h.prisma.reviewAssignment.findUniqueOrThrow({
        where: { id: who.assignmentId },
        include: { expert: { include: { user: true } } },
      });
      return {
        kind: 'applicant',
        userId: a.expert.userId,
        sessionId: 'test',
        openid: a.expert.user.openid ?? '',
      };
    };
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: attachments[0]!.fileId },
    });
    expect(await canRead(await caller(member), file)).toBe(false);

    await member.selection.reviews.respond.mutate({
      assignmentId: member.assignmentId,
      accept: true,
    });
    const view = await member.selection.reviews.acceptance.query({
      assignmentId: member.assignmentId,
    });
    expect(view).toMatchObject({
      panelName: '验收专家组',
      closed: false,
      complete: false,
      project: {
        number: project.number,
        title: project.title,
        organisationName: project.organisationName,
        team: [{ unitName: '宿州学院', personName: null, part: '关键技术研究与人才培养' }],
        contract: { cityFundsFen: project.contract.cityFundsFen },
      },
      report: {
        kindName: '结题验收报告',
        submissions: 1,
        superseded: false,
        body: { summary: reportBody().summary, cityFundsSpentFen: reportBody().cityFundsSpentFen },
      },
      mine: null,
      conclusion: null,
    });
    expect(view.report.attachments.map((f) => f.fileId)).toEqual(attachments.map((a) => a.fileId));
    expect(view.project.contract.milestones).toHaveLength(2);
    // Accepted: the report's files open to them, and to no other expert of the panel.
    expect(await canRead(await caller(member), file)).toBe(true);
    expect(await canRead(await caller(other), file)).toBe(false);
    expect(await canRead(await caller(reserve), file)).toBe(false);
  });

  it('fills declined and recused places from the reserves in the order drawn, then by a top-up draw', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    const seats = await panelSeats(h, project.id);
    const [first, second] = [await expertOf(h, seats[0]!.id), await expertOf(h, seats[1]!.id)];

    const noReason = await failure(() =>
      first.selection.reviews.respond.mutate({ assignmentId: first.assignmentId, accept: false }),
    );
    expect(noReason.fieldErrors).toEqual({ reason: ['请说明不能参加的原因'] });
    const declined = await first.selection.reviews.respond.mutate({
      assignmentId: first.assignmentId,
      accept: false,
      reason: '验收期间在外地出差',
    });
    // An acceptance panel's place waits for the bureau: no reserve is invited yet.
    expect(declined).toEqual({ status: 'declined', replacedByReserve: false });
    let p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel?.members.map((m) => m.statusName)).toEqual([
      '已谢绝',
      '待接受',
      '待接受',
      '待接受',
      '待接受',
      '备选',
      '备选',
    ]);
    expect(p.acceptance?.panel?.members[0]?.declineReason).toBe('验收期间在外地出差');
    expect(p.acceptance?.panel?.conclusion.vacancies).toBe(1);

    // The second accepts and recuses: a declared conflict voids the place too.
    await second.selection.reviews.respond.mutate({
      assignmentId: second.assignmentId,
      accept: true,
    });
    const recused = await second.selection.reviews.verdict.mutate({
      assignmentId: second.assignmentId,
      sheet: sheetFor('conflict'),
    });
    expect(recused.mine).toMatchObject({ conflict: true, verdict: null });
    const undo = await failure(() =>
      second.selection.reviews.verdict.mutate({
        assignmentId: second.assignmentId,
        sheet: sheetFor('pass'),
      }),
    );
    expect(undo).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '您已申明回避，不能再提出验收意见',
    });

    p = await admin.selection.projects.fillAcceptancePanel.mutate({ id: project.id });
    expect(p.acceptance?.panel?.members.map((m) => m.statusName)).toEqual([
      '已谢绝',
      '回避',
      '待接受',
      '待接受',
      '待接受',
      '待接受',
      '待接受',
    ]);
    expect(p.acceptance?.panel?.members[1]?.conflictReason).toBe(
      '本人近三年与承担单位有合作研究项目',
    );
    const nothingOpen = await failure(() =>
      admin.selection.projects.fillAcceptancePanel.mutate({ id: project.id }),
    );
    expect(nothingOpen.message).toBe(
      '没有需要递补的名额：被邀请的专家尚未全部答复，或专家组已满员',
    );

    // Another declines: the reserves are spent and the field has no one left to draw.
    const third = await expertOf(h, seats[2]!.id);
    await third.selection.reviews.respond.mutate({
      assignmentId: third.assignmentId,
      accept: false,
      reason: '身体原因',
    });
    const spent = await failure(() =>
      admin.selection.projects.fillAcceptancePanel.mutate({ id: project.id }),
    );
    expect(spent.appCode).toBe('PANEL_POOL_TOO_SMALL');
    expect(spent.message).toContain('备选专家已用完');

    // A new expert of the field joins the pool: a top-up draw, its seed recorded, invites them.
    const stamps = { createdAt: h.clock.now, updatedAt: h.clock.now };
    const newcomer = await h.prisma.expert.create({
      data: {
        name: '新入库专家',
        mobile: '13955591234',
        title: 'professor',
        unitName: '中国科学技术大学',
        fieldCodes: ['low-carbon-energy'],
        subFieldCodes: [],
        expertise: '氢能与燃料电池',
        conflicts: [],
        status: 'active',
        ...stamps,
        user: {
          create: {
            kind: 'APPLICANT',
            openid: 'acceptance-newcomer',
            displayName: '新入库专家',
            ...stamps,
          },
        },
      },
    });
    try {
      p = await admin.selection.projects.fillAcceptancePanel.mutate({ id: project.id });
      const members = p.acceptance?.panel?.members ?? [];
      expect(members).toHaveLength(8);
      expect(members[7]).toMatchObject({ name: '新入库专家', statusName: '待接受', position: 7 });
      expect(p.acceptance?.panel?.seeds).toHaveLength(2);
      const fills = await h.prisma.auditLog.findMany({
        where: { action: 'project.acceptance.fill', objectId: project.id },
        orderBy: { id: 'asc' },
      });
      expect(fills.map((f) => f.details)).toMatchObject([
        { vacancies: 2, invited: 2, fromReserves: [members[5]?.name, members[6]?.name] },
        {
          vacancies: 1,
          invited: 1,
          fromReserves: [],
          seed: p.acceptance?.panel?.seeds[1],
          pool: 1,
        },
      ]);
    } finally {
      // The newcomer stays out of the later tests' pools.
      await h.prisma.expert.update({
        where: { id: newcomer.id },
        data: { status: 'suspended', statusReason: '测试结束，暂停' },
      });
    }
  });

  it('waits for the panel, keeps verdicts hidden until it is complete, and asks for a reason to depart from it', async () => {
    const { project, admin, client } = await finalReportIn(h);
    const early = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: project.id,
        kind: 'final',
        expectedVersion: project.version,
        outcome: 'pass',
      }),
    );
    expect(early).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '请先抽取验收专家组；专家组意见汇齐后才能审查结题验收报告',
    });
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['pass', 'pass', 'revise', 'pass']);

    let p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel?.conclusion).toMatchObject({
      complete: false,
      awaitingAnswer: 1,
      tally: null,
      explanation: '专家组意见尚未汇齐：1位专家尚未确认是否参加。',
    });
    expect(p.acceptance?.panel?.members.filter((m) => m.answered)).toHaveLength(4);
    expect(
      p.acceptance?.panel?.members.every((m) => m.verdict === null && m.comment === null),
    ).toBe(true);
    const waiting = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: project.id,
        kind: 'final',
        expectedVersion: p.version,
        outcome: 'pass',
      }),
    );
    expect(waiting).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message:
        '验收专家组意见汇齐后才能审查结题验收报告。专家组意见尚未汇齐：1位专家尚未确认是否参加。',
    });
    // An expert who answered sees their own verdict only, and may still change it.
    const seats = await panelSeats(h, project.id);
    const first = await expertOf(h, seats[0]!.id);
    let view = await first.selection.reviews.acceptance.query({ assignmentId: first.assignmentId });
    expect(view.mine).toMatchObject({ conflict: false, verdict: 'pass', verdictName: '通过' });
    expect(view.conclusion).toBeNull();
    const bare = await failure(() =>
      first.selection.reviews.verdict.mutate({
        assignmentId: first.assignmentId,
        sheet: { conflict: 'none', verdict: 'fail' },
      }),
    );
    expect(bare).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: { comment: ['选择“需整改”或“不通过”的，须填写验收意见说明理由'] },
    });

    // The fifth member completes the panel: 通过3、需整改2 → the majority is 通过.
    await answerAll(h, project.id, ['revise']);
    view = await first.selection.reviews.acceptance.query({ assignmentId: first.assignmentId });
    expect(view.complete).toBe(true);
    expect(view.conclusion).toMatchObject({
      tally: { pass: 3, revise: 2, fail: 0 },
      majority: 'pass',
      explanation: '有效意见5份（通过3、需整改2、不通过0），多数意见为“通过”。',
    });
    expect(view.conclusion?.verdicts.filter((v) => v.mine)).toHaveLength(1);
    expect(view.conclusion?.verdicts.map((v) => v.verdictName).sort()).toEqual(
      ['通过', '通过', '通过', '需整改', '需整改'].sort(),
    );
    const late = await failure(() =>
      first.selection.reviews.verdict.mutate({
        assignmentId: first.assignmentId,
        sheet: sheetFor('fail'),
      }),
    );
    expect(late.message).toBe('验收专家组意见已汇齐，不能再修改');

    p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel).toMatchObject({
      statusName: '意见已汇齐',
      conclusion: { complete: true, majority: 'pass', majorityName: '通过' },
    });
    expect(p.acceptance?.panel?.members.slice(0, 5).map((m) => m.verdictName)).toEqual([
      '通过',
      '通过',
      '需整改',
      '通过',
      '需整改',
    ]);
    expect(p.acceptance?.panel?.members[2]?.comment).toBe('公斤级制备批次一致性未达标。');

    // Returning the report departs from the majority: only with a reason.
    const noReason = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: project.id,
        kind: 'final',
        expectedVersion: p.version,
        outcome: 'return',
        comment: '请补充专项审计报告',
      }),
    );
    expect(noReason).toMatchObject({
      appCode: 'DEPARTURE_REASON_REQUIRED',
      message: '审查结论“退回修改”与验收专家组多数意见“通过”不一致，须写明理由',
      fieldErrors: {
        departureReason: ['审查结论“退回修改”与验收专家组多数意见“通过”不一致，须写明理由'],
      },
    });
    p = await admin.selection.projects.reviewReport.mutate({
      id: project.id,
      kind: 'final',
      expectedVersion: p.version,
      outcome: 'return',
      comment: '请补充专项审计报告',
      departureReason: '专项审计报告缺失，按规定须补齐后方可通过验收',
    });
    expect(p.reports.find((r) => r.kind === 'final')?.status).toBe('returned');
    expect(p.acceptance).toMatchObject({
      reportRound: 1,
      drawable: false,
      panel: {
        closed: true,
        statusName: '已结束',
        departureReason: '专项审计报告缺失，按规定须补齐后方可通过验收',
      },
    });
    const review = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: 'project.report.review', objectId: project.id },
      orderBy: { id: 'desc' },
    });
    expect(review.details).toMatchObject({
      reportKind: 'final',
      outcome: 'return',
      panelVerdicts: '通过3、需整改2、不通过0',
      panelMajority: '通过',
      departureReason: '专项审计报告缺失，按规定须补齐后方可通过验收',
    });
    // The experts' tasks end with the panel.
    const task = (await first.selection.reviews.mine.query()).find(
      (t) => t.assignmentId === first.assignmentId,
    );
    expect(task).toMatchObject({ panelClosed: true, sheets: 1 });

    // Submitted again: a new panel for the new submission, and the decision follows its majority.
    const files = p.reports.find((r) => r.kind === 'final')?.attachments ?? [];
    const again = await client.selection.projects.submitReport.mutate({
      id: project.id,
      expectedVersion: p.version,
      kind: 'final',
      body: reportBody(),
      attachments: files.map((f) => ({ kind: f.kind, fileId: f.fileId })),
    });
    p = await admin.selection.projects.byId.query({ id: again.id });
    expect(p.acceptance).toMatchObject({ reportRound: 2, drawable: true, panel: null });
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['pass', 'pass', 'pass', 'conflict', 'fail']);
    p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel?.conclusion).toMatchObject({
      complete: true,
      valid: 4,
      conflicts: 1,
      majority: 'pass',
    });
    p = await admin.selection.projects.reviewReport.mutate({
      id: project.id,
      kind: 'final',
      expectedVersion: p.version,
      outcome: 'pass',
      // Not a departure: the reason is not asked for, and not kept.
      departureReason: '无',
    });
    expect(p).toMatchObject({ status: 'completed', statusName: '已验收' });
    expect(p.acceptance?.panel).toMatchObject({ round: 2, closed: true, departureReason: null });
    expect(p.tranches[2]?.application?.status).toBe('bureau-review');
    const expertSteps = await h.prisma.auditLog.findMany({
      where: { objectId: project.id, action: { startsWith: 'project.acceptance.' } },
      select: { action: true, details: true },
    });
    expect(expertSteps.filter((a) => a.action === 'project.acceptance.verdict')).toHaveLength(9);
    expect(
      expertSteps.filter((a) => a.action === 'project.acceptance.declare-conflict'),
    ).toHaveLength(1);
    expect(expertSteps.filter((a) => a.action === 'project.acceptance.accept')).toHaveLength(10);
    // No verdict is in the log before the panel is complete; the completing one has the tally.
    const verdicts = expertSteps.filter((a) => a.action === 'project.acceptance.verdict');
    expect(verdicts.filter((a) => JSON.stringify(a.details).includes('通过'))).toHaveLength(2);
  });

  it('needs a reason for any outcome when the panel has no majority', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['pass', 'revise', 'fail', 'conflict', 'pass']);
    const p = await admin.selection.projects.byId.query({ id: project.id });
    // 4 valid: 通过2、需整改1、不通过1 — 2 × 2 = 4 is not more than 4.
    expect(p.acceptance?.panel?.conclusion).toMatchObject({
      complete: true,
      majority: null,
      explanation: '有效意见4份（通过2、需整改1、不通过1；1位专家回避），没有过半数的意见。',
    });
    const refused = await failure(() =>
      admin.selection.projects.reviewReport.mutate({
        id: project.id,
        kind: 'final',
        expectedVersion: p.version,
        outcome: 'pass',
      }),
    );
    expect(refused.message).toBe('验收专家组没有过半数的意见，须写明审查结论“通过”的理由');
    const failed = await admin.selection.projects.reviewReport.mutate({
      id: project.id,
      kind: 'final',
      expectedVersion: p.version,
      outcome: 'fail',
      comment: '关键指标未完成',
      departureReason: '专家组意见分歧，经局务会研究认定关键指标未完成',
    });
    expect(failed.status).toBe('terminated');
    expect(failed.acceptance?.panel?.departureReason).toBe(
      '专家组意见分歧，经局务会研究认定关键指标未完成',
    );
  });

  it('closes a panel still reviewing when the bureau ends the project', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    const seats = await panelSeats(h, project.id);
    const member = await expertOf(h, seats[0]!.id);
    await member.selection.reviews.respond.mutate({
      assignmentId: member.assignmentId,
      accept: true,
    });
    const ended = await admin.selection.projects.terminate.mutate({
      id: project.id,
      expectedVersion: project.version,
      terminationReason: 'breach',
      reason: '承担单位擅自改变资金用途，经核查属实',
    });
    expect(ended.acceptance?.panel?.closed).toBe(true);
    const late = await failure(() =>
      member.selection.reviews.verdict.mutate({
        assignmentId: member.assignmentId,
        sheet: sheetFor('pass'),
      }),
    );
    expect(late.appCode).toBe('PANEL_CLOSED');
    const invited = await expertOf(h, seats[1]!.id);
    expect(
      (await invited.selection.reviews.mine.query()).some(
        (t) => t.assignmentId === invited.assignmentId,
      ),
    ).toBe(false);
  });

  /** The 验收专家组意见已汇齐 messages written about `projectId`, with whom they went to. */
  async function completeMessages(projectId: string) {
    return h.prisma.notification.findMany({
      where: { kind: 'selection.acceptance-complete', linkId: projectId },
      include: { user: { select: { username: true } } },
    });
  }
  /** The bureau's officers: both administrators (admin, leader) and the reviewer. */
  const BUREAU = ['admin', 'leader', 'reviewer'];
  const recipients = async (projectId: string) =>
    (await completeMessages(projectId)).map((m) => m.user.username).sort();

  it('tells the bureau’s officers once when the last verdict completes the panel, and nothing of the verdicts', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['fail', 'fail', 'revise', 'fail']);
    expect(await completeMessages(project.id)).toEqual([]);

    // The fifth verdict completes it: the officers who review the final report are told, once.
    await answerAll(h, project.id, ['fail']);
    expect(await recipients(project.id)).toEqual(BUREAU);
    const reviewer = await h.officer('reviewer');
    const [message] = (await reviewer.notifications.mine.query()).items.filter(
      (m) => m.link?.id === project.id,
    );
    expect(message).toMatchObject({
      kind: 'selection.acceptance-complete',
      title: '验收专家组意见已汇齐',
      body: `项目“${project.title}”（${project.number}）的验收专家组已全部提交意见，可以审查结题验收报告`,
      link: { page: 'project', id: project.id },
    });
    // Nothing tells the outcome: no verdict, no count, no majority.
    expect(`${message?.title}${message?.body}`).not.toMatch(/通过|整改|不通过|多数|\d份/);
    // Area officers and finance do not review final reports.
    for (const who of ['yongqiao', 'finance'])
      expect((await (await h.officer(who)).notifications.mine.query()).items).not.toContainEqual(
        expect.objectContaining({ kind: 'selection.acceptance-complete' }),
      );

    // A change tried afterwards is refused, and tells nobody again; nor does the decision.
    const first = await expertOf(h, (await panelSeats(h, project.id))[0]!.id);
    const late = await failure(() =>
      first.selection.reviews.verdict.mutate({
        assignmentId: first.assignmentId,
        sheet: sheetFor('pass'),
      }),
    );
    expect(late.message).toBe('验收专家组意见已汇齐，不能再修改');
    const p = await admin.selection.projects.byId.query({ id: project.id });
    await admin.selection.projects.reviewReport.mutate({
      id: project.id,
      kind: 'final',
      expectedVersion: p.version,
      outcome: 'fail',
      comment: '关键指标未完成',
    });
    expect(await recipients(project.id)).toEqual(BUREAU);
  });

  it('tells the bureau once when the last two experts answer at the same moment', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['pass', 'pass', 'pass']);
    const last = (await panelSeats(h, project.id)).filter((s) => s.status === 'invited');
    const experts = await Promise.all(last.map((s) => expertOf(h, s.id)));
    for (const e of experts)
      await e.selection.reviews.respond.mutate({ assignmentId: e.assignmentId, accept: true });
    await Promise.all(
      experts.map((e, i) =>
        e.selection.reviews.verdict.mutate({
          assignmentId: e.assignmentId,
          sheet: sheetFor(i === 0 ? 'pass' : 'revise'),
        }),
      ),
    );
    const p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel?.conclusion.complete).toBe(true);
    expect(await recipients(project.id)).toEqual(BUREAU);
  });

  it('tells the bureau when the last invited expert’s decline completes the panel', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    // Four verdicts are in, enough (at least 3 valid): the fifth member's decline completes it.
    await answerAll(h, project.id, ['pass', 'pass', 'pass', 'revise']);
    expect(await completeMessages(project.id)).toEqual([]);
    const fifth = await expertOf(
      h,
      (await panelSeats(h, project.id)).find((s) => s.status === 'invited')!.id,
    );
    await fifth.selection.reviews.respond.mutate({
      assignmentId: fifth.assignmentId,
      accept: false,
      reason: '验收期间在外地出差',
    });
    const p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel?.conclusion).toMatchObject({ complete: true, valid: 4 });
    expect(await recipients(project.id)).toEqual(BUREAU);
  });

  it('tells the bureau once when the last verdict and the last decline come at the same moment', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['pass', 'pass', 'revise']);
    const [fourth, fifth] = await Promise.all(
      (await panelSeats(h, project.id))
        .filter((s) => s.status === 'invited')
        .map((s) => expertOf(h, s.id)),
    );
    await fourth!.selection.reviews.respond.mutate({
      assignmentId: fourth!.assignmentId,
      accept: true,
    });
    // Whichever comes second completes the panel, and sees the first: neither misses it.
    await Promise.all([
      fourth!.selection.reviews.verdict.mutate({
        assignmentId: fourth!.assignmentId,
        sheet: sheetFor('pass'),
      }),
      fifth!.selection.reviews.respond.mutate({
        assignmentId: fifth!.assignmentId,
        accept: false,
        reason: '验收期间在外地出差',
      }),
    ]);
    const p = await admin.selection.projects.byId.query({ id: project.id });
    expect(p.acceptance?.panel?.conclusion).toMatchObject({ complete: true, valid: 4 });
    expect(await recipients(project.id)).toEqual(BUREAU);
  });

  it('tells each expert’s task list when the panel is complete or closed, and refuses changes from then on', async () => {
    const { project, admin } = await finalReportIn(h);
    await admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id });
    await answerAll(h, project.id, ['pass', 'conflict', 'pass', 'pass']);
    const seats = await panelSeats(h, project.id);
    const [first, recused] = [await expertOf(h, seats[0]!.id), await expertOf(h, seats[1]!.id)];
    const taskOf = async (e: typeof first) =>
      (await e.selection.reviews.mine.query()).find((t) => t.assignmentId === e.assignmentId);

    // Still forming: the verdict may be changed; the recused expert's part is over.
    expect(await taskOf(first)).toMatchObject({
      sheets: 1,
      panelClosed: false,
      panelComplete: false,
      conflictDeclared: false,
    });
    expect(await taskOf(recused)).toMatchObject({ sheets: 1, conflictDeclared: true });
    await first.selection.reviews.verdict.mutate({
      assignmentId: first.assignmentId,
      sheet: sheetFor('revise'),
    });

    // The fifth verdict completes the panel: no change any more, and the task says so.
    await answerAll(h, project.id, ['pass']);
    expect(await taskOf(first)).toMatchObject({ panelClosed: false, panelComplete: true });
    const complete = await failure(() =>
      first.selection.reviews.verdict.mutate({
        assignmentId: first.assignmentId,
        sheet: sheetFor('pass'),
      }),
    );
    expect(complete).toMatchObject({
      appCode: 'INVALID_TRANSITION',
      message: '验收专家组意见已汇齐，不能再修改',
    });

    // The bureau decides: the panel closes, and a change is refused as closed.
    const p = await admin.selection.projects.byId.query({ id: project.id });
    await admin.selection.projects.reviewReport.mutate({
      id: project.id,
      kind: 'final',
      expectedVersion: p.version,
      outcome: 'pass',
    });
    expect(await taskOf(first)).toMatchObject({ panelClosed: true, panelComplete: true });
    const closed = await failure(() =>
      first.selection.reviews.verdict.mutate({
        assignmentId: first.assignmentId,
        sheet: sheetFor('pass'),
      }),
    );
    expect(closed).toMatchObject({
      appCode: 'PANEL_CLOSED',
      message: '本次验收已结束，验收意见不能再修改',
    });
  });

  it('leaves out last year’s reviewers of the lead unit (the call’s five scorers, a year on)', async () => {
    const { project } = await finalReportIn(h);
    // The call's panel scored this lead unit in 2027; drawn in 2028, those five are left out.
    h.clock.now = new Date('2028-01-05T02:00:00Z');
    const admin = await h.officer('admin');
    const refused = await failure(() =>
      admin.selection.projects.drawAcceptancePanel.mutate({ id: project.id }),
    );
    expect(refused.appCode).toBe('PANEL_POOL_TOO_SMALL');
    expect(refused.message).toMatch(/领域专家只有2人，不足验收专家组的5人，请先扩充专家库$/);
    // A mid-term report never has a panel: nothing to draw before the final report.
    expect(
      await h.prisma.reviewPanel.count({
        where: { kind: 'acceptance', projectReport: { kind: 'mid-term' } },
      }),
    ).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmApplicant } from './awards-support';

/**
 * 合作确认 (issue 14): the member units of a team submission confirm their part. A unit on the
 * platform is matched when the lead saves, asked, and answers through its administrator; the
 * answer survives the lead saving the same team again.
 */
describe('team confirmations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-10T02:00:00Z') });
  });
  afterAll(() => h.close());

  it('asks the member organisation, which declines with a reason, then confirms; the lead sees each answer', async () => {
    const admin = await h.officer('admin');
    const draft = await admin.selection.calls.create.mutate({
      programme: 'key-project',
      year: 2027,
      title: '2027年度未来产业重点科技项目（揭榜挂帅）',
      guide: '面向低碳能源领域关键技术，企业牵头联合高校、科研院所申报，择优立项支持。',
      applyFrom: '2027-03-01',
      applyUntil: '2027-03-31',
    });
    const call = await admin.selection.calls.advance.mutate({
      id: draft.id,
      expectedVersion: draft.version,
      action: 'publish',
    });
    const lead = await firmApplicant(h, 'yongqiao');
    const member = await firmApplicant(h, 'sz-hitech');
    const outsider = await firmApplicant(h, 'dangshan');
    const team = [
      {
        unitName: member.org.name,
        unitCreditCode: member.org.creditCode,
        personName: '李华',
        part: '电解质材料中试工艺',
      },
      { unitName: '某省外研究院', part: '检测分析' },
    ];
    const form = {
      projectName: '固态电池电解质中试',
      fieldCode: 'low-carbon-energy',
      goals: '攻克硫化物电解质规模化制备工艺，建成百吨级中试线，申请发明专利五件以上。',
      cityFundsFen: 300_000_000n,
      ownFundsFen: 300_000_000n,
      months: 24,
    };
    const saved = await lead.client.selection.submissions.save.mutate({
      callId: call.id,
      title: '固态电池电解质中试',
      form,
      team,
    });
    expect(saved.team.map((m) => [m.onPlatform, m.confirmed])).toEqual([
      [true, false],
      [false, false],
    ]);
    // The member organisation is told once; the unit not on the platform cannot be.
    const asked = await h.prisma.notification.count({
      where: { userId: member.userId, kind: 'selection.team-request' },
    });
    expect(asked).toBe(1);

    const [request] = await member.client.selection.team.requests.query();
    expect(request).toMatchObject({
      submissionNumber: saved.number,
      leadName: lead.org.name,
      part: '电解质材料中试工艺',
      personName: '李华',
      answer: 'pending',
      answerName: '待确认',
      answerable: true,
    });
    expect(await outsider.client.selection.team.requests.query()).toEqual([]);
    // Someone else's part answers like a missing one.
    expect(
      (
        await failure(() =>
          outsider.client.selection.team.answer.mutate({
            memberId: request!.memberId,
            confirm: true,
          }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    const noReason = await failure(() =>
      member.client.selection.team.answer.mutate({ memberId: request!.memberId, confirm: false }),
    );
    expect(noReason.fieldErrors?.reason).toEqual(['请说明不能承担的原因']);
    await member.client.selection.team.answer.mutate({
      memberId: request!.memberId,
      confirm: false,
      reason: '中试线排期已满，年内无法承担',
    });
    const declinedNote = await h.prisma.notification.findFirstOrThrow({
      where: { userId: lead.userId, kind: 'selection.team-declined' },
    });
    expect(declinedNote.body).toContain('中试线排期已满，年内无法承担');

    // Saving the same team again keeps the answer, and asks nobody again.
    const again = await lead.client.selection.submissions.save.mutate({
      callId: call.id,
      expectedVersion: saved.version,
      title: '固态电池电解质中试',
      form,
      team,
    });
    expect(again.team[0]).toMatchObject({
      confirmed: false,
      declineReason: '中试线排期已满，年内无法承担',
    });
    expect(
      await h.prisma.notification.count({
        where: { userId: member.userId, kind: 'selection.team-request' },
      }),
    ).toBe(1);

    // A decline may still become a confirmation; a confirmation is final.
    const [reopened] = await member.client.selection.team.requests.query();
    await member.client.selection.team.answer.mutate({
      memberId: reopened!.memberId,
      confirm: true,
    });
    expect(
      (
        await failure(() =>
          member.client.selection.team.answer.mutate({
            memberId: reopened!.memberId,
            confirm: false,
            reason: '改变主意',
          }),
        )
      ).message,
    ).toBe('您单位已确认承担该任务，不能更改');
    const mine = await lead.client.selection.submissions.mine.query({ callId: call.id });
    expect(mine?.team.map((m) => [m.confirmed, m.declineReason])).toEqual([
      [true, null],
      [false, null],
    ]);
    const audit = await h.prisma.auditLog.findMany({
      where: { objectId: saved.id, action: { startsWith: 'selection.team.' } },
      select: { action: true, details: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'selection.team.confirm',
      'selection.team.decline',
    ]);

    // A changed part is a new question: the answer does not carry over to it.
    const changed = await lead.client.selection.submissions.save.mutate({
      callId: call.id,
      expectedVersion: again.version,
      title: '固态电池电解质中试',
      form,
      team: [{ ...team[0]!, part: '电解质材料中试工艺与量产验证' }, team[1]!],
    });
    expect(changed.team[0]).toMatchObject({ confirmed: false, onPlatform: true });
    expect(
      await h.prisma.notification.count({
        where: { userId: member.userId, kind: 'selection.team-request' },
      }),
    ).toBe(2);
  });
});

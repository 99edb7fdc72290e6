import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscribeMessage } from '../../src/auth/wechat';
import { acceptingWeChat } from './wechat-fake';
import { dbDate } from '../../src/dates';
import type { JobDeps, JobQueue } from '../../src/jobs';
import { createJobQueue } from '../../src/jobs';
import { notifyEndedNotices } from '../../src/jobs/notice-ended';
import { findReminders, keyedId, scanDeadlines, sendReminder } from '../../src/jobs/reminders';
import { pushNotification } from '../../src/jobs/subscribe-message';
import { silentLogger } from '../../src';
import { SCENARIO_EVIDENCE, firmApplicant, scenarioInput } from '../awards-support';
import type { Harness } from '../harness';
import { createHarness } from '../harness';
import { storedFile, vpFirm, vpResearcher } from '../vp-support';

/**
 * Reminders before deadlines and the notice-ended message, run by hand (no worker): the scan is
 * called twice, as a re-run or a second instance would, and each job is run twice, as a retry
 * after a crash would. One message, one push, whatever happens.
 */
describe('deadline reminders and ended notices', () => {
  let h: Harness;
  let queue: JobQueue;
  let deps: JobDeps;
  const sent: SubscribeMessage[] = [];
  const wechat = acceptingWeChat(sent);
  const shanghai = (day: string) => new Date(`${day}T10:00:00+08:00`);

  beforeAll(async () => {
    h = await createHarness();
    queue = createJobQueue(h.db, { log: silentLogger });
    await queue.start();
    deps = {
      db: h.db,
      wechat,
      log: silentLogger,
      now: () => h.clock.now,
      queue,
      config: { subscribeTemplates: { reminder: 'tmpl-reminder' }, reminderDays: 3 },
    };
  }, 60_000);
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await h?.close();
  });

  /** Runs the queued reminders and their pushes as a worker would, each job twice. */
  async function runQueued() {
    await queue.runOnce('deadline-reminder', async (data) => {
      await sendReminder(deps, data);
      return sendReminder(deps, data);
    });
    await queue.runOnce('subscribe-message', async (data, meta) => {
      await pushNotification(deps, data, meta);
      return pushNotification(deps, data, meta);
    });
  }

  it('a notice ending within 3 days reminds each bureau officer once, however often it is scanned', async () => {
    h.clock.now = shanghai('2026-12-07');
    const admin = await h.prisma.user.findFirstOrThrow({ where: { username: 'admin' } });
    const batch = await h.prisma.noticeBatch.create({
      data: {
        number: 'GS-2026-9001',
        title: '测试公示',
        status: 'published',
        publishedOn: dbDate('2026-12-01'),
        endsOn: dbDate('2026-12-09'),
        workingDays: 5,
        createdBy: admin.id,
        createdAt: h.clock.now,
        publishedBy: admin.id,
        publishedAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    const officers = await h.prisma.user.count({
      where: {
        kind: 'OFFICER',
        disabled: false,
        role: { in: ['BUREAU_ADMIN', 'BUREAU_REVIEWER'] },
      },
    });
    const first = await scanDeadlines(deps);
    const second = await scanDeadlines(deps);
    expect(first.enqueued).toBeGreaterThanOrEqual(officers);
    expect(second.enqueued).toBe(0);
    await runQueued();
    const notes = await h.prisma.notification.findMany({
      where: { kind: 'reminder.notice-ending' },
    });
    expect(notes).toHaveLength(officers);
    expect(notes[0]!.body).toBe(
      `公示批次${batch.number}于2026-12-09 24时期满，期满后请处理异议并结束公示`,
    );
    // Officers have no WeChat: nothing pushed, recorded as skipped.
    expect(notes.every((n) => n.pushStatus === 'skipped')).toBe(true);
    // Not before the window: 4 days out there is nothing to remind of.
    h.clock.now = shanghai('2026-12-05');
    expect((await findReminders(deps)).filter((r) => r.key.startsWith('notice-end'))).toEqual([]);
  });

  it('after the period the bureau is told once to close it, with the objections that wait', async () => {
    h.clock.now = shanghai('2026-12-10');
    await notifyEndedNotices(deps);
    await notifyEndedNotices(deps);
    const notes = await h.prisma.notification.findMany({ where: { kind: 'notice.period-ended' } });
    const officers = await h.prisma.user.count({
      where: {
        kind: 'OFFICER',
        disabled: false,
        role: { in: ['BUREAU_ADMIN', 'BUREAU_REVIEWER'] },
      },
    });
    expect(notes).toHaveLength(officers);
    expect(notes[0]!.body).toBe('公示批次GS-2026-9001已期满且无待处理异议，请核对后结束公示');
    // The notice itself stays open: closing is the bureau's decision.
    const batch = await h.prisma.noticeBatch.findUniqueOrThrow({
      where: { number: 'GS-2026-9001' },
    });
    expect(batch.status).toBe('published');
  });

  it('a draft whose application window closes soon reminds its applicant once, pushed once', async () => {
    h.clock.now = shanghai('2026-12-31');
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    // Selected 2026-01-02: the 365-day window closes 2027-01-02, two days from "today".
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: { ...scenarioInput(), selectedOn: '2026-01-02' },
      evidence,
    });
    await scanDeadlines(deps);
    await scanDeadlines(deps);
    await runQueued();
    const notes = await h.prisma.notification.findMany({
      where: { kind: 'reminder.application-window', userId: firm.userId },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      title: '申请期限即将届满',
      linkPage: 'application',
      linkId: draft.id,
      pushStatus: 'sent',
    });
    expect(notes[0]!.body).toContain('最迟须于2027-01-02提交');
    const pushed = sent.filter((m) => m.templateId === 'tmpl-reminder');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.data).toMatchObject({
      thing1: '申请期限即将届满',
      time3: '2026-12-31 10:00',
    });
  });

  it("an active 科技副总 without this month's work log is reminded in the last days of the month", async () => {
    const firm = await vpFirm(h);
    const researcher = await vpResearcher(h);
    const admin = await h.prisma.user.findFirstOrThrow({ where: { username: 'admin' } });
    const now = h.clock.now;
    const call = await h.prisma.vpCall.create({
      data: {
        number: 'FZ-2026-9001',
        year: 2026,
        title: '测试批次',
        settingsVersion: 'vp-2026-01',
        needsDeadline: dbDate('2026-06-01'),
        applicationsDeadline: dbDate('2026-06-15'),
        referenceDate: dbDate('2026-06-01'),
        status: 'collecting',
        createdBy: admin.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    const need = await h.prisma.vpNeed.create({
      data: {
        callId: call.id,
        organisationId: firm.org.id,
        areaCode: 'yongqiao',
        title: '燃料电池膜电极',
        fieldCode: 'low-carbon-energy',
        problem: '膜电极寿命不足',
        expertiseWanted: '膜电极制备',
        daysPerYear: 60,
        positions: 1,
        createdAt: now,
        updatedAt: now,
      },
    });
    const candidate = await h.prisma.vpCandidate.create({
      data: {
        callId: call.id,
        researcherId: researcher.researcher.id,
        institutionKind: 'university',
        employment: 'full-time',
        achievements: '发表论文',
        capacity: 1,
        institutionName: '宿州学院',
        expertise: '膜电极',
        createdAt: now,
        updatedAt: now,
      },
    });
    const file = await storedFile(h, researcher.userId);
    const secondment = await h.prisma.vpSecondment.create({
      data: {
        callId: call.id,
        needId: need.id,
        candidateId: candidate.id,
        organisationId: firm.org.id,
        researcherId: researcher.researcher.id,
        areaCode: 'yongqiao',
        score: 80,
        status: 'active',
        agreementFileId: file,
        agreementAt: now,
        startDate: dbDate('2026-07-01'),
        endDate: dbDate('2028-06-30'),
        createdAt: now,
        updatedAt: now,
      },
    });
    // 2026-12-27: the December log is due on the 31st, four days out: too early.
    h.clock.now = shanghai('2026-12-27');
    const early = await findReminders(deps);
    expect(early.some((r) => r.key.startsWith('vp-work-log'))).toBe(false);
    h.clock.now = shanghai('2026-12-29');
    await scanDeadlines(deps);
    await scanDeadlines(deps);
    await runQueued();
    const notes = await h.prisma.notification.findMany({
      where: { kind: 'reminder.vp-work-log', userId: researcher.userId },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: keyedId(`vp-work-log:${secondment.id}:2026-12:${researcher.userId}`),
      body: '请于2026-12-31前填写2026年12月工作日志',
      linkPage: 'secondment',
    });
    // Once the log is written there is nothing to remind of.
    await h.prisma.vpWorkLog.create({
      data: {
        secondmentId: secondment.id,
        month: '2026-12',
        daysOnSite: 8,
        activities: '协助企业完成膜电极中试工艺验证',
        createdBy: researcher.userId,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      },
    });
    expect((await findReminders(deps)).some((r) => r.key.startsWith('vp-work-log'))).toBe(false);
  });
});

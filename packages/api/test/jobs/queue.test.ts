import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscribeMessage } from '../../src/auth/wechat';
import { subscribeOnlyWeChat } from './wechat-fake';
import type { JobDeps, JobQueue } from '../../src/jobs';
import { createJobQueue, startWorker } from '../../src/jobs';
import { enqueuePushes } from '../../src/jobs/outbox';
import { silentLogger } from '../../src';
import type { Harness } from '../harness';
import { DEMO_PASSWORD, createHarness, failure } from '../harness';
import { SCENARIO_EVIDENCE, firmApplicant, scenarioInput } from '../awards-support';

/**
 * The job queue on the app's own database (PGlite here; PostgreSQL with DATABASE_URL): a real
 * pg-boss worker, retries with back-off, failed jobs in the admin's list, an audited retry.
 */
describe('job queue (pg-boss)', () => {
  let h: Harness;
  let queue: JobQueue;
  const attempts: number[] = [];
  let wechatDown = true;
  const sent: SubscribeMessage[] = [];
  const wechat = subscribeOnlyWeChat(async (message) => {
    attempts.push(Date.now());
    if (wechatDown) throw new Error('connect ECONNREFUSED');
    sent.push(message);
    return { errcode: 0, errmsg: 'ok' };
  });

  beforeAll(async () => {
    h = await createHarness();
    queue = createJobQueue(h.db, {
      log: silentLogger,
      worker: true,
      pollingIntervalSeconds: 0.5,
      retryLimit: 2,
      retryDelaySeconds: 1,
    });
    await queue.start();
    const deps: JobDeps = {
      db: h.db,
      wechat,
      log: silentLogger,
      now: () => h.clock.now,
      queue,
      config: { subscribeTemplates: { progress: 'tmpl-progress' }, reminderDays: 3 },
    };
    await startWorker(deps);
  }, 60_000);
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await h?.close();
  });

  async function message(openid: string) {
    await h.applicant(openid);
    const user = await h.prisma.user.findUniqueOrThrow({ where: { openid } });
    return h.prisma.notification.create({
      data: {
        userId: user.id,
        kind: 'application.approved',
        title: '申请已批准',
        body: '您的申请 KC-2026-0001 已批准',
        createdAt: h.clock.now,
      },
    });
  }

  async function until<T>(what: () => Promise<T | undefined | null | false>, ms = 30_000) {
    const end = Date.now() + ms;
    for (;;) {
      const value = await what();
      if (value) return value;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const withJobs = () => Object.assign({}, h.deps, { jobs: queue });

  /** The applicant's client on an API that has the queue. */
  async function applicantWithJobs(userId: string) {
    const { openid } = await h.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const { token } = await h
      .client()
      .auth.wechatLogin.mutate({ code: h.wechat.issueCode(openid!) });
    return { client: h.client(token, { apiDeps: withJobs() }), openid: openid! };
  }

  async function adminClient() {
    const { token } = await h
      .client()
      .auth.officerLogin.mutate({ username: 'admin', password: DEMO_PASSWORD });
    return h.client(token as string, { apiDeps: withJobs() });
  }

  it('a job that keeps failing is retried with back-off, then failed and listed for the admin', async () => {
    const note = await message('jobs-retry-user');
    await enqueuePushes(queue, [note.id]);
    // Enqueued twice (after commit, then by the scan): still one job, since its id is the message's.
    await enqueuePushes(queue, [note.id]);

    const admin = await adminClient();
    const failed = await until(async () => {
      const page = await admin.jobs.failed.query({});
      return page.items.find((j) => j.id === note.id);
    });
    expect(attempts).toHaveLength(3); // the first try and retryLimit (2) retries
    const [a, b, c] = attempts as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(950); // retryDelay 1 s, then doubled
    expect(c - b).toBeGreaterThanOrEqual(1950);
    expect(failed).toMatchObject({
      queue: 'subscribe-message',
      queueLabel: '微信订阅消息发送',
      attempts: 3,
      subject: expect.stringContaining('申请已批准'),
    });
    expect(failed.error).toContain('微信接口不可达');
    const row = await h.prisma.notification.findUniqueOrThrow({ where: { id: note.id } });
    expect(row.pushStatus).toBe('failed');

    const overview = await admin.jobs.overview.query();
    expect(overview.running).toBe(true);
    expect(overview.queues.find((q) => q.queue === 'subscribe-message')).toMatchObject({
      label: '微信订阅消息发送',
      failed: 1,
    });
    expect(overview.queues.every((q) => /[\u4e00-\u9fff]/.test(q.label))).toBe(true);
  }, 60_000);

  it('the admin retries a failed job (audited); a job that is not failed is refused', async () => {
    const admin = await adminClient();
    const [job] = (await admin.jobs.failed.query({})).items;
    expect(job).toBeDefined();
    // The message is marked failed; retrying the job re-reads it and, once WeChat is back,
    // the row decides: a failed row is not pushed again unless an officer clears it.
    await h.prisma.notification.update({ where: { id: job!.id }, data: { pushStatus: null } });
    wechatDown = false;
    await admin.jobs.retry.mutate({ queue: 'subscribe-message', id: job!.id });
    await until(async () => sent.length === 1);
    await until(async () => (await admin.jobs.failed.query({})).total === 0);
    const audit = await h.prisma.auditLog.findFirst({ where: { action: 'job.retry' } });
    expect(audit).toMatchObject({ objectType: 'job', objectId: job!.id });

    const again = await failure(() =>
      admin.jobs.retry.mutate({ queue: 'subscribe-message', id: job!.id }),
    );
    expect(again).toMatchObject({ appCode: 'INVALID_TRANSITION' });
    expect(again.message).toBe('该任务已不是失败状态，无需重试');
  }, 60_000);

  it('only the bureau admin sees or retries jobs', async () => {
    const { token } = await h
      .client()
      .auth.officerLogin.mutate({ username: 'reviewer', password: DEMO_PASSWORD });
    const reviewer = h.client(token as string, { apiDeps: withJobs() });
    expect((await failure(() => reviewer.jobs.failed.query({}))).appCode).toBe('FORBIDDEN');
    expect((await failure(() => reviewer.jobs.overview.query())).appCode).toBe('FORBIDDEN');
  });

  it('a mutation that writes a message enqueues its push after it commits', async () => {
    wechatDown = false;
    const firm = await firmApplicant(h);
    const { client, openid } = await applicantWithJobs(firm.userId);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    const draft = await client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput(),
      evidence,
    });
    await client.applications.submit.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    const receipt = await h.prisma.notification.findFirstOrThrow({
      where: { userId: firm.userId, linkId: draft.id },
    });
    const pushed = await until(async () => {
      const row = await h.prisma.notification.findUniqueOrThrow({ where: { id: receipt.id } });
      return row.pushStatus;
    });
    expect(pushed).toBe('sent');
    expect(sent.filter((m) => m.openid === openid)).toHaveLength(1);
    expect(sent.at(-1)).toMatchObject({
      templateId: 'tmpl-progress',
      page: 'pages/messages/index',
    });
  }, 60_000);
});

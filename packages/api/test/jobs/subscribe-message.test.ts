import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscribeMessage } from '../../src/auth/wechat';
import { subscribeOnlyWeChat } from './wechat-fake';
import type { JobDeps, JobQueue } from '../../src/jobs';
import { pushNotification } from '../../src/jobs/subscribe-message';
import { silentLogger } from '../../src';
import type { Harness } from '../harness';
import { createHarness } from '../harness';

/** One stored message → at most one WeChat subscribe message; refusals that cannot change are skips. */
describe('subscribe message job', () => {
  let h: Harness;
  let answer: { errcode: number; errmsg: string } | Error = { errcode: 0, errmsg: 'ok' };
  const calls: SubscribeMessage[] = [];
  const wechat = subscribeOnlyWeChat(async (message) => {
    calls.push(message);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  let deps: JobDeps;
  const first = { id: 'x', retryCount: 0, retryLimit: 5 };
  const last = { id: 'x', retryCount: 5, retryLimit: 5 };

  beforeAll(async () => {
    h = await createHarness();
    deps = {
      db: h.db,
      wechat,
      log: silentLogger,
      now: () => h.clock.now,
      queue: {} as JobQueue, // pushing one message enqueues nothing
      config: { subscribeTemplates: { progress: 'tmpl-progress' }, reminderDays: 3 },
    };
  });
  afterAll(() => h?.close());

  let serial = 0;
  async function message(options: { officer?: boolean; title?: string } = {}) {
    const openid = `push-${serial++}-${Date.now()}`;
    if (!options.officer) await h.applicant(openid);
    const user = options.officer
      ? await h.prisma.user.findFirstOrThrow({ where: { username: 'admin' } })
      : await h.prisma.user.findUniqueOrThrow({ where: { openid } });
    return h.prisma.notification.create({
      data: {
        userId: user.id,
        kind: 'application.returned',
        title: options.title ?? '申请被退回修改',
        body: '请按意见补充材料后重新提交',
        createdAt: new Date('2026-11-27T02:05:00Z'),
      },
    });
  }
  const status = async (id: string) =>
    (await h.prisma.notification.findUniqueOrThrow({ where: { id } })).pushStatus;

  it('sends once with the template, page and fields; a second run sends nothing', async () => {
    answer = { errcode: 0, errmsg: 'ok' };
    const note = await message({ title: '关于宿州智慧农业无人机植保应用场景申请的办理结果' });
    expect(await pushNotification(deps, { notificationId: note.id }, first)).toEqual({
      outcome: 'sent',
    });
    expect(await pushNotification(deps, { notificationId: note.id }, first)).toEqual({
      outcome: 'done-before',
      status: 'sent',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      templateId: 'tmpl-progress',
      page: 'pages/messages/index',
      data: {
        thing1: '关于宿州智慧农业无人机植保应用场景申请…',
        thing2: '请按意见补充材料后重新提交',
        time3: '2026-11-27 10:05',
      },
    });
    expect([...calls[0]!.data.thing1!]).toHaveLength(20);
    expect(await status(note.id)).toBe('sent');
  });

  it('43101 (the user has not subscribed) is skipped, not failed, and not retried', async () => {
    answer = { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const note = await message();
    expect(await pushNotification(deps, { notificationId: note.id }, first)).toEqual({
      outcome: 'skipped',
      reason: 'not-subscribed',
    });
    expect(await status(note.id)).toBe('skipped');
  });

  it('no openid (an officer) or no template configured: skipped without calling WeChat', async () => {
    const before = calls.length;
    const officerNote = await message({ officer: true });
    expect(await pushNotification(deps, { notificationId: officerNote.id }, first)).toMatchObject({
      reason: 'no-openid',
    });
    const note = await message();
    const noTemplates = { ...deps, config: { ...deps.config, subscribeTemplates: {} } };
    expect(await pushNotification(noTemplates, { notificationId: note.id }, first)).toMatchObject({
      reason: 'no-template',
    });
    expect(calls.length).toBe(before);
    expect(await status(note.id)).toBe('skipped');
  });

  it('other refusals and network errors throw for a retry; the last attempt records failed', async () => {
    answer = { errcode: -1, errmsg: 'system error' };
    const note = await message();
    await expect(pushNotification(deps, { notificationId: note.id }, first)).rejects.toThrow(
      '微信拒绝发送（错误码 -1：system error）',
    );
    expect(await status(note.id)).toBeNull();
    answer = new Error('connect ECONNREFUSED');
    await expect(pushNotification(deps, { notificationId: note.id }, last)).rejects.toThrow(
      '微信接口不可达：connect ECONNREFUSED',
    );
    expect(await status(note.id)).toBe('failed');
    // A failed message is not pushed again by a late duplicate job.
    expect(await pushNotification(deps, { notificationId: note.id }, first)).toEqual({
      outcome: 'done-before',
      status: 'failed',
    });
  });

  it('a message that no longer exists (its transaction rolled back) is nothing to do', async () => {
    expect(
      await pushNotification(
        deps,
        { notificationId: '00000000-0000-4000-8000-000000000000' },
        first,
      ),
    ).toEqual({ outcome: 'missing' });
  });
});

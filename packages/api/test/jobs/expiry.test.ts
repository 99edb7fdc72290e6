import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@kc/db';
import { createTestDb } from '@kc/db/testing';
import type { SubscribeMessage } from '../../src/auth/wechat';
import { acceptingWeChat } from './wechat-fake';
import type { JobQueue } from '../../src/jobs';
import { createJobQueue, startWorker } from '../../src/jobs';
import { enqueuePushes } from '../../src/jobs/outbox';
import { silentLogger } from '../../src';

/**
 * A worker killed in the middle of a job (kill -9: no graceful stop, the job stays "active")
 * does not lose it: once its expiry passes, another worker's maintenance puts it back and runs it.
 */
describe('a job whose worker died is retried after its expiry', () => {
  let db: Db;
  let dead: JobQueue;
  let alive: JobQueue;
  const sent: SubscribeMessage[] = [];
  const wechat = acceptingWeChat(sent);

  beforeAll(async () => {
    db = await createTestDb();
    const fast = { log: silentLogger, retryDelaySeconds: 1, expireInSeconds: 2 };
    dead = createJobQueue(db, fast);
    await dead.start();
    alive = createJobQueue(db, {
      ...fast,
      worker: true,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
    });
    await alive.start();
  }, 60_000);
  afterAll(async () => {
    await alive?.stop({ timeoutMs: 1000 });
    await dead?.stop({ timeoutMs: 1000 });
    await db?.close();
  });

  it('is taken by the dead worker, expires, and is sent once by the live one', async () => {
    const user = await db.prisma.user.create({
      data: {
        kind: 'APPLICANT',
        openid: 'o-expiry',
        displayName: '微信用户',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const note = await db.prisma.notification.create({
      data: {
        userId: user.id,
        kind: 'application.approved',
        title: '申请已批准',
        body: '请留意公示',
        createdAt: new Date(),
      },
    });
    await enqueuePushes(dead, [note.id]);
    // The "dead" worker fetches the job (now active) and never finishes it.
    let taken = false;
    void dead.runOnce('subscribe-message', () => {
      taken = true;
      return new Promise(() => undefined);
    });
    const deadline = Date.now() + 5000;
    while (!taken && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(taken).toBe(true);

    await startWorker({
      db,
      wechat,
      log: silentLogger,
      now: () => new Date(),
      queue: alive,
      config: { subscribeTemplates: { progress: 'tmpl-progress' }, reminderDays: 3 },
    });
    const end = Date.now() + 30_000;
    while (sent.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect(sent).toHaveLength(1);
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: note.id } });
    expect(row.pushStatus).toBe('sent');
  }, 60_000);
});

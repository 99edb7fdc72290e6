import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, createWeChatClient, silentLogger } from '@kc/api';
import { createScratchDatabase, createTestDb } from '@kc/db/testing';
import type { ScratchDatabase } from '@kc/db/testing';
import { createFakeWeChat } from '../src/fake-wechat/service';
import { parseEnv } from '../src/env';
import { jobsConfigFromEnv, runsWorker } from '../src/jobs';
import { createMetrics } from '../src/metrics';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const workerMain = path.join(root, 'apps/server/src/worker.ts');

describe('subscribe messages through the fake WeChat and the real client', () => {
  let fake: ReturnType<typeof createFakeWeChat>;
  let base: string;
  beforeAll(async () => {
    fake = createFakeWeChat({ appId: 'wx-test', secret: 'wx-test-secret' });
    await fake.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });
  afterAll(() => fake?.close());

  it('43101 until the user subscribes; one subscription, one message; kept for tests to read', async () => {
    const client = createWeChatClient({
      baseUrl: base,
      appId: 'wx-test',
      secret: 'wx-test-secret',
    });
    const message = {
      openid: 'o-subscriber',
      templateId: 'tmpl-progress',
      page: 'pages/messages/index',
      data: { thing1: '申请已批准', thing2: '请留意公示', time3: '2026-12-04 10:00' },
    };
    expect(await client.sendSubscribeMessage!(message)).toMatchObject({ errcode: 43101 });
    await fetch(`${base}/fake/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'o-subscriber', templateId: 'tmpl-progress' }),
    });
    expect(await client.sendSubscribeMessage!(message)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await client.sendSubscribeMessage!(message)).toMatchObject({ errcode: 43101 });
    const { messages } = (await (
      await fetch(`${base}/fake/subscribe-messages?openid=o-subscriber`)
    ).json()) as { messages: { templateId: string; page: string; data: Record<string, string> }[] };
    expect(messages).toEqual([
      expect.objectContaining({
        templateId: 'tmpl-progress',
        page: 'pages/messages/index',
        data: message.data,
      }),
    ]);
  });

  it('a bad access token is refused like WeChat (40001)', async () => {
    const res = await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: 'x', template_id: 't', data: {} }),
    });
    expect(await res.json()).toMatchObject({ errcode: 40001 });
  });
});

describe('queue depth in /metrics', () => {
  it('kc_job_queue_depth counts the jobs waiting in each queue', async () => {
    const db = await createTestDb();
    const queue = createJobQueue(db, { log: silentLogger });
    try {
      await queue.start();
      await queue.send('subscribe-message', { notificationId: 'n1' });
      await queue.send('subscribe-message', { notificationId: 'n2' });
      const metrics = createMetrics({ db });
      metrics.registerJobQueueDepth(() => queue.queueDepths());
      const text = await metrics.registry.metrics();
      expect(text).toContain('kc_job_queue_depth{queue="subscribe-message"} 2');
      expect(text).toContain('kc_job_queue_depth{queue="deadline-scan"} 0');
    } finally {
      await queue.stop({ timeoutMs: 1000 });
      await db.close();
    }
  }, 60_000);
});

describe('job settings', () => {
  it('reads the templates and reminder days; PGlite always runs the worker in the API', () => {
    const env = parseEnv({
      JOBS_WORKER: '0',
      JOBS_REMINDER_DAYS: '5',
      WECHAT_TEMPLATE_REMINDER: 'tmpl-r',
    });
    expect(jobsConfigFromEnv(env)).toEqual({
      subscribeTemplates: { reminder: 'tmpl-r' },
      miniprogramState: 'formal',
      reminderDays: 5,
      retention: { auditRetentionMonths: 36, applicationRetentionYears: null },
    });
    expect(runsWorker(env, { kind: 'pglite' })).toBe(true);
    expect(runsWorker(env, { kind: 'postgres' })).toBe(false);
    expect(runsWorker(parseEnv({}), { kind: 'postgres' })).toBe(true);
    expect(() => parseEnv({ JOBS_REMINDER_DAYS: '-1' })).toThrow('JOBS_REMINDER_DAYS');
  });
});

function run(env: Record<string, string>) {
  const child = spawn(tsx, [workerMain], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('the separate worker process', () => {
  it('refuses to run on the embedded database, saying the API runs the jobs there', async () => {
    const proc = run({});
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('the API process runs the jobs itself');
  }, 60_000);

  describe.runIf(process.env.DATABASE_URL)('on PostgreSQL', () => {
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await createScratchDatabase();
    });
    afterAll(() => scratch?.drop());

    it('starts (creating its pgboss schema), then on SIGTERM stops cleanly with exit 0', async () => {
      const proc = run({ DATABASE_URL: scratch.url! });
      const deadline = Date.now() + 60_000;
      while (!proc.output().includes('job worker running') && Date.now() < deadline) {
        if (proc.child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(proc.output()).toContain('job worker running');
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toContain('job worker shutting down');
      const { conn, close } = await scratch.connect();
      try {
        const rows = await conn.query<{ name: string }>(
          `SELECT name FROM pgboss.schedule ORDER BY name`,
        );
        expect(rows.map((r) => r.name)).toEqual([
          'deadline-scan',
          'notice-ended-scan',
          'notification-dispatch',
          'retention',
        ]);
      } finally {
        await close();
      }
    }, 90_000);
  });
});

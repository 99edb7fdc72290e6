/**
 * 导出全部（后台生成）: an officer asks for a list, the job builds the .xlsx (run by hand here, as
 * a worker would), the officer is told and downloads it; nobody else may. Files are parsed back.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src';
import { runExport } from '../src/exports/build';
import { EXPORT_PAGE_SIZE } from '../src/exports/kinds';
import { officerFileAccess } from '../src/files/officer-access';
import { prismaFileRecords } from '../src/files/prisma-records';
import { createFileService } from '../src/files/service';
import type { FileStore } from '../src/files/store';
import type { JobDeps, JobQueue } from '../src/jobs';
import { createJobQueue } from '../src/jobs';
import { dispatchPending } from '../src/jobs/dispatch';
import { runRetention, DEFAULT_RETENTION_CONFIG } from '../src/privacy/retention';
import { submittedScenario } from './awards-support';
import type { Harness } from './harness';
import { DEMO_PASSWORD, createHarness, failure } from './harness';

let h: Harness;
let queue: JobQueue;
let deps: JobDeps;
const apiDeps = () => Object.assign({}, h.deps, { jobs: queue });

beforeAll(async () => {
  h = await createHarness();
  queue = createJobQueue(h.db, { log: silentLogger });
  await queue.start();
  deps = {
    db: h.db,
    wechat: h.wechat.client,
    log: silentLogger,
    now: () => h.clock.now,
    queue,
    config: { subscribeTemplates: {}, reminderDays: 3 },
    files: h.fileStore,
  };
  await Promise.all([
    submittedScenario(h, '导出埇桥一', 'yongqiao'),
    submittedScenario(h, '导出埇桥二', 'yongqiao'),
    submittedScenario(h, '导出砀山一', 'dangshan'),
  ]);
}, 120_000);
afterAll(async () => {
  await queue?.stop({ timeoutMs: 1000 });
  await h?.close();
});

/** An officer's client whose mutations enqueue on the test's queue. */
async function officer(username: string) {
  const { token } = await h
    .client(undefined, { apiDeps: apiDeps() })
    .auth.officerLogin.mutate({ username, password: DEMO_PASSWORD });
  const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
  return Object.assign(h.client(token, { apiDeps: apiDeps() }), { userId: user.id });
}

/** Runs the queued export jobs as a worker would. */
const runQueued = () => queue.runOnce('data-export', (data, meta) => runExport(deps, data, meta));

async function sheetRows(fileId: string): Promise<string[][]> {
  const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read((await h.fileStore.get(file.sha256)) as Readable);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

/** GET /files/:id as the file route decides it, for `username`. */
async function download(username: string, fileId: string) {
  const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
  const files = createFileService({
    store: h.fileStore,
    records: prismaFileRecords(h.prisma, () => h.clock.now),
    maxBytes: 10 * 1024 * 1024,
    audit: h.prisma,
    now: () => h.clock.now,
  });
  return files.openForDownload({
    caller: {
      kind: 'officer',
      userId: user.id,
      sessionId: 'test',
      username,
      displayName: user.displayName,
      role: user.role === 'BUREAU_ADMIN' ? 'bureau-admin' : 'area-officer',
      areaCode: (user.areaCode as 'yongqiao' | 'dangshan' | null) ?? null,
    },
    fileId,
    canOfficerSee: officerFileAccess(h.db, () => h.clock.now),
  });
}

describe('background exports', () => {
  it('builds the review queue with the officer’s filters: the rows the list shows, and a message', async () => {
    const admin = await officer('admin');
    const filters = { status: 'submitted' as const };
    const requested = await admin.exports.request.mutate({ kind: 'review.queue', filters });
    expect(requested).toMatchObject({
      status: 'queued',
      statusLabel: '排队中',
      kindLabel: '审核队列',
    });
    const unreadBefore = (await admin.notifications.unreadCount.query()).count;

    expect(await runQueued()).toBe(1);
    const [done] = await admin.exports.mine.query();
    expect(done).toMatchObject({ id: requested.id, status: 'done', statusLabel: '已完成' });

    const list = await admin.review.queue.query({ ...filters, pageSize: 100 });
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(done!.rowCount).toBe(list.total);
    const rows = await sheetRows(done!.fileId!);
    expect(rows[0]).toEqual(expect.arrayContaining(['申请编号', '申请人', '状态']));
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((i) => i.number).sort());
    expect(rows.slice(1).every((r) => r[5] === '已提交' || r[5]!.length > 0)).toBe(true);

    // The bell: one more unread message, saying what was exported, linked to 我的导出.
    expect((await admin.notifications.unreadCount.query()).count).toBe(unreadBefore + 1);
    const [message] = (await admin.notifications.mine.query({ unreadOnly: true })).items;
    expect(message).toMatchObject({
      title: '导出已完成',
      link: { page: 'data-export', id: requested.id },
    });
    expect(message!.body).toContain(`导出已完成：审核队列，共 ${list.total} 行`);

    // Asked for and downloaded are both in the audit log.
    const audited = await h.prisma.auditLog.findFirst({
      where: { action: 'export.request', objectId: requested.id },
    });
    expect(audited).not.toBeNull();
    // The filters read in Chinese in the audit row (the admin shows them as 筛选条件).
    expect(audited!.details).toMatchObject({ filterSummary: '状态：已提交', filters });
  });

  it('gives a county officer their own county’s rows only, and refuses another county’s filter', async () => {
    const yongqiao = await officer('yongqiao');
    const refused = await failure(() =>
      yongqiao.exports.request.mutate({ kind: 'review.queue', filters: { areaCode: 'dangshan' } }),
    );
    expect(refused).toMatchObject({
      appCode: 'FORBIDDEN',
      message: '您只能查看本县区或园区的数据',
    });

    const requested = await yongqiao.exports.request.mutate({ kind: 'review.queue', filters: {} });
    await runQueued();
    const done = (await yongqiao.exports.mine.query()).find((e) => e.id === requested.id)!;
    const rows = (await sheetRows(done.fileId!)).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['埇桥区']));
    // The whole city has more: the scope, not the data, kept 砀山 out.
    const all = await h.prisma.application.count({ where: { status: { not: 'draft' } } });
    expect(all).toBeGreaterThan(rows.length);
  });

  it('lets the requester download the file, and nobody else', async () => {
    const admin = await officer('admin');
    const [done] = (await admin.exports.mine.query()).filter((e) => e.status === 'done');
    const mine = await download('admin', done!.fileId!);
    expect(mine.downloadName).toMatch(/^审核队列-.*\.xlsx$/);
    mine.stream.destroy();
    await expect(download('yongqiao', done!.fileId!)).rejects.toMatchObject({
      cause: { appCode: 'NOT_FOUND' },
    });
    // Nor is it on another officer's 我的导出.
    const theirs = await (await officer('yongqiao')).exports.mine.query();
    expect(theirs.some((e) => e.id === done!.id)).toBe(false);
    // The download is audited as every officer download is.
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'file.download', objectId: done!.fileId! },
      }),
    ).toBe(1);
  });

  it('does nothing when a finished export’s job runs again', async () => {
    const admin = await officer('admin');
    const requested = await admin.exports.request.mutate({ kind: 'review.queue', filters: {} });
    await runQueued();
    const before = await h.prisma.dataExport.findUniqueOrThrow({ where: { id: requested.id } });
    const again = await runExport(
      deps,
      { exportId: requested.id },
      { retryCount: 1, retryLimit: 3 },
    );
    expect(again).toEqual({ exportId: requested.id, status: 'done' });
    const after = await h.prisma.dataExport.findUniqueOrThrow({ where: { id: requested.id } });
    expect(after).toEqual(before);
    expect(
      await h.prisma.notification.count({
        where: { linkPage: 'data-export', linkId: requested.id },
      }),
    ).toBe(1);
  });

  it('builds an export whose job was never sent, from the outbox scan', async () => {
    // Asked for through a server with no queue: the row is written, the send is lost.
    const { token } = await h
      .client()
      .auth.officerLogin.mutate({ username: 'reviewer', password: DEMO_PASSWORD });
    const requested = await h
      .client(token)
      .exports.request.mutate({ kind: 'review.queue', filters: {} });
    expect(await runQueued()).toBe(0);

    // Within a minute it is left alone (its own send may still be on the way)…
    expect((await dispatchPending(deps)).exports).toBe(0);
    const started = h.clock.now;
    h.clock.now = new Date(started.getTime() + 2 * 60_000);
    try {
      // …after that the scan sends it once, however often it runs.
      expect((await dispatchPending(deps)).exports).toBe(1);
      await dispatchPending(deps);
      expect(await runQueued()).toBe(1);
      const built = await h.prisma.dataExport.findUniqueOrThrow({ where: { id: requested.id } });
      expect(built.status).toBe('done');
      expect((await dispatchPending(deps)).exports).toBe(0);
    } finally {
      h.clock.now = started;
    }
  });

  it('records a failure in Chinese, is retried, and succeeds on a later attempt', async () => {
    const admin = await officer('admin');
    const requested = await admin.exports.request.mutate({ kind: 'audit.log', filters: {} });
    const broken: FileStore = {
      put: () => Promise.reject(new Error('disk full')),
      get: (sha256) => h.fileStore.get(sha256),
      has: (sha256) => h.fileStore.has(sha256),
    };
    const failing = { ...deps, files: broken };
    await expect(
      runExport(failing, { exportId: requested.id }, { retryCount: 0, retryLimit: 3 }),
    ).rejects.toThrow('disk full');
    let row = (await admin.exports.mine.query()).find((e) => e.id === requested.id)!;
    expect(row).toMatchObject({ status: 'failed', statusLabel: '失败', fileId: null });
    expect(row.error).toBe('生成导出文件时出错，系统将自动重试');

    // pg-boss runs it again later (back-off, queues.ts); this time the store works.
    await runExport(deps, { exportId: requested.id }, { retryCount: 1, retryLimit: 3 });
    row = (await admin.exports.mine.query()).find((e) => e.id === requested.id)!;
    expect(row).toMatchObject({ status: 'done', error: null });
  });

  it('tells the officer when the last attempt fails', async () => {
    const admin = await officer('admin');
    const requested = await admin.exports.request.mutate({ kind: 'audit.log', filters: {} });
    await expect(
      runExport(
        { ...deps, files: undefined },
        { exportId: requested.id },
        { retryCount: 3, retryLimit: 3 },
      ),
    ).rejects.toThrow();
    const row = (await admin.exports.mine.query()).find((e) => e.id === requested.id)!;
    expect(row).toMatchObject({ status: 'failed', error: '生成导出文件失败，请稍后重新申请导出' });
    const message = await h.prisma.notification.findFirstOrThrow({
      where: { linkId: requested.id, kind: 'export.failed' },
    });
    expect(message.body).toBe('导出失败：审计日志，生成导出文件失败，请稍后重新申请导出');
  });

  it('reads the audit log in keyset pages: every row once, newest first, masked', async () => {
    const admin = await officer('admin');
    const count = EXPORT_PAGE_SIZE * 2 + 7;
    const base = h.clock.now.getTime();
    await h.prisma.auditLog.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        at: new Date(base + i * 1000),
        action: 'test.bulk-export',
        objectType: 'system',
        details: { n: i, note: `联系电话13912345678` },
      })),
    });
    const requested = await admin.exports.request.mutate({
      kind: 'audit.log',
      filters: { action: 'test.bulk-export' },
    });
    await runQueued();
    const done = (await admin.exports.mine.query()).find((e) => e.id === requested.id)!;
    expect(done.rowCount).toBe(count);
    const rows = (await sheetRows(done.fileId!)).slice(1);
    const ns = rows.map((r) => (JSON.parse(r[7]!) as { n: number }).n);
    expect(ns).toEqual(Array.from({ length: count }, (_, i) => count - 1 - i));
    expect(rows[0]![7]).toContain('139****5678');
    expect(rows[0]![7]).not.toContain('13912345678');
  });

  it('keeps the audit log export to those who read the audit log', async () => {
    const reviewer = await officer('reviewer');
    expect(
      (await failure(() => reviewer.exports.request.mutate({ kind: 'audit.log', filters: {} })))
        .appCode,
    ).toBe('FORBIDDEN');
    const finance = await officer('finance');
    expect(
      (await failure(() => finance.exports.request.mutate({ kind: 'review.queue', filters: {} })))
        .appCode,
    ).toBe('FORBIDDEN');
  });

  it('gives finance its 资金台账 and nothing else', async () => {
    const apps = await h.prisma.application.findMany({
      where: { status: { not: 'draft' } },
      select: { id: true, ruleId: true, year: true },
      take: 2,
    });
    await h.prisma.ledgerEntry.createMany({
      data: apps.map((a, i) => ({
        at: new Date(h.clock.now.getTime() + i * 1000),
        ruleId: a.ruleId,
        year: a.year,
        applicationId: a.id,
        kind: 'commit',
        amountFen: 12_345_67n,
        approvalRound: 99,
      })),
    });
    const finance = await officer('finance');
    const requested = await finance.exports.request.mutate({ kind: 'ledger', filters: {} });
    await runQueued();
    const done = (await finance.exports.mine.query()).find((e) => e.id === requested.id)!;
    const ledger = await finance.disbursements.ledger.query({ pageSize: 500 });
    expect(ledger.total).toBeGreaterThanOrEqual(2);
    expect(done).toMatchObject({ status: 'done', rowCount: ledger.total });
    const rows = (await sheetRows(done.fileId!)).slice(1);
    expect(rows.map((r) => r[2])).toEqual(ledger.entries.map((e) => e.applicationNumber));
    expect(rows.at(-1)![6]).toBe('12345.67');
    // Its own file only: the file route grants it as it does any requester.
    const user = await h.prisma.user.findUniqueOrThrow({ where: { username: 'finance' } });
    const canSee = officerFileAccess(h.db, () => h.clock.now);
    const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: done.fileId! } });
    const asFinance = {
      kind: 'officer' as const,
      userId: user.id,
      sessionId: 'test',
      username: 'finance',
      displayName: user.displayName,
      role: 'finance-officer' as const,
      areaCode: null,
    };
    expect(await canSee(asFinance, file)).toMatchObject({ details: { exportId: done.id } });
    await expect(download('admin', file.id)).rejects.toMatchObject({
      cause: { appCode: 'NOT_FOUND' },
    });
  });

  it('refuses a fourth export while three are still being built', async () => {
    const dangshan = await officer('dangshan');
    for (let i = 0; i < 3; i++)
      await dangshan.exports.request.mutate({ kind: 'review.queue', filters: {} });
    const refused = await failure(() =>
      dangshan.exports.request.mutate({ kind: 'review.queue', filters: {} }),
    );
    expect(refused.appCode).toBe('RATE_LIMITED');
    await runQueued();
  });

  it('stops offering an expired export; retention removes it with its file', async () => {
    const admin = await officer('admin');
    const requested = await admin.exports.request.mutate({
      kind: 'review.queue',
      filters: { q: '导出砀山一' },
    });
    await runQueued();
    const done = (await admin.exports.mine.query()).find((e) => e.id === requested.id)!;
    const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: done.fileId! } });
    const started = h.clock.now;
    try {
      h.clock.now = new Date(started.getTime() + 8 * 24 * 3600_000);
      const later = await officer('admin');
      expect((await later.exports.mine.query()).some((e) => e.id === requested.id)).toBe(false);
      await expect(download('admin', file.id)).rejects.toMatchObject({
        cause: { appCode: 'NOT_FOUND' },
      });
      const report = await runRetention({
        db: h.db,
        log: silentLogger,
        now: () => h.clock.now,
        config: DEFAULT_RETENTION_CONFIG,
        files: h.fileStore,
      });
      expect(report.removed.data_export).toBeGreaterThanOrEqual(1);
      expect(report.removed.stored_file).toBeGreaterThanOrEqual(1);
      expect(await h.prisma.dataExport.findUnique({ where: { id: requested.id } })).toBeNull();
      expect(await h.prisma.storedFile.findUnique({ where: { id: file.id } })).toBeNull();
      expect(await h.fileStore.has(file.sha256)).toBe(false);
    } finally {
      h.clock.now = started;
    }
  });
});

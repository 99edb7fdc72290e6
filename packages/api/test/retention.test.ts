import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src';
import { QUEUES, jobHandlers } from '../src/jobs';
import type { JobDeps } from '../src/jobs';
import {
  DEFAULT_RETENTION_CONFIG,
  RetentionConfigError,
  retentionConfigFromEnv,
  runRetention,
} from '../src/privacy/retention';
import {
  SCENARIO_EVIDENCE,
  firmApplicant,
  scenarioInput,
  submittedScenario,
} from './awards-support';
import type { Harness } from './harness';
import { createHarness } from './harness';

describe('retention settings', () => {
  it('keep logs 36 months and applications forever by default', () => {
    expect(retentionConfigFromEnv({})).toEqual({
      auditRetentionMonths: 36,
      applicationRetentionYears: null,
    });
    expect(
      retentionConfigFromEnv({ AUDIT_RETENTION_MONTHS: '6', APPLICATION_RETENTION_YEARS: '10' }),
    ).toEqual({ auditRetentionMonths: 6, applicationRetentionYears: 10 });
  });

  it('refuse logs kept under six months (网络安全法), and anything not a whole number', () => {
    expect(() => retentionConfigFromEnv({ AUDIT_RETENTION_MONTHS: '5' })).toThrow(
      RetentionConfigError,
    );
    expect(() => retentionConfigFromEnv({ AUDIT_RETENTION_MONTHS: '12.5' })).toThrow(
      /whole number/,
    );
    expect(() => retentionConfigFromEnv({ APPLICATION_RETENTION_YEARS: '0' })).toThrow(
      RetentionConfigError,
    );
  });
});

describe('runRetention', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const deps = (config = DEFAULT_RETENTION_CONFIG) => ({
    db: h.db,
    log: silentLogger,
    now: () => h.clock.now,
    config,
  });

  it('refuses a setting under six months even when called directly', async () => {
    await expect(
      runRetention(deps({ auditRetentionMonths: 3, applicationRetentionYears: null })),
    ).rejects.toThrow(RetentionConfigError);
  });

  it('removes audit rows, ended sessions and unawarded applications past retention, keeps the rest, and reports it', async () => {
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    const draft = await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('将被删除的草稿'),
      evidence,
    });
    await firm.client.applications.deleteDraft.mutate({
      applicationId: draft.id,
      expectedVersion: draft.version,
    });
    const { application: submitted } = await submittedScenario(h, '仍在审核的申请');
    const oldAudit = await h.prisma.auditLog.count();
    const oldSessions = await h.prisma.session.count();

    // Three years and a month later; one new audit row (a login) is inside the window.
    const start = h.clock.now;
    h.clock.now = new Date(Date.UTC(2029, 11, 28, 2));
    await h.officer('yongqiao');

    // Applications kept forever by default.
    const first = await runRetention(deps());
    expect(first.removed).toMatchObject({ audit_log: oldAudit, session: oldSessions });
    expect(first.removed).not.toHaveProperty('application');
    expect(await h.prisma.application.count({ where: { id: draft.id } })).toBe(1);
    const left = await h.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(left.map((r) => r.action)).toEqual(['auth.officer-login', 'retention.run']);
    expect(left[1]).toMatchObject({ actorUserId: null, objectType: 'system' });
    expect((left[1]!.details as { removed: Record<string, number> }).removed.audit_log).toBe(
      oldAudit,
    );

    // The append-only guard is back on after the run.
    await expect(h.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(h.prisma.applicationEvent.deleteMany({})).rejects.toThrow(/append-only/);

    // With a three-year archive rule the withdrawn draft goes; the one under review stays.
    const second = await runRetention(
      deps({ auditRetentionMonths: 36, applicationRetentionYears: 3 }),
    );
    expect(second.removed).toMatchObject({ application: 1, audit_log: 0 });
    expect(second.removed.application_event).toBeGreaterThan(0);
    expect(await h.prisma.application.count({ where: { id: draft.id } })).toBe(0);
    expect(await h.prisma.applicationEvidence.count({ where: { applicationId: draft.id } })).toBe(
      0,
    );
    expect(await h.prisma.application.count({ where: { id: submitted.id } })).toBe(1);
    h.clock.now = start;
  });
});

describe('the retention job', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs daily at night, Asia/Shanghai, with the settings of the jobs', async () => {
    expect(QUEUES.retention).toMatchObject({ cron: '30 2 * * *', label: '过期记录清理' });
    await h.prisma.auditLog.create({
      data: { at: h.clock.now, action: 'auth.officer-login', objectType: 'user', details: {} },
    });
    const deps = {
      db: h.db,
      log: silentLogger,
      now: () => new Date(Date.UTC(2027, 11, 1)),
      config: {
        subscribeTemplates: {},
        reminderDays: 3,
        retention: { auditRetentionMonths: 6, applicationRetentionYears: null },
      },
    } as unknown as JobDeps;
    const report = (await jobHandlers(deps).retention!(
      {},
      {
        id: 'j1',
        retryCount: 0,
        retryLimit: 2,
      },
    )) as { removed: Record<string, number> };
    // Six months back from 2027-12-01: a row of 2026-11-27 is past it.
    expect(report.removed.audit_log).toBe(1);
  });
});

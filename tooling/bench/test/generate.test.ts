/**
 * The generated data is data the app could have written: valid identities, ordered timelines,
 * money that adds up, quotas kept, and the API reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@kc/db';
import { seedDemo } from '@kc/db/seed';
import { createTestDb } from '@kc/db/testing';
import { DEFAULT_API_CONFIG, silentLogger } from '@kc/api';
import type { Context } from '@kc/api';
import { checkCreditCode, policySetFor } from '@kc/domain';
import { generateData } from '../src/data/generate';
import { prismaSink } from '../src/data/sink';
import { createCaller } from '../src/lists/cases';

const now = new Date('2026-11-30T02:00:00Z');
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db.prisma, { now });
  await generateData(prismaSink(db), {
    orgs: 50,
    researchers: 100,
    applications: 500,
    seed: 11,
    now,
  });
});
afterAll(() => db?.close());

describe('generated data', () => {
  it('gives every organisation a credit code the domain validator accepts', async () => {
    const orgs = await db.prisma.organisation.findMany({ select: { creditCode: true } });
    expect(orgs.length).toBeGreaterThanOrEqual(50);
    for (const o of orgs) expect(checkCreditCode(o.creditCode)).toMatchObject({ ok: true });
  });

  it('stores researchers’ ID numbers only masked and hashed', async () => {
    const rows = await db.prisma.researcher.findMany({
      select: { residentIdMasked: true, residentIdHash: true },
    });
    for (const r of rows) {
      expect(r.residentIdMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(r.residentIdHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('has applications in every status and every programme applicants apply for', async () => {
    const statuses = await db.prisma.application.groupBy({ by: ['status'] });
    expect(statuses.length).toBeGreaterThanOrEqual(10);
    const rules = await db.prisma.application.groupBy({ by: ['ruleId'] });
    expect(rules.length).toBe(policySetFor('2026-11-30')!.rules.filter((r) => !r.raisedBy).length);
  });

  it('keeps every timeline in order, ending in the application’s status', async () => {
    const apps = await db.prisma.application.findMany({
      include: { events: { orderBy: { id: 'asc' } } },
    });
    for (const a of apps) {
      const times = a.events.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(a.events.at(-1)!.toStatus).toBe(a.status);
      for (let i = 1; i < a.events.length; i++)
        expect(a.events[i]!.fromStatus).toBe(a.events[i - 1]!.toStatus);
      if (a.submittedAt && a.decidedAt) expect(a.decidedAt > a.submittedAt).toBe(true);
      expect(a.version).toBe(a.events.length);
    }
  });

  it('books each award in the ledger and the budget, within quota', async () => {
    const [check] = await db.prisma.$queryRawUnsafe<{ bad: number }[]>(`
      SELECT count(*)::int AS bad FROM application a
      WHERE a.status IN ('approved','in-notice','notice-passed','in-disbursement','paid')
        AND (SELECT coalesce(sum(amount_fen), 0) FROM ledger_entry l WHERE l.application_id = a.id AND kind = 'commit') <> a.approved_amount_fen`);
    expect(check!.bad).toBe(0);
    const [paid] = await db.prisma.$queryRawUnsafe<{ bad: number }[]>(`
      SELECT count(*)::int AS bad FROM application a
      WHERE (a.status = 'paid') <> EXISTS (SELECT 1 FROM ledger_entry l WHERE l.application_id = a.id AND kind = 'payment')`);
    expect(paid!.bad).toBe(0);
    const budgets = await db.prisma.$queryRawUnsafe<
      { rule_id: string; ok: boolean; count_ok: boolean }[]
    >(`
      SELECT b.rule_id,
        b.committed_fen + b.paid_fen = (SELECT coalesce(sum(CASE kind WHEN 'commit' THEN amount_fen WHEN 'release' THEN -amount_fen ELSE 0 END), 0)
          FROM ledger_entry l WHERE l.rule_id = b.rule_id AND l.year = b.year) AS ok,
        b.approved_count = (SELECT count(*) FROM application a WHERE a.rule_id = b.rule_id AND a.year = b.year
          AND a.status IN ('approved','in-notice','notice-passed','in-disbursement','paid')) AS count_ok
      FROM programme_budget b WHERE b.committed_fen + b.paid_fen > 0`);
    expect(budgets.length).toBeGreaterThan(0);
    for (const b of budgets) expect(b).toMatchObject({ ok: true, count_ok: true });
    const set = policySetFor('2026-11-30')!;
    for (const rule of set.rules.filter((r) => r.yearlyQuota !== undefined)) {
      const rows = await db.prisma.programmeBudget.findMany({ where: { ruleId: rule.id } });
      for (const r of rows) expect(r.approvedCount).toBeLessThanOrEqual(rule.yearlyQuota!);
    }
  });

  it('is read by the API: the review queue, one application and the ledger', async () => {
    const reviewer = await db.prisma.user.findUniqueOrThrow({ where: { username: 'reviewer' } });
    const finance = await db.prisma.user.findUniqueOrThrow({ where: { username: 'finance' } });
    const base = {
      db,
      config: { ...DEFAULT_API_CONFIG },
      log: silentLogger,
      now: () => now,
      authError: null,
      ip: null,
      userAgent: null,
    };
    const officer = (u: typeof reviewer, role: string) =>
      createCaller({
        ...base,
        caller: {
          kind: 'officer',
          userId: u.id,
          sessionId: u.id,
          username: u.username!,
          displayName: u.displayName,
          role,
          areaCode: null,
        },
      } as unknown as Context);
    const queue = await officer(reviewer, 'bureau-reviewer').review.queue({
      status: 'paid',
      page: 1,
      pageSize: 5,
    });
    expect(queue.total).toBeGreaterThan(0);
    const one = await officer(reviewer, 'bureau-reviewer').review.byId({ id: queue.items[0]!.id });
    expect(one.status).toBe('paid');
    const ledger = await officer(finance, 'finance-officer').disbursements.ledger({
      page: 1,
      pageSize: 10,
    });
    expect(ledger.totals.commitFen).toBeGreaterThan(0n);
    expect(ledger.totals.outstandingFen).toBe(ledger.totals.commitFen - ledger.totals.paymentFen);
  });
});

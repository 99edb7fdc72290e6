import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@kc/db';
import { createTestDb } from '@kc/db/testing';
import { AWARDED_STATUSES } from '@kc/domain';
import { historyStatement } from '../src/awards/history';

/**
 * The award history (awards/history.ts), read by every submission and approval, goes through two
 * partial indexes over the awarded rows (migration …_award_history_indexes). Their predicate is
 * SQL and the awarded statuses are the domain's: these tests hold the two together, and hold the
 * statement to a text whose generic plan (what a prepared statement keeps after five runs:
 * db.rows prepares it) can use the indexes at all.
 */
const INDEXES = ['application_awarded_once_keys_idx', 'application_awarded_rule_year_idx'];

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

/** A value as an SQL literal (the statement's values are text, numbers, booleans, text arrays). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]::text[]`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** The plan PostgreSQL keeps for the statement when it stops planning per call. */
async function genericPlan(query: { text: string; values: unknown[] }): Promise<string> {
  const name = `kc_history_${crypto.randomUUID().replaceAll('-', '')}`;
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL plan_cache_mode = force_generic_plan');
    // Tiny tables are cheapest to scan whole; the question is whether the index can be used.
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    await tx.$executeRawUnsafe(`PREPARE ${name} AS ${query.text}`);
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN EXECUTE ${name}(${query.values.map(literal).join(', ')})`,
    );
    await tx.$executeRawUnsafe(`DEALLOCATE ${name}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

const query = {
  organisationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  researcherId: null,
  ruleId: 'scenario-case',
  quotaYear: 2026,
  excludeApplicationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  onceKeys: ['scenario-case:2026:智慧农业'],
  withBudget: true,
};

describe('the award history’s partial indexes', () => {
  it('hold exactly the awarded statuses of the domain', async () => {
    const rows = await db.prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'application' AND indexname = ANY(${INDEXES})
      ORDER BY indexname`;
    expect(rows.map((r) => r.indexname)).toEqual(INDEXES);
    for (const { indexdef } of rows) {
      const predicate = indexdef.slice(indexdef.indexOf(' WHERE '));
      const statuses = [...predicate.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
      expect(statuses.toSorted(), indexdef).toEqual([...AWARDED_STATUSES].toSorted());
    }
  });

  it('are what the statement’s generic plan reads, for a firm and for a researcher', async () => {
    // Which of them serves which part is the planner's choice by the data (on an empty table any
    // partial index lists all awarded rows); that one can serve at all is the text's doing.
    for (const who of [
      query,
      { ...query, organisationId: null, researcherId: query.organisationId },
    ]) {
      const plan = await genericPlan(historyStatement(who));
      expect(plan).toMatch(/application_awarded_/);
      expect(plan).not.toMatch(/Seq Scan on application/);
    }
  });

  it('would not be, were the statuses bound as a parameter (the check above can fail)', async () => {
    const bound = historyStatement(query);
    const text = bound.text.replaceAll(
      /a\.status IN \([^)]*\)/g,
      `a.status = ANY($${bound.values.length + 1}::text[])`,
    );
    const plan = await genericPlan({ text, values: [...bound.values, [...AWARDED_STATUSES]] });
    expect(plan).not.toMatch(/application_awarded_/);
  });
});

import { Prisma } from '@kc/db';
import { SUZHOU_FUTURE_2026_DRAFT } from '@kc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeJson } from '../src/awards/codec';
import { listTotal } from '../src/list-total';
import { likeLiteral } from '../src/search';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * Issue 13 (lists at scale): the review queue pages its ids first (deferred join) and answers the
 * keyword through the applicants' name indexes. Both must list exactly what the plain query
 * lists: the same rows, the same order, the same total, on every page.
 */
let h: Harness;
let admin: Awaited<ReturnType<Harness['officer']>>;
let yongqiao: Awaited<ReturnType<Harness['officer']>>;

const AREAS = ['yongqiao', 'dangshan', 'xiaoxian'] as const;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.officer('admin');
  yongqiao = await h.officer('yongqiao');
  const orgs = await h.prisma.organisation.findMany({ orderBy: { id: 'asc' }, take: 3 });
  const researchers = await h.prisma.researcher.findMany({ orderBy: { id: 'asc' }, take: 2 });
  expect(orgs).toHaveLength(3);
  expect(researchers.length).toBeGreaterThan(0);
  // Names holding the keywords, LIKE's metacharacters among them.
  const orgNames = [
    '宿州氢能_100%科技有限公司',
    '宿州氢能源装备有限公司',
    '淮北\\无关材料有限公司',
  ];
  for (const [i, org] of orgs.entries())
    await h.prisma.organisation.update({ where: { id: org.id }, data: { name: orgNames[i] } });
  const researcherNames = ['张氢能', '李%四'];
  for (const [i, r] of researchers.entries())
    await h.prisma.researcher.update({ where: { id: r.id }, data: { name: researcherNames[i] } });
  await addApplications(0, 60);
});
afterAll(async () => {
  await h?.close();
});

/** Applications `from`…`to` − 1 of the fixture: their applicants, statuses, ties and gaps vary with i. */
async function addApplications(from: number, to: number) {
  const orgs = await h.prisma.organisation.findMany({ orderBy: { id: 'asc' }, take: 3 });
  const researchers = await h.prisma.researcher.findMany({ orderBy: { id: 'asc' }, take: 2 });
  const applicant = await h.prisma.user.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const rows: Prisma.ApplicationCreateManyInput[] = [];
  for (let i = from; i < to; i++) {
    const researcher = i % 5 === 4 ? researchers[i % researchers.length] : undefined;
    const org = researcher ? undefined : orgs[i % orgs.length];
    rows.push({
      number: `SZKC-2026-7${String(i).padStart(5, '0')}`,
      applicantUserId: researcher?.userId ?? applicant.id,
      organisationId: org?.id ?? null,
      researcherId: researcher?.id ?? null,
      ruleId: 'scenario-case',
      policySetId: SUZHOU_FUTURE_2026_DRAFT.id,
      policyVersion: SUZHOU_FUTURE_2026_DRAFT.version,
      status: i % 11 === 3 ? 'draft' : i % 3 === 0 ? 'area-review' : 'bureau-review',
      input: encodeJson({}),
      areaCode: AREAS[i % AREAS.length],
      year: 2026,
      // Ties (several per instant and amount) and missing values: the id breaks ties.
      computedAmountFen: i % 7 === 0 ? null : BigInt(1000 * (i % 4)),
      submittedAt: i % 11 === 3 ? null : new Date(Date.UTC(2026, 10, 1 + (i % 9), 2)),
      createdAt: h.clock.now,
      updatedAt: h.clock.now,
    });
  }
  await h.prisma.application.createMany({ data: rows });
}

type Sort = { sort?: 'submittedAt' | 'amount'; order?: 'asc' | 'desc' };

/** The plain query: the relations joined, one OFFSET query (what the list did before). */
async function plain(q: string | undefined, sort: Sort, areaCode?: string) {
  const order = sort.order ?? 'asc';
  const rows = await h.prisma.application.findMany({
    where: {
      status: { not: 'draft' },
      ...(areaCode ? { areaCode } : {}),
      ...(q
        ? {
            OR: [
              { number: { contains: likeLiteral(q) } },
              { organisation: { name: { contains: likeLiteral(q) } } },
              { researcher: { name: { contains: likeLiteral(q) } } },
            ],
          }
        : {}),
    },
    orderBy:
      sort.sort === 'amount'
        ? [{ computedAmountFen: { sort: order, nulls: 'last' } }, { id: 'asc' }]
        : [{ submittedAt: { sort: order, nulls: 'last' } }, { id: 'asc' }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Every page of the API's list, concatenated; and the total each page reported. */
async function paged(
  client: typeof admin,
  input: { q?: string } & Sort,
  pageSize: number,
): Promise<{ ids: string[]; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let page = 1; ; page++) {
    const r = await client.review.queue.query({ ...input, page, pageSize });
    totals.add(r.total);
    ids.push(...r.items.map((i) => i.id));
    if (r.items.length < pageSize) return { ids, totals };
  }
}

describe('review queue at scale', () => {
  it('every page, in every sort, is the plain query’s rows in its order', async () => {
    const sorts: Sort[] = [
      {},
      { sort: 'submittedAt', order: 'desc' },
      { sort: 'amount', order: 'asc' },
      { sort: 'amount', order: 'desc' },
    ];
    for (const sort of sorts) {
      const expected = await plain(undefined, sort);
      expect(expected.length).toBeGreaterThan(50);
      const { ids, totals } = await paged(admin, sort, 7);
      expect({ sort, ids }).toEqual({ sort, ids: expected });
      expect([...totals]).toEqual([expected.length]);
    }
  });

  it('a page far past the end is empty, with the total', async () => {
    const expected = await plain(undefined, {});
    const r = await admin.review.queue.query({ page: 500, pageSize: 20 });
    expect(r.items).toEqual([]);
    expect(r.total).toBe(expected.length);
  });

  it('the keyword finds numbers, organisation and researcher names, literally', async () => {
    const keywords = [
      '氢能', // organisations and a researcher
      '_100%', // LIKE metacharacters in an organisation name
      '%四', // … in a researcher name
      '\\无关', // a backslash
      '%',
      '_',
      'SZKC-2026-70001', // a number's prefix
      '7000', // inside numbers
      'szkc-2026', // lower case: LIKE is case-sensitive, no number has it
      '没有这个名字',
    ];
    const found: Record<string, number> = {};
    for (const q of keywords) {
      const expected = await plain(q, {});
      const { ids, totals } = await paged(admin, { q }, 4);
      expect({ q, ids }).toEqual({ q, ids: expected });
      expect([...totals]).toEqual([expected.length]);
      found[q] = expected.length;
    }
    // The fixture exercises each branch: a keyword finds rows through each kind of field.
    expect(found['氢能']).toBeGreaterThan(20);
    expect(found['_100%']).toBeGreaterThan(5);
    expect(found['%四']).toBeGreaterThan(0);
    expect(found['\\无关']).toBeGreaterThan(5);
    expect(found['SZKC-2026-70001']).toBe(10 - 1); // 70010…70019, less the draft 70014
    // Only the names holding them, not everything (LIKE's wildcards would match every row).
    const all = (await plain(undefined, {})).length;
    expect(found['%']).toBeGreaterThan(0);
    expect(found['%']).toBeLessThan(all);
    expect(found['_']).toBeLessThan(all);
    expect(found['szkc-2026']).toBe(0);
  });

  it('the keyword keeps an area officer inside their area', async () => {
    for (const q of ['氢能', 'SZKC-2026-7']) {
      const expected = await plain(q, { sort: 'amount', order: 'desc' }, 'yongqiao');
      expect(expected.length).toBeGreaterThan(0);
      const { ids } = await paged(yongqiao, { q, sort: 'amount', order: 'desc' }, 5);
      expect({ q, ids }).toEqual({ q, ids: expected });
    }
  });

  it('a list longer than the exact-count limit answers the planner’s estimate, and says so', async () => {
    await h.prisma.$executeRaw`ANALYZE application`;
    const rows = (await plain(undefined, {})).length;
    // Not the queue's own SQL: estimates are cached a minute, the queue's from before ANALYZE.
    const sql = Prisma.sql`SELECT 1 FROM application WHERE status <> 'draft' AND year > 2000`;
    const notCounted = () => Promise.reject(new Error('counted'));
    const estimated = await listTotal(h.prisma, notCounted, sql, 10);
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThan(rows / 2);
    expect(estimated.total).toBeLessThan(rows * 2);
    // Under the limit, or with a filter the SQL cannot state (null), the count is exact.
    expect(await listTotal(h.prisma, async () => 7, sql)).toEqual({
      total: 7,
      totalIsEstimate: false,
    });
    expect(await listTotal(h.prisma, async () => 7, null, 0)).toEqual({
      total: 7,
      totalIsEstimate: false,
    });
    const queue = await admin.review.queue.query({ page: 1, pageSize: 5 });
    expect({ total: queue.total, estimate: queue.totalIsEstimate }).toEqual({
      total: rows,
      estimate: false,
    });
    const audit = await admin.audit.search.query({ page: 1, pageSize: 5 });
    expect(audit.totalIsEstimate).toBe(false);
    expect(audit.total).toBe(await h.prisma.auditLog.count());
  });

  it('pages past the deferred-join offset are the plain query’s rows too', async () => {
    await addApplications(60, 1300);
    for (const sort of [{}, { sort: 'amount', order: 'desc' }] satisfies Sort[]) {
      const expected = await plain(undefined, sort);
      expect(expected.length).toBeGreaterThan(1100);
      const { ids, totals } = await paged(admin, sort, 100);
      expect(ids.length).toBe(expected.length);
      expect(ids).toEqual(expected);
      expect([...totals]).toEqual([expected.length]);
    }
    const q = 'SZKC-2026-7'; // every fixture number: a keyword list as deep
    const { ids } = await paged(admin, { q }, 100);
    expect(ids).toEqual(await plain(q, {}));
  });
});

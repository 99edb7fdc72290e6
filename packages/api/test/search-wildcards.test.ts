import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * Issue 12, finding 9: Prisma's `contains` / `startsWith` pass % and _ to LIKE unescaped, so a
 * search for "%" listed everything. Every search box matches what was typed, literally.
 */
let h: Harness;
let admin: Awaited<ReturnType<Harness['officer']>>;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.officer('admin');
});
afterAll(async () => {
  await h?.close();
});

function count(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const r = result as { total?: number; items?: unknown[] };
  return r.total ?? r.items?.length ?? 0;
}

describe('search boxes', () => {
  it('match %, _ and \\ literally, not as LIKE wildcards', async () => {
    // The seed has organisations, researchers, officers and audit rows: "%" matched them all.
    expect(count(await admin.organisations.list.query({}))).toBeGreaterThan(0);
    for (const q of ['%', '_', '%%', '\\', '_%']) {
      const found = {
        q,
        organisations: count(await admin.organisations.list.query({ q })),
        researchers: count(await admin.researchers.list.query({ q })),
        review: count(await admin.review.queue.query({ q })),
        officers: count(await admin.officers.list.query({ q })),
        audit: count(await admin.audit.search.query({ actor: q })),
        verifications: count(await admin.orgReview.verifications.list.query({ q })),
      };
      expect(found).toEqual({
        q,
        organisations: 0,
        researchers: 0,
        review: 0,
        officers: 0,
        audit: 0,
        verifications: 0,
      });
    }
  });

  it('still finds a name that holds the character itself', async () => {
    const org = await h.prisma.organisation.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    await h.prisma.organisation.update({
      where: { id: org.id },
      data: { name: '宿州百分_100%科技有限公司' },
    });
    const hits = (await admin.organisations.list.query({ q: '_100%' })) as {
      items: { id: string }[];
    };
    expect(hits.items.map((i) => i.id)).toEqual([org.id]);
  });
});

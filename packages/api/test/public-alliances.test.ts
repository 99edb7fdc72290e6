import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicPages } from '../src/public';
import { createPublicPages, publicPaths } from '../src/public';
import { allianceQuery } from '../src/public/data-alliances';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { UNIVERSITY, submittedAlliance } from './alliance-support';

/**
 * 创新联盟 on the public pages (plan 四.4): approved alliances only, by field and keyword; an
 * alliance's page with its lead firm, member units and purpose; the charter on file, not
 * offered; organisations named, people never; every value escaped; anything else a 404.
 */
let h: Harness;
let pages: PublicPages;
let approvedId: string;
let pendingId: string;
let dissolvedId: string;
let leadName: string;

const HOSTILE = '<script>alert(1)</script>联盟';

beforeAll(async () => {
  h = await createHarness();
  pages = createPublicPages({ db: h.db, now: () => h.clock.now });
  const officer = await h.officer('yongqiao');
  const approve = async (id: string, version: number) =>
    officer.alliances.decide.mutate({ id, expectedVersion: version, action: 'approve' });

  const [university] = await h.prisma.organisation.findMany({ where: { name: UNIVERSITY } });
  const approved = await submittedAlliance(h, 'yongqiao', {
    members: [
      { organisationId: university!.id, name: UNIVERSITY, unitType: 'university' },
      { name: HOSTILE, unitType: 'institute' },
    ],
  });
  leadName = approved.firm.org.name;
  approvedId = approved.alliance.id;
  await approve(approvedId, approved.alliance.version);

  pendingId = (await submittedAlliance(h, 'yongqiao', { name: '尚未审核的储能创新联盟' })).alliance
    .id;

  const dissolved = await submittedAlliance(h, 'yongqiao', {
    name: '已撤销的智能制造联盟',
    fieldCode: 'general-intelligence',
  });
  dissolvedId = dissolved.alliance.id;
  const passed = await approve(dissolvedId, dissolved.alliance.version);
  await officer.alliances.decide.mutate({
    id: dissolvedId,
    expectedVersion: passed.version,
    action: 'dissolve',
    comment: '联盟已停止运行',
  });
});
afterAll(async () => {
  await h?.close();
});

const cards = (html: string) => html.match(/<ul class="cards">[\s\S]*?<\/ul>/)?.[0] ?? '';

describe('the alliance registry', () => {
  it('is in the public nav and lists approved alliances only', async () => {
    const index = await pages.index();
    expect(index.html).toContain('href="/public/alliances">创新联盟</a>');
    const list = await pages.alliances();
    expect(list.status).toBe(200);
    expect(list.html).toContain('<a href="/public/alliances" aria-current="page">创新联盟</a>');
    const body = cards(list.html);
    expect(body).toContain(`href="${publicPaths.alliance(approvedId)}"`);
    expect(body).toContain('宿州低碳能源产业技术创新联盟');
    expect(body).toMatch(/编号：SZKC-LM-2026-\d{3}/);
    expect(body).toContain(`牵头单位：${leadName}`);
    expect(body).toContain('通过日期：2026年11月27日');
    expect(body).toContain(`成员单位2家：${UNIVERSITY}（高校）`);
    expect(list.html).not.toContain('尚未审核的储能创新联盟');
    expect(list.html).not.toContain('已撤销的智能制造联盟');
    expect(list.html).not.toContain(pendingId);
  });

  it('filters by field and keyword from the address, ignoring what it does not know', async () => {
    expect(allianceQuery({ field: 'nonsense', q: ['  氢能 ', 'x'], page: '0' })).toEqual({
      fieldCode: null,
      q: '氢能',
      page: 1,
    });
    const other = await pages.alliances({ field: 'life-health' });
    expect(cards(other.html)).toBe('');
    expect(other.html).toContain('没有符合条件的创新联盟');
    const found = await pages.alliances({ field: 'low-carbon-energy', q: '低碳' });
    expect(cards(found.html)).toContain(publicPaths.alliance(approvedId));
  });
});

describe('an alliance’s page', () => {
  it('shows the lead firm, members with their types, purpose, and the charter as on file', async () => {
    const p = await pages.alliance(approvedId);
    expect(p.status).toBe(200);
    expect(p.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(p.html).toMatch(/<dt>牵头单位<\/dt>\s*<dd>[^<]+<\/dd>/);
    expect(p.html).toContain(leadName);
    expect(p.html).toMatch(/<dt>联盟章程<\/dt>\s*<dd>章程已备案<\/dd>/);
    expect(p.html).toContain('<td data-label="单位名称">宿州创新理工学院</td>');
    expect(p.html).toContain('<td data-label="单位类型">科研院所</td>');
    expect(p.html).toContain('联合开展氢能与储能关键技术攻关');
    // Escaped, never markup; no people, no file address.
    expect(p.html).not.toContain('<script>');
    expect(p.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;联盟');
    expect(p.html).not.toMatch(/13\d{9}|联系人|\/files\//);
  });

  it('is a 404 for a pending, dissolved, unknown or malformed id', async () => {
    for (const id of [pendingId, dissolvedId, '00000000-0000-4000-8000-000000000000', 'x'])
      expect((await pages.alliance(id)).status).toBe(404);
  });
});

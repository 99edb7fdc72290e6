import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedInput } from '@kc/domain';
import type { PublicPages } from '../src/public';
import { createPublicPages, publicPaths } from '../src/public';
import { NEED_PAGE_SIZE, needQuery } from '../src/public/data';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { firmApplicant } from './awards-support';

/**
 * 需求榜 on the public pages (plan 四.1 / 四.2): published needs only, filtered by kind, field
 * and keyword, paged; a need's page with its fields and how to 揭榜; organisations named,
 * people never; every value escaped; anything not published a 404.
 */
let h: Harness;
let pages: PublicPages;

const HOSTILE = '<script>alert(1)</script>需求';
const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const technologyNeed = {
  kind: 'technology' as const,
  title: '氢燃料电池膜电极低铂催化剂',
  fieldCode: 'low-carbon-energy' as const,
  subFieldCode: 'membrane-electrode',
  problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
  indicators: '铂载量不高于0.2毫克每平方厘米，功率密度不低于1.2瓦每平方厘米',
  coFundFen: 300_000_000n,
  deadline: '2028-12-31',
};

const scenarioNeed = {
  kind: 'scenario' as const,
  title: '园区无人配送场景',
  applicationDomain: 'city-management' as const,
  fieldCode: 'aerospace-information' as const,
  problem: '在高新区园区内开展无人机与无人车配送，需要解决空域协同和末端投递问题。',
  site: '宿州高新区金江路',
  budgetMinFen: 10_000_000n,
  budgetMaxFen: 50_000_000n,
};

let firm: Awaited<ReturnType<typeof firmApplicant>>;
let technologyId: string;
let scenarioId: string;
let unpublishedId: string;
let hostileId: string;

/** Only the cards of the list (the `<ul class="cards">`), so the form and nav do not count. */
function cards(html: string): string {
  return html.match(/<ul class="cards">[\s\S]*?<\/ul>/)?.[0] ?? '';
}
/** `<dt>label</dt><dd>value</dd>`, whatever whitespace sits between them. */
function expectFact(html: string, label: string, value: string) {
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(html).toMatch(new RegExp(`<dt>${literal(label)}</dt>\\s*<dd>${literal(value)}</dd>`));
}
const cardCount = (html: string) => (cards(html).match(/<li>/g) ?? []).length;

let officer: Awaited<ReturnType<Harness['officer']>>;

async function post(need: NeedInput, publish = true) {
  const posted = await firm.client.needs.post.mutate(need);
  if (publish) {
    officer ??= await h.officer('yongqiao');
    await officer.needs.curate.mutate({
      id: posted.id,
      expectedVersion: posted.version,
      action: 'publish',
    });
  }
  return posted.id;
}

beforeAll(async () => {
  h = await createHarness();
  pages = createPublicPages({ db: h.db, now: () => h.clock.now });
  firm = await firmApplicant(h, 'yongqiao');
  // Published at 01:30 Beijing time on 1 December: the day shown is Shanghai's, not UTC's.
  h.clock.now = new Date('2026-11-30T17:30:00Z');
  try {
    technologyId = await post(technologyNeed);
  } finally {
    h.clock.now = new Date('2026-11-27T02:00:00Z');
  }
  scenarioId = await post(scenarioNeed);
  unpublishedId = await post({ ...technologyNeed, title: '尚未发布的储能需求' }, false);
  hostileId = await post({ ...scenarioNeed, title: '园区巡检场景需求' });
  // A title as a hostile poster could type it (the form keeps it as text).
  await h.prisma.innovationNeed.update({ where: { id: hostileId }, data: { title: HOSTILE } });
});
afterAll(async () => {
  await h?.close();
});

describe('the need board list', () => {
  it('is in the public nav and lists the published needs only, with their facts', async () => {
    const index = await pages.index();
    expect(index.html).toContain('href="/public/needs">需求榜</a>');

    const list = await pages.needs();
    expect(list.status).toBe(200);
    expect(list.html).toContain('<a href="/public/needs" aria-current="page">需求榜</a>');
    expect(list.html.match(/<h1[ >]/g)).toHaveLength(1);
    const body = cards(list.html);
    expect(body).toContain(`href="${publicPaths.need(technologyId)}"`);
    expect(body).toContain(`href="${publicPaths.need(scenarioId)}"`);
    expect(body).not.toContain(unpublishedId);
    expect(list.html).not.toContain('尚未发布的储能需求');
    expect(cardCount(list.html)).toBe(3);

    // The technology need: number, title, kind, field, organisation, area, date, co-funding, deadline.
    expect(body).toMatch(/编号：SZKC-XQ-2026-\d{4}/);
    expect(body).toContain('氢燃料电池膜电极低铂催化剂');
    expect(body).toContain('技术攻关需求');
    expect(body).toContain('产业方向：低碳能源');
    expect(body).toContain(`发布单位：${firm.org.name}`);
    expect(body).toContain('所在区域：埇桥区');
    expect(body).toContain('发布日期：2026年12月1日');
    expect(body).toContain('企业拟投入资金：¥3,000,000.00');
    expect(body).toContain('期望完成日期：2028年12月31日');
    // The scenario need: budget range and site.
    expect(body).toContain('应用场景需求');
    expect(body).toContain('发布日期：2026年11月27日');
    expect(body).toContain('预算：¥100,000.00至¥500,000.00');
    expect(body).toContain('场景所在地：宿州高新区金江路');
    expect(list.html).toContain('在“宿州科创”微信小程序 政策—需求榜 中揭榜');
  });

  it('filters by kind and by field, keeping the other filter in its links', async () => {
    const technology = await pages.needs({ kind: 'technology' });
    expect(cardCount(technology.html)).toBe(1);
    expect(cards(technology.html)).toContain('氢燃料电池膜电极低铂催化剂');
    expect(technology.html).toContain(
      '<a href="/public/needs?kind=technology" aria-current="page">技术攻关需求</a>',
    );
    expect(technology.html).toContain('<input type="hidden" name="kind" value="technology" />');

    const scenario = await pages.needs({ kind: 'scenario' });
    expect(cardCount(scenario.html)).toBe(2);
    expect(cards(scenario.html)).not.toContain('氢燃料电池');

    const field = await pages.needs({ field: 'aerospace-information' });
    expect(cardCount(field.html)).toBe(2);
    expect(field.html).toContain(
      '<option value="aerospace-information" selected>空天信息</option>',
    );
    expect(field.html).toContain(
      'href="/public/needs?kind=scenario&amp;field=aerospace-information"',
    );

    const none = await pages.needs({ kind: 'technology', field: 'aerospace-information' });
    expect(cardCount(none.html)).toBe(0);
    expect(none.html).toContain('没有符合条件的需求');

    // Unknown values are ignored, not errors: the whole board.
    const unknown = await pages.needs({ kind: 'people', field: 'nope', page: 'x' });
    expect(unknown.status).toBe(200);
    expect(cardCount(unknown.html)).toBe(3);
  });

  it('searches titles by keyword; the keyword goes back into the form escaped', async () => {
    const found = await pages.needs({ q: '膜电极' });
    expect(cardCount(found.html)).toBe(1);
    expect(cards(found.html)).toContain('氢燃料电池膜电极低铂催化剂');
    expect(found.html).toContain('value="膜电极"');

    const wildcard = await pages.needs({ q: '%' });
    expect(cardCount(wildcard.html)).toBe(0);

    const hostile = await pages.needs({ q: '"><b>x' });
    expect(hostile.status).toBe(200);
    expect(hostile.html).toContain('value="&quot;&gt;&lt;b&gt;x"');
    expect(hostile.html).not.toContain('<b>x');

    expect(needQuery({ q: `  ${'长'.repeat(80)}  ` }).q).toHaveLength(50);
    expect(needQuery({ q: 'a\u0000b' }).q).toBe('');
    expect(needQuery({ q: ['膜电极', '其他'] }).q).toBe('膜电极');
  });

  it('pages, with stable escaped addresses that keep the filters', async () => {
    for (let i = 1; i <= NEED_PAGE_SIZE; i++)
      await post({ ...technologyNeed, title: `分页测试需求第${i}项` });
    const first = await pages.needs({ q: '分页测试', kind: 'technology' });
    expect(cardCount(first.html)).toBe(NEED_PAGE_SIZE);
    expect(first.html).toContain('共 20 项需求');
    expect(first.html).not.toContain('aria-label="分页"');

    await post({ ...technologyNeed, title: `分页测试需求第${NEED_PAGE_SIZE + 1}项` });
    const one = await pages.needs({ q: '分页测试', kind: 'technology' });
    expect(one.html).toContain('共 21 项需求');
    expect(one.html).toContain('第 1 页，共 2 页');
    const next = `/public/needs?kind=technology&amp;q=${encodeURIComponent('分页测试')}&amp;page=2`;
    expect(one.html).toContain(`<a href="${next}" rel="next">下一页</a>`);
    expect(one.html).not.toContain('上一页');

    const two = await pages.needs({ q: '分页测试', kind: 'technology', page: '2' });
    expect(cardCount(two.html)).toBe(1);
    expect(two.html).toContain('第 2 页，共 2 页');
    expect(two.html).toContain('rel="prev">上一页</a>');
    expect(two.html).not.toContain('下一页');
    // Every need once across the pages.
    const ids = [one.html, two.html].flatMap((p) =>
      [...cards(p).matchAll(/href="\/public\/needs\/([^"]+)"/g)].map((m) => m[1]),
    );
    expect(new Set(ids).size).toBe(NEED_PAGE_SIZE + 1);

    const past = await pages.needs({ q: '分页测试', kind: 'technology', page: '9' });
    expect(past.status).toBe(200);
    expect(past.html).toContain('本页没有内容');
    expect(past.html).toContain(
      `href="/public/needs?kind=technology&amp;q=${encodeURIComponent('分页测试')}&amp;page=2" rel="prev"`,
    );
  });
});

describe('a need page', () => {
  it('shows a technology need’s fields in Chinese and how to 揭榜', async () => {
    const page = await pages.need(technologyId);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>氢燃料电池膜电极低铂催化剂</h1>');
    for (const [label, value] of [
      ['需求类型', '技术攻关需求'],
      ['产业方向', '低碳能源'],
      ['细分方向', '膜电极'],
      ['发布单位', firm.org.name],
      ['所在区域', '埇桥区'],
      ['发布日期', '2026年12月1日'],
      ['企业拟投入资金', '¥3,000,000.00'],
      ['期望完成日期', '2028年12月31日'],
    ] as const)
      expectFact(page.html, label, value);
    expect(page.html).toContain(technologyNeed.problem);
    expect(page.html).toContain('关键技术指标');
    expect(page.html).toContain(technologyNeed.indicators);
    expect(page.html).toContain('在“宿州科创”微信小程序 政策—需求榜 中揭榜');
  });

  it('shows a scenario need’s domain, budget range and site', async () => {
    const page = await pages.need(scenarioId);
    expect(page.status).toBe(200);
    expectFact(page.html, '应用领域', '城市建管');
    expectFact(page.html, '预算', '¥100,000.00至¥500,000.00');
    expectFact(page.html, '场景所在地', '宿州高新区金江路');
    expect(page.html).toContain('场景需求描述');
    expect(page.html).not.toContain('关键技术指标');
  });

  it('names the organisation, never a person: no contact name, phone or internal id as text', async () => {
    const org = await h.prisma.organisation.findUniqueOrThrow({ where: { id: firm.org.id } });
    const poster = await h.prisma.user.findUniqueOrThrow({ where: { id: firm.userId } });
    const secrets = [org.contactName, org.contactPhone, org.creditCode, poster.displayName];
    for (const p of [
      await pages.needs(),
      await pages.need(technologyId),
      await pages.need(scenarioId),
    ]) {
      for (const secret of secrets) expect(p.html).not.toContain(secret);
      expect(p.html.replace(/href="[^"]*"/g, '')).not.toMatch(UUID_TEXT);
    }
  });

  it('escapes an HTML title in the list and on its page', async () => {
    for (const p of [await pages.needs({ q: 'alert' }), await pages.need(hostileId)]) {
      expect(p.html).not.toContain(HOSTILE);
      expect(p.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;需求');
      expect(p.html).not.toMatch(/<script/i);
    }
  });

  it('answers the 404 page for unpublished, closed, unknown and malformed ids', async () => {
    const scenario = await h.prisma.innovationNeed.findUniqueOrThrow({ where: { id: hostileId } });
    await officer.needs.curate.mutate({
      id: hostileId,
      expectedVersion: scenario.version,
      action: 'close',
    });
    for (const id of [
      unpublishedId,
      hostileId,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      "1' OR '1'='1",
    ]) {
      const page = await pages.need(id);
      expect(page.status, id).toBe(404);
      expect(page.html).toContain('页面不存在');
    }
    expect((await pages.needs({ q: 'alert' })).html).toContain('没有符合条件的需求');
  });
});

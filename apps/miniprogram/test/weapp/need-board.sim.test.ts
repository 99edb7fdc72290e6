import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, type FakeOutcome, fakeTrpcServer, sent } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;
const NEED_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const PROBLEM = '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。';
const INDICATORS = '铂载量不高于0.2毫克每平方厘米，功率密度不低于1.2瓦每平方厘米';

/** A published need as the public board gives it (no people). */
const boardNeed = (n: number) => ({
  id: n === 1 ? NEED_ID : `00000000-0000-4000-8000-00000000000${n}`,
  number: `SZKC-XQ-2026-000${n}`,
  kind: 'technology',
  kindName: '技术攻关需求',
  title: n === 1 ? '氢燃料电池膜电极低铂催化剂' : `技术攻关需求第${n}项`,
  fieldCode: 'low-carbon-energy',
  fieldName: '低碳能源',
  subFieldName: '膜电极',
  areaName: '埇桥区',
  organisationName: '安徽宿氢新能源科技有限公司',
  details: {
    subFieldCode: 'membrane-electrode',
    problem: PROBLEM,
    indicators: INDICATORS,
    coFundFen: 300_000_000n,
    deadline: '2028-12-31',
  },
  publishedAt: new Date('2026-12-01T02:00:00Z'),
});

const RESEARCHER = {
  type: 'researcher',
  researcher: { name: '李明', institutionName: '宿州学院' },
};

/**
 * 需求榜 in the WeChat build (issue 14): the public board without login, a need and 我要揭榜,
 * the 揭榜 form with its checks and the server's refusals, and a returned need corrected.
 */
describe('需求榜 in the WeChat build', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.toasts.length = 0;
    sim.navigations.length = 0;
    sim.loginCodes.length = 0;
  });
  const loggedIn = () => {
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
    sim.storage.set('kc.consent', new Date().toISOString());
  };

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  it('lists, filters, searches and pages the board without login', async () => {
    const seen = serve((path, input) => {
      if (path !== 'needs.published') return { data: null };
      const { page } = input as { page: number };
      const items = page === 1 ? Array.from({ length: 10 }, (_, i) => boardNeed(i + 1)) : [];
      return {
        data: { items: page === 2 ? [boardNeed(11)] : items, total: 11, page, pageSize: 10 },
      };
    });
    const page = await sim.openPage('packages/needs/board/index');
    // Public: no login, no token.
    expect(sim.loginCodes).toEqual([]);
    expect(sim.navigations).toEqual([]);
    expect(seen[0]?.header.Authorization).toBeUndefined();
    expect(page.text('#board-total')).toBe('共 11 项需求');
    expect(page.text(`#board-need-${NEED_ID}`)).toContain('氢燃料电池膜电极低铂催化剂');
    expect(page.text(`#board-need-${NEED_ID}`)).toContain('安徽宿氢新能源科技有限公司');

    await page.tap('#board-more');
    expect(page.text(`#board-need-${boardNeed(11).id}`)).toContain('技术攻关需求第11项');
    expect(page.text(`#board-need-${boardNeed(10).id}`)).toContain('技术攻关需求第10项');
    expect(page.query('#board-more')).toBeFalsy();

    await page.tap('#board-kind-technology');
    await page.tap('#board-field-low-carbon-energy');
    await page.input('#board-q', ' 膜电极 ');
    await page.tap('#board-search');
    expect(sent(seen, 'needs.published')).toEqual([
      { page: 1, pageSize: 10 },
      { page: 2, pageSize: 10 },
      { page: 1, pageSize: 10, kind: 'technology' },
      { page: 1, pageSize: 10, kind: 'technology', fieldCode: 'low-carbon-energy' },
      { page: 1, pageSize: 10, kind: 'technology', fieldCode: 'low-carbon-energy', q: '膜电极' },
    ]);
    await page.tap('#board-kind-all');
    expect(sent(seen, 'needs.published').at(-1)).toEqual({
      page: 1,
      pageSize: 10,
      fieldCode: 'low-carbon-energy',
      q: '膜电极',
    });

    await page.tap(`#board-need-${NEED_ID}`);
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/needs/item/index?id=${NEED_ID}` },
    ]);
  });

  it('says so when nothing matches', async () => {
    serve((path) =>
      path === 'needs.published'
        ? { data: { items: [], total: 0, page: 1, pageSize: 10 } }
        : { data: null },
    );
    const page = await sim.openPage('packages/needs/board/index');
    expect(page.text('#board-empty')).toContain('暂无发布的需求');
  });

  it('shows a need to anyone; 我要揭榜 asks a stranger to log in', async () => {
    const seen = serve((path) =>
      path === 'needs.publishedById' ? { data: boardNeed(1) } : { data: null },
    );
    const page = await sim.openPage('packages/needs/item/index', { id: NEED_ID });
    expect(sent(seen, 'needs.publishedById')).toEqual([{ id: NEED_ID }]);
    expect(page.text('#item-title')).toBe('氢燃料电池膜电极低铂催化剂');
    expect(page.text('#item-indicators')).toBe(INDICATORS);
    expect(page.text('#item-coFundFen')).toBe('¥3,000,000.00');
    await page.tap('#item-respond');
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/login/index' }]);
  });

  it('opens the 揭榜 form for someone logged in', async () => {
    loggedIn();
    serve((path) => (path === 'needs.publishedById' ? { data: boardNeed(1) } : { data: null }));
    const page = await sim.openPage('packages/needs/item/index', { id: NEED_ID });
    await page.tap('#item-respond');
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/needs/respond/index?id=${NEED_ID}` },
    ]);
  });

  it('揭榜 needs ten characters, and shows the server’s refusals in Chinese', async () => {
    loggedIn();
    let answer: FakeOutcome = {
      error: {
        message: '您已对该需求揭榜，无需重复提交',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
      },
    };
    const seen = serve((path) => {
      if (path === 'needs.publishedById') return { data: boardNeed(1) };
      if (path === 'profile.mine') return { data: RESEARCHER };
      if (path === 'needs.respond') return answer;
      return { data: null };
    });
    const page = await sim.openPage('packages/needs/respond/index', { id: NEED_ID });
    expect(page.text('#respond-need-title')).toBe('氢燃料电池膜电极低铂催化剂');
    expect(page.text('#respond-as')).toContain('李明（宿州学院）');

    await page.input('#respond-message', '我们可以做');
    await page.tap('#respond-submit');
    expect(page.text('#respond-message-error')).toBe('揭榜说明至少10个字');
    expect(sent(seen, 'needs.respond')).toEqual([]);

    const message = '团队有五年膜电极研发经验，已建成中试线，联系电话13900000000';
    await page.input('#respond-message', message);
    await page.tap('#respond-submit');
    expect(page.text('#respond-error')).toBe('您已对该需求揭榜，无需重复提交');

    answer = {
      error: {
        message: '不能对本单位发布的需求揭榜',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
      },
    };
    await page.tap('#respond-submit');
    expect(page.text('#respond-error')).toBe('不能对本单位发布的需求揭榜');

    answer = { data: { responded: true } };
    await page.tap('#respond-submit');
    expect(sent(seen, 'needs.respond')).toEqual([
      { id: NEED_ID, message },
      { id: NEED_ID, message },
      { id: NEED_ID, message },
    ]);
    expect(page.text('#respond-done')).toContain('已提交揭榜');
    expect(page.query('#respond-submit')).toBeFalsy();
  });

  it('asks someone without a profile to complete it before 揭榜', async () => {
    loggedIn();
    serve((path) => {
      if (path === 'needs.publishedById') return { data: boardNeed(1) };
      if (path === 'profile.mine') return { data: { type: null } };
      return { data: null };
    });
    const page = await sim.openPage('packages/needs/respond/index', { id: NEED_ID });
    expect(page.text('#respond-no-profile')).toContain('请先完善资料');
    expect(page.query('#respond-submit')).toBeFalsy();
  });

  it('corrects a returned 攻关需求 with its version, money as fen', async () => {
    loggedIn();
    const returned = {
      ...boardNeed(1),
      publishedAt: null,
      status: 'returned',
      statusName: '退回修改',
      returnComment: '请补充企业拟投入资金的来源',
      version: 4,
      responses: [],
      vpNeeds: [],
    };
    const seen = serve((path) => {
      if (path === 'needs.mine') return { data: [returned] };
      if (path === 'needs.update') return { data: { ...returned, status: 'submitted' } };
      return { data: null };
    });
    const page = await sim.openPage('packages/needs/post/index', { id: NEED_ID });
    expect(page.text('#need-form-returned')).toBe('退回意见：请补充企业拟投入资金的来源');
    expect(
      page.query('#need-form-subFieldCode-membrane-electrode')?.dom.getAttribute('class'),
    ).toContain('chip--active');
    await page.input('#need-form-coFundFen', '3500000');
    await page.tap('#need-form-submit');
    expect(sent(seen, 'needs.update')).toEqual([
      {
        id: NEED_ID,
        expectedVersion: 4,
        need: {
          kind: 'technology',
          title: '氢燃料电池膜电极低铂催化剂',
          fieldCode: 'low-carbon-energy',
          subFieldCode: 'membrane-electrode',
          problem: PROBLEM,
          indicators: INDICATORS,
          coFundFen: 350_000_000n,
          deadline: '2028-12-31',
        },
      },
    ]);
    expect(sim.toasts).toContain('已重新提交');
  });

  it('opens 发布需求 and the board from 我的需求, and the board from 政策', async () => {
    loggedIn();
    serve((path) => {
      if (path === 'needs.mine') return { data: [] };
      if (path === 'programmes.open') return { data: [] };
      return { data: 0 };
    });
    const mine = await sim.openPage('packages/needs/mine/index');
    await mine.tap('#needs-post');
    await mine.tap('#needs-board');
    const home = await sim.openPage('pages/programmes/index');
    await home.tap('#programmes-needs');
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: '/packages/needs/post/index' },
      { api: 'navigateTo', url: '/packages/needs/board/index' },
      { api: 'navigateTo', url: '/packages/needs/board/index' },
    ]);
  });
});

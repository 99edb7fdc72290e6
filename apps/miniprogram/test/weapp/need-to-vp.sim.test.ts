import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, type FakeOutcome, fakeTrpcServer, sent } from '../support/fake-api';
import { type PageHandle, type Simulated, bootMiniProgram, startSignedIn } from './harness';

const NEED_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

const PROBLEM = '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。';
const INDICATORS = '铂载量不高于0.2毫克每平方厘米，功率密度不低于1.2瓦每平方厘米';

const NEED = {
  id: NEED_ID,
  number: 'SZKC-XQ-2026-0007',
  kind: 'technology',
  kindName: '技术攻关需求',
  title: '氢燃料电池膜电极低铂催化剂',
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
  status: 'published',
  statusName: '已发布',
  returnComment: null,
  version: 2,
  responses: [],
  vpNeeds: [{ callId: 'c1', callTitle: '2026年度科技副总选派（第一批）', withdrawn: false }],
};

const call = (id: string, title: string) => ({
  id,
  number: `KJFZ-2026-0${id.slice(1)}`,
  year: 2026,
  title,
  status: 'open',
  statusLabel: '需求征集中',
  needsDeadline: '2026-12-20',
  applicationsDeadline: '2026-12-31',
});

/**
 * Issue 14: a firm turns its published 技术攻关需求 into a 科技副总 need, from the need's page
 * to the 科技副总 form filled from it, in the WeChat build.
 */
describe('a published 攻关需求 turned into a 科技副总 need in the WeChat build', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    startSignedIn(sim);
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }
  /** A node's attributes as Taro hands them to the template (the simulator shows no input value). */
  function rendered(page: PageHandle, uid: string): unknown[] {
    const find = (node: unknown): Record<string, unknown> | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      if ((node as { uid?: unknown }).uid === uid) return node as Record<string, unknown>;
      for (const child of Object.values(node)) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const node = find((page.comp.instance as { data?: unknown }).data);
    if (!node) throw new Error(`#${uid} is not rendered`);
    return Object.values(node);
  }

  it('lists the firm’s needs and opens one', async () => {
    serve((path) => (path === 'needs.mine' ? { data: [NEED] } : { data: null }));
    const page = await sim.openPage('packages/needs/mine/index');
    expect(page.text(`#need-${NEED_ID}`)).toContain('氢燃料电池膜电极低铂催化剂');
    expect(page.text(`#need-${NEED_ID}-status`)).toBe('已发布');
    await page.tap(`#need-${NEED_ID}`);
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/needs/detail/index?id=${NEED_ID}` },
    ]);
  });

  it('offers the open calls it has not gone into, and opens the form for one', async () => {
    const seen = serve((path) => {
      if (path === 'needs.mine') return { data: [NEED] };
      if (path === 'vp.calls.list')
        return {
          data: [
            call('c1', '2026年度科技副总选派（第一批）'),
            call('c2', '2026年度科技副总选派（第二批）'),
          ],
        };
      return { data: null };
    });
    const page = await sim.openPage('packages/needs/detail/index', { id: NEED_ID });
    expect(page.text('#need-status')).toBe('已发布');
    expect(page.text('#need-vp-done-c1')).toBe(
      '已转为“2026年度科技副总选派（第一批）”的科技副总需求',
    );
    // Only calls collecting needs are asked for.
    expect(sent(seen, 'vp.calls.list')).toEqual([{ status: 'open' }]);

    await page.tap('#need-vp-convert');
    expect(page.query('#need-vp-call-c1')).toBeFalsy();
    expect(page.text('#need-vp-call-c2')).toContain('2026年度科技副总选派（第二批）');
    await page.tap('#need-vp-call-c2');
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/vp/need/index?callId=c2&fromNeedId=${NEED_ID}` },
    ]);
  });

  it('shows no action on a need under review', async () => {
    const seen = serve((path) =>
      path === 'needs.mine'
        ? { data: [{ ...NEED, status: 'submitted', statusName: '待审核', vpNeeds: [] }] }
        : { data: null },
    );
    const page = await sim.openPage('packages/needs/detail/index', { id: NEED_ID });
    expect(page.text('#need-status')).toBe('待审核');
    expect(page.query('#need-vp-convert')).toBeFalsy();
    expect(sent(seen, 'vp.calls.list')).toEqual([]);
  });

  it('fills the 科技副总 form from the need and sends fromNeedId; a refusal shows', async () => {
    let answer: FakeOutcome = {
      error: {
        message: '需求SZKC-XQ-2026-0007已转为本批次的科技副总需求，不能重复转入',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
      },
    };
    const seen = serve((path) => {
      if (path === 'needs.mine') return { data: [NEED] };
      if (path === 'vp.needs.create') return answer;
      return { data: null };
    });
    const page = await sim.openPage('packages/vp/need/index', {
      callId: 'c2',
      fromNeedId: NEED_ID,
    });
    expect(page.text('#need-source')).toBe(
      '已从攻关需求 SZKC-XQ-2026-0007 带入需求名称、领域和难题描述，请补充所需专长、到岗天数等',
    );
    expect(rendered(page, 'need-title')).toContain('氢燃料电池膜电极低铂催化剂');
    expect(rendered(page, 'need-problem')).toContain(`${PROBLEM}\n关键技术指标：${INDICATORS}`);
    expect(rendered(page, 'need-expertiseWanted')).not.toContain(PROBLEM);
    expect(page.query('#need-fieldCode-low-carbon-energy')?.dom.getAttribute('class')).toContain(
      'chip--active',
    );
    expect(
      page.query('#need-subFieldCode-membrane-electrode')?.dom.getAttribute('class'),
    ).toContain('chip--active');

    await page.input('#need-expertiseWanted', '低铂催化剂、膜电极涂布工艺');
    await page.input('#need-daysPerYear', '60');
    await page.tap('#need-submit');
    expect(page.text('#need-error')).toBe(
      '需求SZKC-XQ-2026-0007已转为本批次的科技副总需求，不能重复转入',
    );

    answer = { data: { id: 'v1' } };
    await page.tap('#need-submit');
    const creates = sent(seen, 'vp.needs.create');
    expect(creates).toHaveLength(2);
    expect(creates[1]).toEqual({
      callId: 'c2',
      fromNeedId: NEED_ID,
      need: {
        title: '氢燃料电池膜电极低铂催化剂',
        fieldCode: 'low-carbon-energy',
        subFieldCode: 'membrane-electrode',
        problem: `${PROBLEM}\n关键技术指标：${INDICATORS}`,
        expertiseWanted: '低铂催化剂、膜电极涂布工艺',
        daysPerYear: 60,
        positions: 1,
        investorInstitutions: [],
        priorPartners: [],
      },
    });
    expect(sim.toasts).toContain('已发布');
  });
});

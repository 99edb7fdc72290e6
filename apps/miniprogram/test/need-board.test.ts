// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import { needResponseSchema } from '@kc/domain';
import type { MyNeed } from '../src/packages/needs/data';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in need-to-vp.test.ts), so the form runs in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { NeedForm } = await import('../src/packages/needs/post/NeedForm');
const { MyNeedDetail } = await import('../src/packages/needs/detail/MyNeedDetail');
const data = await import('../src/packages/needs/data');
const { hasMore } = await import('../src/hooks/usePagedList');

const NEED_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const PROBLEM = '在高新区园区内开展无人机与无人车配送，需要解决空域协同和末端投递问题。';

const returnedNeed = (over: Partial<MyNeed> = {}) =>
  ({
    id: NEED_ID,
    number: 'SZKC-XQ-2026-0003',
    kind: 'scenario',
    kindName: '应用场景需求',
    title: '园区无人配送场景',
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    subFieldName: null,
    areaName: '埇桥区',
    organisationName: '宿州高新区管委会',
    details: {
      applicationDomain: 'city-management',
      problem: PROBLEM,
      site: '宿州高新区',
      budgetMinFen: 10_000_000n,
      budgetMaxFen: 50_000_000n,
    },
    publishedAt: null,
    status: 'returned',
    statusName: '退回修改',
    returnComment: '请写明场景开放的时间段和配套条件',
    version: 3,
    responses: [],
    vpNeeds: [],
    ...over,
  }) as MyNeed;

describe('the need form’s rules, from the domain', () => {
  it('builds each kind from its own schema with the Chinese labels', () => {
    const tech = data.needFormSchema('technology');
    const titles = Object.fromEntries(
      (Object.entries(tech.shape) as [string, { meta(): { title?: string } | undefined }][]).map(
        ([k, v]) => [k, v.meta()?.title],
      ),
    );
    expect(titles).toMatchObject({ subFieldCode: '细分方向', coFundFen: '企业拟投入资金' });
    expect(data.KIND_OPTIONS).toEqual([
      { code: 'scenario', name: '应用场景需求' },
      { code: 'technology', name: '技术攻关需求' },
    ]);
  });

  it('edits only while 待审核 or 退回修改, starting from the stored need', () => {
    expect(data.canEditNeed({ status: 'returned' })).toBe(true);
    expect(data.canEditNeed({ status: 'submitted' })).toBe(true);
    for (const status of ['published', 'merged', 'closed'] as const)
      expect(data.canEditNeed({ status })).toBe(false);
    expect(data.needFormInitial('technology', null)).toEqual({ kind: 'technology' });
    expect(data.needFormInitial('technology', returnedNeed())).toMatchObject({
      kind: 'scenario',
      title: '园区无人配送场景',
      budgetMaxFen: 50_000_000n,
    });
  });

  it('asks the board for what is filtered, blanks left out', () => {
    expect(data.boardQuery({}, 1)).toEqual({ page: 1, pageSize: 10 });
    expect(
      data.boardQuery({ kind: 'technology', fieldCode: 'low-carbon-energy', q: '  膜电极 ' }, 3),
    ).toEqual({
      page: 3,
      pageSize: 10,
      kind: 'technology',
      fieldCode: 'low-carbon-energy',
      q: '膜电极',
    });
    expect(data.boardQuery({ q: '   ' }, 1)).toEqual({ page: 1, pageSize: 10 });
    expect(hasMore(10, 11)).toBe(true);
    expect(hasMore(11, 11)).toBe(false);
  });

  it('responds as the researcher with the institution, or the organisation, or not at all', () => {
    expect(
      data.responderOf({
        type: 'researcher',
        researcher: { name: '李明', institutionName: '宿州学院' },
      } as never),
    ).toBe('李明（宿州学院）');
    expect(
      data.responderOf({ type: 'organisation', organisation: { name: '宿州某科技公司' } } as never),
    ).toBe('宿州某科技公司');
    expect(data.responderOf({ type: null })).toBeNull();
  });

  it('揭榜 takes 10 to 1000 characters (the domain’s needResponseSchema)', () => {
    expect(needResponseSchema.safeParse({ message: '我们可以做' }).success).toBe(false);
    expect(
      needResponseSchema.safeParse({ message: '团队有五年膜电极研发经验，联系电话13900000000' })
        .success,
    ).toBe(true);
  });
});

describe('on screen', () => {
  const screen = createScreen();
  const { $, text, render, click, type } = screen;

  it('posts a 技术攻关需求: a sub-field outside the field is refused, money goes as fen', async () => {
    const seen = fakeApi((path) =>
      path === 'needs.post' ? { data: { id: 'n-new' } } : { data: null },
    );
    const saved: string[] = [];
    await render(createElement(NeedForm, { need: null, onSaved: (id) => saved.push(id) }));
    // 应用场景需求 first; 技术攻关需求 has its own fields.
    expect($('need-form-applicationDomain')).not.toBeNull();
    expect($('need-form-coFundFen')).toBeNull();
    await click('need-form-kind-technology');
    expect($('need-form-applicationDomain')).toBeNull();
    expect(text('need-form-coFundFen-label')).toBe('企业拟投入资金（元）');

    await type('need-form-title', '氢燃料电池膜电极低铂催化剂');
    await click('need-form-fieldCode-low-carbon-energy');
    await click('need-form-subFieldCode-membrane-electrode');
    // Another field: the sub-field chosen under the first no longer belongs.
    await click('need-form-fieldCode-aerospace-information');
    await type(
      'need-form-problem',
      '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
    );
    await type('need-form-indicators', '铂载量不高于0.2毫克每平方厘米');
    await type('need-form-coFundFen', '3000000.5');
    await type('need-form-deadline', '2028-12-31');
    await click('need-form-submit');
    expect(text('need-form-subFieldCode-error')).toBe('细分方向须属于所选的产业领域');
    expect(sent(seen, 'needs.post')).toEqual([]);

    await click('need-form-fieldCode-low-carbon-energy');
    await click('need-form-subFieldCode-membrane-electrode');
    expect($('need-form-subFieldCode-error')).toBeNull();
    await click('need-form-submit');
    expect(sent(seen, 'needs.post')).toEqual([
      {
        kind: 'technology',
        title: '氢燃料电池膜电极低铂催化剂',
        fieldCode: 'low-carbon-energy',
        subFieldCode: 'membrane-electrode',
        problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
        indicators: '铂载量不高于0.2毫克每平方厘米',
        coFundFen: 300_000_050n,
        deadline: '2028-12-31',
      },
    ]);
    expect(saved).toEqual(['n-new']);
  });

  it('posts a 应用场景需求 only with the budget the right way up', async () => {
    let answer: FakeOutcome = {
      error: {
        message:
          '单位尚未通过机构认证，请先在“我的—机构认证”提交营业执照等材料，认证通过后才能提交',
        code: 'FORBIDDEN',
        httpStatus: 403,
        appCode: 'ORGANISATION_NOT_VERIFIED',
      },
    };
    const seen = fakeApi((path) => (path === 'needs.post' ? answer : { data: null }));
    await render(createElement(NeedForm, { need: null, onSaved: () => undefined }));
    await type('need-form-title', '园区无人配送场景');
    await click('need-form-applicationDomain-city-management');
    await click('need-form-fieldCode-aerospace-information');
    await type('need-form-problem', PROBLEM);
    await type('need-form-site', '宿州高新区');
    await type('need-form-budgetMinFen', '500000');
    await type('need-form-budgetMaxFen', '100000');
    await click('need-form-submit');
    expect(text('need-form-budgetMaxFen-error')).toBe('预算上限不能低于下限');
    expect(sent(seen, 'needs.post')).toEqual([]);

    await type('need-form-budgetMaxFen', '1000000');
    await click('need-form-submit');
    // Not verified: said above the button, with the way to 机构认证.
    expect(text('need-form-error')).toContain('单位尚未通过机构认证');
    expect($('need-form-verify')).not.toBeNull();
    expect(sent(seen, 'needs.post')).toHaveLength(1);
    expect(sent(seen, 'needs.post')[0]).toMatchObject({
      kind: 'scenario',
      budgetMinFen: 50_000_000n,
      budgetMaxFen: 100_000_000n,
    });

    answer = {
      error: {
        message: '提交的信息有误',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
        fieldErrors: { site: ['场景所在地不能超过100个字'] },
      },
    };
    await click('need-form-submit');
    expect(text('need-form-site-error')).toBe('场景所在地不能超过100个字');
    expect($('need-form-error')).toBeNull();
  });

  it('corrects a returned need: the comment first, then update with its version', async () => {
    let answer: FakeOutcome = {
      error: {
        message: '该需求刚被更新，请刷新后再试',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'STALE_VERSION',
      },
    };
    const seen = fakeApi((path) => (path === 'needs.update' ? answer : { data: null }));
    const saved: string[] = [];
    await render(
      createElement(NeedForm, { need: returnedNeed(), onSaved: (id) => saved.push(id) }),
    );
    expect(text('need-form-returned')).toBe('退回意见：请写明场景开放的时间段和配套条件');
    // The kind stays (the API refuses a change); the stored money shows in yuan.
    expect($('need-form-kind-technology')).toBeNull();
    expect(($('need-form-budgetMaxFen') as HTMLInputElement).value).toBe('500000');
    await type('need-form-site', '宿州高新区创新大道园区（每日9:00–17:00开放）');
    await click('need-form-submit');
    expect(text('need-form-error')).toBe('该需求刚被更新，请刷新后再试');

    answer = { data: { id: NEED_ID } };
    await click('need-form-submit');
    const updates = sent(seen, 'needs.update');
    expect(updates).toHaveLength(2);
    expect(updates[1]).toEqual({
      id: NEED_ID,
      expectedVersion: 3,
      need: {
        kind: 'scenario',
        title: '园区无人配送场景',
        applicationDomain: 'city-management',
        fieldCode: 'aerospace-information',
        problem: PROBLEM,
        site: '宿州高新区创新大道园区（每日9:00–17:00开放）',
        budgetMinFen: 10_000_000n,
        budgetMaxFen: 50_000_000n,
      },
    });
    expect(saved).toEqual([NEED_ID]);
    expect(taroStub.toasts).toContain('已重新提交');
  });

  it('shows the poster the comment, what happens next, 修改, and who responded', async () => {
    const navigateTo = vi.spyOn(Taro, 'navigateTo');
    await render(createElement(MyNeedDetail, { need: returnedNeed(), calls: [] }));
    expect(text('need-returned')).toBe('退回意见：请写明场景开放的时间段和配套条件');
    expect($('need-next')).toBeNull();
    await click('need-edit');
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/needs/post/index?id=${NEED_ID}`,
    });

    await render(
      createElement(MyNeedDetail, {
        need: returnedNeed({ status: 'submitted', statusName: '待审核', returnComment: null }),
        calls: [],
      }),
    );
    expect(text('need-next')).toContain('区县科技局（或市科技局）审核');
    expect(text('need-edit')).toBe('修改需求');

    await render(
      createElement(MyNeedDetail, {
        need: returnedNeed({
          status: 'published',
          statusName: '已发布',
          returnComment: null,
          responses: [
            {
              id: 'r1',
              who: '李明（宿州学院）',
              message: '团队有五年无人机集群调度经验，联系电话13900000000',
              createdAt: new Date('2026-12-02T02:00:00Z'),
            },
          ],
        }),
        calls: [],
      }),
    );
    expect($('need-edit')).toBeNull();
    expect(text('need-response-r1-who')).toBe('李明（宿州学院）');
    expect(text('need-response-r1-message')).toBe(
      '团队有五年无人机集群调度经验，联系电话13900000000',
    );
  });
});

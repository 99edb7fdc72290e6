// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { vpNeedPrefill } from '@kc/domain';
import Taro from '@tarojs/taro';
import type { MyNeed, VpCall } from '../src/packages/needs/data';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in expert-form.test.ts), so the page parts run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { MyNeedDetail } = await import('../src/packages/needs/detail/MyNeedDetail');
const { VpNeedForm } = await import('../src/packages/vp/need/VpNeedForm');
const { needSource, NOT_CONVERTIBLE } = await import('../src/packages/vp/need/source');
const data = await import('../src/packages/needs/data');

const NEED_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const OPEN_CALL = 'c0000000-0000-4000-8000-000000000001';
const OTHER_OPEN_CALL = 'c0000000-0000-4000-8000-000000000002';
const COLLECTING_CALL = 'c0000000-0000-4000-8000-000000000003';

const DETAILS = {
  subFieldCode: 'membrane-electrode',
  problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
  indicators: '铂载量不高于0.2毫克每平方厘米，功率密度不低于1.2瓦每平方厘米',
  coFundFen: 300_000_000n,
  deadline: '2028-12-31',
};

const need = (over: Partial<MyNeed> = {}) =>
  ({
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
    details: DETAILS,
    publishedAt: new Date('2026-12-01T02:00:00Z'),
    status: 'published',
    statusName: '已发布',
    returnComment: null,
    version: 2,
    responses: [],
    vpNeeds: [],
    ...over,
  }) as MyNeed;

const call = (id: string, title: string, status: VpCall['status'] = 'open') =>
  ({
    id,
    number: 'KJFZ-2026-02',
    year: 2026,
    title,
    status,
    statusLabel: status === 'open' ? '需求征集中' : '人才报名中',
    needsDeadline: '2026-12-20',
    applicationsDeadline: '2026-12-31',
  }) as VpCall;

const CALLS = [
  call(OPEN_CALL, '2026年度科技副总选派（第二批）'),
  call(OTHER_OPEN_CALL, '2026年度科技副总选派（氢能专项）'),
  call(COLLECTING_CALL, '2026年度科技副总选派（第一批）', 'collecting'),
];

describe('what a published 攻关需求 brings into the 科技副总 form', () => {
  it('is the domain’s prefill of the need’s title, field and details', () => {
    const source = needSource(need());
    expect(source).toEqual({
      id: NEED_ID,
      number: 'SZKC-XQ-2026-0007',
      prefill: vpNeedPrefill({ title: need().title, fieldCode: 'low-carbon-energy', ...DETAILS }),
    });
    expect(source.prefill).toEqual({
      title: '氢燃料电池膜电极低铂催化剂',
      fieldCode: 'low-carbon-energy',
      subFieldCode: 'membrane-electrode',
      problem: `${DETAILS.problem}\n关键技术指标：${DETAILS.indicators}`,
    });
  });

  it('refuses a scenario need and an unpublished one in the API’s words', () => {
    for (const n of [
      need({ kind: 'scenario', kindName: '应用场景需求' }),
      need({ status: 'submitted', statusName: '待审核' }),
      need({ status: 'returned', statusName: '退回修改' }),
      need({ status: 'closed', statusName: '已关闭' }),
    ]) {
      expect(() => needSource(n)).toThrow(NOT_CONVERTIBLE);
      expect(data.canTurnIntoVpNeed(n)).toBe(false);
    }
    expect(data.canTurnIntoVpNeed(need())).toBe(true);
  });

  it('offers only calls collecting needs that the need has not gone into', () => {
    const converted = need({
      vpNeeds: [
        { callId: OPEN_CALL, callTitle: '2026年度科技副总选派（第二批）', withdrawn: true },
      ],
    });
    const { done, offered, none } = data.vpConversion(converted, CALLS);
    expect(done).toEqual([
      { callId: OPEN_CALL, text: '已转为“2026年度科技副总选派（第二批）”的科技副总需求（已撤回）' },
    ]);
    expect(offered.map((c) => c.id)).toEqual([OTHER_OPEN_CALL]);
    expect(none).toBeNull();
    expect(data.vpConversion(need(), [CALLS[2] as VpCall]).none).toBe(
      '当前没有正在征集需求的科技副总批次',
    );
  });
});

describe('on screen', () => {
  const screen = createScreen();
  const { $, text, valueOf, render, click, type } = screen;

  it('offers 转为科技副总需求 only on a published technology need', async () => {
    await render(createElement(MyNeedDetail, { need: need(), calls: CALLS }));
    expect(text('need-vp-convert')).toBe('转为科技副总需求');
    expect(text('need-indicators')).toBe(DETAILS.indicators);
    expect(text('need-coFundFen')).toBe('¥3,000,000.00');
    expect(text('need-subFieldCode')).toBe('膜电极');

    for (const other of [
      need({ kind: 'scenario', kindName: '应用场景需求', details: { problem: '园区配送' } }),
      need({ status: 'submitted', statusName: '待审核', publishedAt: null }),
      need({ status: 'returned', statusName: '退回修改', returnComment: '请补充资金来源' }),
      need({ status: 'merged', statusName: '已合并' }),
    ]) {
      await render(createElement(MyNeedDetail, { need: other, calls: CALLS }));
      expect($('need-title')).not.toBeNull();
      expect($('need-vp')).toBeNull();
      expect($('need-vp-convert')).toBeNull();
    }
    expect(text('need-status')).toBe('已合并');
  });

  it('lists the calls collecting needs, and a call opens the form with the need', async () => {
    const navigateTo = vi.spyOn(Taro, 'navigateTo');
    await render(createElement(MyNeedDetail, { need: need(), calls: CALLS }));
    // The list shows once the action is chosen.
    expect($('need-vp-calls')).toBeNull();
    await click('need-vp-convert');
    expect($(`need-vp-call-${OPEN_CALL}`)?.textContent).toContain('2026年度科技副总选派（第二批）');
    expect($(`need-vp-call-${OTHER_OPEN_CALL}`)).not.toBeNull();
    // A call taking researchers' applications takes no more needs.
    expect($(`need-vp-call-${COLLECTING_CALL}`)).toBeNull();
    expect($('need-vp-none')).toBeNull();

    await click(`need-vp-call-${OTHER_OPEN_CALL}`);
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/vp/need/index?callId=${OTHER_OPEN_CALL}&fromNeedId=${NEED_ID}`,
    });
  });

  it('says so when no call is collecting needs', async () => {
    await render(createElement(MyNeedDetail, { need: need(), calls: [CALLS[2] as VpCall] }));
    await click('need-vp-convert');
    expect(text('need-vp-none')).toBe('当前没有正在征集需求的科技副总批次');
    expect(screen.container.querySelector('[id^="need-vp-call-"]')).toBeNull();
  });

  it('does not offer a call the need already went into, and says it did', async () => {
    const converted = need({
      vpNeeds: [
        { callId: OPEN_CALL, callTitle: '2026年度科技副总选派（第二批）', withdrawn: false },
      ],
    });
    await render(createElement(MyNeedDetail, { need: converted, calls: CALLS }));
    expect(text(`need-vp-done-${OPEN_CALL}`)).toBe(
      '已转为“2026年度科技副总选派（第二批）”的科技副总需求',
    );
    await click('need-vp-convert');
    expect($(`need-vp-call-${OPEN_CALL}`)).toBeNull();
    expect($(`need-vp-call-${OTHER_OPEN_CALL}`)).not.toBeNull();

    // Into every open call already: nothing left to offer.
    await render(
      createElement(MyNeedDetail, {
        need: need({
          vpNeeds: [
            { callId: OPEN_CALL, callTitle: '第二批', withdrawn: false },
            { callId: OTHER_OPEN_CALL, callTitle: '氢能专项', withdrawn: false },
          ],
        }),
        calls: CALLS,
      }),
    );
    expect(text('need-vp-none')).toBe('正在征集需求的批次均已转入');
    expect(screen.container.querySelector('[id^="need-vp-call-"]')).toBeNull();
  });

  async function showForm(fake: (path: string, input: unknown) => FakeOutcome) {
    const seen = fakeApi(fake);
    const saved: string[] = [];
    await render(
      createElement(VpNeedForm, {
        callId: OPEN_CALL,
        source: needSource(need()),
        onSaved: () => saved.push('saved'),
      }),
    );
    return { seen, saved };
  }

  it('starts the 科技副总 form from the need and sends fromNeedId', async () => {
    const { seen, saved } = await showForm((path, input) =>
      path === 'vp.needs.create' ? { data: { id: 'v1', ...(input as object) } } : { data: null },
    );
    expect(text('need-source')).toBe(
      '已从攻关需求 SZKC-XQ-2026-0007 带入需求名称、领域和难题描述，请补充所需专长、到岗天数等',
    );
    expect(valueOf('need-title')).toBe('氢燃料电池膜电极低铂催化剂');
    expect(valueOf('need-problem')).toBe(`${DETAILS.problem}\n关键技术指标：${DETAILS.indicators}`);
    expect($('need-fieldCode-low-carbon-energy')?.getAttribute('aria-checked')).toBe('true');
    expect($('need-subFieldCode-membrane-electrode')?.getAttribute('aria-checked')).toBe('true');
    // What only a 科技副总 need asks is left to the firm.
    expect(valueOf('need-expertiseWanted')).toBe('');

    await click('need-submit');
    expect(sent(seen, 'vp.needs.create')).toEqual([]);
    expect(text('need-expertiseWanted-error')).toBe('请填写所需专长');

    await type('need-expertiseWanted', '低铂催化剂、膜电极涂布工艺');
    await type('need-daysPerYear', '60');
    await click('need-submit');
    expect(sent(seen, 'vp.needs.create')).toEqual([
      {
        callId: OPEN_CALL,
        fromNeedId: NEED_ID,
        need: {
          title: '氢燃料电池膜电极低铂催化剂',
          fieldCode: 'low-carbon-energy',
          subFieldCode: 'membrane-electrode',
          problem: `${DETAILS.problem}\n关键技术指标：${DETAILS.indicators}`,
          expertiseWanted: '低铂催化剂、膜电极涂布工艺',
          daysPerYear: 60,
          positions: 1,
          investorInstitutions: [],
          priorPartners: [],
        },
      },
    ]);
    expect(taroStub.toasts).toContain('已发布');
    expect(saved).toEqual(['saved']);
  });

  it('a new need not turned from the board sends no fromNeedId', async () => {
    const seen = fakeApi((path, input) =>
      path === 'vp.needs.create' ? { data: { id: 'v1', ...(input as object) } } : { data: null },
    );
    await render(createElement(VpNeedForm, { callId: OPEN_CALL, onSaved: () => undefined }));
    expect($('need-source')).toBeNull();
    expect(valueOf('need-title')).toBe('');
    await type('need-title', '膜电极涂布工艺攻关');
    await click('need-fieldCode-low-carbon-energy');
    await click('need-subFieldCode-membrane-electrode');
    await type('need-problem', '膜电极涂布一致性差，良品率不足八成，需要改进涂布工艺和在线检测。');
    await type('need-expertiseWanted', '膜电极涂布工艺');
    await type('need-daysPerYear', '40');
    await click('need-submit');
    const [input] = sent(seen, 'vp.needs.create') as Record<string, unknown>[];
    expect(input).toMatchObject({ callId: OPEN_CALL, need: { title: '膜电极涂布工艺攻关' } });
    expect(input).not.toHaveProperty('fromNeedId');
  });

  it('shows the API’s refusal in its Chinese words and stays on the form', async () => {
    const refusal = '需求SZKC-XQ-2026-0007已转为本批次的科技副总需求，不能重复转入';
    const { saved } = await showForm((path) =>
      path === 'vp.needs.create'
        ? {
            error: {
              message: refusal,
              code: 'BAD_REQUEST',
              httpStatus: 400,
              appCode: 'INVALID_INPUT',
            },
          }
        : { data: null },
    );
    await type('need-expertiseWanted', '低铂催化剂、膜电极涂布工艺');
    await type('need-daysPerYear', '60');
    await click('need-submit');
    expect(text('need-error')).toBe(refusal);
    expect(taroStub.toasts).toContain(refusal);
    expect(saved).toEqual([]);
  });

  it('puts a field refusal of the API under its field', async () => {
    await showForm((path) =>
      path === 'vp.needs.create'
        ? {
            error: {
              message: '每项需求最多2人',
              code: 'BAD_REQUEST',
              httpStatus: 400,
              appCode: 'INVALID_INPUT',
              fieldErrors: { 'need.positions': ['每项需求最多2人'] },
            },
          }
        : { data: null },
    );
    await type('need-expertiseWanted', '低铂催化剂、膜电极涂布工艺');
    await type('need-daysPerYear', '60');
    await type('need-positions', '3');
    await click('need-submit');
    expect(text('need-positions-error')).toBe('每项需求最多2人');
  });
});

// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import { SUBMISSION_EVIDENCE, addCalendarDays, todayInShanghai } from '@kc/domain';
import type { BoardNeed } from '../src/packages/needs/data';
import type { MySubmission, PublishedCall } from '../src/packages/selection/data';
import { fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in selection-submission.test.ts), so forms run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { BoardNeedView } = await import('../src/packages/needs/item/index');
const { SubmissionForm } = await import('../src/packages/selection/submission/SubmissionForm');
const { SubmissionView } = await import('../src/packages/selection/submission/SubmissionView');
const needs = await import('../src/packages/needs/data');
const form = await import('../src/packages/selection/submission/form');
const selection = await import('../src/packages/selection/data');

const TODAY = todayInShanghai(new Date());
const CALL_ID = '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11';
const NEED_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const NEED_REF = {
  id: NEED_ID,
  number: 'SZKC-XQ-2026-0001',
  title: '氢燃料电池膜电极低铂催化剂',
};

const call = (over: Partial<PublishedCall> = {}) =>
  ({
    id: CALL_ID,
    number: 'SZKC-ZN-2027-02',
    programme: 'key-project',
    programmeName: '未来产业重点科技项目（揭榜挂帅）',
    clause: '四.2',
    year: Number(TODAY.slice(0, 4)),
    title: '未来产业重点科技项目（揭榜挂帅）申报指南',
    guide: '面向未来产业五大方向，支持企业联合高校、科研院所攻关关键核心技术。',
    fieldCodes: [],
    fieldNames: [],
    applyFrom: addCalendarDays(TODAY, -5),
    applyUntil: addCalendarDays(TODAY, 20),
    quota: 5,
    rubric: null,
    status: 'open',
    statusName: '申报中',
    publishedAt: new Date(),
    ...over,
  }) as PublishedCall;

const scenarioCall = () =>
  call({
    id: 'c0000000-0000-4000-8000-000000000009',
    programme: 'scenario-case',
    programmeName: '市级重大应用场景典型案例评选',
    clause: '四.1',
    title: '市级重大应用场景典型案例评选申报指南',
  });

/** A published need as the 需求榜 shows it. */
const boardNeed = (over: Partial<BoardNeed> = {}) =>
  ({
    ...NEED_REF,
    kind: 'technology',
    kindName: '技术攻关需求',
    fieldCode: 'low-carbon-energy',
    fieldName: '低碳能源',
    subFieldName: '膜电极',
    areaName: '埇桥区',
    organisationName: '安徽宿氢新能源科技有限公司',
    details: {
      subFieldCode: 'membrane-electrode',
      problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
      indicators: '铂载量不高于0.2毫克每平方厘米',
      coFundFen: 300_000_000n,
      deadline: '2028-12-31',
    },
    publishedAt: new Date('2026-12-01T02:00:00Z'),
    ...over,
  }) as BoardNeed;

const submission = (over: Partial<MySubmission> = {}) =>
  ({
    id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    number: 'SZKC-SB-2027-0001',
    callId: CALL_ID,
    callNumber: 'SZKC-ZN-2027-02',
    callTitle: '未来产业重点科技项目（揭榜挂帅）申报指南',
    programme: 'key-project',
    title: '氢燃料电池膜电极国产化',
    fieldCode: 'low-carbon-energy',
    fieldName: '低碳能源',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    form: { projectName: '氢燃料电池膜电极国产化', cityFundsFen: 100_000_000n },
    evidence: [],
    evidenceRequired: SUBMISSION_EVIDENCE['key-project'],
    team: [],
    need: null,
    status: 'draft',
    statusName: '草稿',
    checkComment: null,
    version: 1,
    submittedAt: null,
    updatedAt: new Date(),
    ...over,
  }) as MySubmission;

describe('揭榜挂帅: which calls a published need may be answered in', () => {
  it('only an open key-project call taking submissions today, for a 技术攻关需求', () => {
    const open = call();
    const later = call({ id: 'c2', applyUntil: addCalendarDays(TODAY, 40) });
    const calls = [
      later,
      scenarioCall(),
      call({ id: 'c3', applyFrom: addCalendarDays(TODAY, 3) }),
      call({ id: 'c4', applyUntil: addCalendarDays(TODAY, -1) }),
      call({ id: 'c5', status: 'formal-review', statusName: '形式审查中' }),
      open,
    ];
    expect(needs.keyProjectCallsFor(boardNeed(), calls, TODAY).map((c) => c.id)).toEqual([
      CALL_ID,
      'c2',
    ]);
    // The deadline day still counts, as on the submission page.
    expect(
      needs.keyProjectCallsFor(boardNeed(), [call({ applyUntil: TODAY })], TODAY),
    ).toHaveLength(1);
    expect(needs.keyProjectCallsFor(boardNeed({ kind: 'scenario' }), calls, TODAY)).toEqual([]);
    expect(selection.callTiming(open, TODAY).taking).toBe(true);
  });

  it('only key projects name a need, and a key project always says which', () => {
    expect(form.answersNeeds('key-project')).toBe(true);
    for (const p of ['scenario-case', 'disruptive-tech', 'talent-team'] as const) {
      expect(form.answersNeeds(p)).toBe(false);
      expect(form.needContent(p, NEED_REF)).toEqual({});
    }
    expect(form.needContent('key-project', NEED_REF)).toEqual({ needId: NEED_ID });
    expect(form.needContent('key-project', null)).toEqual({ needId: null });
  });
});

describe('揭榜挂帅 on screen', () => {
  const screen = createScreen();
  const { $, text, render, click } = screen;

  async function showForm(
    c: PublishedCall,
    existing: MySubmission | null,
    offeredNeed: typeof NEED_REF | null = null,
  ) {
    await render(
      createElement(SubmissionForm, {
        call: c,
        timing: selection.callTiming(c, TODAY),
        existing,
        offeredNeed,
        onDone: () => undefined,
      }),
    );
  }
  const saving = () =>
    fakeApi((path, input) =>
      path === 'selection.submissions.save'
        ? { data: submission({ version: 2, ...(input as object) }) }
        : { data: null },
    );

  it('a need offers 申报揭榜挂帅项目, which opens the call’s submission with the need', async () => {
    const navigateTo = vi.spyOn(Taro, 'navigateTo');
    await render(
      createElement(BoardNeedView, { need: boardNeed(), calls: [call(), scenarioCall()] }),
    );
    expect(text('item-key-projects')).toContain('揭榜挂帅');
    expect(text('item-key-project-call-0')).toContain('未来产业重点科技项目（揭榜挂帅）申报指南');
    expect(text('item-key-project-0')).toBe('申报揭榜挂帅项目');
    // Only the key-project call.
    expect($('item-key-project-1')).toBeNull();
    expect(screen.container.textContent).not.toMatch(/key-project|technology/);

    await click('item-key-project-0');
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/selection/submission/index?callId=${CALL_ID}&needId=${NEED_ID}`,
    });
  });

  it('offers nothing to a visitor, for a scenario need, or without an open key-project call', async () => {
    await render(createElement(BoardNeedView, { need: boardNeed() }));
    expect($('item-key-projects')).toBeNull();
    expect($('item-respond')).not.toBeNull();
    await render(
      createElement(BoardNeedView, { need: boardNeed({ kind: 'scenario' }), calls: [call()] }),
    );
    expect($('item-key-projects')).toBeNull();
    await render(
      createElement(BoardNeedView, {
        need: boardNeed(),
        calls: [scenarioCall(), call({ applyUntil: addCalendarDays(TODAY, -1) })],
      }),
    );
    expect($('item-key-projects')).toBeNull();
  });

  it('the submission form shows the need it was opened with, and save sends it', async () => {
    const seen = saving();
    await showForm(call(), null, NEED_REF);
    expect(text('submission-need-title')).toBe('氢燃料电池膜电极低铂催化剂');
    expect(text('submission-need-number')).toBe('需求编号 SZKC-XQ-2026-0001');
    await click('submission-save');
    expect(sent(seen, 'selection.submissions.save')).toHaveLength(1);
    expect(sent(seen, 'selection.submissions.save')[0]).toMatchObject({
      callId: CALL_ID,
      needId: NEED_ID,
    });
    expect(taroStub.toasts).toContain('草稿已保存');
  });

  it('removing the need sends null', async () => {
    const seen = saving();
    await showForm(call(), submission({ need: NEED_REF }));
    expect(text('submission-need-title')).toBe('氢燃料电池膜电极低铂催化剂');
    await click('submission-need-remove');
    expect($('submission-need-title')).toBeNull();
    expect(text('submission-need-none')).toContain('未对应需求榜的攻关需求');
    // Taking it off is a change not yet saved.
    expect(taroStub.leaveAlert).toContain('尚未保存');
    await click('submission-save');
    expect(sent(seen, 'selection.submissions.save')[0]).toMatchObject({
      expectedVersion: 1,
      needId: null,
    });
  });

  it('shows the API’s refusal of the need under it', async () => {
    const refusal = '该攻关需求不存在或未在需求榜发布，不能揭榜';
    fakeApi((path) =>
      path === 'selection.submissions.save'
        ? {
            error: {
              message: refusal,
              code: 'BAD_REQUEST',
              httpStatus: 400,
              appCode: 'INVALID_INPUT',
              fieldErrors: { needId: [refusal] },
            },
          }
        : { data: null },
    );
    await showForm(call(), null, NEED_REF);
    await click('submission-save');
    expect(text('submission-need-error')).toBe(refusal);
    expect($('submission-form-error')).toBeNull();
    expect(taroStub.toasts).toContain(refusal);
    // Taking the need off clears the verdict about it.
    await click('submission-need-remove');
    expect($('submission-need-error')).toBeNull();
  });

  it('other programmes never show or send a need', async () => {
    const seen = fakeApi((path, input) =>
      path === 'selection.submissions.save'
        ? { data: submission({ programme: 'scenario-case', ...(input as object) }) }
        : { data: null },
    );
    await showForm(scenarioCall(), null, NEED_REF);
    expect($('submission-need')).toBeNull();
    await click('submission-save');
    expect(sent(seen, 'selection.submissions.save')[0]).not.toHaveProperty('needId');
  });

  it('a submission that can no longer be changed shows the need it answers', () => {
    const view = (need: MySubmission['need']) =>
      renderToStaticMarkup(
        createElement(SubmissionView, {
          call: call(),
          submission: submission({ status: 'submitted', statusName: '待县区形式审查', need }),
          onChanged: () => undefined,
        }),
      );
    const html = view(NEED_REF);
    expect(html).toContain('揭榜需求');
    expect(html).toContain('氢燃料电池膜电极低铂催化剂');
    expect(html).toContain('需求编号 SZKC-XQ-2026-0001');
    expect(html).not.toContain('submission-need-remove');
    expect(view(null)).not.toContain('揭榜需求');
  });
});

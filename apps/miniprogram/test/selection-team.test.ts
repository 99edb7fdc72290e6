// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SUBMISSION_EVIDENCE } from '@kc/domain';
import type { MySubmission, PublishedCall } from '../src/packages/selection/data';
import type { TeamRequest } from '../src/packages/selection/team/data';
import { fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in expert-reviews.test.ts), so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { TeamRequestList } = await import('../src/packages/selection/team/TeamRequestList');
const { SubmissionView } = await import('../src/packages/selection/submission/SubmissionView');
const { SubmissionForm } = await import('../src/packages/selection/submission/SubmissionForm');
const { SubmissionMembers, memberAnswer } =
  await import('../src/packages/selection/submission/SubmissionParts');
const team = await import('../src/packages/selection/team/data');
const { pendingTeamRequests } = await import('../src/hooks/useTeamRequests');
const { messageTarget } = await import('../src/pages/messages/links');
const selection = await import('../src/packages/selection/data');

const PENDING = 'm1000000-0000-4000-8000-000000000001';
const DECLINED = 'm1000000-0000-4000-8000-000000000002';
const CONFIRMED = 'm1000000-0000-4000-8000-000000000003';
const LATE = 'm1000000-0000-4000-8000-000000000004';

const request = (over: Partial<TeamRequest> = {}): TeamRequest => ({
  memberId: PENDING,
  submissionNumber: 'SZKC-SB-2027-0007',
  submissionTitle: '氢燃料电池膜电极国产化',
  submissionStatusName: '待县区形式审查',
  callTitle: '2027年度未来产业重点科技项目（揭榜挂帅）',
  leadName: '安徽宿氢新能源科技有限公司',
  unitName: '宿州学院',
  personName: '王五',
  part: '膜电极催化剂研发',
  answer: 'pending',
  answerName: '待确认',
  declineReason: null,
  answeredAt: null,
  answerable: true,
  ...over,
});

const REQUESTS: TeamRequest[] = [
  request(),
  request({
    memberId: DECLINED,
    submissionNumber: 'SZKC-SB-2027-0005',
    submissionTitle: '光伏组件封装材料国产化',
    leadName: '宿州明澈光电科技有限公司',
    personName: null,
    part: '封装材料老化测试',
    answer: 'declined',
    answerName: '已谢绝',
    declineReason: '本单位无老化测试设备',
    answeredAt: new Date('2027-03-08T02:00:00Z'),
  }),
  request({
    memberId: CONFIRMED,
    submissionNumber: 'SZKC-SB-2027-0003',
    part: '中试线建设',
    answer: 'confirmed',
    answerName: '已确认',
    answeredAt: new Date('2027-03-06T02:30:00Z'),
  }),
];

describe('合作申报确认: the rules the page follows', () => {
  it('a decline needs a reason, in the API’s words', () => {
    expect(team.declineReasonError('')).toBe('请说明不能承担的原因');
    expect(team.declineReasonError('  \n ')).toBe('请说明不能承担的原因');
    expect(team.declineReasonError('x'.repeat(201))).toBe('原因不能超过200字');
    expect(team.declineReasonError('本单位无相关设备')).toBeNull();
  });

  it('offers 确认 and 谢绝 while open, only 确认 after a decline, nothing once confirmed or checked', () => {
    expect(team.requestActions(request())).toEqual({ confirm: true, decline: true });
    expect(team.requestActions(request({ answer: 'declined' }))).toEqual({
      confirm: true,
      decline: false,
    });
    expect(team.requestActions(request({ answer: 'confirmed', answerable: false }))).toEqual({
      confirm: false,
      decline: false,
    });
    expect(team.requestActions(request({ answerable: false }))).toEqual({
      confirm: false,
      decline: false,
    });
  });

  it('counts only the parts still waiting for an answer', () => {
    expect(pendingTeamRequests(REQUESTS)).toBe(1);
    expect(pendingTeamRequests([...REQUESTS, request({ memberId: LATE, answerable: false })])).toBe(
      1,
    );
    expect(pendingTeamRequests([])).toBe(0);
  });

  it('tells the lead where each member unit stands', () => {
    expect(memberAnswer({ confirmed: true, onPlatform: true, declineReason: null })?.text).toBe(
      '已确认',
    );
    expect(
      memberAnswer({ confirmed: false, onPlatform: true, declineReason: '无设备' })?.text,
    ).toBe('已谢绝（原因：无设备）');
    expect(memberAnswer({ confirmed: false, onPlatform: true, declineReason: null })?.text).toBe(
      '待确认',
    );
    expect(memberAnswer({ confirmed: false, onPlatform: false, declineReason: null })?.text).toBe(
      '未在平台注册，须线下提供确认函',
    );
    // A review expert is not told.
    expect(memberAnswer({})).toBeNull();
  });

  it('opens 合作申报确认 from the message that asks, which carries no link', () => {
    expect(messageTarget({ kind: 'selection.team-request', link: null })).toEqual({
      route: '/packages/selection/team/index',
      query: {},
    });
    expect(
      messageTarget({
        kind: 'exemption-invitation',
        link: { page: 'exemption-invitation', id: 'i1' },
      }),
    ).toEqual({ route: '/packages/org/invitations/index', query: { id: 'i1' } });
    expect(messageTarget({ kind: 'application.submitted', link: null })).toBeNull();
    // The lead hears a member's answer, and opens the call its submission is on.
    expect(
      messageTarget({
        kind: 'selection.team-declined',
        link: { page: 'selection-call', id: 'c1' },
      }),
    ).toEqual({ route: '/packages/selection/call/index', query: { id: 'c1' } });
  });
});

describe('合作申报确认 on screen', () => {
  const screen = createScreen();
  const { $, text, render, click, type } = screen;

  async function showList(
    requests: TeamRequest[],
    options: { admin?: boolean; notMember?: string | null } = {},
  ) {
    let changed = 0;
    await render(
      createElement(TeamRequestList, {
        requests,
        admin: options.admin ?? true,
        notMember: options.notMember ?? null,
        onChanged: () => (changed += 1),
      }),
    );
    return () => changed;
  }
  const card = (memberId: string) => `team-request-${memberId}`;

  it('lists each part with the call, the lead, the submission, the task and its answer', async () => {
    await showList(REQUESTS);
    const order = Array.from(screen.container.querySelectorAll('.card[id^="team-request-"]')).map(
      (e) => e.id,
    );
    expect(order).toEqual([card(PENDING), card(DECLINED), card(CONFIRMED)]);
    expect(text('team-intro')).toContain('当前有 1 项待确认');
    const c = card(PENDING);
    expect(text(`${c}-call`)).toBe('2027年度未来产业重点科技项目（揭榜挂帅）');
    expect(text(`${c}-title`)).toBe('氢燃料电池膜电极国产化');
    expect(text(`${c}-lead`)).toBe('申报单位：安徽宿氢新能源科技有限公司');
    expect(text(`${c}-number`)).toBe('申报编号 SZKC-SB-2027-0007 · 待县区形式审查');
    expect(text(`${c}-part`)).toBe('膜电极催化剂研发');
    expect(text(`${c}-person`)).toBe('王五');
    expect(text(`${c}-status`)).toBe('待确认');
    expect($(`${c}-status`)?.className).toContain('status-tag--warning');
    expect($(`${c}-confirm`)?.textContent).toBe('确认承担');
    expect($(`${c}-decline`)?.textContent).toBe('谢绝');
    expect($(`${c}-confirm`)?.hasAttribute('disabled')).toBe(false);
    expect($(`${c}-admin-only`)).toBeNull();
    // No person named: no row for one.
    expect($(`${card(DECLINED)}-person`)).toBeNull();
  });

  it('shows a confirmed part read-only, and lets a declined one still be confirmed', async () => {
    await showList(REQUESTS);
    const done = card(CONFIRMED);
    expect(text(`${done}-status`)).toBe('已确认');
    expect(text(`${done}-answered`)).toBe('本单位已于 2027-03-06 10:30 确认承担。');
    expect($(`${done}-confirm`)).toBeNull();
    expect($(`${done}-decline`)).toBeNull();

    const declined = card(DECLINED);
    expect(text(`${declined}-status`)).toBe('已谢绝');
    expect(text(`${declined}-declined`)).toContain('原因：本单位无老化测试设备');
    expect(text(`${declined}-declined`)).toContain('仍可改为确认承担');
    expect(text(`${declined}-confirm`)).toBe('改为确认承担');
    expect($(`${declined}-decline`)).toBeNull();
  });

  it('offers no answer once the formal check has passed the submission', async () => {
    await showList([
      request({ memberId: LATE, answerable: false, submissionStatusName: '通过形式审查' }),
    ]);
    expect($(`${card(LATE)}-confirm`)).toBeNull();
    expect($(`${card(LATE)}-decline`)).toBeNull();
    expect(text(`${card(LATE)}-closed`)).toBe('该申报当前为“通过形式审查”，不能再确认或谢绝。');
  });

  it('refuses to decline without a reason and sends nothing, then sends the reason', async () => {
    const seen = fakeApi(() => ({ data: { answer: 'declined' } }));
    const changed = await showList(REQUESTS);
    const c = card(PENDING);
    await click(`${c}-decline`);
    expect($(`${c}-decline-form`)).not.toBeNull();
    await click(`${c}-decline-submit`);
    expect(text(`${c}-reason-error`)).toBe('请说明不能承担的原因');
    expect(taroStub.toasts).toContain('请说明不能承担的原因');
    await type(`${c}-reason`, '   ');
    await click(`${c}-decline-submit`);
    expect(text(`${c}-reason-error`)).toBe('请说明不能承担的原因');
    expect(seen).toEqual([]);
    expect(changed()).toBe(0);

    await type(`${c}-reason`, '  该任务超出本单位业务范围  ');
    expect($(`${c}-reason-error`)).toBeNull();
    await click(`${c}-decline-submit`);
    expect(sent(seen, 'selection.team.answer')).toEqual([
      { memberId: PENDING, confirm: false, reason: '该任务超出本单位业务范围' },
    ]);
    expect(taroStub.toasts).toContain('已谢绝，申报单位会收到通知');
    expect(changed()).toBe(1);
  });

  it('confirms after saying it is final, sending { memberId, confirm: true }', async () => {
    const seen = fakeApi(() => ({ data: { answer: 'confirmed' } }));
    const changed = await showList(REQUESTS);
    taroStub.modalConfirm = false;
    await click(`${card(PENDING)}-confirm`);
    expect(taroStub.modals).toHaveLength(1);
    expect(taroStub.modals[0]).toContain('确认后不能更改');
    expect(taroStub.modals[0]).toContain('膜电极催化剂研发');
    expect(seen).toEqual([]);

    taroStub.modalConfirm = true;
    await click(`${card(PENDING)}-confirm`);
    expect(sent(seen, 'selection.team.answer')).toEqual([{ memberId: PENDING, confirm: true }]);
    expect(taroStub.toasts).toContain('已确认承担');
    expect(changed()).toBe(1);

    await click(`${card(DECLINED)}-confirm`);
    expect(sent(seen, 'selection.team.answer')).toEqual([
      { memberId: PENDING, confirm: true },
      { memberId: DECLINED, confirm: true },
    ]);
  });

  it('shows the server’s refusal in Chinese, and reloads a list that is out of date', async () => {
    fakeApi(() => ({
      error: {
        message: '您单位已确认承担该任务，不能更改',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'INVALID_TRANSITION',
      },
    }));
    const changed = await showList(REQUESTS);
    await click(`${card(DECLINED)}-confirm`);
    expect(text(`${card(DECLINED)}-error`)).toBe('您单位已确认承担该任务，不能更改');
    expect(taroStub.toasts).toContain('您单位已确认承担该任务，不能更改');
    expect(changed()).toBe(1);
  });

  it('says when only the administrator may answer', async () => {
    fakeApi(() => ({
      error: {
        message: '只有单位管理员可以进行此操作',
        code: 'FORBIDDEN',
        httpStatus: 403,
        appCode: 'NOT_ORG_ADMIN',
      },
    }));
    const changed = await showList(REQUESTS);
    await click(`${card(PENDING)}-confirm`);
    expect(text(`${card(PENDING)}-error`)).toBe('只有单位管理员可以进行此操作');
    expect(changed()).toBe(0);
  });

  it('puts the API’s word on the reason under the box', async () => {
    fakeApi(() => ({
      error: {
        message: '提交的信息有误',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
        fieldErrors: { reason: ['请说明不能承担的原因'] },
      },
    }));
    await showList(REQUESTS);
    const c = card(PENDING);
    await click(`${c}-decline`);
    await type(`${c}-reason`, '无');
    await click(`${c}-decline-submit`);
    expect(text(`${c}-reason-error`)).toBe('请说明不能承担的原因');
  });

  it('shows another member the buttons greyed out: only the administrator answers', async () => {
    const seen = fakeApi(() => ({ data: { answer: 'confirmed' } }));
    await showList(REQUESTS, { admin: false });
    const c = card(PENDING);
    expect($(`${c}-confirm`)?.hasAttribute('disabled')).toBe(true);
    expect($(`${c}-decline`)?.hasAttribute('disabled')).toBe(true);
    expect(text(`${c}-admin-only`)).toContain('须由单位管理员确认');
    expect($(`${card(DECLINED)}-confirm`)?.hasAttribute('disabled')).toBe(true);
    expect(text(`${card(DECLINED)}-admin-only`)).toContain('须由单位管理员确认');
    // Nothing to answer, nothing to say.
    expect($(`${card(CONFIRMED)}-admin-only`)).toBeNull();
    await click(`${c}-confirm`);
    await click(`${c}-decline`);
    expect($(`${c}-decline-form`)).toBeNull();
    expect(seen).toEqual([]);
    expect(taroStub.modals).toEqual([]);
  });

  it('says when nothing is asked, and tells someone outside an organisation how to join', async () => {
    await showList([]);
    expect(text('team-empty')).toContain('暂无合作申报');
    await showList([], { notMember: '您还不是任何单位的成员，请先注册单位或使用邀请码加入' });
    expect($('team-empty')).toBeNull();
    expect(text('team-not-member')).toContain('请先注册单位或使用邀请码加入');
    expect($('team-join')).not.toBeNull();
  });
});

describe('the lead’s own submission: where each member unit stands', () => {
  const CALL_ID = '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11';
  const call = {
    id: CALL_ID,
    number: 'SZKC-ZN-2027-02',
    programme: 'key-project',
    programmeName: '未来产业重点科技项目（揭榜挂帅）',
    clause: '四.2',
    year: 2027,
    title: '2027年度未来产业重点科技项目（揭榜挂帅）',
    guide: '面向未来产业五大方向。',
    fieldCodes: [],
    fieldNames: [],
    applyFrom: '2027-03-01',
    applyUntil: '2027-04-30',
    quota: null,
    rubric: null,
    status: 'open',
    statusName: '申报中',
    publishedAt: new Date('2027-02-28T02:00:00Z'),
  } as unknown as PublishedCall;
  const member = (unitName: string, over: Partial<MySubmission['team'][number]>) => ({
    unitName,
    unitCreditCode: null,
    personName: null,
    part: `${unitName}的任务`,
    confirmed: false,
    onPlatform: true,
    declineReason: null,
    ...over,
  });
  const TEAM: MySubmission['team'] = [
    member('宿州学院', { confirmed: true, personName: '王五' }),
    member('宿州职业技术学院', { declineReason: '本单位无老化测试设备' }),
    member('安徽宿氢材料有限公司', {}),
    member('淮北某研究所', { onPlatform: false }),
  ];
  const submission = (over: Partial<MySubmission>) =>
    ({
      id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      number: 'SZKC-SB-2027-0001',
      callId: CALL_ID,
      callNumber: call.number,
      callTitle: call.title,
      programme: 'key-project',
      title: '氢燃料电池膜电极国产化',
      fieldCode: null,
      fieldName: null,
      areaCode: 'yongqiao',
      areaName: '埇桥区',
      form: { projectName: '氢燃料电池膜电极国产化', cityFundsFen: 100_000_000n, months: 24 },
      evidence: [],
      evidenceRequired: SUBMISSION_EVIDENCE['key-project'],
      team: TEAM,
      status: 'submitted',
      statusName: '待县区形式审查',
      panelId: null,
      checkComment: null,
      version: 2,
      submittedAt: new Date('2027-03-05T02:00:00Z'),
      updatedAt: new Date('2027-03-05T02:00:00Z'),
      ...over,
    }) as MySubmission;

  const answers = (html: string, id: string) =>
    [0, 1, 2, 3].map((i) => {
      const found = new RegExp(`id="${id}-${i}-answer"[^>]*>([^<]*)<`).exec(html);
      return found?.[1] ?? null;
    });

  it('shows 已确认, 已谢绝 with the reason, 待确认, and the paper a unit off the platform sends', () => {
    const html = renderToStaticMarkup(
      createElement(SubmissionView, {
        call,
        submission: submission({}),
        onChanged: () => undefined,
      }),
    );
    expect(answers(html, 'submission-members')).toEqual([
      '已确认',
      '已谢绝（原因：本单位无老化测试设备）',
      '待确认',
      '未在平台注册，须线下提供确认函',
    ]);
    expect(html).toContain('合作申报确认');
  });

  it('tells a review expert nothing of the answers', () => {
    const html = renderToStaticMarkup(
      createElement(SubmissionMembers, {
        id: 'score-submission-members',
        team: [{ unitName: '宿州学院', personName: null, part: '膜电极催化剂研发' }],
      }),
    );
    expect(html).toContain('宿州学院');
    expect(html).not.toContain('-answer');
  });

  it('shows the saved units’ answers beside a draft’s form', () => {
    const html = renderToStaticMarkup(
      createElement(SubmissionForm, {
        call,
        timing: selection.callTiming(call, '2027-03-10'),
        existing: submission({ status: 'draft', statusName: '草稿', submittedAt: null }),
        onDone: () => undefined,
      }),
    );
    expect(answers(html, 'submission-answers')).toEqual([
      '已确认',
      '已谢绝（原因：本单位无老化测试设备）',
      '待确认',
      '未在平台注册，须线下提供确认函',
    ]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { SUBMISSION_EVIDENCE, addCalendarDays, todayInShanghai } from '@kc/domain';
import { type FakeHandler, type FakeOutcome, fakeTrpcServer, sent } from '../support/fake-api';
import {
  type PageHandle,
  type Simulated,
  bootMiniProgram,
  startSignedIn,
  answerModals,
} from './harness';

/**
 * Whether WeChat would render a button disabled. The simulator's built-in <button> keeps no
 * properties, so this reads the node's data the compiled template binds to `disabled` (Taro
 * shortens attribute names in base.wxml: `disabled="{{i.p2}}"`).
 */
function disabled(page: PageHandle, selector: string): boolean {
  const wxml = fs.readFileSync(path.join(inject('weappRoot'), 'base.wxml'), 'utf8');
  const key = /<button[^>]*\sdisabled="\{\{i\.(\w+)\}\}"/.exec(wxml)?.[1];
  if (!key) throw new Error('no <button disabled> in base.wxml');
  const sid = page.query(selector)?.dom.getAttribute('data-sid');
  if (!sid) throw new Error(`no element ${selector}`);
  const find = (o: unknown): Record<string, unknown> | null => {
    if (!o || typeof o !== 'object') return null;
    if ((o as { sid?: unknown }).sid === sid) return o as Record<string, unknown>;
    for (const v of Object.values(o)) {
      const found = find(v);
      if (found) return found;
    }
    return null;
  };
  const node = find((page.comp.instance as { data?: unknown }).data);
  if (!node) throw new Error(`no data for ${selector}`);
  return node[key] === true;
}

const PENDING = 'm1000000-0000-4000-8000-000000000001';
const DECLINED = 'm1000000-0000-4000-8000-000000000002';
const CONFIRMED = 'm1000000-0000-4000-8000-000000000003';

const REQUESTS = [
  {
    memberId: PENDING,
    submissionNumber: 'SZKC-SB-2027-0007',
    submissionTitle: '氢燃料电池膜电极国产化',
    submissionStatusName: '待县区形式审查',
    callTitle: '2027年度未来产业重点科技项目（揭榜挂帅）',
    leadName: '安徽宿氢新能源科技有限公司',
    unitName: '宿州示范科技有限公司',
    personName: '王五',
    part: '膜电极催化剂研发',
    answer: 'pending',
    answerName: '待确认',
    declineReason: null,
    answeredAt: null,
    answerable: true,
  },
  {
    memberId: DECLINED,
    submissionNumber: 'SZKC-SB-2027-0005',
    submissionTitle: '光伏组件封装材料国产化',
    submissionStatusName: '草稿',
    callTitle: '2027年度未来产业重点科技项目（揭榜挂帅）',
    leadName: '宿州明澈光电科技有限公司',
    unitName: '宿州示范科技有限公司',
    personName: null,
    part: '封装材料老化测试',
    answer: 'declined',
    answerName: '已谢绝',
    declineReason: '本单位无老化测试设备',
    answeredAt: new Date('2027-03-08T02:00:00Z'),
    answerable: true,
  },
  {
    memberId: CONFIRMED,
    submissionNumber: 'SZKC-SB-2027-0003',
    submissionTitle: '低空物流无人机调度平台',
    submissionStatusName: '通过形式审查',
    callTitle: '2027年度颠覆性技术评选',
    leadName: '宿州云翼科技有限公司',
    unitName: '宿州示范科技有限公司',
    personName: null,
    part: '调度算法',
    answer: 'confirmed',
    answerName: '已确认',
    declineReason: null,
    answeredAt: new Date('2027-03-06T02:30:00Z'),
    answerable: false,
  },
];

const organisation = (role: 'admin' | 'agent') => ({
  type: 'organisation',
  organisation: {
    id: 'o1',
    type: 'firm',
    name: '宿州示范科技有限公司',
    creditCode: '91341302MA2N0B1C2X',
    areaCode: 'sz-hitech',
    address: null,
    fieldCodes: ['life-health'],
    subFieldCodes: [],
    qualifications: [],
    contactName: '张三',
    contactPhone: '13912345678',
    intro: null,
    verificationStatus: 'verified',
    verificationStatusLabel: '已认证',
    legalRepresentative: '张三',
    version: 1,
  },
  membership: { role, roleLabel: role === 'admin' ? '管理员' : '经办人' },
});

const TODAY = todayInShanghai(new Date());
const CALL_ID = '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11';
const OPEN_CALL = {
  id: CALL_ID,
  number: 'SZKC-ZN-2027-02',
  programme: 'key-project',
  programmeName: '未来产业重点科技项目（揭榜挂帅）',
  clause: '四.2',
  fieldCodes: [],
  year: Number(TODAY.slice(0, 4)),
  title: '未来产业重点科技项目（揭榜挂帅）申报指南',
  guide: '面向未来产业五大方向。',
  fieldNames: [],
  applyFrom: addCalendarDays(TODAY, -5),
  applyUntil: addCalendarDays(TODAY, 20),
  quota: 5,
  rubric: null,
  status: 'open',
  statusName: '申报中',
  publishedAt: new Date(),
};
const member = (unitName: string, over: object) => ({
  unitName,
  unitCreditCode: null,
  personName: null,
  part: `${unitName}承担的任务`,
  confirmed: false,
  onPlatform: true,
  declineReason: null,
  ...over,
});
const SUBMITTED = {
  id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  number: 'SZKC-SB-2027-0001',
  callId: CALL_ID,
  callNumber: OPEN_CALL.number,
  callTitle: OPEN_CALL.title,
  programme: 'key-project',
  title: '氢燃料电池膜电极国产化',
  fieldCode: null,
  fieldName: null,
  areaCode: 'yongqiao',
  areaName: '埇桥区',
  form: { projectName: '氢燃料电池膜电极国产化', cityFundsFen: 100_000_000n, months: 24 },
  evidence: [],
  evidenceRequired: SUBMISSION_EVIDENCE['key-project'],
  team: [
    member('宿州学院', { confirmed: true }),
    member('宿州职业技术学院', { declineReason: '本单位无相关设备' }),
    member('安徽宿氢材料有限公司', {}),
    member('淮北某研究所', { onPlatform: false }),
  ],
  status: 'submitted',
  statusName: '待县区形式审查',
  panelId: null,
  checkComment: null,
  version: 2,
  submittedAt: new Date(),
  updatedAt: new Date(),
};

/** 合作申报确认 (sub-package 申报指南), compiled for WeChat, and the lead's side of it. */
describe('合作申报确认 in the WeChat build', () => {
  let sim: Simulated;
  const modals: string[] = [];

  beforeAll(() => {
    sim = bootMiniProgram();
    answerModals(modals);
  });
  beforeEach(() => {
    startSignedIn(sim);
    modals.length = 0;
  });

  function serve(
    role: 'admin' | 'agent',
    answer: FakeOutcome = { data: { answer: 'confirmed' } },
    extra?: (path: string) => FakeOutcome | undefined,
  ) {
    const handler: FakeHandler = (path) => {
      const special = extra?.(path);
      if (special) return special;
      if (path === 'profile.mine') return { data: organisation(role) };
      if (path === 'selection.team.requests') return { data: REQUESTS };
      if (path === 'selection.team.answer') return answer;
      if (path === 'notifications.unreadCount') return { data: { count: 0 } };
      if (path === 'experts.mine') return { data: null };
      return { error: { message: '请求的内容不存在', code: 'NOT_FOUND', httpStatus: 404 } };
    };
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }
  const card = (memberId: string) => `#team-request-${memberId}`;

  it('lists the parts asked; a decline needs a reason, a confirmation is asked once more', async () => {
    const seen = serve('admin');
    const page = await sim.openPage('packages/selection/team/index');
    expect(page.text('#team-intro')).toContain('当前有 1 项待确认');
    expect(page.text(`${card(PENDING)}-lead`)).toBe('申报单位：安徽宿氢新能源科技有限公司');
    expect(page.text(`${card(PENDING)}-number`)).toBe(
      '申报编号 SZKC-SB-2027-0007 · 待县区形式审查',
    );
    expect(page.text(`${card(PENDING)}-part`)).toBe('膜电极催化剂研发');
    expect(page.text(`${card(PENDING)}-status`)).toBe('待确认');
    expect(page.text(`${card(DECLINED)}-declined`)).toContain('本单位无老化测试设备');
    expect(page.text(`${card(DECLINED)}-confirm`)).toBe('改为确认承担');
    expect(page.query(`${card(CONFIRMED)}-confirm`)).toBeFalsy();

    await page.tap(`${card(PENDING)}-decline`);
    await page.tap(`${card(PENDING)}-decline-submit`);
    expect(page.text(`${card(PENDING)}-reason-error`)).toBe('请说明不能承担的原因');
    expect(sent(seen, 'selection.team.answer')).toEqual([]);

    await page.input(`${card(PENDING)}-reason`, '该任务超出本单位业务范围');
    await page.tap(`${card(PENDING)}-decline-submit`);
    expect(sent(seen, 'selection.team.answer')).toEqual([
      { memberId: PENDING, confirm: false, reason: '该任务超出本单位业务范围' },
    ]);
    expect(sim.toasts).toContain('已谢绝，申报单位会收到通知');

    await page.tap(`${card(DECLINED)}-confirm`);
    expect(modals).toHaveLength(1);
    expect(modals[0]).toContain('确认后不能更改');
    expect(sent(seen, 'selection.team.answer')).toContainEqual({
      memberId: DECLINED,
      confirm: true,
    });
    expect(sim.toasts).toContain('已确认承担');
  });

  it('shows the server’s refusal in Chinese', async () => {
    serve('admin', {
      error: {
        message: '该申报当前为“通过形式审查”，不能再确认或谢绝',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'INVALID_TRANSITION',
      },
    });
    const page = await sim.openPage('packages/selection/team/index');
    // An administrator's buttons are live.
    expect(disabled(page, `${card(PENDING)}-confirm`)).toBe(false);
    await page.tap(`${card(PENDING)}-confirm`);
    expect(page.text(`${card(PENDING)}-error`)).toBe(
      '该申报当前为“通过形式审查”，不能再确认或谢绝',
    );
    expect(sim.toasts).toContain('该申报当前为“通过形式审查”，不能再确认或谢绝');
  });

  it('shows another member the buttons greyed out, and a tap sends nothing', async () => {
    const seen = serve('agent');
    const page = await sim.openPage('packages/selection/team/index');
    expect(disabled(page, `${card(PENDING)}-confirm`)).toBe(true);
    expect(disabled(page, `${card(PENDING)}-decline`)).toBe(true);
    expect(disabled(page, `${card(DECLINED)}-confirm`)).toBe(true);
    expect(page.text(`${card(PENDING)}-admin-only`)).toContain('须由单位管理员确认');
    await page.tap(`${card(PENDING)}-confirm`);
    await page.tap(`${card(PENDING)}-decline`);
    expect(page.query(`${card(PENDING)}-decline-form`)).toBeFalsy();
    expect(modals).toEqual([]);
    expect(sent(seen, 'selection.team.answer')).toEqual([]);
  });

  it('is offered in 我的 with the count waiting', async () => {
    serve('agent');
    const page = await sim.openPage('pages/profile/index');
    expect(page.text('#org-menu-team-hint')).toBe('1 项待确认');
    await page.tap('#org-menu-team');
    expect(sim.navigations).toContainEqual({
      api: 'navigateTo',
      url: '/packages/selection/team/index',
    });
  });

  it('opens from the message that asks', async () => {
    serve('admin', undefined, (path) => {
      if (path === 'notifications.mine')
        return {
          data: {
            items: [
              {
                id: 'n1000000-0000-4000-8000-000000000001',
                at: new Date(),
                kind: 'selection.team-request',
                title: '合作申报待确认',
                body: '安徽宿氢新能源科技有限公司在申报中将您单位列为合作成员单位。',
                link: null,
                readAt: null,
              },
            ],
            nextCursor: null,
          },
        };
      if (path === 'notifications.markRead') return { data: { count: 1 } };
      return undefined;
    });
    const page = await sim.openPage('pages/messages/index');
    await page.tap('#message-n1000000-0000-4000-8000-000000000001');
    expect(sim.navigations).toContainEqual({
      api: 'navigateTo',
      url: '/packages/selection/team/index',
    });
  });

  it('shows the lead each member unit’s answer', async () => {
    serve('admin', undefined, (path) => {
      if (path === 'selection.calls.publishedById') return { data: OPEN_CALL };
      if (path === 'selection.submissions.mine') return { data: SUBMITTED };
      return undefined;
    });
    const page = await sim.openPage('packages/selection/submission/index', { callId: CALL_ID });
    expect([0, 1, 2, 3].map((i) => page.text(`#submission-members-${i}-answer`))).toEqual([
      '已确认',
      '已谢绝（原因：本单位无相关设备）',
      '待确认',
      '未在平台注册，须线下提供确认函',
    ]);
  });
});

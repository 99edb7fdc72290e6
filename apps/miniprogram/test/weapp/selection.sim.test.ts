import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUBMISSION_EVIDENCE, addCalendarDays, todayInShanghai } from '@kc/domain';
import { type FakeHandler, type FakeOutcome, fakeTrpcServer, sent } from '../support/fake-api';
import { type Simulated, bootMiniProgram, startSignedIn, answerModals } from './harness';

const TODAY = todayInShanghai(new Date());
const CALL_ID = '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11';
const CLOSED_ID = '7c2d4e6f-8a0b-4c1d-9e2f-3a4b5c6d7e8f';

const OPEN_CALL = {
  id: CALL_ID,
  number: 'SZKC-ZN-2027-02',
  programme: 'key-project',
  programmeName: '未来产业重点科技项目（揭榜挂帅）',
  clause: '四.2',
  fieldCodes: [],
  year: Number(TODAY.slice(0, 4)),
  title: '未来产业重点科技项目（揭榜挂帅）申报指南',
  guide:
    '面向未来产业五大方向，支持企业联合高校、科研院所攻关关键核心技术。\n申报单位须为在宿注册的企业。',
  fieldNames: [],
  applyFrom: addCalendarDays(TODAY, -5),
  applyUntil: addCalendarDays(TODAY, 20),
  quota: 5,
  rubric: null,
  status: 'open',
  statusName: '申报中',
  publishedAt: new Date(),
};
const CLOSED_CALL = {
  ...OPEN_CALL,
  id: CLOSED_ID,
  number: 'SZKC-ZN-2027-01',
  programme: 'scenario-case',
  programmeName: '市级重大应用场景典型案例评选',
  clause: '四.1',
  title: '市级重大应用场景典型案例评选申报指南',
  applyFrom: addCalendarDays(TODAY, -60),
  applyUntil: addCalendarDays(TODAY, -30),
  status: 'formal-review',
  statusName: '形式审查中',
};

const MINE = {
  id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  number: 'SZKC-SB-2027-0001',
  callId: CALL_ID,
  callNumber: OPEN_CALL.number,
  callTitle: OPEN_CALL.title,
  programme: 'key-project',
  title: '氢燃料电池膜电极国产化',
  fieldCode: 'low-carbon-energy',
  fieldName: '低碳能源',
  areaCode: 'yongqiao',
  areaName: '埇桥区',
  form: {
    projectName: '氢燃料电池膜电极国产化',
    fieldCode: 'low-carbon-energy',
    goals: '建成年产十万片膜电极中试线，铂载量降至每平方厘米零点二毫克以下，寿命超过一万小时。',
    cityFundsFen: 100_000_000n,
    ownFundsFen: 200_000_000n,
    months: 24,
  },
  evidence: [],
  evidenceRequired: SUBMISSION_EVIDENCE['key-project'],
  team: [
    {
      unitName: '宿州学院',
      unitCreditCode: null,
      personName: null,
      part: '膜电极催化剂研发',
      confirmed: false,
      onPlatform: true,
      declineReason: null,
    },
  ],
  status: 'draft',
  statusName: '草稿',
  checkComment: null,
  version: 2,
  submittedAt: null,
  updatedAt: new Date(),
};

/** 申报指南 (sub-package), compiled for WeChat: the calls, one call, and the submission form. */
describe('申报指南 in the WeChat build', () => {
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

  function serve(mine: unknown, extra?: (path: string) => FakeOutcome | undefined) {
    let current = mine;
    const handler: FakeHandler = (path, input) => {
      const answer = extra?.(path);
      if (answer) return answer;
      if (path === 'selection.calls.published') return { data: [OPEN_CALL, CLOSED_CALL] };
      if (path === 'selection.calls.publishedById') {
        const { id } = input as { id: string };
        return { data: id === CLOSED_ID ? CLOSED_CALL : OPEN_CALL };
      }
      if (path === 'selection.submissions.mine') return { data: current };
      if (path === 'selection.submissions.save') {
        const base = (current as typeof MINE | null) ?? MINE;
        current = { ...base, ...(input as object), version: base.version + 1 };
        return { data: current };
      }
      if (path === 'selection.submissions.withdraw') {
        current = {
          ...(current as object),
          status: 'withdrawn',
          statusName: '已撤回',
          version: (current as typeof MINE).version + 1,
        };
        return { data: current };
      }
      return { error: { message: '请求的内容不存在', code: 'NOT_FOUND', httpStatus: 404 } };
    };
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  it('is reached from the 政策 tab', async () => {
    serve(null);
    const page = await sim.openPage('pages/programmes/index');
    expect(page.text('#programmes-calls')).toContain('申报指南');
    await page.tap('#programmes-calls');
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: '/packages/selection/calls/index' },
    ]);
  });

  it('lists the calls with their programme, stage and the days left', async () => {
    serve(null);
    const page = await sim.openPage('packages/selection/calls/index');
    expect(page.text(`#call-${CALL_ID}`)).toContain('未来产业重点科技项目（揭榜挂帅）');
    expect(page.text(`#call-${CALL_ID}-stage`)).toBe('申报中');
    expect(page.text(`#call-${CALL_ID}-days`)).toBe('剩余 20 天');
    expect(page.text(`#call-${CLOSED_ID}-stage`)).toBe('形式审查中');
    expect(page.query(`#call-${CLOSED_ID}-days`)).toBeFalsy();

    await page.tap(`#call-${CALL_ID}`);
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/selection/call/index?id=${CALL_ID}` },
    ]);
  });

  it('shows a call’s guide, dates and quota, and starts, continues or shows the submission', async () => {
    serve(null);
    let page = await sim.openPage('packages/selection/call/index', { id: CALL_ID });
    expect(page.text('#call-title')).toBe(OPEN_CALL.title);
    expect(page.text('#call-guide')).toContain('申报单位须为在宿注册的企业');
    expect(page.text('#call-dates')).toContain(`${OPEN_CALL.applyFrom} 至 ${OPEN_CALL.applyUntil}`);
    expect(page.text('#call-quota')).toBe('不超过 5 项');
    expect(page.text('#call-team')).toContain('本类申报须有合作成员单位');
    expect(page.text('#call-evidence')).toContain('产学研合作协议');
    expect(page.text('#call-action')).toBe('开始申报');
    await page.tap('#call-action');
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/selection/submission/index?callId=${CALL_ID}` },
    ]);

    serve(MINE);
    page = await sim.openPage('packages/selection/call/index', { id: CALL_ID });
    expect(page.text('#call-action')).toBe('继续申报');
    expect(page.text('#call-mine-status')).toBe('草稿');

    serve({ ...MINE, status: 'submitted', statusName: '待县区形式审查' });
    page = await sim.openPage('packages/selection/call/index', { id: CALL_ID });
    expect(page.text('#call-action')).toBe('查看申报');
  });

  it('tells someone outside an organisation how to apply', async () => {
    serve(null, (path) =>
      path === 'selection.submissions.mine'
        ? {
            error: {
              message: '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
              code: 'FORBIDDEN',
              httpStatus: 403,
              appCode: 'NOT_ORG_MEMBER',
            },
          }
        : undefined,
    );
    const page = await sim.openPage('packages/selection/call/index', { id: CALL_ID });
    expect(page.text('#call-not-member')).toContain('请先注册单位或使用邀请码加入');
    expect(page.query('#call-action')).toBeFalsy();
    expect(page.text('#call-join')).toBe('加入单位后申报');
  });

  it('builds the key-project form from the domain schema, checks it and saves money as fen', async () => {
    const seen = serve(null);
    const page = await sim.openPage('packages/selection/submission/index', { callId: CALL_ID });
    expect(page.text('#submission-call-title')).toBe(OPEN_CALL.title);
    expect(page.text('#submission-deadline')).toContain('剩余 20 天');

    await page.tap('#submission-submit');
    expect(page.text('#submission-projectName-error')).toBe('请填写项目名称');
    expect(page.text('#submission-team-0-unitName-error')).toBe('请填写成员单位');
    expect(page.text('#evidence-error')).toContain('请上传信用承诺书');
    expect(sent(seen, 'selection.submissions.save')).toEqual([]);

    await page.input('#submission-title', '氢燃料电池膜电极国产化');
    await page.input('#submission-projectName', '氢燃料电池膜电极国产化');
    await page.tap('#submission-fieldCode-low-carbon-energy');
    await page.input('#submission-cityFundsFen', '1,000,000.00');
    await page.input('#submission-months', '24');
    await page.tap('#submission-team-add');
    await page.input('#submission-team-0-unitName', '宿州学院');
    await page.input('#submission-team-0-part', '膜电极催化剂研发');
    await page.input('#submission-team-1-unitName', '安徽宿氢新能源科技有限公司');
    await page.tap('#submission-team-1-remove');
    expect(page.query('#submission-team-1')).toBeFalsy();
    expect(sim.leaveAlert).toContain('尚未保存');

    await page.tap('#submission-save');
    expect(sent(seen, 'selection.submissions.save')).toEqual([
      {
        callId: CALL_ID,
        title: '氢燃料电池膜电极国产化',
        form: {
          projectName: '氢燃料电池膜电极国产化',
          fieldCode: 'low-carbon-energy',
          cityFundsFen: 100_000_000n,
          months: 24,
        },
        team: [{ unitName: '宿州学院', part: '膜电极催化剂研发' }],
        evidence: [],
        // A key project always says which need it answers (揭榜挂帅): none here.
        needId: null,
      },
    ]);
    expect(sim.toasts).toContain('草稿已保存');
    expect(sim.leaveAlert).toBeNull();
  });

  it('shows the formal check’s comment on a returned submission', async () => {
    serve({ ...MINE, status: 'returned', statusName: '退回修改', checkComment: '合作协议未盖章' });
    const page = await sim.openPage('packages/selection/submission/index', { callId: CALL_ID });
    expect(page.text('#submission-returned-comment')).toBe('合作协议未盖章');
    expect(page.text('#submission-submit')).toBe('重新提交');
  });

  it('shows a submitted one where it stands, and withdraws it after the confirmation', async () => {
    const seen = serve({
      ...MINE,
      status: 'submitted',
      statusName: '待县区形式审查',
      submittedAt: new Date(),
    });
    const page = await sim.openPage('packages/selection/submission/index', { callId: CALL_ID });
    expect(page.text('#submission-status')).toBe('待县区形式审查');
    expect(page.text('#submission-content')).toContain('¥1,000,000.00');
    expect(page.text('#submission-members')).toContain('宿州学院');
    await page.tap('#submission-withdraw');
    expect(modals).toHaveLength(1);
    expect(modals[0]).toContain('不能再次申报');
    expect(sent(seen, 'selection.submissions.withdraw')).toEqual([
      { id: MINE.id, expectedVersion: MINE.version },
    ]);
    expect(page.text('#submission-status')).toBe('已撤回');
    expect(page.query('#submission-withdraw')).toBeFalsy();
  });
});

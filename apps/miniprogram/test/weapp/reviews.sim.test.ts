import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer, sent } from '../support/fake-api';
import { type Simulated, bootMiniProgram, startSignedIn } from './harness';

const INVITED = 'a1000000-0000-4000-8000-000000000001';
const ACCEPTED = 'a1000000-0000-4000-8000-000000000002';
const SUB_1 = 's1000000-0000-4000-8000-000000000001';
const SUB_2 = 's1000000-0000-4000-8000-000000000002';

const TASKS = [
  {
    assignmentId: ACCEPTED,
    panelId: 'p2',
    callTitle: '2027年度未来产业重点科技项目',
    panelName: '低碳能源组',
    status: 'accepted',
    statusName: '已确认参加',
    panelClosed: false,
    submissions: 2,
    sheets: 1,
  },
  {
    assignmentId: INVITED,
    panelId: 'p1',
    callTitle: '2027年度市级重大应用场景典型案例评选',
    panelName: '空天信息组',
    status: 'invited',
    statusName: '待确认',
    panelClosed: false,
    submissions: 4,
    sheets: 0,
  },
];

const PANEL = {
  callTitle: '2027年度未来产业重点科技项目',
  programme: 'key-project',
  panelName: '低碳能源组',
  closed: false,
  settingsVersion: 'selection-2026-01',
  commentAtOrBelow: 60,
  commentAtOrAbove: 90,
  rubric: {
    criteria: [
      { code: 'innovation', name: '创新性', maxPoints: 30, guidance: '技术路线新颖' },
      { code: 'feasibility', name: '可行性', maxPoints: 25 },
      { code: 'team', name: '团队实力', maxPoints: 20 },
      { code: 'benefit', name: '预期效益', maxPoints: 25 },
    ],
  },
  submissions: [
    {
      id: SUB_1,
      number: 'SZKC-SB-2027-0001',
      title: '氢燃料电池膜电极国产化',
      organisationName: '安徽宿氢新能源科技有限公司',
      form: {
        projectName: '氢燃料电池膜电极国产化',
        fieldCode: 'low-carbon-energy',
        cityFundsFen: 100_000_000n,
        months: 24,
      },
      team: [{ unitName: '宿州学院', personName: null, part: '膜电极催化剂研发' }],
      mySheet: null,
    },
    {
      id: SUB_2,
      number: 'SZKC-SB-2027-0002',
      title: '光伏组件封装材料国产化',
      organisationName: '宿州明澈光电科技有限公司',
      form: { projectName: '光伏组件封装材料国产化', months: 18 },
      team: [],
      mySheet: {
        conflict: false,
        conflictReason: null,
        scores: { innovation: 25, feasibility: 20, team: 20, benefit: 20 },
        total: 85,
        comment: null,
      },
    },
  ],
};

/** 评审任务 (sub-package 专家库), compiled for WeChat: invitations, a panel, a score sheet. */
describe('评审任务 in the WeChat build', () => {
  let sim: Simulated;

  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    startSignedIn(sim);
  });

  function serve(panel: unknown = PANEL) {
    const handler: FakeHandler = (path) => {
      if (path === 'selection.reviews.mine') return { data: TASKS };
      if (path === 'selection.reviews.panel') return { data: panel };
      if (path === 'selection.reviews.respond')
        return { data: { status: 'declined', replacedByReserve: true } };
      if (path === 'selection.reviews.score') return { data: { saved: true, total: 92 } };
      return { error: { message: '请求的内容不存在', code: 'NOT_FOUND', httpStatus: 404 } };
    };
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  it('lists the invitation first; declining asks for a reason and tells of the reserve', async () => {
    const seen = serve();
    const page = await sim.openPage('packages/expert/reviews/index');
    expect(page.text('#reviews-intro')).toContain('当前有 1 项邀请待确认');
    expect(page.text('#reviews-invitations')).toContain('空天信息组');
    expect(page.text(`#review-${ACCEPTED}-progress`)).toContain('已评 1 / 2');

    await page.tap(`#review-${INVITED}-decline`);
    expect(page.text(`#review-${INVITED}-reserve`)).toContain('由备选专家递补');
    await page.tap(`#review-${INVITED}-decline-submit`);
    expect(page.text(`#review-${INVITED}-reason-error`)).toBe('请说明不能参加的原因');
    expect(sent(seen, 'selection.reviews.respond')).toEqual([]);

    await page.input(`#review-${INVITED}-reason`, '评审期间在外地出差');
    await page.tap(`#review-${INVITED}-decline-submit`);
    expect(sent(seen, 'selection.reviews.respond')).toEqual([
      { assignmentId: INVITED, accept: false, reason: '评审期间在外地出差' },
    ]);
    expect(sim.toasts).toContain('已回复不能参加，将由备选专家递补');

    await page.tap(`#review-${ACCEPTED}`);
    expect(sim.navigations).toContainEqual({
      api: 'navigateTo',
      url: `/packages/expert/panel/index?assignmentId=${ACCEPTED}`,
    });
  });

  it('shows the panel’s submissions with the expert’s own sheets', async () => {
    serve();
    const page = await sim.openPage('packages/expert/panel/index', { assignmentId: ACCEPTED });
    expect(page.text(`#panel-submission-${SUB_1}-sheet`)).toBe('未评');
    expect(page.text(`#panel-submission-${SUB_2}-sheet`)).toBe('已评 总分 85');
    expect(page.text('#panel-progress')).toBe('已评 1 / 2');
    await page.tap(`#panel-submission-${SUB_1}`);
    expect(sim.navigations).toContainEqual({
      api: 'navigateTo',
      url: `/packages/expert/score/index?assignmentId=${ACCEPTED}&submissionId=${SUB_1}`,
    });
  });

  it('scores a submission: a 92 needs a comment, then goes back to the panel', async () => {
    const seen = serve();
    const page = await sim.openPage('packages/expert/score/index', {
      assignmentId: ACCEPTED,
      submissionId: SUB_1,
    });
    expect(page.text('#score-submission-title')).toBe('氢燃料电池膜电极国产化');
    expect(page.text('#score-submission-content')).toContain('¥1,000,000.00');
    await page.tap('#score-conflict-none');
    await page.input('#score-innovation', '30');
    await page.input('#score-feasibility', '25');
    await page.input('#score-team', '20');
    await page.input('#score-benefit', '17');
    expect(page.text('#score-total-value')).toBe('92');
    await page.tap('#score-save');
    expect(page.text('#score-comment-error')).toBe('总分92分，不低于90分，请填写评审意见说明理由');
    expect(sent(seen, 'selection.reviews.score')).toEqual([]);

    await page.input('#score-comment', '技术路线领先');
    await page.tap('#score-save');
    expect(sent(seen, 'selection.reviews.score')).toEqual([
      {
        assignmentId: ACCEPTED,
        submissionId: SUB_1,
        sheet: {
          conflict: 'none',
          scores: { innovation: 30, feasibility: 25, team: 20, benefit: 17 },
          comment: '技术路线领先',
        },
      },
    ]);
    expect(sim.navigations).toContainEqual({
      api: 'redirectTo',
      url: `/packages/expert/panel/index?assignmentId=${ACCEPTED}`,
    });
  });

  it('shows the sheet read-only once the panel has closed', async () => {
    serve({ ...PANEL, closed: true });
    const page = await sim.openPage('packages/expert/score/index', {
      assignmentId: ACCEPTED,
      submissionId: SUB_2,
    });
    expect(page.text('#score-closed')).toContain('评分不能再修改');
    expect(page.text('#score-total-value')).toBe('85 分');
    expect(page.query('#score-save')).toBeFalsy();
    expect(page.query('#score-innovation')).toBeFalsy();
  });
});

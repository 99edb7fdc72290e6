// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import type { MyProject, MyProjects } from '../src/packages/projects/data';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { PROJECT_ID, draftedProject as project } from './support/projects';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in need-board.test.ts), so the pages run in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { ProjectList } = await import('../src/packages/projects/mine/ProjectList');
const { ProjectDetail } = await import('../src/packages/projects/detail/ProjectDetail');
const data = await import('../src/packages/projects/data');
const { messageTarget } = await import('../src/pages/messages/links');

const list = (items: MyProject[], mayAct: boolean): MyProjects => ({
  items: items.map(({ mayAct: _, ...p }) => p),
  mayAct,
});

describe('我的项目 and one project on screen', () => {
  const screen = createScreen();
  const { $, text, render, click } = screen;

  /** What a user reads holds no codes, enum names or ids: no Latin lower-case at all. */
  const noCodes = () => expect(screen.container.textContent).not.toMatch(/[a-z]/);

  async function detail(p: MyProject) {
    const changed: (MyProject | undefined)[] = [];
    await render(createElement(ProjectDetail, { project: p, onChanged: (n) => changed.push(n) }));
    return changed;
  }

  it('lists the projects with number, status, city funds in yuan and period; each opens its page', async () => {
    const navigateTo = vi.spyOn(Taro, 'navigateTo');
    await render(
      createElement(ProjectList, {
        data: list(
          [
            project(),
            project({
              id: 'b0000000-0000-4000-8000-000000000002',
              number: 'SZKC-XM-2027-0002',
              title: '低空物流无人机集群调度',
              status: 'in-progress',
              statusName: '实施中',
              signedAt: new Date('2027-07-02T02:00:00Z'),
            }),
          ],
          true,
        ),
      }),
    );
    const card = `project-${PROJECT_ID}`;
    expect(text(card)).toContain('氢燃料电池膜电极国产化');
    expect(text(card)).toContain('项目编号 SZKC-XM-2027-0001');
    expect(text(`${card}-status`)).toBe('待签订任务书');
    expect($(`${card}-status`)?.className).toContain('status-tag--warning');
    expect(text(`${card}-funds`)).toBe('¥1,200,000.00');
    expect(text(`${card}-period`)).toBe('2027-07-01 至 2029-06-30');
    expect(text(`${card}-hint`)).toBe('请核对任务书后签订');
    expect(text('project-b0000000-0000-4000-8000-000000000002-status')).toBe('实施中');
    expect(text('projects-intro')).toContain('当前有 1 个项目待签订任务书');
    noCodes();

    await click(card);
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/projects/detail/index?id=${PROJECT_ID}`,
    });
  });

  it('tells a member who is not the administrator who signs, and says when there is nothing', async () => {
    await render(createElement(ProjectList, { data: list([project({ mayAct: false })], false) }));
    expect(text(`project-${PROJECT_ID}-hint`)).toBe('待单位管理员签订任务书');
    expect(text('projects-intro')).toContain('1 个项目待单位管理员签订任务书');
    await render(createElement(ProjectList, { data: { items: [], mayAct: true } }));
    expect(text('projects-empty')).toContain('暂无立项项目');
  });

  it('shows the 任务书 in Chinese: documents, funds in yuan, milestones, tranches and due dates', async () => {
    await detail(project());
    expect(text('project-status')).toBe('待签订任务书');
    expect(text('project-doc')).toBe('宿科〔2027〕18号');
    expect(text('project-call')).toBe(
      '2027年度未来产业重点科技项目（揭榜挂帅）（SZKC-ZN-2027-02）',
    );
    expect(text('project-period')).toBe('2027-07-01 至 2029-06-30');
    expect(text('project-city-funds')).toBe('¥1,200,000.00');
    expect(text('project-own-funds')).toBe('¥2,500,000.00');
    expect(text('project-milestone-0')).toContain('中期目标');
    expect(text('project-milestone-0')).toContain('完成时间 2028-06-30');
    expect(text('project-milestone-1')).toContain('考核指标：建成年产十万片膜电极中试线');
    expect(text('project-tranche-0-label')).toBe('第一期 · 任务书签订后');
    expect(text('project-tranche-0-amount')).toBe('¥360,000.00');
    expect(text('project-tranche-1-label')).toBe('第二期 · 中期检查通过后');
    expect(text('project-tranche-2-label')).toBe('第三期 · 验收通过后');
    expect(text('project-tranche-2-amount')).toBe('¥480,000.00');
    expect(text('project-tranche-0-state')).toBe('未到拨付条件');
    // Nothing to report or change before the 任务书 is signed.
    expect($('project-reports')).toBeNull();
    expect($('project-changes')).toBeNull();
    expect(text('project-mid-term')).toBe('2028-06-30 前');
    expect(text('project-final')).toBe('2029-09-28 前提交');
    expect(text('project-commitment')).toBe(data.SIGN_COMMITMENT);
    noCodes();
  });

  it('the administrator signs after confirming, on the version shown', async () => {
    const seen = fakeApi((path) =>
      path === 'selection.projects.sign'
        ? {
            data: {
              ...project({
                status: 'in-progress',
                statusName: '实施中',
                version: 3,
                signedAt: new Date('2027-07-02T02:00:00Z'),
              }),
              mayAct: undefined,
            },
          }
        : { data: null },
    );
    const changed = await detail(project());

    taroStub.modalConfirm = false;
    await click('project-sign');
    expect(taroStub.modals).toEqual([data.SIGN_QUESTION]);
    expect(data.SIGN_QUESTION).toContain(
      '本单位已核对任务书内容，承诺按任务书组织实施，按期报送中期检查和结题材料，接受市科技局的检查和验收',
    );
    expect(seen).toEqual([]);

    taroStub.modalConfirm = true;
    await click('project-sign');
    expect(sent(seen, 'selection.projects.sign')).toEqual([{ id: PROJECT_ID, expectedVersion: 2 }]);
    expect(taroStub.toasts).toContain('任务书已签订');
    expect(changed.map((p) => [p?.status, p?.version, p?.mayAct])).toEqual([
      ['in-progress', 3, true],
    ]);

    // Signed: where it stands, no button.
    await detail(changed[0] as MyProject);
    expect(text('project-status')).toBe('实施中');
    expect(text('project-signed')).toContain('任务书已于 2027-07-02 10:00 签订');
    expect($('project-sign')).toBeNull();
    noCodes();
  });

  it('shows the server’s refusal in Chinese; a stale page is loaded again', async () => {
    let answer: FakeOutcome = {
      error: {
        message: '该项目刚被他人更新，请刷新后再试',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'STALE_VERSION',
      },
    };
    fakeApi((path) => (path === 'selection.projects.sign' ? answer : { data: null }));
    const changed = await detail(project());
    await click('project-sign');
    expect(text('project-sign-error')).toContain('该项目刚被他人更新');
    expect(taroStub.toasts).toContain('该项目刚被他人更新，请刷新后再试');
    // Nothing given back: the page loads the project again.
    expect(changed).toEqual([undefined]);

    answer = {
      error: {
        message: '市级资金不能超过决定支持的¥1,000,000.00',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
        fieldErrors: { 'contract.cityFundsFen': ['市级资金不能超过决定支持的¥1,000,000.00'] },
      },
    };
    await click('project-sign');
    expect(text('project-sign-error')).toBe('市级资金不能超过决定支持的¥1,000,000.00');
    expect(changed).toHaveLength(1);
  });

  it('a member who is not the administrator sees no button, only who signs', async () => {
    const seen = fakeApi(() => ({ data: null }));
    await detail(project({ mayAct: false }));
    expect($('project-sign')).toBeNull();
    expect($('project-sign-card')).toBeNull();
    expect(text('project-admin-only')).toBe(
      '任务书由单位管理员核对后签订，请提醒本单位管理员处理。',
    );
    expect(text('project-hint')).toBe('待单位管理员签订任务书');
    expect(seen).toEqual([]);
  });

  it('a draft the bureau must still correct shows why instead of the button', async () => {
    await detail(
      project({
        problems: {
          'tranches.0.amountFen': ['首期拨付不超过市级资金的30%（¥360,000.00）'],
          tranches: ['各期拨付合计¥1,300,000.00，应等于市级资金¥1,200,000.00'],
        },
      }),
    );
    expect($('project-sign')).toBeNull();
    expect(text('project-problems')).toContain('任务书尚待市科技局修改完善，暂不能签订');
    expect(text('project-problems')).toContain('首期拨付不超过市级资金的30%（¥360,000.00）');
    expect(text('project-problems')).toContain(
      '各期拨付合计¥1,300,000.00，应等于市级资金¥1,200,000.00',
    );
    expect(text('project-hint')).toBe('任务书待市科技局修改完善后签订');
    noCodes();
  });

  it('no signing once the project is under way', async () => {
    await detail(project({ status: 'in-progress', statusName: '实施中', mayAct: true }));
    expect($('project-sign')).toBeNull();
    expect($('project-admin-only')).toBeNull();
    expect($('project-problems')).toBeNull();
  });
});

describe('the ways to a project', () => {
  it('opens the project a 项目立项 message links', () => {
    expect(
      messageTarget({ kind: 'project.created', link: { page: 'project', id: PROJECT_ID } }),
    ).toEqual({ route: '/packages/projects/detail/index', query: { id: PROJECT_ID } });
  });

  it('counts the tranches in Chinese and each problem once', () => {
    expect([0, 1, 2, 3].map(data.trancheLabel)).toEqual(['第一期', '第二期', '第三期', '第四期']);
    expect(data.problemList({ a: ['甲', '乙'], b: ['甲'] })).toEqual(['甲', '乙']);
    expect(data.awaitsSignature(project())).toBe(true);
    expect(data.awaitsSignature(project({ problems: { endOn: ['结束日期应晚于开始日期'] } }))).toBe(
      false,
    );
    expect(data.awaitsSignature(project({ status: 'in-progress' }))).toBe(false);
  });
});

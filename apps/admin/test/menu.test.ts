import type { RouteRecordRaw } from 'vue-router';
import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../src/router/menu';
import { ACCESS_CODES, accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes } from '../src/router/routes';

const Page = { render: () => null };

/** Every entry title, groups and children, for "is it there" checks independent of order. */
function titles(menus: MenuItem[]): string[] {
  return menus.flatMap((m) => [m.title, ...titles(m.children ?? [])]);
}
const menuOf = (role: string) => buildMenus(moduleRoutes, accessCodesForRole(role));

describe('side menu', () => {
  it('starts every officer at the workbench', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer', 'finance-officer']) {
      expect(menuOf(role)).toContainEqual({ path: '/workbench', title: '工作台' });
    }
  });

  it('gives finance the money pages and not the review pages', () => {
    const menu = menuOf('finance-officer');
    expect(menu).toContainEqual({
      path: '/finance',
      title: '资金管理',
      children: [
        { path: '/finance/budgets', title: '年度预算' },
        { path: '/finance/disbursements', title: '拨付批次' },
        { path: '/finance/ledger', title: '资金台账' },
      ],
    });
    expect(titles(menu)).not.toContain('申请列表');
    expect(titles(menu)).not.toContain('公示批次');
  });

  it('gives finance nothing beyond payment, the workbench and the aggregate targets', () => {
    // The server refuses finance every case-work procedure (packages/api role-scope.test.ts).
    expect(titles(menuOf('finance-officer')).sort()).toEqual(
      ['工作台', '2030目标看板', '资金管理', '年度预算', '拨付批次', '资金台账'].sort(),
    );
  });

  it('gives an area officer review and notices but no money pages', () => {
    const all = titles(menuOf('area-officer'));
    expect(all).toContain('申请列表');
    expect(all).toContain('公示批次');
    expect(all).not.toContain('资金管理');
  });

  it('gives the bureau 申报指南, 项目管理, 需求征集, 创新联盟 and the expert pool (专家库) under 评选与立项', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer'])
      expect(menuOf(role)).toContainEqual({
        path: '/selection',
        title: '评选与立项',
        children: [
          { path: '/selection/calls', title: '申报指南' },
          { path: '/selection/projects', title: '项目管理' },
          { path: '/selection/needs', title: '需求征集' },
          { path: '/selection/alliances', title: '创新联盟' },
          { path: '/experts', title: '专家库' },
        ],
      });
  });

  it('gives an area officer 申报指南, 项目管理, 需求征集 and 创新联盟 (their area’s submissions, projects, needs and alliances) but not 专家库', () => {
    expect(menuOf('area-officer')).toContainEqual({
      path: '/selection',
      title: '评选与立项',
      children: [
        { path: '/selection/calls', title: '申报指南' },
        { path: '/selection/projects', title: '项目管理' },
        { path: '/selection/needs', title: '需求征集' },
        { path: '/selection/alliances', title: '创新联盟' },
      ],
    });
    expect(titles(menuOf('area-officer'))).not.toContain('专家库');
    expect(titles(menuOf('area-officer'))).not.toContain('申报指南详情');
    expect(titles(menuOf('area-officer'))).not.toContain('项目详情');
  });

  it('gives finance nothing of 评选与立项', () => {
    for (const title of ['评选与立项', '申报指南', '项目管理', '需求征集', '专家库'])
      expect(titles(menuOf('finance-officer'))).not.toContain(title);
  });

  it('shows the reviewer budgets but not disbursements, and never a detail page', () => {
    const all = titles(menuOf('bureau-reviewer'));
    expect(all).toContain('年度预算');
    expect(all).not.toContain('拨付批次');
    expect(all).not.toContain('申请详情');
    expect(all).not.toContain('公示详情');
  });

  it('leaves out entries whose codes are not all held, and a group left empty', () => {
    const routes: RouteRecordRaw[] = [
      {
        path: '/awards',
        meta: { title: '奖补管理' },
        children: [
          {
            path: 'review',
            component: Page,
            meta: { title: '审核', accessCodes: ['award:review'] },
          },
          {
            path: 'pay',
            component: Page,
            meta: { title: '拨付', accessCodes: ['award:review', 'award:pay'] },
          },
        ],
      },
      { path: '/hidden', component: Page, meta: { title: '隐藏', hideInMenu: true } },
      { path: '/untitled', component: Page },
    ];
    expect(buildMenus(routes, ['award:review'])).toEqual([
      { path: '/awards', title: '奖补管理', children: [{ path: '/awards/review', title: '审核' }] },
    ]);
    expect(buildMenus(routes, ['award:pay'])).toEqual([]);
  });
});

describe('access codes', () => {
  it('gives case workers the organisation directory, and finance not, as the server allows', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer']) {
      expect(accessCodesForRole(role)).toContain(ACCESS_CODES.organisationList);
      expect(accessCodesForRole(role)).toContain(ACCESS_CODES.organisationView);
    }
    expect(accessCodesForRole('finance-officer')).not.toContain(ACCESS_CODES.organisationList);
    expect(accessCodesForRole('finance-officer')).not.toContain(ACCESS_CODES.organisationView);
  });

  it('gives the expert pool to the bureau’s roles and nobody else', () => {
    const expertCodes = [
      ACCESS_CODES.expertList,
      ACCESS_CODES.expertDecide,
      ACCESS_CODES.expertReveal,
    ];
    for (const role of ['bureau-admin', 'bureau-reviewer'])
      expect(accessCodesForRole(role)).toEqual(expect.arrayContaining(expertCodes));
    for (const role of ['area-officer', 'finance-officer'])
      for (const code of expertCodes) expect(accessCodesForRole(role)).not.toContain(code);
  });

  it('lets the bureau write and run calls, and each case worker take their own formal-check step', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer']) {
      expect(accessCodesForRole(role)).toEqual(
        expect.arrayContaining([
          ACCESS_CODES.selectionCallList,
          ACCESS_CODES.selectionCallManage,
          ACCESS_CODES.selectionCheckBureau,
          ACCESS_CODES.selectionPanelManage,
          ACCESS_CODES.selectionDecide,
        ]),
      );
      expect(accessCodesForRole(role)).not.toContain(ACCESS_CODES.selectionCheckArea);
    }
    const area = accessCodesForRole('area-officer');
    expect(area).toContain(ACCESS_CODES.selectionCallList);
    expect(area).toContain(ACCESS_CODES.selectionCheckArea);
    expect(area).not.toContain(ACCESS_CODES.selectionCallManage);
    expect(area).not.toContain(ACCESS_CODES.selectionCheckBureau);
    // Panels are drawn and closed by the bureau only (selection.panels.draw / close).
    expect(area).not.toContain(ACCESS_CODES.selectionPanelManage);
    // 拟定结果 is the bureau's (selection.decision.get / save refuse area officers).
    expect(area).not.toContain(ACCESS_CODES.selectionDecide);
    for (const code of [
      ACCESS_CODES.selectionCallList,
      ACCESS_CODES.selectionCallManage,
      ACCESS_CODES.selectionCheckArea,
      ACCESS_CODES.selectionCheckBureau,
      ACCESS_CODES.selectionPanelManage,
      ACCESS_CODES.selectionDecide,
    ])
      expect(accessCodesForRole('finance-officer')).not.toContain(code);
  });

  it('lets every case worker curate the need board, and finance not, as the server allows', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer'])
      expect(accessCodesForRole(role)).toContain(ACCESS_CODES.needCurate);
    expect(accessCodesForRole('finance-officer')).not.toContain(ACCESS_CODES.needCurate);
  });

  it('gives an unknown role nothing', () => {
    expect(accessCodesForRole('applicant')).toEqual([]);
    expect(accessCodesForRole(null)).toEqual([]);
  });

  it('requires every listed code', () => {
    expect(hasAccessByCodes(['a'], ['a', 'b'])).toBe(false);
    expect(hasAccessByCodes(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(hasAccessByCodes([], undefined)).toBe(true);
  });
});

describe('the accounts entry says what it is', () => {
  // There is no role editor: roles are fixed (OFFICER_ROLES), so the entry is named for the accounts.
  it('is 人员账号, not 用户与角色', () => {
    const all = titles(menuOf('bureau-admin'));
    expect(all).toContain('人员账号');
    expect(all).not.toContain('用户与角色');
  });
});

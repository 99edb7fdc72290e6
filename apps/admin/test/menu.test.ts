import type { RouteRecordRaw } from 'vue-router';
import { describe, expect, it } from 'vitest';
import { ACCESS_CODES, accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes } from '../src/router/routes';

const Page = { render: () => null };

describe('side menu', () => {
  it('shows an officer without codes only the open pages', () => {
    const menus = buildMenus(moduleRoutes, []);
    expect(menus.map((m) => m.title)).toEqual(['工作台']);
  });

  it('shows the organisation directory to an officer holding organisation:list', () => {
    const menus = buildMenus(moduleRoutes, [ACCESS_CODES.organisationList]);
    expect(menus).toEqual([
      { path: '/dashboard', title: '工作台' },
      {
        path: '/organisations',
        title: '创新主体',
        children: [{ path: '/organisations', title: '机构库' }],
      },
    ]);
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
  it('gives every officer role the organisation directory, as the server allows', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer', 'finance-officer']) {
      expect(accessCodesForRole(role)).toContain(ACCESS_CODES.organisationView);
    }
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

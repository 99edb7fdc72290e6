import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes, routes } from '../src/router/routes';
import { columns } from '../src/views/policy-versions/data';
import PolicyVersionsView from '../src/views/policy-versions/index.vue';
import { officers } from './helpers';
import { more, mountAs } from './mount';
import { BASE, NEW_ID, list } from './policy-versions-fixtures';

const api = vi.hoisted(() => ({ list: vi.fn(), form: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { policyVersions: { list: { query: api.list }, form: { query: api.form } } },
}));

// 2026-12-07 10:00 in Suzhou.
const NOW = new Date('2026-12-07T02:00:00Z');

const rowsOf = (wrapper: VueWrapper, testId: string) =>
  wrapper.findAll(`[data-testid="${testId}"] .el-table__body tr`).map((r) => r.text());

async function openList(officer = officers.admin) {
  return mountAs(officer, PolicyVersionsView, { path: '/policy-versions' });
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('政策修订: the list', () => {
  it('shows the built-in versions with their dates, and marks the one new amendments start from', async () => {
    api.list.mockResolvedValue(list({ newestId: BASE.id }));
    const { wrapper } = await openList();
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('政策修订');
    const [draft, older] = rowsOf(wrapper, 'built-in-versions');
    for (const text of [
      BASE.title,
      '内置',
      '2026.1-draft',
      '征求意见稿',
      '2026-01-01',
      '2026-12-19',
    ])
      expect(draft).toContain(text);
    expect(draft).toContain('新修订以此为基础');
    for (const text of ['2025-01-01', '2025-12-31', '正式印发']) expect(older).toContain(text);
    expect(older).not.toContain('新修订以此为基础');
    wrapper.unmount();
  });

  it('shows each of the bureau’s versions with its number, status, date, changes and times, in Chinese', async () => {
    api.list.mockResolvedValue(list());
    const { wrapper } = await openList();
    const [adopted, proposed, withdrawn] = rowsOf(wrapper, 'policy-version-table');
    for (const text of [
      '提高技术成果转化补助上限',
      '2026.12',
      NEW_ID,
      '已通过',
      '2026-12-20',
      '1 项',
      '2026-12-01 10:00',
      '2026-12-02 11:00',
      '新修订以此为基础',
    ])
      expect(adopted).toContain(text);
    // A proposal's date is only intended; 16:30 UTC is the next day in Suzhou.
    for (const text of ['拟修订', '2027-01-01（拟）', '2 项', '2026-12-04 00:30'])
      expect(proposed).toContain(text);
    expect(withdrawn).toContain('已撤回');
    expect(withdrawn).not.toContain('2026-12-20');
    const statuses = wrapper.findAll('[data-testid="policy-version-status"]').map((t) => t.text());
    expect(statuses).toEqual(['已通过', '拟修订', '已撤回']);
    // The built-in ids and the status codes are never shown; the ids officers typed are.
    for (const raw of [
      BASE.id,
      'suzhou-future-2025',
      'proposed',
      'adopted',
      'withdrawn',
      'awaiting-confirmation',
    ])
      expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('links each of the bureau’s versions to its page, and nothing else', async () => {
    const data = list();
    api.list.mockResolvedValue(data);
    const { wrapper, router } = await openList();
    const links = wrapper.findAll('a[href^="/policy-versions/"]');
    expect(links).toHaveLength(data.versions.length);
    expect(links.map((a) => a.attributes('href'))).toEqual(
      data.versions.map((v) => `/policy-versions/${v.id}`),
    );
    expect(wrapper.find('[data-testid="built-in-versions"] a').exists()).toBe(false);
    await wrapper.get('[data-testid="policy-version-table"] .el-table__body tr').trigger('click');
    // The detail page's chunk loads first (slow on a loaded machine).
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe(`/policy-versions/${NEW_ID}`),
      { timeout: 10_000 },
    );
    wrapper.unmount();
  });

  it('says there is none yet when the bureau has proposed none', async () => {
    api.list.mockResolvedValue(list({ versions: [] }));
    const { wrapper } = await openList();
    expect(wrapper.get('[data-testid="policy-version-table"]').text()).toContain(
      '尚未提出政策修订',
    );
    expect(wrapper.findAll('a[href^="/policy-versions/"]')).toHaveLength(0);
    wrapper.unmount();
  });

  it('offers 新建修订 to the bureau administrator only', async () => {
    api.list.mockResolvedValue(list());
    const admin = await openList();
    expect(admin.wrapper.find('[data-testid="policy-version-create"]').text()).toBe('新建修订');
    admin.wrapper.unmount();
    const reviewer = await openList(more.reviewer);
    expect(reviewer.wrapper.find('[data-testid="policy-version-create"]').exists()).toBe(false);
    // The reviewer reads the versions all the same.
    expect(rowsOf(reviewer.wrapper, 'policy-version-table')).toHaveLength(3);
    reviewer.wrapper.unmount();
    expect(api.form).not.toHaveBeenCalled();
  });

  it('fits a 1440 px screen', () => {
    // 1440 − side menu 220 − paddings and borders (test/table-widths.test.ts): 1123 px.
    const total = columns.reduce((sum, c) => sum + (c.width ?? c.minWidth ?? 80), 0);
    expect(total).toBeLessThanOrEqual(1123);
  });
});

describe('政策修订: who may open it', () => {
  it('is the bureau’s, under 政策管理; area officers and finance do not see it, as the server refuses them', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string, path: string) =>
      mayOpenRoute(router.resolve(path), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    for (const role of ['bureau-admin', 'bureau-reviewer']) {
      expect(may(role, '/policy-versions')).toBe(true);
      expect(may(role, `/policy-versions/${NEW_ID}`)).toBe(true);
      const policy = buildMenus(moduleRoutes, accessCodesForRole(role)).find(
        (m) => m.path === '/policy',
      );
      expect(policy?.children).toContainEqual({ path: '/policy-versions', title: '政策修订' });
      // The detail page is reached from the list, never from the menu.
      expect(JSON.stringify(policy)).not.toContain('政策修订详情');
    }
    for (const role of ['area-officer', 'finance-officer']) {
      expect(may(role, '/policy-versions')).toBe(false);
      expect(JSON.stringify(buildMenus(moduleRoutes, accessCodesForRole(role)))).not.toContain(
        '政策修订',
      );
    }
  });
});

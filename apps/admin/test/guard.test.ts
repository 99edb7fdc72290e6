import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import * as authApi from '../src/api/auth';
import { reportError } from '../src/api/errors';
import { setupGuard } from '../src/router/guard';
import { safeRedirect } from '../src/router/redirect';
import { routes } from '../src/router/routes';
import { HOME_PATH } from '../src/router/routes/core';
import { useAuthStore } from '../src/store/auth';
import LoginView from '../src/views/login/index.vue';
import { apiError, officers } from './helpers';

vi.mock('../src/api/auth', () => ({
  officerLogin: vi.fn(),
  me: vi.fn(),
  logout: vi.fn(),
}));

function makeRouter() {
  const router = createRouter({ history: createMemoryHistory(), routes });
  setupGuard(router);
  return router;
}

beforeEach(() => {
  sessionStorage.clear();
  vi.mocked(authApi.me).mockReset();
  vi.mocked(authApi.officerLogin).mockReset();
  setActivePinia(createPinia());
});

describe('route guard', () => {
  it('sends a signed-out officer to the login page, remembering where they were going', async () => {
    const router = makeRouter();
    await router.push('/organisations?q=砀山');
    expect(router.currentRoute.value.path).toBe('/login');
    expect(router.currentRoute.value.query.redirect).toBe('/organisations?q=砀山');
    expect(authApi.me).not.toHaveBeenCalled();
  });

  it('lets a signed-in officer through after a reload, once the server confirms who they are', async () => {
    sessionStorage.setItem('kc-admin-token', 'valid-token');
    vi.mocked(authApi.me).mockResolvedValue({
      kind: 'officer',
      username: 'admin',
      ...officers.admin,
    } as never);
    const router = makeRouter();
    await router.push('/organisations');
    expect(router.currentRoute.value.path).toBe('/organisations');
    expect(useAuthStore().officer?.displayName).toBe('张局');
  });

  it('starts over at the login page when the saved session has expired', async () => {
    sessionStorage.setItem('kc-admin-token', 'stale-token');
    vi.mocked(authApi.me).mockRejectedValue(apiError('SESSION_EXPIRED', '登录已过期，请重新登录'));
    const router = makeRouter();
    await router.push('/organisations');
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/organisations');
    expect(sessionStorage.getItem('kc-admin-token')).toBeNull();
  });

  it('turns away a mini-program account, whose token is valid but opens no admin page', async () => {
    sessionStorage.setItem('kc-admin-token', 'applicant-token');
    vi.mocked(authApi.me).mockResolvedValue({
      kind: 'applicant',
      id: 'u-1',
      profileType: null,
    } as never);
    const router = makeRouter();
    await router.push(HOME_PATH);
    expect(router.currentRoute.value.path).toBe('/login');
    expect(sessionStorage.getItem('kc-admin-token')).toBeNull();
  });

  it('sends the officer to sign in again when any API call finds the session gone', async () => {
    sessionStorage.setItem('kc-admin-token', 'valid-token');
    vi.mocked(authApi.me).mockResolvedValue({ kind: 'officer', ...officers.admin } as never);
    const router = makeRouter();
    await router.push('/organisations?page=3');

    reportError(apiError('UNAUTHENTICATED', '请先登录'));
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/organisations?page=3');
    expect(useAuthStore().officer).toBeNull();
    expect(sessionStorage.getItem('kc-admin-token')).toBeNull();
  });

  it('shows 无权访问 for a page the officer holds no code for', async () => {
    sessionStorage.setItem('kc-admin-token', 'valid-token');
    vi.mocked(authApi.me).mockResolvedValue({
      kind: 'officer',
      ...officers.admin,
      role: 'retired-role',
    } as never);
    const router = makeRouter();
    await router.push('/organisations');
    expect(router.currentRoute.value.name).toBe('Forbidden');
  });

  it('keeps the expert pool (专家库) to the bureau: an area officer gets 无权访问', async () => {
    sessionStorage.setItem('kc-admin-token', 'valid-token');
    vi.mocked(authApi.me).mockResolvedValue({ kind: 'officer', ...officers.yongqiao } as never);
    const router = makeRouter();
    await router.push('/experts');
    expect(router.currentRoute.value.name).toBe('Forbidden');

    setActivePinia(createPinia());
    vi.mocked(authApi.me).mockResolvedValue({ kind: 'officer', ...officers.admin } as never);
    const bureau = makeRouter();
    await bureau.push('/experts?status=all');
    expect(bureau.currentRoute.value.fullPath).toBe('/experts?status=all');
  });

  it('opens 申报指南 to the case workers, not to finance', async () => {
    const open = async (
      officer: typeof officers.admin | typeof officers.yongqiao,
      path: string,
    ) => {
      setActivePinia(createPinia());
      sessionStorage.setItem('kc-admin-token', 'valid-token');
      vi.mocked(authApi.me).mockResolvedValue({ kind: 'officer', ...officer } as never);
      const router = makeRouter();
      await router.push(path);
      return router.currentRoute.value;
    };
    const call = '/selection/calls/5d7e9a10-0000-4000-8000-000000000014';
    expect((await open(officers.admin, '/selection/calls?status=open')).fullPath).toBe(
      '/selection/calls?status=open',
    );
    expect((await open(officers.yongqiao, call)).fullPath).toBe(call);
    // The group's entry is the calls page, which an area officer may open (专家库 is not).
    expect((await open(officers.yongqiao, '/selection')).path).toBe('/selection/calls');
    const finance = { ...officers.admin, id: 'u-fin', role: 'finance-officer' };
    expect((await open(finance, '/selection/calls')).name).toBe('Forbidden');
    expect((await open(finance, call)).name).toBe('Forbidden');
  });

  it('after signing in, returns the officer to the page they asked for', async () => {
    vi.mocked(authApi.officerLogin).mockResolvedValue({
      token: 'new-token',
      expiresAt: new Date(),
      officer: { username: 'yongqiao', ...officers.yongqiao },
    } as never);
    const router = makeRouter();
    await router.push('/organisations?page=2');
    await router.isReady();
    const wrapper = mount(LoginView, { global: { plugins: [router] }, attachTo: document.body });

    await wrapper.get('input[data-testid="login-username"]').setValue('yongqiao');
    await wrapper.get('input[data-testid="login-password"]').setValue('Demo@2026');
    await wrapper.get('[data-testid="login-submit"]').trigger('submit');
    await flushPromises();
    await vi.waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/organisations?page=2'),
    );

    expect(authApi.officerLogin).toHaveBeenCalledWith({
      username: 'yongqiao',
      password: 'Demo@2026',
    });
    expect(sessionStorage.getItem('kc-admin-token')).toBe('new-token');
    wrapper.unmount();
  });

  it("shows the server's reason when signing in fails", async () => {
    vi.mocked(authApi.officerLogin).mockRejectedValue(
      apiError('WRONG_CREDENTIALS', '用户名或密码错误'),
    );
    const router = makeRouter();
    await router.push('/login');
    await router.isReady();
    const wrapper = mount(LoginView, { global: { plugins: [router] }, attachTo: document.body });

    await wrapper.get('input[data-testid="login-username"]').setValue('admin');
    await wrapper.get('input[data-testid="login-password"]').setValue('wrong');
    await wrapper.get('[data-testid="login-submit"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true));

    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('用户名或密码错误');
    expect(router.currentRoute.value.path).toBe('/login');
    wrapper.unmount();
  });
});

describe('safeRedirect', () => {
  it('follows paths inside the admin only', () => {
    expect(safeRedirect('/organisations?q=1')).toBe('/organisations?q=1');
    expect(safeRedirect('https://evil.example')).toBe(HOME_PATH);
    expect(safeRedirect('//evil.example')).toBe(HOME_PATH);
    expect(safeRedirect('/login?redirect=/x')).toBe(HOME_PATH);
    expect(safeRedirect(undefined)).toBe(HOME_PATH);
    expect(HOME_PATH).toBe('/workbench');
  });
});

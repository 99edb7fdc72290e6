import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import * as authApi from '../src/api/auth';
import * as securityApi from '../src/api/officer-security';
import { setupGuard } from '../src/router/guard';
import { routes } from '../src/router/routes';
import LoginView from '../src/views/login/index.vue';
import PasswordForm from '../src/views/account/password-form.vue';
import { apiError, officers } from './helpers';

/**
 * The admin's side of issue 12's login steps: a login the server says still owes a step stays
 * on the login page and continues there; the password form shows the policy live.
 */
vi.mock('../src/api/auth', () => ({ officerLogin: vi.fn(), me: vi.fn(), logout: vi.fn() }));
vi.mock('../src/api/officer-security', () => ({
  changePassword: vi.fn(),
  startEnrolment: vi.fn(),
  confirmEnrolment: vi.fn(),
  verifyCode: vi.fn(),
  verifyRecoveryCode: vi.fn(),
}));

/** The first visit of a page loads its module graph, which takes a while under test. */
const SLOW = { timeout: 15_000 };

function makeRouter() {
  const router = createRouter({ history: createMemoryHistory(), routes });
  setupGuard(router);
  return router;
}

beforeEach(() => {
  sessionStorage.clear();
  vi.clearAllMocks();
  setActivePinia(createPinia());
});

async function loginAs(pendingStep: string | null) {
  vi.mocked(authApi.officerLogin).mockResolvedValue({
    token: 'new-token',
    expiresAt: new Date(),
    pendingStep,
    officer: { username: 'admin', ...officers.admin },
  } as never);
  const router = makeRouter();
  await router.push('/organisations');
  await router.isReady();
  const wrapper = mount(LoginView, { global: { plugins: [router] }, attachTo: document.body });
  await wrapper.get('input[data-testid="login-username"]').setValue('admin');
  await wrapper.get('input[data-testid="login-password"]').setValue('Demo@2026');
  await wrapper.get('[data-testid="login-submit"]').trigger('submit');
  await flushPromises();
  return { router, wrapper };
}

describe('login steps', () => {
  it('stays on the login page for the second factor, and goes on once the code is accepted', async () => {
    const { router, wrapper } = await loginAs('second-factor');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-step"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="login-step"]').text()).toBe('两步验证');
    expect(router.currentRoute.value.path).toBe('/login');

    vi.mocked(securityApi.verifyCode).mockRejectedValueOnce(
      apiError('WRONG_SECOND_FACTOR', '动态验证码不正确或已使用过，请输入验证器中最新的验证码'),
    );
    await wrapper.get('input[data-testid="totp-code"]').setValue('123456');
    await wrapper.get('[data-testid="totp-submit"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="step-error"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="step-error"]').text()).toContain('动态验证码不正确');
    expect(router.currentRoute.value.path).toBe('/login');

    vi.mocked(securityApi.verifyCode).mockResolvedValueOnce({ pendingStep: null });
    await wrapper.get('input[data-testid="totp-code"]').setValue('654321');
    await wrapper.get('[data-testid="totp-submit"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/organisations'), SLOW);
    expect(securityApi.verifyCode).toHaveBeenLastCalledWith('654321');
    wrapper.unmount();
  });

  it('offers a recovery code instead of the app’s code', async () => {
    const { router, wrapper } = await loginAs('second-factor');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="use-recovery"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="use-recovery"]').trigger('click');
    vi.mocked(securityApi.verifyRecoveryCode).mockResolvedValueOnce({
      pendingStep: null,
      recoveryCodesLeft: 8,
    });
    await wrapper.get('input[data-testid="recovery-code-input"]').setValue('abcde-23456');
    await wrapper.get('[data-testid="totp-submit"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/organisations'), SLOW);
    expect(securityApi.verifyRecoveryCode).toHaveBeenCalledWith('abcde-23456');
    wrapper.unmount();
  });

  it('a reload in the middle of a step is sent back to it, not into the admin', async () => {
    sessionStorage.setItem('kc-admin-token', 'pending-token');
    vi.mocked(authApi.me).mockResolvedValue({
      kind: 'officer',
      username: 'admin',
      ...officers.admin,
      pendingStep: 'change-password',
    } as never);
    const router = makeRouter();
    await router.push('/workbench');
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/workbench');
  });

  it('a forced password change continues to enrolment when the role requires it', async () => {
    const { router, wrapper } = await loginAs('change-password');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-step"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="login-step"]').text()).toBe('修改初始密码');
    vi.mocked(securityApi.changePassword).mockResolvedValueOnce({
      pendingStep: 'enrol-second-factor',
    });
    vi.mocked(securityApi.startEnrolment).mockResolvedValue({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      uri: 'otpauth://totp/x',
      qrDataUrl: 'data:image/png;base64,AAAA',
    });
    await wrapper.get('input[data-testid="password-current"]').setValue('Demo@2026');
    await wrapper.get('input[data-testid="password-new"]').setValue('Better2026pw');
    await wrapper.get('input[data-testid="password-confirm"]').setValue('Better2026pw');
    await wrapper.get('[data-testid="password-submit"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="login-step"]').text()).toBe('设置两步验证'),
    );
    await vi.waitFor(() => expect(wrapper.find('[data-testid="totp-secret"]').exists()).toBe(true));
    // The key is shown as text beside the QR code, for those who cannot scan.
    expect(wrapper.get('[data-testid="totp-secret"]').text()).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );
    expect(router.currentRoute.value.path).toBe('/login');

    vi.mocked(securityApi.confirmEnrolment).mockResolvedValueOnce({
      pendingStep: null,
      recoveryCodes: Array.from({ length: 10 }, (_, i) => `abcde-2345${i}`),
    });
    await wrapper.get('input[data-testid="totp-enrol-code"]').setValue('123456');
    await wrapper.get('[data-testid="totp-enrol-submit"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="recovery-codes"] li')).toHaveLength(10),
    );
    // Not on before the codes are confirmed as kept.
    expect(router.currentRoute.value.path).toBe('/login');
    expect(wrapper.get('[data-testid="recovery-saved"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="recovery-kept"] input').setValue(true);
    await wrapper.get('[data-testid="recovery-saved"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/organisations'), SLOW);
    wrapper.unmount();
  });
});

describe('password form', () => {
  it('shows the policy live, checks the confirmation, and shows the server’s field message', async () => {
    const wrapper = mount(PasswordForm, {
      props: { username: 'zhangsan' },
      attachTo: document.body,
    });
    const rules = () =>
      Object.fromEntries(
        wrapper.findAll('[data-testid="password-rules"] li').map((li) => [
          li
            .text()
            .replace(/[✓·]|（.*）/g, '')
            .trim(),
          li.classes().includes('ok'),
        ]),
      );
    expect(rules()).toEqual({
      至少10位: false,
      同时包含字母和数字: false,
      不包含用户名: false,
      不是常见密码: false,
    });
    await wrapper.get('input[data-testid="password-new"]').setValue('zhangsan2026');
    expect(rules()).toEqual({
      至少10位: true,
      同时包含字母和数字: true,
      不包含用户名: false,
      不是常见密码: true,
    });
    await wrapper.get('input[data-testid="password-new"]').setValue('password123');
    expect(rules()['不是常见密码']).toBe(false);

    await wrapper.get('input[data-testid="password-current"]').setValue('Demo@2026');
    await wrapper.get('input[data-testid="password-new"]').setValue('Better2026pw');
    await wrapper.get('input[data-testid="password-confirm"]').setValue('Better2026px');
    await wrapper.get('[data-testid="password-submit"]').trigger('submit');
    await flushPromises();
    expect(securityApi.changePassword).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(wrapper.text()).toContain('两次输入的新密码不一致'));

    vi.mocked(securityApi.changePassword).mockRejectedValueOnce(
      apiError('WRONG_CURRENT_PASSWORD', '当前密码不正确'),
    );
    await wrapper.get('input[data-testid="password-confirm"]').setValue('Better2026pw');
    await wrapper.get('[data-testid="password-submit"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="password-error"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="password-error"]').text()).toContain('当前密码不正确');
    wrapper.unmount();
  });
});

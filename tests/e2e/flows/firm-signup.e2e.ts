import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { creditCodeCheckChar } from '@kc/domain';
import { adminLogin, orgTable, searchOrganisations } from '../support/admin';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { field, fieldError, loginWithWeChat } from '../support/miniprogram';

/**
 * The walking skeleton's one real flow through all five parts: a firm signs up in the
 * mini-program (H5 build), the area officer of its county finds it in the admin, and the
 * officer of another county does not.
 */
const stack = inject('stack');
const FIRM = {
  name: '宿州翼飞低空智能装备有限公司',
  creditCode: `91341302MA0E2E001${creditCodeCheckChar('91341302MA0E2E001')}`,
  contactName: '刘志强',
  contactPhone: '13905579876',
};

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
});

describe('a firm signs up in the mini-program and officers find it in the admin', () => {
  it('a firm registers through WeChat login, with the credit code checked as it is typed', async () => {
    const { context, page } = await phonePage(browser);
    await loginWithWeChat(page, stack.h5Url);
    await page.waitForURL(/pages\/register/);
    await page.locator('#register-kind-org').click();

    // A mistyped credit code is caught under the field, in Chinese, before anything is sent.
    await field(page, 'org-creditCode').fill('91341302MA0E2E0019');
    await field(page, 'org-name').click();
    await expect
      .poll(() => fieldError(page, 'org-creditCode').textContent())
      .toContain('校验位不正确');
    await snap(page, 'miniprogram-register-invalid-credit-code');

    await page.locator('#org-type-firm').click();
    await field(page, 'org-name').fill(FIRM.name);
    await field(page, 'org-creditCode').fill(FIRM.creditCode.toLowerCase());
    await page.locator('#org-area-yongqiao').click();
    await page.locator('#org-field-aerospace-information').click();
    await field(page, 'org-contactName').fill(FIRM.contactName);
    await field(page, 'org-contactPhone').fill(FIRM.contactPhone);
    await expect
      .poll(
        async () =>
          (await fieldError(page, 'org-creditCode').count()) === 0 ||
          (await fieldError(page, 'org-creditCode').textContent()) === '',
      )
      .toBe(true);
    await page.locator('#register-submit').click();

    await page.waitForURL(/pages\/profile/);
    await expect.poll(() => page.locator('#profile-name').textContent()).toContain(FIRM.name);
    await expect
      .poll(() => page.locator('#profile-creditCode').textContent())
      .toContain(FIRM.creditCode);
    await expect.poll(() => page.locator('#profile-area').textContent()).toContain('埇桥区');
    // The phone number is masked on screen.
    await expect
      .poll(() => page.locator('#profile-contactPhone').textContent())
      .toContain('139****9876');
    await snap(page, 'miniprogram-profile');
    await context.close();
  });

  it('the 埇桥区 officer finds the new firm with its area and field', async () => {
    const { context, page } = await desktopPage(browser);
    await adminLogin(page, stack.adminUrl, 'yongqiao');
    await page.waitForURL(/\/organisations/);
    await searchOrganisations(page, '翼飞');
    const row = orgTable(page).locator('tr', { hasText: FIRM.name });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('埇桥区');
    expect(text).toContain('空天信息');
    expect(text).toContain('139****9876');
    expect(text).not.toContain(FIRM.contactPhone);
    await snap(page, 'admin-organisations-yongqiao');
    await row.click();
    await expect.poll(() => page.getByTestId('org-drawer').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByTestId('org-drawer').textContent())
      .toContain(FIRM.creditCode);
    await context.close();
  });

  it('the 砀山县 officer does not see it', async () => {
    const { context, page } = await desktopPage(browser);
    await adminLogin(page, stack.adminUrl, 'dangshan');
    await page.waitForURL(/\/organisations/);
    await searchOrganisations(page, '翼飞');
    await expect.poll(() => orgTable(page).textContent()).toContain('暂无数据');
    expect(await orgTable(page).textContent()).not.toContain(FIRM.name);
    await context.close();
  });

  it('a wrong officer password is refused with a clear message', async () => {
    const { context, page } = await desktopPage(browser);
    await adminLogin(page, stack.adminUrl, 'admin', 'wrong-password');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RUN } from '../support/admin-b-data';
import { adminLogin } from '../support/admin';
import { lastMessage, signIn } from '../support/admin-b-session';
import { desktopPage, launchBrowser, snap } from '../support/browser';
import { changePasswordAtLogin } from '../support/officer-security';

/**
 * 人员账号: the bureau admin creates an area officer, who signs in; the admin ends their
 * sessions (they are sent back to the login page) and disables the account. Refusals: a taken
 * username, demoting oneself, and a reviewer opening the page.
 */
const stack = inject('stack');
const USERNAME = `e2e_b_${RUN}`;
const PASSWORD = 'Officer2026';

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
});

async function chooseOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
}

function rowOf(page: Page, username: string) {
  return page.getByTestId('officer-table').locator('.el-table__row', { hasText: username });
}

async function fillNewOfficer(page: Page, username: string) {
  await page.getByTestId('officer-create').click();
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-display-name').fill('测试科员');
  await chooseOption(page, 'officer-role-select', '县区园区管理员');
  await chooseOption(page, 'officer-area-select', '砀山县');
  await page.getByTestId('officer-password').fill(PASSWORD);
  await page.getByTestId('officer-submit').click();
}

describe('users and roles', () => {
  it('creates an area officer, ends their session and disables the account', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    await page.goto(`${stack.adminUrl}/system/officers`);
    await fillNewOfficer(page, USERNAME);
    await expect.poll(() => rowOf(page, USERNAME).textContent()).toContain('砀山县');
    expect(await rowOf(page, USERNAME).textContent()).toContain('县区园区管理员');

    // The same username again is refused under the field.
    await fillNewOfficer(page, USERNAME);
    await expect
      .poll(() =>
        page.getByTestId('officer-dialog').locator('.el-form-item__error').first().textContent(),
      )
      .toContain('该用户名已被使用');
    await page.getByTestId('officer-dialog').locator('button', { hasText: '取消' }).click();

    // The new officer signs in in another browser, and first replaces the password the admin set.
    const other = await desktopPage(browser);
    await adminLogin(other.page, stack.adminUrl, USERNAME, PASSWORD);
    await expect
      .poll(() => other.page.getByTestId('login-step').textContent())
      .toContain('修改初始密码');
    await changePasswordAtLogin(other.page, PASSWORD, `${PASSWORD}-new`);
    await other.page.getByTestId('officer-name').waitFor();
    expect(await other.page.getByTestId('officer-area').textContent()).toContain('砀山县');

    await page.reload();
    await expect.poll(() => rowOf(page, USERNAME).locator('td').nth(6).textContent()).toBe('1');
    await rowOf(page, USERNAME).getByTestId('officer-end-sessions').click();
    await page.locator('.el-message-box__btns button', { hasText: '确定' }).click();
    await expect.poll(() => lastMessage(page).textContent()).toContain('已结束 1 个会话');

    // Their next request finds the session gone and sends them to sign in again.
    await other.page.goto(`${stack.adminUrl}/organisations`);
    await other.page.waitForURL(/\/login/);
    await other.context.close();

    await rowOf(page, USERNAME).getByTestId('officer-toggle').click();
    await page.locator('.el-message-box__btns button', { hasText: '确定' }).click();
    await expect.poll(() => rowOf(page, USERNAME).textContent()).toContain('已停用');
    await snap(page, 'admin-officers');
    await context.close();
  });

  it('refuses to let the admin demote themself', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    await page.goto(`${stack.adminUrl}/system/officers`);
    const self = page
      .getByTestId('officer-table')
      .locator('.el-table__row')
      .filter({
        has: page.locator('td:first-child', { hasText: /^admin$/ }),
      });
    expect(await self.getByTestId('officer-toggle').isDisabled()).toBe(true);
    await self.locator('button', { hasText: '编辑' }).click();
    await chooseOption(page, 'officer-role-select', '局审核员');
    await page.getByTestId('officer-submit').click();
    await expect
      .poll(() => lastMessage(page).textContent())
      .toContain('不能停用自己的账号或降低自己的权限');
    await context.close();
  });

  it('does not open the page for a bureau reviewer', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'reviewer');
    expect(await page.getByTestId('side-menu').textContent()).not.toContain('人员账号');
    await page.goto(`${stack.adminUrl}/system/officers`);
    await page.waitForURL(/\/403/);
    await context.close();
  });
});

import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phonePage, snap } from '../support/browser';
import { apiClient, applicantToken, refusalOf } from '../support/api';
import { landedOnProgrammes, openAs, registerFirm, registerResearcher } from '../support/mp-data';
import { textOf, toastText } from '../support/mp-ui';

/**
 * 个人信息与隐私 in the H5 build: a firm administrator sees and exports their data (.xlsx and
 * JSON downloads), is refused 注销 while the only administrator; a researcher cancels their
 * account, after which the old session is dead and the same WeChat user starts anew.
 */
const stack = inject('stack');

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
});

async function openPrivacy(page: Page) {
  await page.locator('#nav-profile').click();
  await page.locator('#profile-menu-privacy').click();
  await page.waitForURL(/packages\/me\/privacy/);
  await page.locator('#privacy-page').waitFor({ state: 'visible' });
}

describe('mini-program: 个人信息与隐私', () => {
  it('a firm administrator sees a summary and downloads the workbook and the JSON', async () => {
    const firm = await registerFirm(stack, {
      name: `宿州隐私导出科技有限公司${Date.now() % 10000}`,
      bankAccount: true,
    });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await landedOnProgrammes(page);
    await openPrivacy(page);

    await page.locator('#privacy-view').click();
    await page.locator('#privacy-summary').waitFor({ state: 'visible' });
    expect(await textOf(page, '#privacy-count-organisations')).toContain('1 条');
    expect(await textOf(page, '#privacy-summary')).toContain('宿州隐私导出科技有限公司');
    await snap(page, 'mp-privacy-summary');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#privacy-export').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('我的个人信息.xlsx');
    const bytes = await readFile((await xlsx.path()) ?? '');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#privacy-export-json').click(),
    ]);
    expect(json.suggestedFilename()).toBe('我的个人信息.json');
    const data = JSON.parse(await readFile((await json.path()) ?? '', 'utf8')) as {
      organisations: { bankAccounts: { accountNo: string }[] }[];
    };
    const accountNo = data.organisations[0]?.bankAccounts[0]?.accountNo ?? '';
    expect(accountNo).toMatch(/4567$/);
    expect(accountNo).not.toContain('622202130100');

    // The only administrator hands over first.
    await page.locator('#privacy-cancel-confirm input').fill('注销');
    await page.locator('#privacy-cancel-submit').click();
    await page.locator('.taro-model__confirm').click();
    await expect.poll(() => toastText(page)).toContain('移交管理员身份');
    expect(page.url()).toMatch(/packages\/me\/privacy/);
    await context.close();
  });

  it('a researcher cancels the account: session ended, the same WeChat user starts a new one', async () => {
    const researcher = await registerResearcher(stack, { name: '注销测试' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, researcher.openid);
    await landedOnProgrammes(page);
    await openPrivacy(page);
    expect(await textOf(page, '#privacy-cancel')).toContain('依法保留');

    await page.locator('#privacy-cancel-submit').click();
    await expect.poll(() => textOf(page, '#privacy-cancel')).toContain('请输入“注销”两个字以确认');
    await page.locator('#privacy-cancel-confirm input').fill('注销');
    await page.locator('#privacy-cancel-submit').click();
    await snap(page, 'mp-privacy-cancel-confirm');
    await page.locator('.taro-model__confirm').click();
    await page.waitForURL(/pages\/login/);
    expect(await page.evaluate(() => window.localStorage.getItem('kc.session'))).toBeNull();

    const refused = await refusalOf(researcher.api.auth.me.query());
    expect(refused.appCode).toBe('UNAUTHENTICATED');
    const again = apiClient(stack.apiUrl, await applicantToken(stack, researcher.openid));
    expect(await again.profile.mine.query()).toEqual({ type: null });
    await context.close();
  });
});

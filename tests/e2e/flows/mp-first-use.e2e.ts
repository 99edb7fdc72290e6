import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { creditCodeCheckChar } from '@kc/domain';
import { launchBrowser, phonePage, snap } from '../support/browser';
import { uniqueCreditCode, uniqueOpenid, uniqueResidentId } from '../support/mp-data';
import { textOf, typeInto } from '../support/mp-ui';

/**
 * Journey 1: first use. Privacy consent before anything is collected, WeChat login, a role
 * (researcher, institution), the profile checked field by field by the domain's schemas, and
 * personal numbers masked on screen afterwards.
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

async function freshPhone(label: string) {
  const { context, page } = await phonePage(browser);
  await context.addInitScript((id) => {
    window.localStorage.setItem('kc.h5.openid', id);
  }, uniqueOpenid(label));
  return { context, page };
}

describe('mini-program: first use', () => {
  it('a researcher consents, logs in with WeChat and registers; ID and phone are masked', async () => {
    const { context, page } = await freshPhone('first-researcher');
    await page.goto(stack.h5Url);
    await snap(page, 'mp-login');

    // Nothing happens before the privacy guideline is accepted.
    await page.locator('#login-submit').click();
    await expect
      .poll(() => textOf(page, '.taro__toast'))
      .toContain('请先阅读并同意《隐私保护指引》');
    expect(page.url()).not.toContain('register');
    await page.locator('#login-privacy-link').click();
    await expect.poll(() => textOf(page, '#privacy-modal')).toContain('身份证号码');
    await page.locator('#privacy-close').click();

    await page.locator('#login-consent').click();
    await page.locator('#login-submit').click();
    await page.waitForURL(/pages\/register/);
    await page.locator('#register-kind-researcher').click();

    const residentId = uniqueResidentId();
    const wrongCheck = residentId.slice(0, 17) + (residentId.endsWith('1') ? '2' : '1');
    await typeInto(page, 'researcher-residentId', wrongCheck);
    await expect.poll(() => textOf(page, '#researcher-residentId-error')).toContain('校验位不正确');
    await typeInto(page, 'researcher-mobile', '1391234');
    await expect.poll(() => textOf(page, '#researcher-mobile-error')).not.toBe('');
    await snap(page, 'mp-register-researcher-errors');

    await typeInto(page, 'researcher-name', '周明远');
    await typeInto(page, 'researcher-residentId', residentId);
    await typeInto(page, 'researcher-mobile', '13912345678');
    await typeInto(page, 'researcher-institutionName', '安徽大学');
    await page.locator('#researcher-title-professor').click();
    await page.locator('#researcher-field-low-carbon-energy').click();
    await typeInto(page, 'researcher-expertise', '储能材料、固态电池电解质');
    await expect.poll(() => page.locator('#researcher-residentId-error').count()).toBe(0);
    await page.locator('#register-submit').click();

    await page.waitForURL(/pages\/profile/);
    await expect.poll(() => textOf(page, '#profile-name')).toContain('周明远');
    const shownId = await textOf(page, '#profile-residentId');
    expect(shownId).toContain('*');
    expect(shownId).not.toContain(residentId.slice(6, 14));
    expect(await textOf(page, '#profile-mobile')).toContain('139****5678');
    expect(page.url()).not.toContain(residentId);
    await snap(page, 'mp-profile-researcher');
    await context.close();
  });

  it('a university registers as an institution; a wrong credit code is caught under the field', async () => {
    const { context, page } = await freshPhone('first-institution');
    await page.goto(stack.h5Url);
    await page.locator('#login-consent').click();
    await page.locator('#login-submit').click();
    await page.waitForURL(/pages\/register/);
    await page.locator('#register-kind-institution').click();

    // An institution chooses between 高校 and 科研院所 and declares no firm qualifications.
    await expect.poll(() => page.locator('#org-type-university').count()).toBe(1);
    expect(await page.locator('#org-type-firm').count()).toBe(0);
    expect(await page.locator('#org-qualifications').count()).toBe(0);

    // 12…: a public institution (事业单位) registered with the establishment office.
    const fixed = `12${uniqueCreditCode().slice(2, 17)}`;
    const valid = fixed + creditCodeCheckChar(fixed);
    const wrong = fixed + (valid.endsWith('0') ? '1' : '0');
    await typeInto(page, 'org-creditCode', wrong);
    await expect.poll(() => textOf(page, '#org-creditCode-error')).toContain('校验位不正确');

    await page.locator('#org-type-institute').click();
    await typeInto(page, 'org-name', '宿州学院新材料研究院');
    await typeInto(page, 'org-creditCode', valid);
    await page.locator('#org-area-yongqiao').click();
    await page.locator('#org-field-advanced-materials').click();
    await typeInto(page, 'org-contactName', '李老师');
    await typeInto(page, 'org-contactPhone', '13605571234');
    await expect.poll(() => page.locator('#org-creditCode-error').count()).toBe(0);
    await page.locator('#register-submit').click();

    await page.waitForURL(/pages\/profile/);
    await expect.poll(() => textOf(page, '#profile-type')).toContain('科研院所');
    expect(await textOf(page, '#profile-contactPhone')).toContain('136****1234');
    await context.close();
  });
});

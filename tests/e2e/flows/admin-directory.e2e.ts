import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RUN, uniqueCreditCode } from '../support/admin-b-data';
import { applicantApi, officerApi } from '../support/api';
import { signIn } from '../support/admin-b-session';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * The directories: phone numbers masked in every list, the full number on request for roles
 * that may (and audited); finance, whose remit is payment, has no directory at all.
 */
const stack = inject('stack');
const FIRM = {
  name: `宿州启明光电科技有限公司${RUN}`,
  phone: `1395570${RUN.slice(-4)}`,
};

let browser: Browser;
let closeBrowser: () => Promise<void>;
beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  const firm = await applicantApi(stack, `e2e-b-dir-${RUN}`);
  await firm.profile.saveOrganisation.mutate({
    type: 'firm',
    name: FIRM.name,
    creditCode: uniqueCreditCode(90),
    areaCode: 'yongqiao',
    fieldCodes: ['aerospace-information'],
    subFieldCodes: [],
    qualifications: ['tech-sme'],
    contactName: '孙明',
    contactPhone: FIRM.phone,
  });
});
afterAll(async () => {
  await closeBrowser?.();
});

describe('directories with masked PII', () => {
  it('an area officer reveals a firm contact in their area, and the reveal is audited', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'yongqiao');
    await page.getByTestId('filter-q').fill(FIRM.name);
    await page.getByTestId('filter-search').click();
    const row = page.getByTestId('org-table').locator('tr', { hasText: FIRM.name });
    const masked = `${FIRM.phone.slice(0, 3)}****${FIRM.phone.slice(-4)}`;
    await expect.poll(() => row.getByTestId('pii-value').textContent()).toBe(masked);
    await row.getByTestId('pii-reveal').click();
    // A reveal asks for the officer's reason first (kept in the audit log).
    await page.getByTestId('pii-reason').fill('电话核实认证材料');
    await page.getByTestId('pii-reason-confirm').click();
    await expect.poll(() => row.getByTestId('pii-value').textContent()).toBe(FIRM.phone);
    await snap(page, 'admin-directory-revealed');
    await context.close();

    const admin = await officerApi(stack.apiUrl, 'admin');
    const log = await admin.audit.search.query({
      actor: 'yongqiao',
      action: 'organisation.reveal-contact',
    });
    expect(log.items.some((i) => i.objectType === 'organisation')).toBe(true);
  });

  it('a bureau reviewer reads the 人才库 with masked mobile and ID numbers', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'reviewer');
    await page.getByTestId('side-menu').getByText('人才库').click();
    await page.waitForURL(/\/researchers/);
    const table = page.getByTestId('researcher-table');
    await expect.poll(() => table.locator('.el-table__row').count()).toBeGreaterThan(0);
    const first = table.locator('.el-table__row').first();
    expect(await first.getByTestId('pii-value').textContent()).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(await first.textContent()).toMatch(/\d{6}\*+\d{3}[\dX]/);
    await first.getByTestId('pii-reveal').click();
    await page.getByTestId('pii-reason').fill('核实申报人联系方式');
    await page.getByTestId('pii-reason-confirm').click();
    await expect.poll(() => first.getByTestId('pii-value').textContent()).toMatch(/^1\d{10}$/);
    await snap(page, 'admin-researchers');
    await context.close();
  });

  it('finance, whose remit is payment, has neither the 机构库 nor the 人才库', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'finance');
    await expect.poll(() => page.getByTestId('side-menu').textContent()).toContain('拨付批次');
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).not.toContain('机构库');
    expect(menu).not.toContain('人才库');
    for (const path of ['/organisations', '/researchers']) {
      await page.goto(`${stack.adminUrl}${path}`);
      await page.waitForURL(/\/403/);
    }
    await context.close();
  });
});

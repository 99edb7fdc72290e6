import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { officerApi, refusalOf } from '../support/api';
import { signIn } from '../support/admin-b-session';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * The 2030 targets dashboard: cards and ECharts charts, the xlsx and image exports; an area
 * officer is held to their own area, in the page and by the server.
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

describe('2030 targets dashboard', () => {
  it('shows every target against the plan, draws the charts and exports xlsx and PNG', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');
    await page.goto(`${stack.adminUrl}/targets`);
    await page.getByTestId('target-high-tech-enterprises').waitFor();
    expect(await page.getByTestId('target-high-tech-enterprises').textContent()).toMatch(
      /\d+\s*\/\s*50\s*家/,
    );
    // Targets the platform cannot measure say why, instead of showing a number.
    expect(await page.getByTestId('target-industry-scale').textContent()).toContain('暂不统计');
    expect(await page.getByTestId('target-industry-scale').textContent()).toContain('营业收入');
    expect(await page.getByTestId('target-money-paid').textContent()).toContain('元');
    await expect.poll(() => page.locator('[data-testid="target-chart"] canvas').count()).toBe(4);
    await snap(page, 'admin-targets');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('targets-export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^2030目标进度_全市_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await readFile(await xlsx.path());
    expect(book.subarray(0, 2).toString()).toBe('PK');
    // The server builds it (exceljs; its cells are checked in the API tests). Entry names are
    // plain text in a zip: four worksheets.
    expect(book.toString('latin1')).toContain('xl/worksheets/sheet4.xml');

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('targets-export-image').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const image = await readFile(await png.path());
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    await context.close();
  });

  it("holds an area officer to their own area's figures", async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'yongqiao');
    await page.goto(`${stack.adminUrl}/targets`);
    await page.getByTestId('target-high-tech-enterprises').waitFor();
    const area = page.getByTestId('targets-area');
    expect(await area.locator('input').isDisabled()).toBe(true);
    expect(await area.textContent()).toContain('埇桥区');
    expect(await page.locator('.el-alert').first().textContent()).toContain('埇桥区的数量');
    await snap(page, 'admin-targets-area-officer');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('targets-export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^2030目标进度_埇桥区_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await context.close();

    // The server refuses another area's figures whatever the page offers.
    const api = await officerApi(stack.apiUrl, 'yongqiao');
    const refused = await refusalOf(api.dashboard.targets.query({ areaCode: 'dangshan' }));
    expect(refused.appCode).toBe('FORBIDDEN');
  });
});

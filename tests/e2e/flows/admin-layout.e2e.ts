import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/admin-b-session';
import { submitWorkstationApplication } from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * The admin at 1440×900, the size officers' screens have (issue 11): every column of the lists
 * and of the new-notice dialog is on screen without scrolling sideways, and a detail card keeps
 * its labels on one line beside a 500-character value.
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

/** Header cells of the table's scrolling part that lie outside what the officer sees. */
async function hiddenColumns(table: Locator): Promise<string[]> {
  await table.locator('.el-table__header-wrapper th').first().waitFor();
  return table.evaluate((el) => {
    const view = el.getBoundingClientRect();
    const right = Math.min(view.right, window.innerWidth);
    return Array.from(el.querySelectorAll<HTMLElement>('.el-table__header-wrapper th'))
      .filter((th) => {
        const r = th.getBoundingClientRect();
        return r.width > 0 && (r.right > right + 1 || r.left < view.left - 1);
      })
      .map((th) => th.textContent?.trim() || '(空)');
  });
}

async function open(page: Page, path: string) {
  await page.goto(`${stack.adminUrl}${path}`);
}

describe('admin at 1440×900', () => {
  it('the directory, the officer accounts and the new-notice dialog show every column', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin');

    await open(page, '/organisations');
    expect(await hiddenColumns(page.getByTestId('org-table'))).toEqual([]);

    await open(page, '/system/officers');
    expect(await hiddenColumns(page.getByTestId('officer-table'))).toEqual([]);

    await open(page, '/notices');
    await page.getByTestId('notice-create').click();
    expect(await hiddenColumns(page.getByTestId('approved-picker'))).toEqual([]);
    await snap(page, 'admin-1440-new-notice');
    await context.close();
  });

  it('a detail card keeps its labels on one line beside a 500-character value', async () => {
    const app = await submitWorkstationApplication(stack, { label: '版式' });
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'reviewer');
    await open(page, `/applications/${app.id}`);
    const card = page.getByTestId('form-data');
    await card.locator('.el-descriptions__content').first().waitFor();
    // A long answer in the first value, as a 500-character problem description would be.
    const labels = await card.evaluate((el) => {
      const value = el.querySelector<HTMLElement>('.el-descriptions__content');
      if (value) value.textContent = '围绕碳纤维复合材料界面改性开展研究并实现产业化，'.repeat(21);
      return Array.from(el.querySelectorAll<HTMLElement>('.el-descriptions__label')).map(
        (label) => {
          // Line boxes of the label's text: one per line it wraps onto.
          const range = document.createRange();
          range.selectNodeContents(label);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          return {
            text: label.textContent?.trim(),
            width: label.getBoundingClientRect().width,
            lines: tops.size,
            overflow: label.scrollWidth > label.clientWidth + 1,
          };
        },
      );
    });
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) {
      expect(label.width, label.text).toBeGreaterThanOrEqual(100);
      expect(label.overflow, label.text).toBe(false);
    }
    // The long value's row grows; every label still reads on one line.
    expect(labels.map((l) => l.lines)).toEqual(labels.map(() => 1));
    // The card itself does not scroll sideways.
    const fits = await card.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits).toBe(true);
    await snap(page, 'admin-1440-application-detail-long-answer');
    await context.close();
  });
});

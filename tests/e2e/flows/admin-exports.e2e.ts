import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, apiClient, officerApi } from '../support/api';
import { signIn, submitWorkstationApplication } from '../support/admin-review';
import { desktopPage, launchBrowser, snap } from '../support/browser';

/**
 * 导出全部（后台生成）: the admin asks for the whole review queue, the stack's job worker builds the
 * .xlsx, the message arrives on the bell (whose number is the length of the unread list it
 * opens), the message leads to 我的导出 and the file downloads. Another officer asking for the
 * same file is refused.
 */
const stack = inject('stack');
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await submitWorkstationApplication(stack, { label: '导出' });
});
afterAll(async () => {
  await closeBrowser?.();
});

describe('background export', () => {
  it('asks for the review queue, is told on the bell, opens the message and downloads the file', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page, stack.adminUrl, 'admin', '/applications');
    const bell = page.getByTestId('message-bell');
    const count = async () => {
      const sup = page.getByTestId('message-bell-count').locator('sup');
      return (await sup.isVisible()) ? Number(await sup.textContent()) : 0;
    };
    await bell.waitFor();
    const before = await count();

    await page.getByTestId('export-all').click();
    await expect
      .poll(() => page.locator('.el-message').last().textContent())
      .toContain('已开始后台生成');
    // The worker polls every 2 s; the bell asks again on every page change (and each minute).
    // Other flows' messages may reach the bureau's officers meanwhile (公示期满, 验收专家组意见已汇齐):
    // the bell counts them too, so the test waits for this one by its words.
    await expect
      .poll(
        async () => {
          await page.reload();
          await bell.waitFor();
          return count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(before);

    await bell.click();
    await page.waitForURL(/\/messages\?unread=1/);
    const items = page.getByTestId('message-item');
    const done = items.filter({ hasText: '导出已完成：审核队列' }).first();
    await expect
      .poll(
        async () => {
          if ((await done.count()) > 0) return true;
          await page.reload();
          return false;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    const shown = await count();
    // The 未读 list is the very list the bell counts.
    expect(await items.count()).toBe(Math.min(shown, 20));
    const total = (await (await officerApi(stack.apiUrl, 'admin')).review.queue.query({})).total;
    expect(await done.textContent()).toContain(`共 ${total} 行`);
    await snap(page, 'admin-messages');

    await done.click();
    await page.waitForURL(/\/exports\?id=/);
    await expect.poll(() => count()).toBe(shown - 1);
    const row = page.getByTestId('exports-table').locator('.el-table__row.current');
    await expect.poll(() => row.getByTestId('export-status').textContent()).toBe('已完成');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('export-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审核队列-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile((await download.path()) ?? '');
    // An .xlsx is a zip; its rows are checked cell by cell in packages/api/test/exports.test.ts.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await snap(page, 'admin-my-exports');

    // The file is the requester's: another officer is told it does not exist.
    const exportId = new URL(page.url()).searchParams.get('id');
    const mine = await (await officerApi(stack.apiUrl, 'admin')).exports.mine.query();
    const fileId = mine.find((e) => e.id === exportId)?.fileId;
    expect(fileId).toBeTruthy();
    const { token } = await apiClient(stack.apiUrl).auth.officerLogin.mutate({
      username: 'reviewer',
      password: DEMO_PASSWORD,
    });
    const refused = await fetch(`${stack.adminUrl}/files/${fileId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      '记录不存在或您无权查看',
    );
    await context.close();
  });
});

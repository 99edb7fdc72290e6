/**
 * The result of a scenario-case or talent-team call (issue 14, 四.1 and 四.5) as its people see
 * it: the bureau's reviewer decides, publishes and concludes the call on its page in the admin,
 * then follows the result list it became; a selected firm's administrator opens the 免申即享
 * invitation in the mini-program and confirms it. The steps before (the call, the submissions,
 * the formal check, the panel) are support/selection-path.ts's, through the API.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn } from './admin-review';
import type { ApiUrls } from './api';
import { applicantApi } from './api';
import { desktopPage, phonePage } from './browser';
import { alignBrowserClock } from './clock';
import type { StackUrls } from './mp-data';
import { landedOnProgrammes, openAs } from './mp-data';
import { animationsDone, textOf } from './mp-ui';

/**
 * The bureau reviewer on a call's page, in a browser whose clock is the server's (sign in after
 * the last move of the test clock: sessions expire when it jumps).
 */
export async function reviewerOnCall(
  browser: Browser,
  stack: { apiUrl: string; adminUrl: string },
  callId: string,
): Promise<Page> {
  const { context, page } = await desktopPage(browser);
  await alignBrowserClock(context, stack.apiUrl);
  await signIn(page, stack.adminUrl, 'reviewer', `/selection/calls/${callId}`);
  await page.getByTestId('call-status').waitFor();
  return page;
}

/** A row of a table on the call's page (评审结果, 拟定结果), by its submission number. */
export function rowOf(page: Page, table: 'results-table' | 'decision-table', number: string) {
  return page.getByTestId(table).locator('tr.el-table__row', { hasText: number });
}

/** How many rows of 拟定结果 are ticked 入选. */
export function tickedCount(page: Page) {
  return page.getByTestId('decision-table').locator('.el-checkbox.is-checked').count();
}

/**
 * 保存拟定结果: the page says when it was saved. Saving moves the call on a version:
 * the button is busy until the page has the call again (its next step is taken on that version).
 */
export async function saveDecision(page: Page) {
  const button = page.getByTestId('decision-save');
  await button.click();
  await expect.poll(() => savedOrRefusal(page)).toBe('saved');
  await expect.poll(() => button.getAttribute('class')).not.toContain('is-loading');
}

/** 'saved' once the decision shows when it was saved, or the refusal saving met. */
async function savedOrRefusal(page: Page) {
  const refusal = page.getByTestId('decision-error');
  if (await refusal.count()) return `refused: ${await refusal.textContent()}`;
  return (await page.getByTestId('decision-saved').count()) ? 'saved' : 'saving';
}

/** The call's status, or the refusal its step met (so a failing wait says why). */
async function statusOrRefusal(page: Page) {
  const refusal = page.getByTestId('call-action-error');
  if (await refusal.count()) return `refused: ${await refusal.textContent()}`;
  return page.getByTestId('call-status').textContent();
}

/** 拟定名单并公示, confirmed in the box that says what it does: the call goes to 公示. */
export async function proposeList(page: Page) {
  await page.getByTestId('call-action-propose').click();
  const box = page.locator('.el-message-box');
  await expect.poll(() => box.textContent()).toContain('发布立项公示');
  await box.locator('.el-button--primary').click();
  await expect.poll(() => statusOrRefusal(page)).toBe('公示中');
}

/**
 * 公示期满，确定结果: the officer types the result document's number; its date is the dialog's
 * default, today (the notice is over: support/selection-path.ts `noticeOver`).
 */
export async function concludeWith(page: Page, documentNo: string) {
  await page.getByTestId('call-action-conclude').click();
  const dialog = page.getByTestId('conclude-dialog');
  await expect.poll(() => dialog.textContent()).toContain('收到免申即享邀请');
  await dialog.getByTestId('conclude-document-no').fill(documentNo);
  await dialog.getByTestId('conclude-submit').click();
  const refusal = page.getByTestId('conclude-error');
  await expect
    .poll(async () =>
      (await refusal.count()) ? `refused: ${await refusal.textContent()}` : statusOrRefusal(page),
    )
    .toBe('已确定');
  expect(await page.getByTestId('call-result-document').textContent()).toContain(documentNo);
}

/**
 * From the concluded call to the official list its result became (入选名单及免申即享邀请), as
 * imported: its rows, each matched to the organisation it names. Returns the rows' unit names.
 */
export async function openResultList(page: Page, title: string): Promise<string[]> {
  await page.getByTestId('call-result-list').click();
  await page.waitForURL(/\/official-lists\/imports\/[0-9a-f-]{36}/);
  await expect.poll(() => page.getByTestId('list-status').textContent()).toBe('已导入');
  expect(await page.getByTestId('page-title').textContent()).toContain(title);
  const rows = page.getByTestId('list-rows').locator('tr.el-table__row');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const names: string[] = [];
  for (const row of await rows.all()) {
    expect(await row.locator('[data-outcome]').getAttribute('data-outcome')).toBe('matched');
    names.push(((await row.locator('td').nth(2).textContent()) ?? '').trim());
  }
  return names;
}

/** The firm's invitation under the result document `documentNo`, as its members read it; or null. */
export async function invitationUnder(stack: ApiUrls, openid: string, documentNo: string) {
  const firm = await applicantApi(stack, openid);
  const item = (await firm.myOrg.invitations.list.query()).items.find(
    (i) => i.documentNo === documentNo,
  );
  return item ? firm.myOrg.invitations.byId.query({ invitationId: item.id }) : null;
}

/**
 * The firm's administrator in the mini-program: 政策 → the 免申即享 banner → the invitation,
 * waiting (待确认) with the amount the policy engine computes.
 */
export async function firmOnInvitation(
  browser: Browser,
  stack: StackUrls,
  openid: string,
  invitationId: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await phonePage(browser);
  await openAs(context, page, stack.h5Url, openid);
  await landedOnProgrammes(page);
  await expect.poll(() => textOf(page, '#programmes-invitations')).toContain('免申即享待确认');
  await page.locator('#programmes-invitations').click();
  await page.waitForURL(/packages\/org\/invitations/);
  await page.locator(`#invitation-${invitationId}`).click();
  await expect.poll(() => textOf(page, '#invitation-status')).toBe('待确认');
  await animationsDone(page);
  return { context, page };
}

/**
 * 确认申领: the commitment ticked, then the one tap; the invitation is now an application,
 * submitted and marked 免申即享. Returns the application's id.
 */
export async function confirmInvitation(page: Page): Promise<string> {
  // Playwright's hit test takes Taro's pull-to-refresh wrapper for a cover over the tick box, but
  // a click at its place ticks it (asserted), as a finger does (as in exemption.e2e.ts).
  await page.locator('#invitation-commitment').click({ force: true });
  await expect
    .poll(() => page.locator('#invitation-commitment').getAttribute('aria-checked'))
    .toBe('true');
  await page.locator('#invitation-confirm').click();
  await page.waitForURL(/packages\/apply\/detail/);
  await expect.poll(() => textOf(page, '#detail-status')).toBe('已提交');
  expect(await textOf(page, '#detail-exemption')).toBe('免申即享');
  return new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
}

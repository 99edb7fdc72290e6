import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phonePage, snap } from '../support/browser';
import type { RouterInputs } from '../support/api';
import { officerApi } from '../support/api';
import { openAs, registerFirm, tinyPdf, uploadAs } from '../support/mp-data';
import { textOf, typeInto } from '../support/mp-ui';

/**
 * Journey 4: follow up. An application is returned by the county officer with a comment; the
 * firm reads it in the message centre and on the status timeline, corrects and resubmits, cannot
 * edit once submitted, and later sees the approval and the public notice.
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

const RETURN_COMMENT = '获奖文件文号未填写，请补充后重新提交';

async function submittedContestApplication() {
  const firm = await registerFirm(stack, { name: '宿州智算云图科技有限公司' });
  const evidence = await Promise.all(
    [
      ['获奖证书.pdf', 'award-certificate'],
      ['信用承诺书.pdf', 'commitment'],
      ['账户信息.pdf', 'bank-account'],
    ].map(async ([name = '', kind = '']) => ({
      fileId: (await uploadAs(stack.apiUrl, firm.token, name, tinyPdf(name))).id,
      kind,
    })),
  );
  const draft = await firm.api.applications.saveDraft.mutate({
    ruleId: 'innovation-contest',
    input: {
      projectName: `低空物流调度平台-${Date.now()}`,
      contestYear: 2026,
      prize: 'second',
      awardedOn: '2026-09-20',
    },
    evidence,
  });
  await firm.api.applications.submit.mutate({
    applicationId: draft.id,
    expectedVersion: draft.version,
  });
  return { firm, id: draft.id };
}

type ReviewAction = RouterInputs['review']['act']['action'];

async function act(username: string, id: string, action: ReviewAction, comment?: string) {
  const api = await officerApi(stack.apiUrl, username);
  const app = await api.review.byId.query({ id });
  await api.review.act.mutate({
    applicationId: id,
    action,
    comment,
    expectedVersion: app.version,
  });
}

describe('mini-program: following up an application', () => {
  it('a returned application is read, corrected, resubmitted, and then locked', async () => {
    const { firm, id } = await submittedContestApplication();
    await act('yongqiao', id, 'accept-area');
    await act('yongqiao', id, 'return', RETURN_COMMENT);

    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);

    // The message centre has the news, with a badge on its tab.
    await expect.poll(() => textOf(page, '#nav-messages-badge')).toMatch(/\d+/);
    await page.locator('#nav-messages').click();
    await page.waitForURL(/pages\/messages/);
    const returned = page.locator('[id^="message-"]', { hasText: '退回' }).first();
    await expect.poll(() => returned.textContent()).toContain('退回');
    await snap(page, 'mp-messages');
    await returned.click();

    // The status page shows the officer's comment in the timeline.
    await page.waitForURL(/packages\/apply\/detail/);
    await expect.poll(() => textOf(page, '#detail-status')).toBe('退回修改');
    expect(await textOf(page, '#detail-returned')).toContain(RETURN_COMMENT);
    expect(await textOf(page, '#detail-timeline')).toContain(RETURN_COMMENT);
    await snap(page, 'mp-application-returned');

    await page.locator('#detail-edit').click();
    await page.waitForURL(/packages\/apply\/form/);
    await expect.poll(() => textOf(page, '#apply-returned')).toContain(RETURN_COMMENT);
    await typeInto(page, 'apply-awardDocNo', '宿科〔2026〕18号');
    await page.locator('#apply-submit').click();
    await page.waitForURL(/packages\/apply\/detail/);
    await expect.poll(() => textOf(page, '#detail-status')).toBe('已提交');
    expect(await textOf(page, '#detail-inputs')).toContain('宿科〔2026〕18号');

    // Once submitted it cannot be edited: no edit button, and the form says why.
    expect(await page.locator('#detail-edit').count()).toBe(0);
    await page.goto(`${stack.h5Url}/#/packages/apply/form/index?id=${id}`);
    await expect
      .poll(() => textOf(page, '#apply-locked'))
      .toContain('申请已提交，当前状态下不能修改');
    await context.close();
  });

  it('an approved application shows its public notice', async () => {
    const { firm, id } = await submittedContestApplication();
    await act('yongqiao', id, 'accept-area');
    await act('yongqiao', id, 'forward');
    const admin = await officerApi(stack.apiUrl, 'admin');
    // Approval needs a budget; set a generous one only if there is none (other flows share it).
    const budgets = await admin.budgets.list.query({ year: 2026 });
    const current = budgets.items.find((b) => b.ruleId === 'innovation-contest');
    if (current?.remainingFen == null || current.remainingFen < 10_000_000n) {
      await admin.budgets.set.mutate({
        ruleId: 'innovation-contest',
        year: 2026,
        budgetFen: 50_000_000_000n,
      });
    }
    await act('reviewer', id, 'approve');
    const notice = await admin.notices.create.mutate({
      title: '2026年度创新创业大赛奖励拟奖励名单公示',
      applicationIds: [id],
    });
    await admin.notices.publish.mutate({ batchId: notice.id });

    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);
    await page.locator('#nav-applications').click();
    const card = page.locator('[id^="application-"]', { hasText: '创新创业大赛' }).first();
    await expect.poll(() => card.textContent()).toContain('公示中');
    await snap(page, 'mp-applications');
    await card.click();
    await expect.poll(() => textOf(page, '#detail-status')).toBe('公示中');
    expect(await textOf(page, '#detail-notice')).toContain('公示中');
    expect(await textOf(page, '#detail-payment')).toContain('公示期满后拨付');
    expect(await textOf(page, '#detail-amount')).toContain('30,000.00');
    expect(await textOf(page, '#detail-timeline')).toContain('批准');
    // The notice period's dates, and the steps still ahead, greyed.
    expect(await textOf(page, '#detail-notice')).toMatch(
      /公示中（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）/,
    );
    expect(await textOf(page, '#detail-timeline')).toContain('公示期：');
    expect(await page.locator('#detail-timeline .timeline__item--ahead').count()).toBe(3);
    await snap(page, 'mp-application-in-notice');
    await context.close();
  });
});

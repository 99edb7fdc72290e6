import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/admin-review';
import { officerApi } from '../support/api';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { readClock, resetClock, setClockOffset } from '../support/clock';
import { landedOnProgrammes, openAs } from '../support/mp-data';
import { confirmModal, textOf } from '../support/mp-ui';
import { fillDate, submitTechTransfer } from '../support/policy-amendment';
import { stepsOfOneStory } from '../support/story';

/**
 * Issue 15, the policy's own life end to end. 征求意见: the bureau administrator puts the draft out
 * for comments in the admin; a firm's administrator reads it on the phone and comments on 四.8 for
 * the firm (a phone number in the text is refused first, since comments are published); the
 * public page counts the comment without showing it; the officer marks it 采纳; after the period
 * (the test clock moved past it) the administrator publishes the 意见采纳情况; the firm reads 采纳
 * in 我的意见 and the public page shows the comment, under the firm's name, with its answer.
 *
 * Then the amendment it asked for: the administrator raises the 四.8 cap to ¥800,000 in a proposed
 * version (the form the rules make), the 政策沙盘 replays the demo's three 四.8 applications and
 * finds the extra cost by hand (¥450,000), the administrator asks for adoption from tomorrow and
 * the 分管副局长 confirms; an application submitted today keeps the ¥500,000 cap, one submitted on
 * the effective date (the clock moved a day) gets ¥800,000.
 */
const stack = inject('stack');

const FIRM = { openid: 'demo-openid-firm-1', name: '安徽宿氢新能源科技有限公司' };
const TITLE = `《以科技创新推进未来产业创新发展实施方案》公开征求意见（${Date.now() % 100000}）`;
const COMMENT = '建议将单项成果补助上限由50万元提高到80万元，以吸引更多重大成果在宿转化。';

let browser: Browser;
let closeBrowser: () => Promise<void>;
let consultationId = '';
const VERSION_ID = `suzhou-future-e2e-${Date.now() % 100000}`;
const VERSION_TITLE = '提高购买市外先进技术成果在宿转化补助上限';
/** The API's today and tomorrow (Asia/Shanghai), read once the clock is back to real time. */
let today = '';
let tomorrow = '';

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  await resetClock(stack.apiUrl);
});
afterAll(async () => {
  await resetClock(stack.apiUrl);
  await closeBrowser?.();
});

async function adminOn(path: string): Promise<Page> {
  const { page } = await desktopPage(browser);
  await signIn(page, stack.adminUrl, 'admin', path);
  return page;
}

/** The firm's administrator on the consultation's page in the mini-program (H5). */
async function firmOnConsultation() {
  const { context, page } = await phonePage(browser);
  await openAs(context, page, stack.h5Url, FIRM.openid);
  await landedOnProgrammes(page);
  return { context, page };
}

async function publicPage(): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/public/consultations/${consultationId}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('征求意见: from the draft put out for comments to the published answers', () => {
  stepsOfOneStory();

  it('the bureau administrator publishes the draft for comments in the admin (30 days)', async () => {
    const page = await adminOn('/consultations');
    await page.getByTestId('consultation-create').click();
    const dialog = page.getByTestId('consultation-form-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByTestId('consultation-title').fill(TITLE);
    await page.getByTestId('consultation-contact-department').fill('宿州市科学技术局政策法规科');
    await page.getByTestId('consultation-contact-phone').fill('0557-3021234');
    expect(await page.getByTestId('consultation-days').textContent()).toContain('30');
    expect(await page.getByTestId('consultation-form-consequence').textContent()).toContain(
      '发布后公众即可',
    );
    await page.getByTestId('consultation-form-submit').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Published, the officer lands on its page: 征求意见中, nothing received yet.
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('consultation-stage').textContent())
      .toContain('征求意见中');
    expect(await page.getByTestId('consultation-period').textContent()).toContain('30日');
    await page.getByTestId('consultation-no-comments').waitFor({ state: 'visible' });
    await snap(page, 'consultation-admin-published-draft');
    await page.context().close();

    const admin = await officerApi(stack.apiUrl, 'admin');
    const made = (await admin.consultations.list.query()).find((c) => c.title === TITLE);
    expect(made).toMatchObject({ days: 30, stage: 'open' });
    consultationId = made?.id ?? '';
  });

  it('a firm reads the draft on the phone and comments on 四.8 for the firm; a phone number is refused first', async () => {
    const { context, page } = await firmOnConsultation();
    // 政策 lists the consultation; it opens clause by clause.
    await page.locator('#programmes-consultations').click();
    await page.waitForURL(/policy-comments\/list/);
    await page.locator(`#consultation-${consultationId}`).click();
    await page.waitForURL(/policy-comments\/detail/);
    await expect.poll(() => textOf(page, '#consultation-title')).toBe(TITLE);
    expect(await textOf(page, '#clause-4-8')).toContain('单项成果补助金额最高50万元');
    await page.locator('#clause-4-8-comment').click();
    await page.waitForURL(/policy-comments\/comment/);
    await expect.poll(() => textOf(page, '#comment-clause-title')).toContain('四.8');
    expect(await textOf(page, '#comment-privacy')).toContain('请勿填写手机号码');

    // Comments are published: a phone number is refused before anything is sent.
    const box = page.locator('#comment-body textarea');
    await box.fill(`${COMMENT}联系电话13855712036`);
    await box.blur();
    await page.locator('#comment-submit').click();
    await expect.poll(() => textOf(page, '#comment-body-error')).toContain('请勿填写手机号码');

    await box.fill(COMMENT);
    await box.blur();
    await page.locator('#comment-as-org').click();
    expect(await page.locator('#comment-as-org').getAttribute('aria-checked')).toBe('true');
    await page.locator('#comment-submit').click();
    await confirmModal(page);
    await page.locator('#comment-done').waitFor({ state: 'visible' });
    await page.locator('#comment-done-mine').click();
    await page.waitForURL(/policy-comments\/mine/);
    const mine = page.locator('#my-comments-list [id^="my-comment-"][id$="-status"]').first();
    await expect.poll(() => mine.textContent()).toBe('待处理');
    expect(await textOf(page, '#my-comments-list')).toContain(FIRM.name);
    await snap(page, 'consultation-mp-mine-waiting');
    await context.close();

    // The public page counts it, and shows nothing of it before the answers are published.
    const html = await publicPage();
    expect(html).toContain('已收到意见1条');
    expect(html).not.toContain('提高到80万元');
  });

  it('the officer finds it under 四.8 and marks it 采纳', async () => {
    const page = await adminOn(`/consultations/${consultationId}`);
    const group = page.getByTestId('clause-group-四.8');
    await expect.poll(() => group.textContent()).toContain('四.8');
    const card = page.getByTestId('comment-1');
    expect(await page.getByTestId('comment-1-author').textContent()).toContain(FIRM.name);
    expect(await page.getByTestId('comment-1-body').textContent()).toContain(COMMENT);
    await page.getByTestId('comment-1-answer').click();
    const dialog = page.getByTestId('answer-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByTestId('answer-outcome-adopted').click();
    await page.getByTestId('answer-confirm').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('comment-1-status').textContent()).toContain('采纳');
    // Publishing waits for the period to end.
    expect(await page.getByTestId('consultation-publish-feedback').isDisabled()).toBe(true);
    expect(await page.getByTestId('consultation-publish-feedback-why').textContent()).toContain(
      '截止',
    );
    await snap(page, 'consultation-admin-answered');
    expect(await card.isVisible()).toBe(true);
    await page.context().close();
  });

  it('after the period the administrator publishes the 意见采纳情况; the firm and the public read 采纳', async () => {
    await setClockOffset(stack.apiUrl, 31);
    const page = await adminOn(`/consultations/${consultationId}`);
    const publish = page.getByTestId('consultation-publish-feedback');
    await expect.poll(() => publish.isEnabled()).toBe(true);
    await publish.click();
    const dialog = page.getByTestId('feedback-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('feedback-consequence').textContent()).toContain('通知');
    await page
      .getByTestId('feedback-summary')
      .fill('共收到意见1条，采纳1条：四.8单项成果补助上限拟提高到80万元，将在修订稿中体现。');
    await page.getByTestId('feedback-confirm').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByTestId('consultation-published').waitFor({ state: 'visible' });
    await snap(page, 'consultation-admin-published');
    await page.context().close();

    const { context, page: phone } = await firmOnConsultation();
    await phone.goto(`${stack.h5Url}/#/packages/policy-comments/mine/index?id=${consultationId}`);
    const status = phone.locator('#my-comments-list [id^="my-comment-"][id$="-status"]').first();
    await expect.poll(() => status.textContent()).toBe('采纳');
    await snap(phone, 'consultation-mp-mine-adopted');
    await context.close();

    const html = await publicPage();
    expect(html).toContain('提高到80万元');
    expect(html).toContain(FIRM.name);
    expect(html).toContain('采纳');
    expect(html).not.toContain('13855712036');
  });

  it('the administrator raises the 四.8 cap to ¥800,000 in a proposed version, on the form the rules make', async () => {
    await resetClock(stack.apiUrl);
    const now = new Date((await readClock(stack.apiUrl)).now);
    today = shanghaiDate(now);
    tomorrow = shanghaiDate(new Date(now.getTime() + 86_400_000));

    const page = await adminOn('/policy-versions');
    await page.getByTestId('policy-version-create').click();
    const dialog = page.getByTestId('proposal-form-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.locator('#proposal-title').fill(VERSION_TITLE);
    await page.locator('#proposal-id').fill(VERSION_ID);
    await page.locator('#proposal-version').fill('2026.12-e2e');
    await fillDate(page, 'proposal-effective-from', tomorrow);
    await page
      .getByTestId('param-group-tech-transfer')
      .locator('.el-collapse-item__header')
      .click();
    const cap = page.locator('#param-rules-tech-transfer-formula-cap');
    await expect.poll(() => cap.inputValue()).toBe('500000.00');
    await cap.fill('800000');
    await cap.blur();
    await page.getByTestId('proposal-check').click();
    // The review reads like the 修改对照表 it will make.
    await expect.poll(() => dialog.textContent()).toContain('修改内容（1 项）');
    expect(await dialog.textContent()).toContain('800,000');
    await page.getByTestId('proposal-save').click();
    await page.waitForURL(new RegExp(`/policy-versions/${VERSION_ID}$`));
    await expect.poll(() => page.getByTestId('version-status').textContent()).toContain('拟修订');
    const table = page.getByTestId('comparison-table');
    await expect.poll(() => table.textContent()).toContain('四.8');
    expect(await table.textContent()).toContain('¥500,000.00');
    expect(await table.textContent()).toContain('¥800,000.00');
    await snap(page, 'policy-version-proposed');
    await page.context().close();
  });

  it('the 政策沙盘 replays the demo’s 四.8 applications: ¥450,000 more, worked by hand', async () => {
    const page = await adminOn(`/policy-versions/${VERSION_ID}`);
    await page.getByTestId('sandbox-start').click();
    // The job runs in the background; the page follows its progress to the report.
    const delta = page.getByTestId('sandbox-total-delta');
    await expect.poll(() => delta.textContent(), { timeout: 60_000 }).toContain('450,000.00');
    // The demo's three 四.8 applications (10% of what was paid, capped per result):
    //   now (¥500,000 cap):   300,000 + 500,000 + 500,000 = ¥1,300,000
    //   then (¥800,000 cap):  300,000 + 650,000 + 800,000 = ¥1,750,000
    const row = page.locator('tr', {
      has: page.getByTestId('sandbox-programme-row').filter({ hasText: '四.8' }),
    });
    expect(await row.textContent()).toContain('¥1,300,000.00');
    expect(await row.textContent()).toContain('¥1,750,000.00');
    // The largest change: ¥9,000,000 paid, ¥500,000 → ¥800,000, both explanations side by side.
    const largest = page.locator('tr', { has: page.getByTestId('sandbox-largest-row') }).first();
    expect(await largest.textContent()).toContain('砀山绿源合成生物科技有限公司');
    expect(await largest.textContent()).toContain('300,000.00');
    await largest.locator('.el-table__expand-icon').click();
    const both = page.getByTestId('sandbox-explanations').first();
    await expect.poll(() => both.isVisible()).toBe(true);
    expect(await page.getByTestId('sandbox-explanation-base').first().textContent()).toContain(
      '500,000',
    );
    expect(await page.getByTestId('sandbox-explanation-proposed').first().textContent()).toContain(
      '800,000',
    );
    expect(await page.getByTestId('sandbox-projection').textContent()).toContain('估算');
    await snap(page, 'policy-sandbox-report');
    await page.context().close();
  });

  it('the administrator asks for adoption from tomorrow; the 分管副局长 confirms (four eyes)', async () => {
    const page = await adminOn(`/policy-versions/${VERSION_ID}`);
    await page.getByTestId('version-request').click();
    await fillDate(page, 'request-date', tomorrow);
    await page.getByTestId('request-confirm').click();
    await expect
      .poll(() => page.getByTestId('version-status').textContent())
      .toContain('待确认施行');
    // The one who asked cannot confirm.
    await page.getByTestId('version-confirm-blocked').waitFor({ state: 'visible' });
    await page.context().close();

    const { page: leader } = await desktopPage(browser);
    await signIn(leader, stack.adminUrl, 'leader', `/policy-versions/${VERSION_ID}`);
    await leader.getByTestId('version-confirm').click();
    await leader.locator('.el-message-box__btns button', { hasText: '确定' }).click();
    await expect.poll(() => leader.getByTestId('version-status').textContent()).toContain('已通过');
    await snap(leader, 'policy-version-adopted');
    await leader.context().close();

    // Published with its 修改对照表.
    const res = await fetch(`${stack.apiUrl}/public/policy-versions/${VERSION_ID}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(VERSION_TITLE);
    expect(html).toContain('单项成果累计最高 80万元');
  });

  it('an application submitted today keeps the ¥500,000 cap; one on the effective date gets ¥800,000', async () => {
    // ¥9,000,000 paid by bank transfer: 10% is ¥900,000, over either cap.
    const before = await submitTechTransfer(stack, {
      name: '宿州氢途材料科技有限公司',
      paidYuan: 9_000_000n,
      paidOn: today,
      contractNo: `HT-E2E-${Date.now() % 100000}-1`,
    });
    await setClockOffset(stack.apiUrl, 1);
    const after = await submitTechTransfer(stack, {
      name: '宿州储能合金科技有限公司',
      paidYuan: 9_000_000n,
      paidOn: today,
      contractNo: `HT-E2E-${Date.now() % 100000}-2`,
    });

    const page = await adminOn(`/applications/${before.id}`);
    await expect
      .poll(() => page.getByTestId('computed-amount').textContent())
      .toContain('¥500,000.00');
    await page.goto(`${stack.adminUrl}/applications/${after.id}`);
    await expect
      .poll(() => page.getByTestId('computed-amount').textContent())
      .toContain('¥800,000.00');
    expect(await page.getByTestId('explanation').textContent()).toContain('2026.12-e2e');
    await snap(page, 'policy-version-new-cap');
    await page.context().close();
  });
});

/** A moment's calendar date in Asia/Shanghai (+8 h, no daylight saving). */
function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

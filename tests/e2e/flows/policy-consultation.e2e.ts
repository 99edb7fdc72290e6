import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/admin-review';
import { officerApi } from '../support/api';
import { desktopPage, launchBrowser, phonePage, snap } from '../support/browser';
import { resetClock, setClockOffset } from '../support/clock';
import { landedOnProgrammes, openAs } from '../support/mp-data';
import { confirmModal, textOf } from '../support/mp-ui';
import { stepsOfOneStory } from '../support/story';

/**
 * Issue 15, 征求意见 end to end: the bureau administrator puts the draft out for comments in the
 * admin; a firm's administrator reads it on the phone and comments on 四.8 for the firm (a phone
 * number in the text is refused first, since comments are published); the public page counts the
 * comment without showing it; the officer marks it 采纳; after the period (the test clock moved
 * past it) the administrator publishes the 意见采纳情况; the firm reads 采纳 in 我的意见 and the
 * public page shows the comment, under the firm's name, with its answer.
 */
const stack = inject('stack');

const FIRM = { openid: 'demo-openid-firm-1', name: '安徽宿氢新能源科技有限公司' };
const TITLE = `《以科技创新推进未来产业创新发展实施方案》公开征求意见（${Date.now() % 100000}）`;
const COMMENT = '建议将单项成果补助上限由50万元提高到80万元，以吸引更多重大成果在宿转化。';

let browser: Browser;
let closeBrowser: () => Promise<void>;
let consultationId = '';

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
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phonePage } from '../support/browser';
import { landedOnProgrammes, openAs, registerFirm } from '../support/mp-data';
import { confirmModal, input, textOf, typeInto } from '../support/mp-ui';

/**
 * Issue 11: a draft is never lost (the address names it, the programme offers it, leaving with
 * unsaved changes asks, edits are saved every 30 s), the live preview gives the reasons a
 * submission would, and a draft is deleted rather than withdrawn.
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

/** Programmes → the 四.8 guide → 开始申报: the way a person opens the form (so "back" has somewhere to go). */
async function openTechTransferForm(page: Page) {
  await page.locator('#programme-tech-transfer').click();
  await page.waitForURL(/packages\/apply\/programme/);
  await page.locator('#guide-apply').click();
  await page.waitForURL(/packages\/apply\/form/);
}

/** Taro's H5 modal is shown (its outer box has no size of its own: look at its content). */
const modalShown = (page: Page) => page.locator('.taro-modal__content').isVisible();

describe('mini-program: keeping a draft', () => {
  it('after 保存草稿 the address holds the draft, a reload brings it back, and the programme offers it', async () => {
    const firm = await registerFirm(stack, { name: '宿州恒储热能科技有限公司' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);
    await openTechTransferForm(page);
    // The upload hint says the server's types and limit.
    await expect.poll(() => textOf(page, '#evidence')).toContain('单个文件不超过 10 MB');

    await typeInto(page, 'apply-contractNo', 'HT-2026-1203');
    await typeInto(page, 'apply-contractAmount', '1200000');
    await page.locator('#apply-save').click();
    await expect.poll(() => textOf(page, '.taro__toast')).toContain('草稿已保存');
    const [saved] = await firm.api.applications.mine.query();
    if (!saved) throw new Error('no draft was saved');
    expect(saved.status).toBe('draft');
    await expect.poll(() => page.url()).toContain(`packages/apply/form/index?id=${saved.id}`);

    await page.reload();
    await expect.poll(() => input(page, 'apply-contractNo').inputValue()).toBe('HT-2026-1203');
    expect(await input(page, 'apply-contractAmount').inputValue()).toBe('1200000');
    expect(page.url()).toContain(`id=${saved.id}`);

    // Opening the programme afresh offers the draft: continue it …
    await page.goto(`${stack.h5Url}/#/packages/apply/form/index?ruleId=tech-transfer`);
    await expect.poll(() => textOf(page, '#apply-draft-offer')).toContain('尚未提交的草稿');
    await page.locator('#apply-draft-offer-continue').click();
    await expect.poll(() => input(page, 'apply-contractNo').inputValue()).toBe('HT-2026-1203');
    expect(page.url()).toContain(`id=${saved.id}`);

    // … or start anew, with an empty form.
    await page.goto(`${stack.h5Url}/#/pages/programmes/index`);
    await openTechTransferForm(page);
    await page.locator('#apply-draft-offer-new').click();
    await expect.poll(() => page.locator('#apply-page').count()).toBe(1);
    expect(await input(page, 'apply-contractNo').inputValue()).toBe('');
    await context.close();
  });

  it('asks before leaving a form with unsaved changes, and lets go once saved', async () => {
    const firm = await registerFirm(stack, { name: '宿州远见光储科技有限公司' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);
    await openTechTransferForm(page);

    await typeInto(page, 'apply-contractNo', 'HT-LEAVE-1');
    await page.goBack();
    await expect.poll(() => modalShown(page)).toBe(true);
    expect(await textOf(page, '.taro-modal__text')).toContain('尚未保存');
    await page.locator('.taro-model__cancel').click();
    await expect.poll(() => modalShown(page)).toBe(false);
    expect(page.url()).toMatch(/packages\/apply\/form/);
    expect(await input(page, 'apply-contractNo').inputValue()).toBe('HT-LEAVE-1');

    await page.goBack();
    await expect.poll(() => modalShown(page)).toBe(true);
    await confirmModal(page);
    await page.waitForURL(/packages\/apply\/programme/);

    // Saved: nothing to lose, so leaving asks nothing.
    await page.locator('#guide-apply').click();
    await page.waitForURL(/packages\/apply\/form/);
    await typeInto(page, 'apply-contractNo', 'HT-LEAVE-2');
    await page.locator('#apply-save').click();
    await expect.poll(() => textOf(page, '.taro__toast')).toContain('草稿已保存');
    await page.goBack();
    await page.waitForURL(/packages\/apply\/programme/);
    expect(await modalShown(page)).toBe(false);
    await context.close();
  });

  it('saves what changed every 30 seconds and says so, with the time', async () => {
    const firm = await registerFirm(stack, { name: '宿州清源储能科技有限公司' });
    const { context, page } = await phonePage(browser);
    await page.clock.install();
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);
    await openTechTransferForm(page);
    await typeInto(page, 'apply-contractNo', 'HT-AUTO-1');
    expect(await firm.api.applications.mine.query()).toEqual([]);

    await page.clock.fastForward(31_000);
    await expect.poll(() => textOf(page, '#apply-autosaved')).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    const [draft] = await firm.api.applications.mine.query();
    if (!draft) throw new Error('nothing was autosaved');
    expect(draft.input).toMatchObject({ contractNo: 'HT-AUTO-1' });
    await expect.poll(() => page.url()).toContain(`id=${draft.id}`);

    // Nothing changed since: the next 30 s save nothing.
    await page.clock.fastForward(31_000);
    expect((await firm.api.applications.byId.query({ id: draft.id })).version).toBe(draft.version);
    await context.close();
  });

  it('deletes a draft (with a confirm) instead of withdrawing it', async () => {
    const firm = await registerFirm(stack, { name: '宿州蓝湾新材料有限公司' });
    const draft = await firm.api.applications.saveDraft.mutate({
      ruleId: 'tech-transfer',
      input: { contractNo: 'HT-DEL-1' },
      evidence: [],
    });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await landedOnProgrammes(page);
    await page.goto(`${stack.h5Url}/#/packages/apply/detail/index?id=${draft.id}`);
    await expect.poll(() => textOf(page, '#detail-delete')).toBe('删除草稿');
    expect(await page.locator('#detail-withdraw').count()).toBe(0);
    await page.locator('#detail-delete').click();
    await confirmModal(page);
    await page.waitForURL(/pages\/applications/);
    expect(await firm.api.applications.mine.query()).toEqual([]);
    await context.close();
  });
});

describe('mini-program: the live preview gives the reasons', () => {
  it('payments over the contract and a contract dated 2099, in the preview and under the field', async () => {
    const firm = await registerFirm(stack, { name: '宿州启明技术转移有限公司' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);
    await openTechTransferForm(page);

    await typeInto(page, 'apply-contractNo', 'HT-2026-0899');
    await typeInto(page, 'apply-contractSignedOn', '2099-01-01');
    await typeInto(page, 'apply-contractAmount', '100000');
    await typeInto(page, 'apply-payments-0-paidOn', '2026-10-10');
    await typeInto(page, 'apply-payments-0-amount', '300000');
    await typeInto(page, 'apply-payments-0-voucherNo', 'PZ-0899');

    // Other fields are still blank: the reasons are told all the same.
    const reasons = () => textOf(page, '#apply-preview-reasons');
    await expect.poll(reasons, { timeout: 15_000 }).toContain('超过合同成交额');
    expect(await reasons()).toContain('晚于申请日期');
    expect(await textOf(page, '#apply-preview-verdict')).toContain('暂不符合申报条件');
    await expect
      .poll(() => textOf(page, '#apply-contractSignedOn-error'))
      .toContain('晚于申请日期');
    expect(await textOf(page, '#apply-payments-error')).toContain('超过合同成交额');

    // Put right, the reasons go.
    await typeInto(page, 'apply-contractSignedOn', '2026-09-01');
    await typeInto(page, 'apply-contractAmount', '1000000');
    await expect.poll(() => page.locator('#apply-preview-reasons').count()).toBe(0);
    expect(await page.locator('#apply-contractSignedOn-error').count()).toBe(0);
    expect(await textOf(page, '#apply-preview-verdict')).toContain('请完善申请内容');
    await context.close();
  });
});

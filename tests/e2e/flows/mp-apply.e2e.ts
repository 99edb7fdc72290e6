import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phonePage, snap } from '../support/browser';
import {
  landedOnProgrammes,
  openAs,
  registerFirm,
  registerResearcher,
  tinyPdf,
  tinyPng,
} from '../support/mp-data';
import {
  animationsDone,
  chooseFiles,
  confirmModal,
  input,
  textOf,
  typeInto,
} from '../support/mp-ui';

/**
 * Journeys 2 and 3 of the mini-program: find money I can get (programmes by section,
 * the guide, what my profile already qualifies for) and apply (a form built from the rule's
 * schema, live eligibility and amount, evidence uploads, draft, submit, withdraw).
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

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: tinyPdf(name) });

describe('mini-program: programmes and applying', () => {
  it('a firm that only declares itself a high-tech enterprise reads every guide, but is not told its award is ready to claim', async () => {
    // 自报: only a recognition verified from the official list suggests the award (exemption flow).
    const firm = await registerFirm(stack, {
      name: '宿州氢源动力科技有限公司',
      qualifications: ['high-tech-enterprise'],
    });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.waitForURL(/pages\/programmes/);

    const highTech = page.locator('#programme-high-tech-enterprise');
    await expect.poll(() => highTech.textContent()).toContain('国家高新技术企业认定奖励');
    expect(await highTech.getAttribute('class')).not.toContain('programme--suggested');
    expect(await page.locator('#programmes-suggested').count()).toBe(0);
    await snap(page, 'mp-programmes');

    await highTech.click();
    await page.waitForURL(/packages\/apply\/programme/);
    await expect.poll(() => textOf(page, '#guide-apply')).toBe('开始申报');
    // Back once the guide has slid in: a back during Taro's slide left the list hidden once in CI.
    await animationsDone(page);
    await page.goBack();
    await page.waitForURL(/pages\/programmes/);
    await animationsDone(page);

    // No field chips: every money clause serves all five fields (docs/DECISIONS.md).
    expect(await page.locator('#programmes-fields').count()).toBe(0);
    // The footer names the draft's status once, not （征求意见稿）（征求意见稿…）.
    const footer = await textOf(page, '#programmes-policy');
    expect(footer.match(/征求意见稿/g)).toHaveLength(1);

    await page.locator('#programme-tech-transfer').click();
    await page.waitForURL(/packages\/apply\/programme/);
    await expect.poll(() => textOf(page, '#guide-name')).toContain('购买市外先进技术成果');
    expect(await textOf(page, '#guide-amount')).toContain('50万元');
    expect(await textOf(page, '#guide-who')).toContain('市内企业');
    expect(await textOf(page, '#guide-conditions')).toContain('转账凭证');
    expect(await textOf(page, '#guide-evidence')).toContain('银行转账凭证（回单）');
    expect(await textOf(page, '#guide-deadline')).toContain('365 天内');
    // 咨询电话 from the policy version's settings; on H5 a tel: link.
    expect(await textOf(page, '#guide-consultation')).toContain('宿州市科学技术局');
    expect(await page.locator('#guide-consultation-phone').getAttribute('href')).toMatch(
      /^tel:\d+$/,
    );
    await snap(page, 'mp-programme-guide');
    await context.close();
  });

  it('a researcher is told a firm-only programme is not for them', async () => {
    const researcher = await registerResearcher(stack, { name: '陈立新' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, researcher.openid);
    await page.waitForURL(/pages\/programmes/);
    const whyNot = page.locator('#programme-high-tech-enterprise-why-not');
    await expect.poll(() => whyNot.textContent()).toMatch(/单位|企业/);
    await page.locator('#programme-high-tech-enterprise').click();
    await expect.poll(() => textOf(page, '#guide-why-not')).toMatch(/单位|企业/);
    expect(await page.locator('#guide-apply').textContent()).toContain('不符合申报主体要求');
    await context.close();
  });

  it('a firm fills the form built from the rule, sees the amount, uploads evidence, submits and withdraws', async () => {
    const firm = await registerFirm(stack, {
      name: '宿州芯光微电子有限公司',
      qualifications: ['high-tech-enterprise'],
    });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await page.locator('#programme-high-tech-enterprise').click();
    await page.waitForURL(/packages\/apply\/programme/);
    await page.locator('#guide-apply').click();
    await page.waitForURL(/packages\/apply\/form/);

    // The form comes from the rule's input schema: its choices, its Chinese titles and checks.
    await page.locator('#apply-recognitionType-first').click();
    await typeInto(page, 'apply-certifiedOn', '2026-10-15');
    await typeInto(page, 'apply-certificateNo', 'GR202534001234');
    await expect
      .poll(() => textOf(page, '#apply-certificateNo-error'))
      .toContain('证书编号中的年份 2025 与发证日期 2026-10-15 不一致');
    await typeInto(page, 'apply-certificateNo', 'gr202634001234');
    await expect.poll(() => page.locator('#apply-certificateNo-error').count()).toBe(0);

    // The typed text sits in the middle of its box, not at the top edge (375×812 phone).
    const box = await page.locator('#apply-certificateNo').boundingBox();
    const text = await input(page, 'apply-certificateNo').boundingBox();
    expect(box && text).toBeTruthy();
    if (box && text) {
      expect(Math.abs(text.y + text.height / 2 - (box.y + box.height / 2))).toBeLessThan(2);
    }

    // Live preview: the engine names what is missing before anything is submitted.
    await expect.poll(() => textOf(page, '#apply-preview-missing')).toContain('高新技术企业证书');

    // A file over the limit is refused with the reason, before it is sent.
    await chooseFiles(page, '#evidence-high-tech-certificate-media', [
      { name: '证书扫描.png', mimeType: 'image/png', buffer: Buffer.alloc(11 * 1024 * 1024, 1) },
    ]);
    await expect
      .poll(() => textOf(page, '#evidence-high-tech-certificate-error'))
      .toContain('文件过大：单个文件不能超过 10 MB');

    await chooseFiles(page, '#evidence-high-tech-certificate-media', [
      { name: '高企证书.png', mimeType: 'image/png', buffer: tinyPng() },
    ]);
    await chooseFiles(page, '#evidence-credit-commitment-chat', [pdf('信用承诺书.pdf')]);
    await chooseFiles(page, '#evidence-bank-account-chat', [pdf('开户许可证.pdf')]);
    await expect
      .poll(() => textOf(page, '#evidence-high-tech-certificate'))
      .toContain('高企证书.png');
    await expect.poll(() => page.locator('#evidence-high-tech-certificate-error').count()).toBe(0);

    await expect
      .poll(() => textOf(page, '#apply-preview-verdict'), { timeout: 10_000 })
      .toContain('符合条件');
    expect(await textOf(page, '#apply-preview-amount')).toContain('200,000.00');
    await page.locator('#apply-preview-toggle').click();
    expect(await textOf(page, '#apply-preview-explain')).toContain('首次认定');
    await snap(page, 'mp-apply-form');

    await page.locator('#apply-save').click();
    await expect.poll(() => textOf(page, '.taro__toast')).toContain('草稿已保存');

    await page.locator('#apply-submit').click();
    await page.waitForURL(/packages\/apply\/detail/);
    await expect.poll(() => textOf(page, '#detail-status')).toBe('已提交');
    expect(await textOf(page, '#detail-timeline')).toContain('提交申请');
    // The steps ahead of a submitted application, from the domain's lifecycle.
    expect(await textOf(page, '#detail-timeline')).toMatch(/市局审核.*县区审核.*提交申请/);
    expect(await textOf(page, '#detail-evidence')).toContain('信用承诺书.pdf');
    expect(await textOf(page, '#detail-inputs')).toContain('GR202634001234');
    expect(await page.locator('#detail-edit').count()).toBe(0);
    await snap(page, 'mp-application-detail');

    await page.locator('#detail-withdraw').click();
    await confirmModal(page);
    await expect.poll(() => textOf(page, '#detail-status')).toBe('已撤回');
    expect(await page.locator('#detail-withdraw').count()).toBe(0);
    await context.close();
  });

  it('keeps a draft: a half-filled form is saved and comes back as it was', async () => {
    const firm = await registerFirm(stack, { name: '宿州绿能储热科技有限公司' });
    const { context, page } = await phonePage(browser);
    await openAs(context, page, stack.h5Url, firm.openid);
    await landedOnProgrammes(page);
    await page.goto(`${stack.h5Url}/#/packages/apply/form/index?ruleId=tech-transfer`);
    await typeInto(page, 'apply-contractNo', 'HT-2026-0815');
    await typeInto(page, 'apply-contractAmount', '1,200,000');
    await typeInto(page, 'apply-payments-0-amount', '30万');
    await expect.poll(() => textOf(page, '#apply-payments-0-amount-error')).toContain('以元为单位');
    await typeInto(page, 'apply-payments-0-amount', '300000');
    await page.locator('#apply-payments-add').click();
    await typeInto(page, 'apply-payments-1-amount', '200000.50');
    await page.locator('#apply-save').click();
    await expect.poll(() => textOf(page, '.taro__toast')).toContain('草稿已保存');

    await page.goto(`${stack.h5Url}/#/pages/applications/index`);
    const card = page.locator('[id^="application-"]', { hasText: '购买市外先进技术成果' }).first();
    await expect.poll(() => card.textContent()).toContain('草稿');
    await card.click();
    await page.locator('#detail-edit').click();
    await page.waitForURL(/packages\/apply\/form/);
    await expect.poll(() => input(page, 'apply-contractNo').inputValue()).toBe('HT-2026-0815');
    expect(await input(page, 'apply-contractAmount').inputValue()).toBe('1200000');
    expect(await input(page, 'apply-payments-1-amount').inputValue()).toBe('200000.50');
    await context.close();
  });
});

import type { Page } from 'playwright-core';
import type { StackUrls } from './mp-data';
import { registerFirm, tinyPdf, uploadAs } from './mp-data';

/**
 * 政策修订 in the browser (issue 15): Element Plus inputs by their ids (the id sits on the input
 * itself, the test id on its wrapper), and a 四.8 application submitted through the API the
 * mini-program uses.
 */

/** Types a date into an Element Plus date picker and commits it (Enter), as a keyboard user would. */
export async function fillDate(page: Page, inputId: string, date: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(date);
  // Enter commits and closes the panel (Escape would close the dialog around it too).
  await input.press('Enter');
}

/** The same date of a date range picker's two inputs (开始日期, 结束日期). */
export async function fillDateRange(
  page: Page,
  testId: string,
  from: string,
  to: string,
): Promise<void> {
  const inputs = page.getByTestId(testId).locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
}

const EVIDENCE = [
  ['技术转让合同.pdf', 'technology-contract'],
  ['银行转账凭证.pdf', 'bank-transfer-voucher'],
  ['转化应用情况说明.pdf', 'conversion-proof'],
  ['信用承诺书.pdf', 'credit-commitment'],
  ['账户信息.pdf', 'bank-account'],
] as const;

/**
 * A new firm's 四.8 application for a result bought for `paidYuan` (all paid by bank transfer on
 * `paidOn`), submitted on the API's today. Returns its id and number.
 */
export async function submitTechTransfer(
  stack: StackUrls,
  options: { name: string; paidYuan: bigint; paidOn: string; contractNo: string },
) {
  const firm = await registerFirm(stack, { name: options.name, bankAccount: true });
  const evidence = await Promise.all(
    EVIDENCE.map(async ([name, kind]) => ({
      fileId: (await uploadAs(stack.apiUrl, firm.token, name, tinyPdf(name))).id,
      kind,
    })),
  );
  const draft = await firm.api.applications.saveDraft.mutate({
    ruleId: 'tech-transfer',
    input: {
      contractNo: options.contractNo,
      resultName: '固态储氢合金规模化制备技术',
      sellerName: '上海氢能材料研究院有限公司',
      sellerLocation: 'outside-city',
      sellerRegion: '上海市',
      contractSignedOn: options.paidOn,
      contractAmount: options.paidYuan * 100n,
      payments: [
        { paidOn: options.paidOn, amount: options.paidYuan * 100n, voucherNo: options.contractNo },
      ],
      conversionProject: '在宿州高新区建设储氢合金中试线',
    },
    evidence,
  });
  const submitted = await firm.api.applications.submit.mutate({
    applicationId: draft.id,
    expectedVersion: draft.version,
  });
  return { id: draft.id, number: submitted.number };
}

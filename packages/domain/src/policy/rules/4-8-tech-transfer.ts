import { z } from 'zod';
import type { Fen } from '../../money';
import { fen, formatYuan, yuan } from '../../money';
import { defineRule } from '../define';
import { choiceField, dateField, moneyField, optionalTextField, textField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, PROGRAMMES } from './shared';

export const SELLER_LOCATIONS = [
  { code: 'outside-city', name: '宿州市外' },
  { code: 'inside-city', name: '宿州市内' },
] as const;

export const techTransferPaymentInput = z.object(
  {
    paidOn: dateField('支付日期', '银行转账凭证上的交易日期'),
    amount: moneyField('支付金额', { positive: true }),
    voucherNo: optionalTextField('转账凭证号', {
      max: 60,
      description: '银行转账凭证（回单）上的交易流水号；没有转账凭证的支付不计入补助基数',
    }),
  },
  { error: '请填写支付记录' },
);

const paymentsField = z
  .array(techTransferPaymentInput, { error: '请填写支付记录' })
  .min(1, '请至少填写一笔支付')
  .max(50, '一次申请最多填写50笔支付')
  .meta({ title: '本次申请的支付记录', description: '本次申请所依据的每一笔支付，逐笔填写' });

/** The fields the contract / payment cross-checks read. */
const CROSS_CHECKED = new Set(['contractSignedOn', 'contractAmount', 'payments']);

const techTransferFields = z.object(
  {
    contractNo: textField('技术合同编号', { min: 1, max: 60 }),
    contractRegisteredNo: optionalTextField('技术合同登记号', {
      max: 40,
      description: '已在技术合同登记机构认定登记的，填写登记编号',
    }),
    resultName: textField('技术成果名称', { max: 100 }),
    sellerName: textField('卖方（成果转让方）名称', { max: 100 }),
    sellerLocation: choiceField(
      '卖方所在地',
      SELLER_LOCATIONS,
      '本条款只补助购买宿州市外的技术成果',
    ),
    sellerRegion: optionalTextField('卖方所在省市', { max: 40, description: '如：安徽省合肥市' }),
    contractSignedOn: dateField('合同签订日期'),
    contractAmount: moneyField('合同成交额', { positive: true }),
    payments: paymentsField,
    conversionProject: textField('在宿转化应用情况', {
      max: 500,
      description: '成果在宿州转化应用的项目、地点和进展',
    }),
  },
  { error: '请填写申请内容' },
);

type TechTransferFields = z.output<typeof techTransferFields>;

/** The contract and payment cross-checks, as issues: shared by the schema and its fast path. */
function crossCheckIssues(
  value: TechTransferFields,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const total = value.payments.reduce((sum, p) => sum + p.amount, 0n);
  if (total > value.contractAmount) {
    issues.push({
      path: ['payments'],
      message: `本次申请的支付金额合计 ${formatYuan(total)} 超过合同成交额 ${formatYuan(value.contractAmount)}`,
    });
  }
  const seen = new Set<string>();
  value.payments.forEach((p, i) => {
    if (p.paidOn < value.contractSignedOn) {
      issues.push({
        path: ['payments', i, 'paidOn'],
        message: `第${i + 1}笔支付日期 ${p.paidOn} 早于合同签订日期 ${value.contractSignedOn}`,
      });
    }
    if (p.voucherNo) {
      const key = keyPart(p.voucherNo);
      if (seen.has(key)) {
        issues.push({
          path: ['payments', i, 'voucherNo'],
          message: `第${i + 1}笔支付的转账凭证号 ${p.voucherNo} 重复填写`,
        });
      }
      seen.add(key);
    }
  });
  return issues;
}

/** Only payments with a bank transfer voucher count (四.8 "依据转账凭证"). */
function withProvenPaidAmount(value: TechTransferFields) {
  return {
    ...value,
    provenPaidAmount: value.payments
      .filter((p) => p.voucherNo !== undefined)
      .reduce<Fen>((sum, p) => (sum + p.amount) as Fen, fen(0)),
  };
}

const checkedTechTransferInput = techTransferFields
  .superRefine(
    (value, ctx) => {
      for (const issue of crossCheckIssues(value)) ctx.addIssue({ code: 'custom', ...issue });
    },
    // The contract and payment checks need only those fields: they run while another field
    // (say 在宿转化应用情况) is still blank, so the form and its preview tell them at once.
    {
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        payload.issues.every(
          (i) => (i.path?.length ?? 0) > 0 && !CROSS_CHECKED.has(String(i.path?.[0])),
        ),
    },
  )
  .transform(withProvenPaidAmount);

/** Compiled on first use: importing the domain (forms, the mini-program) compiles nothing. */
let compiledFields: typeof techTransferFields | undefined;

/**
 * zod cannot compile a check with a custom `when`, so the fast path is written out: the fields
 * through their compiled schema, then the cross-checks. Anything it does not pass goes to the
 * schema above, which words every issue (a valid input has no issues, so `when` would run the
 * checks too: the two agree).
 */
export const techTransferInput = z.withParser(checkedTechTransferInput, (input) => {
  // `validate` answers from the compiled validator without wording issues; only then parse.
  const fields = (compiledFields ??= z.compile(techTransferFields));
  if (!fields.validate(input)) return z.INVALID;
  const parsed = fields.safeParse(input);
  if (!parsed.success || crossCheckIssues(parsed.data).length > 0) return z.INVALID;
  return withProvenPaidAmount(parsed.data);
});

/**
 * 四.8 支持市内企业购买市外先进技术成果在宿转化应用，并按其技术合同成交并实际支付额（依据转账
 * 凭证），给予 10% 的补助，单项成果补助金额最高 50 万元。
 * One contract is one result (单项成果): every application on the contract shares the one cap, so
 * a firm paying in instalments applies per instalment until the cap is used up.
 */
export const techTransfer = defineRule({
  id: 'tech-transfer',
  clause: '四.8',
  name: '购买市外先进技术成果在宿转化补助',
  programme: PROGRAMMES.transfer,
  inputSchema: techTransferInput,
  formula: {
    kind: 'percentage-capped',
    base: 'provenPaidAmount',
    baseLabel: '实际支付额',
    rate: 1000,
    capPerItem: yuan(500_000),
    itemKey: 'contractNo',
    itemNoun: '单项成果',
  },
  applicants: { organisationTypes: ['firm'], organisationInsideCity: true },
  guide: {
    whoMayApply: '购买宿州市外先进技术成果并在宿转化应用的市内企业（买方）',
    conditions: [
      '申请企业（买方）在宿州市内注册',
      '技术成果卖方在宿州市外（省内外均可）',
      '成果在宿州转化应用',
      '补助基数为技术合同成交后实际支付的金额，只计有银行转账凭证的支付',
      '同一合同（单项成果）多次申请的，累计补助不超过 50 万元',
    ],
    evidence: [
      {
        kind: 'technology-contract',
        name: '技术合同（技术转让、技术许可或技术开发合同）',
        required: true,
      },
      {
        kind: 'bank-transfer-voucher',
        name: '银行转账凭证（回单）',
        required: true,
        note: '逐笔提供，与填报的支付记录一一对应',
      },
      {
        kind: 'contract-registration',
        name: '技术合同认定登记证明',
        required: false,
        note: '已登记的请提供',
      },
      { kind: 'invoice', name: '技术交易发票', required: false },
      { kind: 'conversion-proof', name: '成果在宿转化应用情况说明', required: true },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '每笔款项支付之日',
    notes: ['现金支付、抵账等没有银行转账凭证的款项不计入补助基数'],
  },
  eventDates: (input) =>
    input.payments
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.voucherNo !== undefined)
      .map(({ p, i }) => ({
        label: `第${i + 1}笔支付（凭证 ${p.voucherNo ?? ''}）`,
        date: p.paidOn,
      })),
  explain: (input) =>
    input.payments.map(
      (p, i) =>
        `第${i + 1}笔 ${p.paidOn} ${formatYuan(p.amount)}：${p.voucherNo ? `转账凭证 ${p.voucherNo}，计入` : '无转账凭证，不计入'}`,
    ),
  eligibility: (input) => {
    const refusals = [];
    if (input.sellerLocation === 'inside-city') {
      refusals.push({
        code: 'SELLER_INSIDE_CITY' as const,
        message: `卖方“${input.sellerName}”在宿州市内；本条款只补助市内企业购买市外的技术成果`,
        field: 'sellerLocation',
      });
    }
    if (input.provenPaidAmount === 0n) {
      refusals.push({
        code: 'NO_PROVEN_PAYMENT' as const,
        message: '本次申请的支付均没有银行转账凭证，实际支付额无法认定',
        field: 'payments',
      });
    }
    return refusals;
  },
  onceOnly: (input, applicant) =>
    input.payments
      .filter((p) => p.voucherNo !== undefined)
      .map((p) => ({
        key: `tech-transfer-voucher:${keyPart(applicant.id)}:${keyPart(p.voucherNo ?? '')}`,
        label: `转账凭证 ${p.voucherNo ?? ''} 所证明支付的补助`,
      })),
});

import { describe, expect, it } from 'vitest';
import type { AwardHistory, Evaluation } from '../../src';
import { yuan } from '../../src';
import { codes, FIRM_OUTSIDE, historyOf, priorFrom, run, UNIVERSITY } from './fixtures';

// 四.8 支持市内企业购买市外先进技术成果在宿转化应用，并按其技术合同成交并实际支付额
// （依据转账凭证），给予 10% 的补助，单项成果补助金额最高 50 万元。

function paid(amount: bigint, voucherNo = 'HX001', paidOn = '2026-03-01') {
  return { paidOn, amount, voucherNo };
}

function transfer(
  payments: object[],
  history?: AwardHistory,
  patch: Record<string, unknown> = {},
): Evaluation {
  return run('tech-transfer', { inputPatch: { payments, ...patch } }, history);
}

describe('四.8 购买市外先进技术成果在宿转化补助', () => {
  it('pays 10% of ¥4,999,990 actually paid: ¥499,999', () => {
    const e = transfer([paid(yuan(4_999_990))]);
    expect(e.eligible).toBe(true);
    expect(e.amount).toBe(yuan(499_999));
    expect(e.explanation.formula).toBe('实际支付额 ¥4,999,990.00 × 10% = ¥499,999.00');
    expect(e.explanation.capsApplied).toEqual([
      '单项成果累计补助上限 ¥500,000.00，已获补助 ¥0.00，本次最多 ¥500,000.00',
    ]);
  });

  it('pays exactly the ¥500,000 cap for ¥5,000,000 paid', () => {
    expect(transfer([paid(yuan(5_000_000))]).amount).toBe(yuan(500_000));
  });

  it('caps ¥5,000,010 paid at ¥500,000 and says so', () => {
    const e = transfer([paid(yuan(5_000_010))]);
    expect(e.amount).toBe(yuan(500_000));
    expect(e.explanation.capsApplied).toContain('按上限核减：¥500,001.00 → ¥500,000.00');
  });

  it('rounds 10% down to the fen', () => {
    const e = transfer([paid(999n)]);
    expect(e.amount).toBe(99n);
    expect(e.explanation.steps).toContain('按比例计算结果不足一分的部分舍去（向下取整到分）');
  });

  it('adds several payments on one contract up to the one cap: ¥300,000, then ¥200,000, then nothing', () => {
    const first = transfer([paid(yuan(3_000_000), 'HX001', '2026-03-01')]);
    expect(first.amount).toBe(yuan(300_000));

    const second = transfer(
      [paid(yuan(3_000_000), 'HX002', '2026-06-01')],
      historyOf(priorFrom(first, 'A-1')),
    );
    expect(second.eligible).toBe(true);
    expect(second.amount).toBe(yuan(200_000));
    expect(second.explanation.capsApplied).toEqual([
      '单项成果累计补助上限 ¥500,000.00，已获补助 ¥300,000.00，本次最多 ¥200,000.00',
      '按上限核减：¥300,000.00 → ¥200,000.00',
    ]);

    const third = transfer(
      [paid(yuan(1_000_000), 'HX003', '2026-08-01')],
      historyOf(priorFrom(first, 'A-1'), priorFrom(second, 'A-2')),
    );
    expect(third.eligible).toBe(false);
    expect(third.amount).toBe(0n);
    expect(codes(third)).toEqual(['ITEM_CAP_REACHED']);
    expect(third.refusals[0]?.message).toContain('已累计获得补助 ¥500,000.00');
  });

  it('keeps separate caps for separate contracts of the same firm', () => {
    const first = transfer([paid(yuan(5_000_000))]);
    const other = transfer([paid(yuan(5_000_000), 'HX100')], historyOf(priorFrom(first, 'A-1')), {
      contractNo: 'HT-2026-002',
      contractAmount: yuan(5_000_000),
    });
    expect(other.amount).toBe(yuan(500_000));
  });

  it('counts only payments proven by a bank transfer voucher', () => {
    const e = transfer([paid(yuan(1_000_000)), { paidOn: '2026-03-05', amount: yuan(2_000_000) }]);
    expect(e.amount).toBe(yuan(100_000));
    expect(e.explanation.steps).toContain('第2笔 2026-03-05 ¥2,000,000.00：无转账凭证，不计入');
  });

  it('refuses a payment that no transfer voucher proves', () => {
    const e = transfer([{ paidOn: '2026-03-01', amount: yuan(1_000_000) }]);
    expect(e.eligible).toBe(false);
    expect(codes(e)).toEqual(['NO_PROVEN_PAYMENT']);
  });

  it('refuses while the transfer vouchers themselves are not uploaded', () => {
    const e = run('tech-transfer', {
      evidence: ['technology-contract', 'conversion-proof', 'credit-commitment', 'bank-account'],
    });
    expect(e.eligible).toBe(false);
    expect(codes(e)).toEqual(['MISSING_EVIDENCE']);
    expect(e.missingEvidence.map((m) => m.name)).toEqual(['银行转账凭证（回单）']);
    expect(e.computedAmount).toBe(yuan(300_000));
  });

  it('refuses a result bought from a seller inside the city', () => {
    const e = transfer([paid(yuan(1_000_000))], undefined, {
      sellerLocation: 'inside-city',
      sellerName: '宿州学院',
    });
    expect(codes(e)).toEqual(['SELLER_INSIDE_CITY']);
  });

  it('refuses a buyer outside the city', () => {
    const e = run('tech-transfer', { applicant: FIRM_OUTSIDE });
    expect(codes(e)).toEqual(['APPLICANT_OUTSIDE_CITY']);
  });

  it('refuses a buyer that is not a firm', () => {
    const e = run('tech-transfer', { applicant: UNIVERSITY });
    expect(codes(e)).toEqual(['ORGANISATION_TYPE_NOT_ALLOWED']);
  });

  it('refuses the same transfer voucher claimed in a second application', () => {
    const first = transfer([paid(yuan(1_000_000), 'HX001')]);
    const again = transfer([paid(yuan(1_000_000), 'hx-001')], historyOf(priorFrom(first, 'A-1')));
    expect(codes(again)).toEqual(['ALREADY_AWARDED']);
    expect(again.refusals[0]?.message).toContain('转账凭证');
  });

  it('refuses payments larger than the contract amount, or dated before the contract was signed', () => {
    const over = transfer([paid(yuan(9_000_000))]);
    expect(over.refusals[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'payments' });
    const early = transfer([paid(yuan(1_000_000), 'HX001', '2026-01-15')]);
    expect(early.refusals[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'payments.0.paidOn' });
  });

  it('refuses a payment older than the application window', () => {
    const e = run('tech-transfer', { appliedOn: '2027-03-05' });
    expect(codes(e)).toEqual(['APPLICATION_WINDOW_PASSED']);
    expect(e.refusals[0]?.message).toContain('超过 365 天的申请期限');
  });
});

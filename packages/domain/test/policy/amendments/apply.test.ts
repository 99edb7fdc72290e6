import { describe, expect, it } from 'vitest';
import type { PolicyAmendment } from '../../../src';
import {
  AMENDMENT_PROBLEM_CODES,
  AmendmentError,
  applyAmendment,
  checkAmendment,
  describeAmendment,
  evaluate,
  policyAmendmentSchema,
  yuan,
} from '../../../src';
import { application, DRAFT } from '../fixtures';

const CAP_800K: PolicyAmendment = {
  baseId: 'suzhou-future-2026-draft',
  id: 'suzhou-future-2027-01',
  version: '2027.1',
  title: '提高技术成果转化补助上限',
  effectiveFrom: '2027-01-01',
  changes: { 'rules.tech-transfer.formula.cap': '800000.00' },
};

const amended = (changes: PolicyAmendment['changes']) =>
  applyAmendment(DRAFT, { ...CAP_800K, changes });

function problems(input: unknown) {
  const checked = checkAmendment(DRAFT, input);
  if (checked.ok) throw new Error('expected problems');
  return checked.problems.map((p) => [p.code, p.field, p.message]);
}

describe('applyAmendment', () => {
  it('raises 四.8’s cap to ¥800,000: a ¥7,000,000 payment is paid ¥700,000, not ¥500,000', () => {
    const set = applyAmendment(DRAFT, CAP_800K);
    const app = application('tech-transfer', {
      inputPatch: {
        payments: [{ paidOn: '2026-03-01', amount: yuan(7_000_000), voucherNo: 'HX1' }],
      },
    });
    expect(evaluate(DRAFT, 'tech-transfer', app).amount).toBe(yuan(500_000));
    const e = evaluate(set, 'tech-transfer', { ...app, appliedOn: '2027-01-05' });
    expect(e.amount).toBe(yuan(700_000));
    expect(e.explanation.version).toBe('2027.1');
  });

  it('makes the version through derivePolicySet: ids, date, notes, the rest inherited', () => {
    const set = applyAmendment(DRAFT, { ...CAP_800K, notes: ['经局务会审议通过'] });
    expect(set).toMatchObject({
      id: 'suzhou-future-2027-01',
      version: '2027.1',
      effectiveFrom: '2027-01-01',
      title: DRAFT.title,
      source: DRAFT.source,
      settings: DRAFT.settings,
      notes: ['提高技术成果转化补助上限（由 suzhou-future-2026-draft 修订）', '经局务会审议通过'],
    });
    expect(set.rules.map((r) => r.id)).toEqual(DRAFT.rules.map((r) => r.id));
    // Untouched rules are the base's own objects.
    expect(set.rules[0]?.formula).toBe(DRAFT.rules[0]?.formula);
  });

  it('renders the guide from the new figures: amount text, time limit and the conditions’ prose', () => {
    const set = amended({
      'rules.tech-transfer.formula.cap': '800000',
      'rules.scenario-case.yearlyQuota': 12,
      'settings.applicationWindowDays': 180,
    });
    const transfer = set.rules.find((r) => r.id === 'tech-transfer')!;
    expect(transfer.guide.amountText).toBe('按实际支付额的 10% 补助，单项成果累计最高 80万元');
    expect(transfer.guide.conditions).toContain(
      '同一合同（单项成果）多次申请的，累计补助不超过 80 万元',
    );
    expect(transfer.guide.timeLimit).toBe(
      '自每笔款项支付之日起 180 天内提出申请；2026-01-01 以前发生的不在本政策范围内',
    );
    const scenario = set.rules.find((r) => r.id === 'scenario-case')!;
    expect(scenario.guide.amountText).toBe('每项 20万元；每年不超过 12 项');
    expect(scenario.guide.conditions).toContain('每年评选不超过 12 项，超过的不予奖励');
    // The base version is not touched.
    expect(DRAFT.rules.find((r) => r.id === 'tech-transfer')?.guide.amountText).toBe(
      '按实际支付额的 10% 补助，单项成果累计最高 50万元',
    );
  });

  it('changes tiers, rates, quotas and settings from data', () => {
    const set = amended({
      'rules.incubator.formula.tiers.city.amount': '200000',
      'rules.tech-transfer.formula.rate': 1500,
      'rules.scenario-case.yearlyQuota': null,
      'rules.rd-platform.yearlyQuota': 3,
      'settings.upgradeAward': 'full',
      'settings.contestTeamsMayApply': false,
    });
    const rule = (id: string) => set.rules.find((r) => r.id === id)!;
    expect(rule('incubator').guide.amountText).toBe('国家级 50万元；省级 25万元；市级 20万元');
    expect(rule('tech-transfer').guide.amountText).toBe(
      '按实际支付额的 15% 补助，单项成果累计最高 50万元',
    );
    expect(rule('scenario-case').yearlyQuota).toBeUndefined();
    expect(rule('scenario-case').guide.conditions.join()).not.toContain('不超过 10 项');
    expect(rule('rd-platform').yearlyQuota).toBe(3);
    expect(rule('rd-platform').guide.conditions).toContain('每年不超过 3 项，超过的不予奖励');
    expect(set.settings.upgradeAward).toBe('full');
    expect(set.settings.contestTeamsMayApply).toBe(false);
    const app = application('tech-transfer', { appliedOn: '2027-01-05' });
    // 15% of ¥3,000,000.
    expect(evaluate(set, 'tech-transfer', app).amount).toBe(yuan(450_000));
  });

  it('throws AmendmentError with the problems of an amendment it refuses', () => {
    try {
      amended({ 'rules.tech-transfer.formula.cap': '500000.00' });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AmendmentError);
      expect((error as AmendmentError).problems.map((p) => p.code)).toEqual(['NO_CHANGE']);
    }
  });

  it('is stored and sent as JSON: money as yuan strings, read back the same', () => {
    const json = JSON.parse(JSON.stringify(CAP_800K)) as unknown;
    expect(policyAmendmentSchema.parse(json)).toEqual(CAP_800K);
    expect(applyAmendment(DRAFT, json).rules).toEqual(applyAmendment(DRAFT, CAP_800K).rules);
  });
});

describe('checkAmendment', () => {
  it('accepts a valid amendment and lists its changes in parameter order', () => {
    const checked = checkAmendment(DRAFT, {
      ...CAP_800K,
      changes: {
        'settings.applicationWindowDays': 180,
        'rules.tech-transfer.formula.cap': '800,000',
      },
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.changes.map((c) => [c.spec.key, c.from, c.to])).toEqual([
      ['rules.tech-transfer.formula.cap', yuan(500_000), yuan(800_000)],
      ['settings.applicationWindowDays', 365, 180],
    ]);
  });

  it('refuses unknown keys, bad values, out-of-bounds values and no-ops, one problem per field', () => {
    expect(
      problems({
        ...CAP_800K,
        changes: {
          'rules.tech-transfer.formula.kap': '800000',
          'rules.tech-transfer.formula.cap': 80_000_000,
          'rules.tech-transfer.formula.rate': 1000,
          'rules.scenario-case.yearlyQuota': 0,
          'rules.incubator.formula.tiers.city.amount': '0',
          'settings.upgradeAward': 'half',
          'settings.applicationWindowDays': 30.5,
          effectiveFrom: '2027-01-01',
        },
      }),
    ).toEqual([
      [
        'UNKNOWN_PARAMETER',
        'changes.rules.tech-transfer.formula.kap',
        '政策版本 suzhou-future-2026-draft 没有可修订项“rules.tech-transfer.formula.kap”',
      ],
      [
        'INVALID_VALUE',
        'changes.rules.tech-transfer.formula.cap',
        '单项成果补助上限：金额请写成以元为单位的字符串，如 "800000.00"',
      ],
      [
        'NO_CHANGE',
        'changes.rules.tech-transfer.formula.rate',
        '补助比例修订后仍为 10%，与原值相同',
      ],
      [
        'VALUE_OUT_OF_BOUNDS',
        'changes.rules.scenario-case.yearlyQuota',
        '每年数量上限：0 项 超出允许范围（1 项 至 1000 项；可设为“不限”）',
      ],
      [
        'VALUE_OUT_OF_BOUNDS',
        'changes.rules.incubator.formula.tiers.city.amount',
        '市级金额：¥0.00 超出允许范围（¥0.01 至 ¥100,000,000.00）',
      ],
      [
        'INVALID_VALUE',
        'changes.settings.upgradeAward',
        '升级认定奖励方式：请从以下选项中选择：就高补差（只补与已获较低级别奖励的差额）、全额奖励（不扣除已获奖励）',
      ],
      ['INVALID_VALUE', 'changes.settings.applicationWindowDays', '申请期限：请填写整数'],
      [
        'UNKNOWN_PARAMETER',
        'changes.effectiveFrom',
        '施行日期写在“施行日期”（effectiveFrom）一栏，不作为修订项',
      ],
    ]);
  });

  it('refuses a date not after the base version’s, the wrong base and the base’s own id', () => {
    expect(
      problems({
        ...CAP_800K,
        baseId: 'suzhou-future-2025',
        id: 'suzhou-future-2026-draft',
        effectiveFrom: '2026-01-01',
      }),
    ).toEqual([
      [
        'BASE_VERSION_MISMATCH',
        'baseId',
        '修订依据的是政策版本 suzhou-future-2025，不是 suzhou-future-2026-draft',
      ],
      ['VERSION_ID_TAKEN', 'id', '新版本编号不能与原版本相同（suzhou-future-2026-draft）'],
      [
        'EFFECTIVE_FROM_NOT_AFTER_BASE',
        'effectiveFrom',
        '施行日期 2026-01-01 须晚于原版本 suzhou-future-2026-draft 的施行日期 2026-01-01',
      ],
    ]);
  });

  it('refuses an amendment that changes nothing, and events covered only after the new date', () => {
    expect(problems({ ...CAP_800K, changes: {} })).toEqual([
      ['NO_CHANGES', 'changes', '修订没有改变任何数额或设置'],
    ]);
    expect(
      problems({ ...CAP_800K, changes: { 'settings.coveredEventsFrom': '2027-03-01' } }),
    ).toEqual([
      [
        'VALUE_OUT_OF_BOUNDS',
        'changes.settings.coveredEventsFrom',
        '政策覆盖起始日 2027-03-01 不能晚于施行日期 2027-01-01',
      ],
    ]);
  });

  it('words the shape’s problems in Chinese, by field', () => {
    expect(
      problems({ ...CAP_800K, id: 'Suzhou 2027', effectiveFrom: '2027-13-01', change: {} }),
    ).toEqual([
      [
        'INVALID_INPUT',
        'id',
        '新版本编号只能用小写字母、数字和连字符（3 至 80 个字符），如 suzhou-future-2027-01',
      ],
      ['INVALID_INPUT', 'effectiveFrom', '请填写有效的施行日期（格式：YYYY-MM-DD）'],
      ['INVALID_INPUT', '_form', '修订内容中有不认识的字段：change'],
    ]);
    expect(problems(null)).toEqual([['INVALID_INPUT', '_form', '修订内容应为一个对象']]);
  });

  it('has a Chinese heading for every problem code', () => {
    for (const heading of Object.values(AMENDMENT_PROBLEM_CODES)) {
      expect(heading).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('describeAmendment', () => {
  it('says what it touches, in Chinese, figure by figure', () => {
    expect(
      describeAmendment(DRAFT, {
        ...CAP_800K,
        changes: {
          'rules.tech-transfer.formula.cap': '800000.00',
          'rules.scenario-case.yearlyQuota': 12,
          'settings.upgradeAward': 'full',
        },
      }),
    ).toEqual([
      '四.1 市级重大应用场景典型案例奖励：每年数量上限 10 项 → 12 项',
      '四.8 购买市外先进技术成果在宿转化补助：单项成果补助上限 ¥500,000.00 → ¥800,000.00',
      '版本设置（方案未规定的事项）：升级认定奖励方式 就高补差（只补与已获较低级别奖励的差额） → 全额奖励（不扣除已获奖励）',
      '政策版本：施行日期 2026-01-01 → 2027-01-01',
    ]);
  });
});

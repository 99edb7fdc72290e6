import { describe, expect, it } from 'vitest';
import type { RuleDraft } from '../../../src';
import { amendableParameters, derivePolicySet, yuan } from '../../../src';
import { DRAFT } from '../fixtures';

const byKey = (set = DRAFT) => new Map(amendableParameters(set).map((p) => [p.key, p]));

describe('amendableParameters', () => {
  it('reads 四.8 from its percentage-capped formula: rate in basis points, cap as yuan', () => {
    const params = byKey();
    expect(params.get('rules.tech-transfer.formula.rate')).toMatchObject({
      scope: 'rule',
      ruleId: 'tech-transfer',
      clause: '四.8',
      ruleName: '购买市外先进技术成果在宿转化补助',
      label: '补助比例',
      kind: 'basis-points',
      current: 1000,
      currentText: '10%',
      min: 1,
      max: 10_000,
      boundsText: '0.01% 至 100%',
    });
    expect(params.get('rules.tech-transfer.formula.cap')).toMatchObject({
      label: '单项成果补助上限',
      kind: 'money-fen',
      current: '500000.00',
      currentText: '¥500,000.00',
      min: '0.01',
      max: '100000000.00',
      nullable: false,
      writtenAs: 'changes',
    });
  });

  it('lists every tier by its Chinese label, and a fixed amount as 每项金额', () => {
    const params = byKey();
    expect(
      ['national', 'provincial', 'city'].map((t) => {
        const p = params.get(`rules.incubator.formula.tiers.${t}.amount`);
        return [p?.label, p?.current];
      }),
    ).toEqual([
      ['国家级金额', '500000.00'],
      ['省级金额', '250000.00'],
      ['市级金额', '150000.00'],
    ]);
    expect(params.get('rules.talent-team.formula.tiers.A.amount')?.label).toBe('A类金额');
    expect(params.get('rules.scenario-case.formula.amount')).toMatchObject({
      label: '每项金额',
      current: '200000.00',
    });
  });

  it('offers every rule a yearly quota: 四.1’s 10, the others 不限 (null) that may be set', () => {
    const params = byKey();
    expect(params.get('rules.scenario-case.yearlyQuota')).toMatchObject({
      kind: 'whole-number',
      current: 10,
      currentText: '10 项',
      nullable: true,
      noneText: '不限',
    });
    expect(params.get('rules.rd-platform.yearlyQuota')).toMatchObject({
      current: null,
      currentText: '不限',
    });
    for (const rule of DRAFT.rules) expect(params.has(`rules.${rule.id}.yearlyQuota`)).toBe(true);
  });

  it('lists the settings with the labels and words the explanations use', () => {
    const params = byKey();
    expect(params.get('settings.upgradeAward')).toMatchObject({
      scope: 'setting',
      clause: '—',
      label: '升级认定奖励方式',
      kind: 'choice',
      current: 'difference',
      currentText: '就高补差（只补与已获较低级别奖励的差额）',
      options: [
        { value: 'difference', label: '就高补差（只补与已获较低级别奖励的差额）' },
        { value: 'full', label: '全额奖励（不扣除已获奖励）' },
      ],
    });
    expect(params.get('settings.applicationWindowDays')).toMatchObject({
      label: '申请期限',
      current: 365,
      currentText: '365 天',
      min: 1,
      max: 3650,
    });
    expect(params.get('settings.coveredEventsFrom')).toMatchObject({ kind: 'date' });
    expect(params.get('settings.contestTeamsMayApply')?.options?.map((o) => o.value)).toEqual([
      true,
      false,
    ]);
    expect(params.get('settings.publicNoticeWorkingDays')?.currentText).toBe('5 个工作日');
    // Contacts are offices and phone numbers, not figures: not in the form.
    expect(params.has('settings.consultationContacts')).toBe(false);
  });

  it('starts with the version’s date, which must come after the base’s', () => {
    const [first] = amendableParameters(DRAFT);
    expect(first).toMatchObject({
      key: 'effectiveFrom',
      scope: 'version',
      label: '施行日期',
      kind: 'date',
      current: '2026-01-01',
      min: '2026-01-02',
      writtenAs: 'effectiveFrom',
    });
  });

  it('has 38 parameters for the draft: 1 date + 32 for its 11 rules + 5 settings', () => {
    // Rules: 四.1 2, 四.2 3, 四.3 3, talent 4, three academician 2 each, 四.8 3, 四.9 4,
    // 四.10 3, 四.12 4 = 32.
    const params = amendableParameters(DRAFT);
    expect(params).toHaveLength(38);
    expect(new Set(params.map((p) => p.key)).size).toBe(38);
  });

  it('generates the form of a new rule from its formula, with no list written for it', () => {
    const tech = DRAFT.rules.find((r) => r.id === 'rd-platform')!;
    const newRule: RuleDraft = {
      ...tech,
      id: 'pilot-platform',
      clause: '四.7',
      name: '中试平台奖励',
      formula: {
        kind: 'tier',
        by: 'level',
        byLabel: '认定级别',
        tiers: {
          national: { label: '国家级', amount: yuan(1_000_000) },
          provincial: { label: '省级', amount: yuan(300_000) },
        },
      },
    };
    const withRule = derivePolicySet(DRAFT, {
      id: 'with-pilot',
      version: 'x',
      effectiveFrom: '2027-01-01',
      addRules: [newRule],
    });
    const keys = [...byKey(withRule).keys()].filter((k) => k.startsWith('rules.pilot-platform.'));
    expect(keys).toEqual([
      'rules.pilot-platform.formula.tiers.national.amount',
      'rules.pilot-platform.formula.tiers.provincial.amount',
      'rules.pilot-platform.yearlyQuota',
    ]);
  });

  it('is plain data: it survives JSON', () => {
    const params = amendableParameters(DRAFT);
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
  });
});

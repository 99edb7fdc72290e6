import { describe, expect, it } from 'vitest';
import type { PercentageCappedFormula, Rule, RuleDraft } from '../../../src';
import { yuan } from '../../../src';
import { restateGuide } from '../../../src/policy/amendments/guide-text';
import { DRAFT } from '../fixtures';

const rule = (id: string) => DRAFT.rules.find((r) => r.id === id) as Rule;

function withConditions(base: Rule, conditions: string[]): Rule {
  return { ...base, guide: { ...base.guide, conditions } };
}

describe('restateGuide: the guide’s prose follows the new figures', () => {
  it('restates a rate and a cap, leaving longer numbers alone', () => {
    const before = withConditions(rule('tech-transfer'), [
      '按实际支付额的 10% 补助，单项成果最高 50 万元',
      '合同额 110% 以内、150 万元以内的支付据实计算',
    ]);
    const after: RuleDraft = {
      ...before,
      formula: {
        ...(before.formula as PercentageCappedFormula),
        rate: 1250,
        capPerItem: yuan(800_000),
      },
    };
    expect(restateGuide(before, after).guide.conditions).toEqual([
      '按实际支付额的 12.5% 补助，单项成果最高 80 万元',
      '合同额 110% 以内、150 万元以内的支付据实计算',
    ]);
  });

  it('leaves a figure two tiers share, which cannot be told apart', () => {
    const before = withConditions(rule('incubator'), ['省级、市级孵化器均为 25 万元']);
    const base = before.formula as Extract<Rule['formula'], { kind: 'tier' }>;
    const shared: Rule = {
      ...before,
      formula: {
        ...base,
        tiers: { ...base.tiers, city: { label: '市级', amount: yuan(250_000) } },
      },
    };
    const after: RuleDraft = {
      ...shared,
      formula: {
        ...base,
        tiers: { ...base.tiers, city: { label: '市级', amount: yuan(300_000) } },
      },
    };
    expect(restateGuide(shared, after).guide.conditions).toEqual(['省级、市级孵化器均为 25 万元']);
  });

  it('drops the condition of a quota that is removed, and keeps the others', () => {
    const before = rule('scenario-case');
    const { yearlyQuota: _quota, ...after } = before;
    const conditions = restateGuide(before, after).guide.conditions;
    expect(conditions).toHaveLength(before.guide.conditions.length - 1);
    expect(conditions.join('；')).not.toContain('10 项');
  });
});

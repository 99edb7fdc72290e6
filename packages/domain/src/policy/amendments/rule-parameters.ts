import type { Fen } from '../../money';
import { fen, formatWanYuan, yuan } from '../../money';
import { rateText, tierEntries } from '../formula';
import type { FixedFormula, PercentageCappedFormula, Rule, RuleDraft, TierFormula } from '../types';
import type { ParameterSpec } from './spec';
import { editRule } from './spec';
import type { ValueShape } from './values';

/**
 * A single award above ¥100,000,000 is a unit mistake (fen typed as yuan), not a policy: the
 * largest figure in the plan is ¥5,000,000.
 */
const MONEY: ValueShape = { kind: 'money-fen', min: fen(1), max: yuan(100_000_000) };
/** Basis points: 0.01% to 100%. */
const RATE: ValueShape = { kind: 'basis-points', min: 1, max: 10_000 };
/** A yearly quota, or none (`null`, 不限): a version may add one to a rule or remove it. */
const QUOTA: ValueShape = {
  kind: 'whole-number',
  min: 1,
  max: 1_000,
  unit: '项',
  noneText: '不限',
};

function withFormula<F>(rule: RuleDraft, change: (formula: F) => F): RuleDraft {
  // Every edit of a rule is derived from the rule's own formula kind, so the cast holds.
  return { ...rule, formula: change(rule.formula as F) as RuleDraft['formula'] };
}

/**
 * The amendable figures of one rule, read from its formula kind and quota: a new rule gets its
 * form from here, with no screen of its own.
 */
export function ruleParameterSpecs(rule: Rule): ParameterSpec[] {
  const at = {
    scope: 'rule' as const,
    ruleId: rule.id,
    clause: rule.clause,
    ruleName: rule.name,
  };
  const key = (path: string) => `rules.${rule.id}.${path}`;
  const specs: ParameterSpec[] = [];
  const formula = rule.formula;
  switch (formula.kind) {
    case 'fixed':
      specs.push({
        ...at,
        key: key('formula.amount'),
        label: '每项金额',
        shape: MONEY,
        value: formula.amount,
        sentence: (v) => `每项 ${formatWanYuan(v as Fen)}`,
        apply: (v, into) =>
          editRule(into, rule.id, (r) =>
            withFormula<FixedFormula>(r, (f) => ({ ...f, amount: v as Fen })),
          ),
      });
      break;
    case 'tier':
      for (const [tierKey, tier] of tierEntries(formula)) {
        specs.push({
          ...at,
          key: key(`formula.tiers.${tierKey}.amount`),
          label: `${tier.label}金额`,
          note: `按${formula.byLabel}分档`,
          shape: MONEY,
          value: tier.amount,
          sentence: (v) => `${tier.label} ${formatWanYuan(v as Fen)}`,
          apply: (v, into) =>
            editRule(into, rule.id, (r) =>
              withFormula<TierFormula>(r, (f) => ({
                ...f,
                tiers: { ...f.tiers, [tierKey]: { ...tier, amount: v as Fen } },
              })),
            ),
        });
      }
      break;
    case 'percentage-capped':
      specs.push(
        {
          ...at,
          key: key('formula.rate'),
          label: '补助比例',
          note: `按${formula.baseLabel}计算；以万分点填写，1000 即 10%`,
          shape: RATE,
          value: formula.rate,
          sentence: (v) => `按${formula.baseLabel}的 ${rateText(v as number)} 补助`,
          apply: (v, into) =>
            editRule(into, rule.id, (r) =>
              withFormula<PercentageCappedFormula>(r, (f) => ({ ...f, rate: v as number })),
            ),
        },
        {
          ...at,
          key: key('formula.cap'),
          label: `${formula.itemNoun}补助上限`,
          note: `同一${formula.itemNoun}历次补助累计不超过此数`,
          shape: MONEY,
          value: formula.capPerItem,
          sentence: (v) => `${formula.itemNoun}累计最高 ${formatWanYuan(v as Fen)}`,
          apply: (v, into) =>
            editRule(into, rule.id, (r) =>
              withFormula<PercentageCappedFormula>(r, (f) => ({ ...f, capPerItem: v as Fen })),
            ),
        },
      );
      break;
  }
  specs.push({
    ...at,
    key: key('yearlyQuota'),
    label: '每年数量上限',
    note: '按评选（奖励）年度计；“不限”即不设上限',
    shape: QUOTA,
    value: rule.yearlyQuota ?? null,
    sentence: (v) => (v === null ? '每年数量不限' : `每年不超过 ${String(v)} 项`),
    apply: (v, into) =>
      editRule(into, rule.id, (r) => {
        const { yearlyQuota: _old, ...rest } = r;
        return v === null ? rest : { ...rest, yearlyQuota: v as number };
      }),
  });
  return specs;
}

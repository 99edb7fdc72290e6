import type { Fen } from '../money';
import { fen, formatWanYuan, formatYuan, maxFen, minFen, mulRatioFloor } from '../money';
import type { Formula, TierEntry } from './types';

const BASIS_POINTS = 10_000n;

/** 1000 bp → `10%`, 1250 → `12.5%`, 5 → `0.05%`. */
export function rateText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0+$/, '')}%`;
}

export function tierEntries(formula: Formula & { kind: 'tier' }): [string, TierEntry][] {
  return Object.entries(formula.tiers);
}

/** The most a single award under this formula can ever be. */
export function maxAmountOf(formula: Formula): Fen {
  switch (formula.kind) {
    case 'fixed':
      return formula.amount;
    case 'tier':
      return maxFen(...tierEntries(formula).map(([, t]) => t.amount));
    case 'percentage-capped':
      return formula.capPerItem;
  }
}

/** 支持标准 in the plan's own style: `每项 20万元；每年不超过 10 项`. */
export function amountTextOf(formula: Formula, yearlyQuota?: number): string {
  let text: string;
  switch (formula.kind) {
    case 'fixed':
      text = `每项 ${formatWanYuan(formula.amount)}`;
      break;
    case 'tier':
      text = tierEntries(formula)
        .map(([, t]) => `${t.label} ${formatWanYuan(t.amount)}`)
        .join('；');
      break;
    case 'percentage-capped':
      text = `按${formula.baseLabel}的 ${rateText(formula.rate)} 补助，${formula.itemNoun}累计最高 ${formatWanYuan(formula.capPerItem)}`;
      break;
  }
  return yearlyQuota === undefined ? text : `${text}；每年不超过 ${yearlyQuota} 项`;
}

/** What a formula pays, without the words: all `decide` needs. */
export interface FormulaAmount {
  /** After the per-item cap; before upgrade deductions, quota and budget. */
  readonly amount: Fen;
  /** Set when the cap left nothing. */
  readonly capExhausted: boolean;
}

export interface FormulaResult extends FormulaAmount {
  /** The formula in words with numbers. */
  readonly text: string;
  readonly steps: readonly string[];
  readonly capsApplied: readonly string[];
}

interface FormulaTexts {
  readonly fixed: string;
  readonly byTier: ReadonlyMap<string, string>;
  readonly tierSteps: readonly string[];
}

const TEXTS = new WeakMap<Formula, FormulaTexts>();

/** The lines a fixed or tier formula writes are the same for every application: made once. */
function textsOf(formula: Formula): FormulaTexts {
  const known = TEXTS.get(formula);
  if (known) return known;
  const texts: FormulaTexts =
    formula.kind === 'tier'
      ? {
          fixed: '',
          byTier: new Map(
            tierEntries(formula).map(([key, t]) => [
              key,
              `按${formula.byLabel}（${t.label}）：${formatYuan(t.amount)}`,
            ]),
          ),
          tierSteps: Object.freeze([
            `${formula.byLabel}档次：${tierEntries(formula)
              .map(([, t]) => `${t.label} ${formatYuan(t.amount)}`)
              .join('；')}`,
          ]),
        }
      : {
          fixed: formula.kind === 'fixed' ? `定额奖励 ${formatYuan(formula.amount)}` : '',
          byTier: new Map(),
          tierSteps: [],
        };
  TEXTS.set(formula, texts);
  return texts;
}

/** A percentage-capped formula's figures, which both the amount and its words are made from. */
interface Percentage {
  readonly base: Fen;
  /** The rate applied, rounded down to the fen. */
  readonly computed: Fen;
  /** What the item's cap still allows. */
  readonly remaining: Fen;
  readonly amount: Fen;
}

function percentageOf(
  formula: Formula & { kind: 'percentage-capped' },
  input: Readonly<Record<string, unknown>>,
  paidOnItem: Fen,
): Percentage {
  const raw = input[formula.base];
  if (typeof raw !== 'bigint') throw new Error(`base ${formula.base} is not money`);
  const base = fen(raw);
  const computed = mulRatioFloor(base, BigInt(formula.rate), BASIS_POINTS);
  const remaining = maxFen(fen(0), (formula.capPerItem - paidOnItem) as Fen);
  return { base, computed, remaining, amount: minFen(computed, remaining) };
}

function tierOf(formula: Formula & { kind: 'tier' }, input: Readonly<Record<string, unknown>>) {
  const key = input[formula.by];
  const tier = typeof key === 'string' ? formula.tiers[key] : undefined;
  // The schema admits only tier keys; reaching this means the rule file is inconsistent.
  if (!tier) throw new Error(`tier "${String(key)}" of ${formula.by} has no amount`);
  return { key: key as string, tier };
}

/**
 * The amount alone (`decide`): the same figures as `applyFormula`, none of its text. `paidOnItem`
 * is what earlier awards on the same item already received (only percentage-capped formulas read
 * it).
 */
export function formulaAmount(
  formula: Formula,
  input: Readonly<Record<string, unknown>>,
  paidOnItem: Fen,
): FormulaAmount {
  switch (formula.kind) {
    case 'fixed':
      return { amount: formula.amount, capExhausted: false };
    case 'tier':
      return { amount: tierOf(formula, input).tier.amount, capExhausted: false };
    case 'percentage-capped': {
      const p = percentageOf(formula, input, paidOnItem);
      return { amount: p.amount, capExhausted: p.remaining === 0n };
    }
  }
}

/** Computes the amount and says how (`evaluate`); see `formulaAmount`. */
export function applyFormula(
  formula: Formula,
  input: Readonly<Record<string, unknown>>,
  paidOnItem: Fen,
): FormulaResult {
  switch (formula.kind) {
    case 'fixed':
      return {
        amount: formula.amount,
        text: textsOf(formula).fixed,
        steps: [],
        capsApplied: [],
        capExhausted: false,
      };
    case 'tier': {
      const { key, tier } = tierOf(formula, input);
      const texts = textsOf(formula);
      return {
        amount: tier.amount,
        text:
          texts.byTier.get(key) ??
          `按${formula.byLabel}（${tier.label}）：${formatYuan(tier.amount)}`,
        steps: texts.tierSteps,
        capsApplied: [],
        capExhausted: false,
      };
    }
    case 'percentage-capped': {
      const { base, computed, remaining, amount } = percentageOf(formula, input, paidOnItem);
      const exact = (base * BigInt(formula.rate)) % BASIS_POINTS === 0n;
      const capsApplied = [
        `${formula.itemNoun}累计补助上限 ${formatYuan(formula.capPerItem)}，已获补助 ${formatYuan(paidOnItem)}，本次最多 ${formatYuan(remaining)}`,
      ];
      if (amount < computed) {
        capsApplied.push(`按上限核减：${formatYuan(computed)} → ${formatYuan(amount)}`);
      }
      return {
        amount,
        text: `${formula.baseLabel} ${formatYuan(base)} × ${rateText(formula.rate)} = ${formatYuan(computed)}`,
        steps: exact ? [] : ['按比例计算结果不足一分的部分舍去（向下取整到分）'],
        capsApplied,
        capExhausted: remaining === 0n,
      };
    }
  }
}

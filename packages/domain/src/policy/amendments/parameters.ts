import type { PolicySet } from '../types';
import { ruleParameterSpecs } from './rule-parameters';
import { effectiveFromSpec, settingParameterSpecs } from './setting-parameters';
import type { ParameterScope, ParameterSpec } from './spec';
import type { AmendmentValue, ParameterKind, ParameterOption } from './values';
import { boundsText, showValue, toJsonValue } from './values';

/**
 * One figure an amendment may change, as data: the admin form is generated from the list, so a
 * new rule needs no new screen. Values are written as the amendment writes them (money as a yuan
 * string, see `values.ts`).
 */
export interface AmendableParameter {
  /** Stable key, used in `PolicyAmendment.changes`: `rules.tech-transfer.formula.cap`. */
  readonly key: string;
  readonly scope: ParameterScope;
  readonly ruleId?: string;
  /** The plan's clause, e.g. `四.8`; `—` for the version's date and settings. */
  readonly clause: string;
  readonly ruleName?: string;
  /** Chinese label, e.g. `单项成果补助上限`, `国家级金额`, `申请期限`. */
  readonly label: string;
  readonly note?: string;
  readonly kind: ParameterKind;
  readonly current: AmendmentValue;
  /** The current value as officers read it: `¥500,000.00`, `10%`, `10 项`, `不限`. */
  readonly currentText: string;
  readonly min?: AmendmentValue;
  readonly max?: AmendmentValue;
  /** `null` allowed, meaning `noneText` (e.g. a rule without a yearly quota: 不限). */
  readonly nullable: boolean;
  readonly noneText?: string;
  readonly unit?: string;
  readonly options?: readonly ParameterOption[];
  /** The bounds in words, e.g. `¥0.01 至 ¥100,000,000.00`. */
  readonly boundsText: string;
  /**
   * Where the value is written in the amendment: `effectiveFrom` is the amendment's own field,
   * every other parameter an entry of `changes` under its key.
   */
  readonly writtenAs: 'effectiveFrom' | 'changes';
}

/** Every amendable figure of a version, in order: its date, each rule's figures, its settings. */
export function parameterSpecs(set: PolicySet): ParameterSpec[] {
  return [
    effectiveFromSpec(set),
    ...set.rules.flatMap(ruleParameterSpecs),
    ...settingParameterSpecs(set),
  ];
}

export function toAmendableParameter(spec: ParameterSpec): AmendableParameter {
  const { shape } = spec;
  const json = (v: typeof shape.min) => (v === undefined ? undefined : toJsonValue(shape, v));
  const min = json(shape.min);
  const max = json(shape.max);
  return {
    key: spec.key,
    scope: spec.scope,
    ...(spec.ruleId !== undefined ? { ruleId: spec.ruleId } : {}),
    clause: spec.clause,
    ...(spec.ruleName !== undefined ? { ruleName: spec.ruleName } : {}),
    label: spec.label,
    ...(spec.note !== undefined ? { note: spec.note } : {}),
    kind: shape.kind,
    current: toJsonValue(shape, spec.value),
    currentText: showValue(shape, spec.value),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    nullable: shape.noneText !== undefined,
    ...(shape.noneText !== undefined ? { noneText: shape.noneText } : {}),
    ...(shape.unit !== undefined ? { unit: shape.unit } : {}),
    ...(shape.options !== undefined ? { options: shape.options } : {}),
    boundsText: boundsText(shape),
    writtenAs: spec.scope === 'version' ? 'effectiveFrom' : 'changes',
  };
}

/**
 * What an amendment of `set` may change: generated from its rules' formulas and quotas and from
 * its settings, never listed by hand per rule.
 */
export function amendableParameters(set: PolicySet): AmendableParameter[] {
  return parameterSpecs(set).map(toAmendableParameter);
}

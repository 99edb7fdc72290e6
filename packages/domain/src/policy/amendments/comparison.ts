import { formatYuan } from '../../money';
import { maxAmountOf } from '../formula';
import type { PolicySettingName } from '../settings';
import { describeSetting, POLICY_SETTING_INFO } from '../settings';
import type { PolicySet, Rule } from '../types';
import { compareClauses } from './clause-order';
import { ruleParameterSpecs } from './rule-parameters';
import { effectiveFromSpec, settingParameterSpecs } from './setting-parameters';
import type { ParameterSpec } from './spec';
import { showValue } from './values';

/**
 * One row of a 修改对照表 (条款 / 原条文 / 修改后条文): one item of one clause that differs
 * between two versions. `oldText`/`newText` word the item as the plan would; the figures are the
 * bare values (`¥500,000.00`, `10%`, `12 项`), for tables and sorting by eye.
 */
export interface ComparisonRow {
  /** `四.8`; `—` for the version's settings and date. */
  readonly clause: string;
  readonly ruleId: string | null;
  /** The rule's name, or `版本设置（方案未规定的事项）` / `政策版本`. */
  readonly ruleTitle: string;
  /** What changed, e.g. `单项成果补助上限`, `国家级金额`, `申请期限`, `奖补事项`. */
  readonly item: string;
  readonly oldText: string;
  readonly newText: string;
  readonly oldFigure: string;
  readonly newFigure: string;
  /** The amendable parameter this row is, when it is one (`rules.tech-transfer.formula.cap`). */
  readonly key?: string;
}

const SETTINGS_TITLE = '版本设置（方案未规定的事项）';
const ABSENT = '（无）';
const DELETED = '（删除）';

function figureRow(rule: Rule | null, was: ParameterSpec, now: ParameterSpec): ComparisonRow {
  return {
    clause: rule?.clause ?? now.clause,
    ruleId: rule?.id ?? null,
    ruleTitle: rule?.name ?? (now.scope === 'setting' ? SETTINGS_TITLE : '政策版本'),
    item: now.label,
    oldText: was.sentence(was.value),
    newText: now.sentence(now.value),
    oldFigure: showValue(was.shape, was.value),
    newFigure: showValue(now.shape, now.value),
    key: now.key,
  };
}

/** A rule's standard in one line, for a clause added or deleted whole. */
function standardOf(rule: Rule): string {
  return `${rule.name}：${rule.guide.amountText}`;
}

function ruleRows(was: Rule | undefined, now: Rule | undefined): ComparisonRow[] {
  const rule = now ?? was;
  if (!rule) return [];
  const at = { clause: rule.clause, ruleId: rule.id, ruleTitle: rule.name };
  if (!was || !now) {
    const highest = `最高 ${formatYuan(maxAmountOf(rule.formula))}`;
    return [
      {
        ...at,
        item: '奖补事项',
        oldText: was ? standardOf(was) : ABSENT,
        newText: now ? standardOf(now) : DELETED,
        oldFigure: was ? highest : '—',
        newFigure: now ? highest : '—',
      },
    ];
  }
  const oldSpecs = new Map(ruleParameterSpecs(was).map((s) => [s.key, s]));
  const newSpecs = ruleParameterSpecs(now);
  const rows: ComparisonRow[] = [];
  // A formula of another kind, or other tiers, is a new standard, not a changed figure.
  const formulaKeys = (keys: Iterable<string>) =>
    [...keys].filter((k) => k.includes('.formula.')).join('|');
  if (formulaKeys(oldSpecs.keys()) !== formulaKeys(newSpecs.map((s) => s.key))) {
    rows.push({
      ...at,
      item: '支持标准',
      oldText: was.guide.amountText,
      newText: now.guide.amountText,
      oldFigure: `最高 ${formatYuan(maxAmountOf(was.formula))}`,
      newFigure: `最高 ${formatYuan(maxAmountOf(now.formula))}`,
    });
  }
  for (const spec of newSpecs) {
    const old = oldSpecs.get(spec.key);
    if (old && old.value !== spec.value) rows.push(figureRow(now, old, spec));
  }
  return rows;
}

function settingRows(current: PolicySet, proposed: PolicySet): ComparisonRow[] {
  const amendable = new Map(settingParameterSpecs(current).map((s) => [s.key, s]));
  const proposedSpecs = new Map(settingParameterSpecs(proposed).map((s) => [s.key, s]));
  const rows: ComparisonRow[] = [];
  for (const name of Object.keys(POLICY_SETTING_INFO) as PolicySettingName[]) {
    const was = current.settings[name];
    const now = proposed.settings[name];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const oldSpec = amendable.get(`settings.${name}`);
    const newSpec = proposedSpecs.get(`settings.${name}`);
    if (oldSpec && newSpec) {
      rows.push(figureRow(null, oldSpec, newSpec));
      continue;
    }
    // Contacts: words, not figures; the row shows them whole.
    const oldText = describeSetting(name, current.settings).value;
    const newText = describeSetting(name, proposed.settings).value;
    rows.push({
      clause: '—',
      ruleId: null,
      ruleTitle: SETTINGS_TITLE,
      item: POLICY_SETTING_INFO[name].label,
      oldText,
      newText,
      oldFigure: oldText,
      newFigure: newText,
    });
  }
  return rows;
}

/**
 * The 修改对照表 of two versions: every rule amount, tier, rate, cap and quota that differs, rules
 * added or deleted, changed settings and the date. Unchanged items are left out. Rows follow the
 * plan: by clause (`四.2` before `四.10`), within a clause by the rule's place in the version and
 * the item's place in the rule; then the settings, and the date last (where a document's 施行
 * article stands).
 */
export function comparePolicySets(current: PolicySet, proposed: PolicySet): ComparisonRow[] {
  const oldRules = new Map(current.rules.map((r) => [r.id, r]));
  const newRules = new Map(proposed.rules.map((r) => [r.id, r]));
  const ids = [...new Set([...newRules.keys(), ...oldRules.keys()])];
  const place = (id: string) => {
    const at = proposed.rules.findIndex((r) => r.id === id);
    return at >= 0 ? at : proposed.rules.length + current.rules.findIndex((r) => r.id === id);
  };
  const clauseOf = (id: string) => (newRules.get(id) ?? oldRules.get(id))?.clause ?? '';
  ids.sort((a, b) => compareClauses(clauseOf(a), clauseOf(b)) || place(a) - place(b));

  const rows = ids.flatMap((id) => ruleRows(oldRules.get(id), newRules.get(id)));
  rows.push(...settingRows(current, proposed));
  if (current.effectiveFrom !== proposed.effectiveFrom) {
    rows.push(figureRow(null, effectiveFromSpec(current), effectiveFromSpec(proposed)));
  }
  return rows;
}

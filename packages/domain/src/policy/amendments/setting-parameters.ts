import { addDays } from '../dates';
import type { PolicySettingName, PolicySettings } from '../settings';
import { describeSetting, POLICY_SETTING_INFO } from '../settings';
import type { PolicySet } from '../types';
import type { ParameterSpec } from './spec';
import type { ParameterValue, ValueShape } from './values';

/** A setting's value in words, as every explanation shows it (`事项发生后 180 天内`). */
function settingText(name: PolicySettingName, settings: PolicySettings, value: unknown): string {
  return describeSetting(name, { ...settings, [name]: value } as PolicySettings).value;
}

/** Options labelled with the words the explanations already use for each value. */
function optionsOf<K extends 'upgradeAward' | 'contestTeamsMayApply'>(
  name: K,
  values: readonly PolicySettings[K][],
) {
  const info = POLICY_SETTING_INFO[name];
  return values.map((value) => ({ value, label: info.show(value) }));
}

/**
 * The settings a version may change by amendment, with their bounds. The two contact settings
 * (`noticeObjectionContact`, `consultationContacts`) are offices and phone numbers, not figures of
 * the policy: they are kept out of the amendment form.
 */
const SETTING_SHAPES: Readonly<Partial<Record<PolicySettingName, ValueShape>>> = {
  upgradeAward: { kind: 'choice', options: optionsOf('upgradeAward', ['difference', 'full']) },
  // More than ten years to claim would hand a 2026 award to the 2036 budget.
  applicationWindowDays: { kind: 'whole-number', min: 1, max: 3_650, unit: '天' },
  // Not later than the new version's date: checked with the amendment (`checkAmendment`).
  coveredEventsFrom: { kind: 'date', min: '2000-01-01' },
  contestTeamsMayApply: {
    kind: 'choice',
    options: optionsOf('contestTeamsMayApply', [true, false]),
  },
  // 公示 cannot be skipped; a month of working days is longer than any practice in Anhui.
  publicNoticeWorkingDays: { kind: 'whole-number', min: 1, max: 30, unit: '个工作日' },
};

export function settingParameterSpecs(set: PolicySet): ParameterSpec[] {
  const specs: ParameterSpec[] = [];
  for (const [name, shape] of Object.entries(SETTING_SHAPES) as [PolicySettingName, ValueShape][]) {
    const info = POLICY_SETTING_INFO[name];
    specs.push({
      key: `settings.${name}`,
      scope: 'setting',
      clause: '—',
      label: info.label,
      note: info.note,
      shape,
      value: set.settings[name] as ParameterValue,
      sentence: (v) => settingText(name, set.settings, v),
      apply: (v, into) => {
        into.settings[name] = v;
      },
    });
  }
  return specs;
}

/** The version's date: the amendment's own `effectiveFrom`, after the base version's. */
export function effectiveFromSpec(set: PolicySet): ParameterSpec {
  return {
    key: 'effectiveFrom',
    scope: 'version',
    clause: '—',
    label: '施行日期',
    note: '新版本自此日起受理的申请适用；原版本于前一日停止适用',
    shape: { kind: 'date', min: addDays(set.effectiveFrom, 1) },
    value: set.effectiveFrom,
    sentence: (v) => `自 ${String(v)} 起施行`,
  };
}

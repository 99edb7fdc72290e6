import type { IsoDate } from './types';

/**
 * Decisions the plan does not make. Each is a named setting with a default, stored per policy
 * version (a later version may change it) and shown in every explanation that used it.
 */
export interface PolicySettings {
  /**
   * A platform, incubator or academician workstation paid at a lower level and later recognised
   * at a higher one. The plan pays for "新认定/新获批" recognitions and says nothing about upgrades.
   * `'difference'` (就高补差): pay the higher amount minus what the same item already received.
   * `'full'`: pay the higher amount in full. A lower level after a higher one is never paid.
   */
  readonly upgradeAward: 'difference' | 'full';
  /**
   * Days after the recognition / award / payment within which one may apply. The plan sets no
   * deadline; without one a 2026 award could be claimed in 2030 against that year's budget.
   */
  readonly applicationWindowDays: number;
  /**
   * Recognitions, awards and payments before this date are not covered. The plan rewards what it
   * brings about; it is not retroactive. Kept apart from `effectiveFrom` so that a later version
   * (new amounts from its own date) does not strand events that happened under the earlier one.
   */
  readonly coveredEventsFrom: IsoDate;
  /**
   * 四.12 contest winners may be teams that have not registered a firm yet. The plan says
   * "contestants"; we let the team leader apply for the team by default.
   */
  readonly contestTeamsMayApply: boolean;
  /**
   * Working days of public notice (公示) before money is paid. The plan is silent; 5 working days
   * is the common practice in Anhui. Used by the review workflow, not by `evaluate`.
   */
  readonly publicNoticeWorkingDays: number;
  /**
   * Where the public sends objections to a notice (公示异议受理): printed on every notice with
   * its deadline. The plan names no office; the bureau sets it here, per policy version, so a
   * change of office is a new version and old notices keep the contact they were published with.
   */
  readonly noticeObjectionContact: NoticeObjectionContact;
  /**
   * 咨询电话 on each programme's guide. The plan names no contact; `default` serves every
   * programme, `byRule` (keyed by rule id) gives one its own office. Per version, like the rest.
   */
  readonly consultationContacts: ConsultationContacts;
}

/** Who answers applicants' questions about a programme. */
export interface ConsultationContact {
  /** The office, e.g. 宿州市科学技术局某科. */
  readonly office: string;
  /** A landline with area code, e.g. 0557-1234567. */
  readonly phone: string;
}

export interface ConsultationContacts {
  readonly default: ConsultationContact;
  readonly byRule: Readonly<Record<string, ConsultationContact>>;
}

export interface NoticeObjectionContact {
  /** The office that receives objections, e.g. 宿州市科学技术局某科. */
  readonly department: string;
  /** A landline with area code, e.g. 0557-1234567. */
  readonly phone: string;
  /** Postal address for written objections. */
  readonly address: string;
}

export type PolicySettingName = keyof PolicySettings;

export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  upgradeAward: 'difference',
  applicationWindowDays: 365,
  coveredEventsFrom: '2026-01-01',
  contestTeamsMayApply: true,
  publicNoticeWorkingDays: 5,
  // To be confirmed by the bureau before go-live (a new policy version then carries the real one).
  noticeObjectionContact: {
    department: '宿州市科学技术局政策法规科',
    phone: '0557-3021680',
    address: '安徽省宿州市埇桥区淮河西路宿州市市直机关办公大楼',
  },
  // PLACEHOLDER, to be confirmed by the bureau before go-live: the bureau's main line for every
  // programme until it names an office per programme (a new policy version then carries them).
  consultationContacts: {
    default: { office: '宿州市科学技术局（待市科技局确认）', phone: '0557-3021680' },
    byRule: {},
  },
};

interface SettingInfo<K extends PolicySettingName> {
  /** Chinese name shown to officers. */
  readonly label: string;
  /** The value in words. */
  show(value: PolicySettings[K]): string;
  /** Why the setting exists (the plan is silent on it). */
  readonly note: string;
}

export const POLICY_SETTING_INFO: { readonly [K in PolicySettingName]: SettingInfo<K> } = {
  upgradeAward: {
    label: '升级认定奖励方式',
    show: (v) =>
      v === 'difference'
        ? '就高补差（只补与已获较低级别奖励的差额）'
        : '全额奖励（不扣除已获奖励）',
    note: '方案未规定先低后高级别认定如何奖励，本系统设置；较高级别已奖励后不再奖励较低级别',
  },
  applicationWindowDays: {
    label: '申请期限',
    show: (v) => `事项发生后 ${v} 天内`,
    note: '方案未规定申请期限，本系统设置',
  },
  coveredEventsFrom: {
    label: '政策覆盖起始日',
    show: (v) => `${v} 及以后发生的认定、获奖、支付`,
    note: '方案未规定是否追溯，本系统设置为不追溯',
  },
  contestTeamsMayApply: {
    label: '未注册企业的获奖团队可否申请',
    show: (v) => (v ? '可由团队负责人申请' : '仅限企业申请'),
    note: '方案未规定团队获奖的兑现对象，本系统设置',
  },
  publicNoticeWorkingDays: {
    label: '公示期',
    show: (v) => `${v} 个工作日`,
    note: '方案未规定公示期，按常见做法设置',
  },
  noticeObjectionContact: {
    label: '公示异议受理',
    show: (v) => `${v.department}，电话 ${v.phone}，地址 ${v.address}`,
    note: '方案未规定公示异议的受理部门，由市科技局设置，印在每份公示上',
  },
  consultationContacts: {
    label: '咨询电话',
    show: (v) =>
      [`${v.default.office} ${v.default.phone}`]
        .concat(Object.entries(v.byRule).map(([id, c]) => `${id}：${c.office} ${c.phone}`))
        .join('；'),
    note: '方案未规定各事项的咨询电话，由市科技局按事项设置，显示在申兑指南上',
  },
};

export function describeSetting<K extends PolicySettingName>(
  name: K,
  settings: PolicySettings,
): { name: K; label: string; value: string; note: string } {
  const info = POLICY_SETTING_INFO[name];
  return { name, label: info.label, value: info.show(settings[name]), note: info.note };
}

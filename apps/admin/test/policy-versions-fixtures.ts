import type { Officer } from '../src/store/auth';
import type { Parameter } from '../src/views/policy-versions/parameters';
import type {
  PolicyVersion,
  PolicyVersionItem,
  PolicyVersionList,
} from '../src/views/policy-versions/queries';

/**
 * 政策修订 as the API answers it (packages/api/test/policy-versions.test.ts): the draft plan as
 * the base, 四.8's cap raised to ¥800,000, and a parameters list with each kind of figure — money,
 * a rate, a quota that may be 不限, choices (text and yes/no), a date — plus a rule the admin has
 * no code for (四.13), which must get its inputs all the same.
 */
export const BASE = {
  id: 'suzhou-future-2026-draft',
  version: '2026.1-draft',
  title: '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）',
  effectiveFrom: '2026-01-01',
};
export const NEW_ID = 'suzhou-future-2026-12';
export const CAP = 'rules.tech-transfer.formula.cap';
export const RATE = 'rules.tech-transfer.formula.rate';
export const QUOTA = 'rules.tech-transfer.yearlyQuota';
export const PILOT = 'rules.quantum-pilot.formula.amount';
export const UPGRADE = 'settings.upgradeAward';
export const TEAMS = 'settings.contestTeamsMayApply';
export const WINDOW = 'settings.applicationWindowDays';
export const COVERED = 'settings.coveredEventsFrom';

const TRANSFER = {
  scope: 'rule',
  ruleId: 'tech-transfer',
  clause: '四.8',
  ruleName: '购买市外先进技术成果在宿转化补助',
  writtenAs: 'changes',
} as const;
const MONEY = {
  kind: 'money-fen',
  min: '0.01',
  max: '100000000.00',
  nullable: false,
  boundsText: '¥0.01 至 ¥100,000,000.00',
} as const;

export const PARAMETERS: Parameter[] = [
  {
    key: 'effectiveFrom',
    scope: 'version',
    clause: '—',
    label: '施行日期',
    note: '新版本自此日起受理的申请适用；原版本于前一日停止适用',
    kind: 'date',
    current: '2026-01-01',
    currentText: '2026-01-01',
    min: '2026-01-02',
    nullable: false,
    boundsText: '不早于 2026-01-02',
    writtenAs: 'effectiveFrom',
  },
  {
    ...TRANSFER,
    key: RATE,
    label: '补助比例',
    note: '按实际支付额计算；以万分点填写，1000 即 10%',
    kind: 'basis-points',
    current: 1000,
    currentText: '10%',
    min: 1,
    max: 10000,
    nullable: false,
    boundsText: '0.01% 至 100%',
  },
  {
    ...TRANSFER,
    ...MONEY,
    key: CAP,
    label: '单项成果补助上限',
    note: '同一单项成果历次补助累计不超过此数',
    current: '500000.00',
    currentText: '¥500,000.00',
  },
  {
    ...TRANSFER,
    key: QUOTA,
    label: '每年数量上限',
    note: '按评选（奖励）年度计；“不限”即不设上限',
    kind: 'whole-number',
    current: null,
    currentText: '不限',
    min: 1,
    max: 1000,
    nullable: true,
    noneText: '不限',
    unit: '项',
    boundsText: '1 项 至 1000 项；可设为“不限”',
  },
  {
    ...MONEY,
    key: PILOT,
    scope: 'rule',
    ruleId: 'quantum-pilot',
    clause: '四.13',
    ruleName: '量子信息应用试点奖励',
    label: '每项金额',
    current: '300000.00',
    currentText: '¥300,000.00',
    writtenAs: 'changes',
  },
  {
    key: UPGRADE,
    scope: 'setting',
    clause: '—',
    label: '升级认定奖励方式',
    kind: 'choice',
    current: 'difference',
    currentText: '就高补差（只补与已获较低级别奖励的差额）',
    nullable: false,
    options: [
      { value: 'difference', label: '就高补差（只补与已获较低级别奖励的差额）' },
      { value: 'full', label: '全额奖励（不扣除已获奖励）' },
    ],
    boundsText: '可选：就高补差（只补与已获较低级别奖励的差额）、全额奖励（不扣除已获奖励）',
    writtenAs: 'changes',
  },
  {
    key: WINDOW,
    scope: 'setting',
    clause: '—',
    label: '申请期限',
    kind: 'whole-number',
    current: 365,
    currentText: '365 天',
    min: 1,
    max: 3650,
    nullable: false,
    unit: '天',
    boundsText: '1 天 至 3650 天',
    writtenAs: 'changes',
  },
  {
    key: COVERED,
    scope: 'setting',
    clause: '—',
    label: '政策覆盖起始日',
    kind: 'date',
    current: '2026-01-01',
    currentText: '2026-01-01',
    min: '2000-01-01',
    nullable: false,
    boundsText: '不早于 2000-01-01',
    writtenAs: 'changes',
  },
  {
    key: TEAMS,
    scope: 'setting',
    clause: '—',
    label: '未注册企业的获奖团队可否申请',
    kind: 'choice',
    current: true,
    currentText: '可由团队负责人申请',
    nullable: false,
    options: [
      { value: true, label: '可由团队负责人申请' },
      { value: false, label: '仅限企业申请' },
    ],
    boundsText: '可选：可由团队负责人申请、仅限企业申请',
    writtenAs: 'changes',
  },
];

/** The second bureau administrator (the demo's `leader`), who may confirm what 张局 asked for. */
export const leader = {
  id: 'u-leader',
  displayName: '刘局',
  role: 'bureau-admin',
  areaCode: null,
} satisfies Officer;

export const comparisonRows = [
  {
    clause: '四.8',
    ruleId: 'tech-transfer',
    ruleTitle: '购买市外先进技术成果在宿转化补助',
    item: '单项成果补助上限',
    oldText: '单项成果累计最高 50万元',
    newText: '单项成果累计最高 80万元',
    oldFigure: '¥500,000.00',
    newFigure: '¥800,000.00',
    key: CAP,
  },
  {
    clause: '—',
    ruleId: null,
    ruleTitle: '政策版本',
    item: '施行日期',
    oldText: '自 2026-01-01 起施行',
    newText: '自 2026-12-20 起施行',
    oldFigure: '2026-01-01',
    newFigure: '2026-12-20',
    key: 'effectiveFrom',
  },
];

const item = (over: Partial<PolicyVersionItem> = {}): PolicyVersionItem => ({
  id: NEW_ID,
  version: '2026.12',
  title: '提高技术成果转化补助上限',
  baseId: BASE.id,
  status: 'proposed',
  statusName: '拟修订',
  effectiveFrom: '2026-12-20',
  changes: 1,
  consultationId: null,
  // 10:00 in Suzhou.
  proposedAt: new Date('2026-12-01T02:00:00Z'),
  adoptionRequestedAt: null,
  adoptedAt: null,
  returnReason: null,
  returnedAt: null,
  withdrawnAt: null,
  checksum: 'c'.repeat(64),
  rowVersion: 1,
  ...over,
});
export { item as versionItem };

export function version(over: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    ...item(),
    amendment: {
      baseId: BASE.id,
      id: NEW_ID,
      version: '2026.12',
      title: '提高技术成果转化补助上限',
      effectiveFrom: '2026-12-20',
      changes: { [CAP]: '800000.00' },
      notes: ['依据征求意见采纳情况调整'],
    },
    base: BASE,
    comparison: {
      rows: comparisonRows,
      lines: [
        '四.8 购买市外先进技术成果在宿转化补助：单项成果补助上限 ¥500,000.00 → ¥800,000.00',
        '政策版本：施行日期 2026-01-01 → 2026-12-20',
      ],
      baseMissing: false,
    },
    proposedByName: '张局',
    adoptionRequestedByName: null,
    adoptedByName: null,
    returnedByName: null,
    withdrawnByName: null,
    requestedByYou: false,
    parameters: PARAMETERS,
    ...over,
  } as PolicyVersion;
}

/** Asked for by 张局 (officers.admin in helpers.ts) on 12-02. */
export const awaiting = {
  status: 'awaiting-confirmation',
  statusName: '待确认施行',
  adoptionRequestedByName: '张局',
  adoptionRequestedAt: new Date('2026-12-02T01:30:00Z'),
  rowVersion: 2,
} as const;

export function list(over: Partial<PolicyVersionList> = {}): PolicyVersionList {
  return {
    builtIn: [
      { ...BASE, effectiveTo: '2026-12-19', source: '征求意见稿' },
      {
        id: 'suzhou-future-2025',
        version: '2025.1',
        title: '宿州市科技创新奖补政策（2025年版）',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-12-31',
        source: '正式印发',
      },
    ],
    versions: [
      item({
        status: 'adopted',
        statusName: '已通过',
        adoptionRequestedAt: new Date('2026-12-02T01:30:00Z'),
        adoptedAt: new Date('2026-12-02T03:00:00Z'),
        rowVersion: 3,
      }),
      item({
        id: 'suzhou-future-2027-01',
        version: '2027.1',
        title: '调整高新技术企业认定奖励',
        baseId: NEW_ID,
        effectiveFrom: '2027-01-01',
        changes: 2,
        proposedAt: new Date('2026-12-03T16:30:00Z'),
      }),
      item({
        id: 'suzhou-future-2026-12b',
        version: '2026.12b',
        title: '放宽申请期限',
        status: 'withdrawn',
        statusName: '已撤回',
        returnReason: '与年度预算安排冲突',
      }),
    ],
    newestId: NEW_ID,
    ...over,
  };
}

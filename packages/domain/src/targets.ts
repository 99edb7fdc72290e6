/**
 * The plan's targets for 2030 (section 二 发展目标), as data, with how the platform measures each
 * one. Section 五.(三) asks the bureau for a tracking system (动态跟踪服务体系); the dashboard
 * reads this list. Pure: the API counts, this module says what to count and how to read the count.
 *
 * A target the platform's data cannot measure says so (`kind: 'not-measured'`, with the reason);
 * it is never estimated.
 */
import type { QualificationCode } from './reference/organisation-types';

export const TARGET_YEAR = 2030;

/**
 * How the plan words the figure: 左右 (about), 以上 (at least), 突破 (over), or a thing to be set
 * up (设立). "About" counts as reached at the figure itself.
 */
export type TargetComparison = 'about' | 'at-least' | 'over' | 'established';

export type TargetMeasure =
  /**
   * Organisations whose qualification is verified — an official list or an officer saw it
   * (`organisation_qualification`) — together with (counted once) organisations holding a
   * standing award under `ruleId` (an award is paid on a certificate the review checked).
   * Qualifications organisations only declare themselves (自报) are counted apart, never in the
   * value: the 2030 counts rest on verified facts.
   */
  | {
      readonly kind: 'organisations';
      readonly qualification: QualificationCode;
      readonly ruleId?: string;
    }
  /**
   * Standing awards (approved, not pulled back) under the rule, one per item: the award's item
   * key where the rule has one (a platform recognised provincially, then nationally, is one
   * platform), otherwise one per award (each team and each case is paid once).
   */
  | { readonly kind: 'awards'; readonly ruleId: string }
  /** The platform holds no data for it. */
  | { readonly kind: 'not-measured'; readonly reason: string };

export interface Target {
  readonly id: string;
  /** Chinese name. */
  readonly name: string;
  /** The plan's own words. */
  readonly text: string;
  /** The figure; null for a target that is a thing to be set up. */
  readonly figure: number | null;
  readonly comparison: TargetComparison;
  /** Chinese unit: 家, 个, 亿元. */
  readonly unit: string;
  readonly measure: TargetMeasure;
  /** How the platform measures it, in Chinese (shown beside the number). */
  readonly howMeasured: string;
}

export const TARGETS_2030: readonly Target[] = [
  {
    id: 'high-tech-enterprises',
    name: '未来产业链高新技术企业',
    text: '引育未来产业链高新技术企业50家左右',
    figure: 50,
    comparison: 'about',
    unit: '家',
    measure: {
      kind: 'organisations',
      qualification: 'high-tech-enterprise',
      ruleId: 'high-tech-enterprise',
    },
    howMeasured:
      '已核验的单位：列入导入的国家高新技术企业认定名单，或获得国家高新技术企业认定奖励（已批准且未撤回）的单位，同一单位只计一次；单位自报、尚未核验的另行列示，不计入；平台登记单位均已选择未来产业领域',
  },
  {
    id: 'tech-smes',
    name: '科技型中小企业',
    text: '科技型中小企业100家以上',
    figure: 100,
    comparison: 'at-least',
    unit: '家',
    measure: { kind: 'organisations', qualification: 'tech-sme' },
    howMeasured:
      '已核验的单位：列入导入的科技型中小企业入库名单的单位；单位自报、尚未核验的另行列示，不计入',
  },
  {
    id: 'industry-scale',
    name: '未来产业规模',
    text: '产业规模突破200亿元',
    figure: 200,
    comparison: 'over',
    unit: '亿元',
    measure: {
      kind: 'not-measured',
      reason: '本平台不采集企业营业收入或产值，无法统计产业规模，需由统计部门数据填报',
    },
    howMeasured: '暂不统计',
  },
  {
    id: 'talent-teams',
    name: '高层次科技人才团队',
    text: '引育10个左右高层次科技人才团队',
    figure: 10,
    comparison: 'about',
    unit: '个',
    measure: { kind: 'awards', ruleId: 'talent-team' },
    howMeasured: '获得市级高层次科技人才团队资金支持（已批准且未撤回）的团队数，每个团队只支持一次',
  },
  {
    id: 'scenario-cases',
    name: '未来产业标杆示范场景案例',
    text: '创建未来产业标杆示范场景案例5个以上',
    figure: 5,
    comparison: 'at-least',
    unit: '个',
    measure: { kind: 'awards', ruleId: 'scenario-case' },
    howMeasured: '获得市级重大应用场景典型案例奖励（已批准且未撤回）的案例数，每个案例只奖励一次',
  },
  {
    id: 'innovation-platforms',
    name: '科技创新平台',
    text: '建设2个左右科技创新平台',
    figure: 2,
    comparison: 'about',
    unit: '个',
    measure: { kind: 'awards', ruleId: 'rd-platform' },
    howMeasured:
      '获得新认定研发平台奖励（国家级、省级，已批准且未撤回）的平台数；同一平台先省级后国家级认定的只计一个',
  },
  {
    id: 'angel-fund',
    name: '宿州市天使基金',
    text: '推动设立宿州市天使基金',
    figure: null,
    comparison: 'established',
    unit: '',
    measure: {
      kind: 'not-measured',
      reason: '天使基金的设立情况不在本平台办理，需人工填报',
    },
    howMeasured: '暂不统计',
  },
];

export interface TargetProgress {
  /** value / figure in whole per cent (floor), null when the target has no figure. */
  readonly percent: number | null;
  readonly reached: boolean;
}

/** How far a measured value is toward the target. */
export function targetProgress(target: Target, value: number): TargetProgress {
  if (target.figure === null || target.figure <= 0) return { percent: null, reached: false };
  const reached = target.comparison === 'over' ? value > target.figure : value >= target.figure;
  return { percent: Math.floor((value * 100) / target.figure), reached };
}

import { z } from 'zod';
import { formatYuan } from '../money';
import { moneyField, optionalTextField, textField } from '../policy/fields';
import { codesOf, nameLookup } from '../reference/lookup';
import type { ProjectContract, ProjectStatus, TrancheCondition } from './project';

/**
 * A project's reports (issue 14, 四.2): the 中期报告 at the period's midpoint and the 结题验收报告
 * after its end. The lead unit's administrator submits; the bureau passes, returns for edits, or
 * fails it. What each outcome does to the project, and which city-funds tranches it releases, is
 * `reviewEffect`. Pure: no I/O, no clock.
 */

export const PROJECT_REPORT_KINDS = [
  { code: 'mid-term', name: '中期报告' },
  { code: 'final', name: '结题验收报告' },
] as const;
export type ProjectReportKind = (typeof PROJECT_REPORT_KINDS)[number]['code'];
export const PROJECT_REPORT_KIND_CODES = codesOf(PROJECT_REPORT_KINDS);
export const projectReportKindName = nameLookup(PROJECT_REPORT_KINDS);

export const PROJECT_REPORT_STATUSES = [
  { code: 'submitted', name: '待审查' },
  { code: 'returned', name: '退回修改' },
  { code: 'passed', name: '通过' },
  { code: 'failed', name: '不通过' },
] as const;
export type ProjectReportStatus = (typeof PROJECT_REPORT_STATUSES)[number]['code'];
export const projectReportStatusName = nameLookup(PROJECT_REPORT_STATUSES);

export const REPORT_OUTCOMES = [
  { code: 'pass', name: '通过' },
  { code: 'return', name: '退回修改' },
  { code: 'fail', name: '不通过' },
] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]['code'];
export const REPORT_OUTCOME_CODES = codesOf(REPORT_OUTCOMES);

const milestoneProgressSchema = z.object({
  done: z.boolean({ error: '请选择该节点是否完成' }),
  note: textField('完成情况', { min: 4, max: 500 }),
});

/** 中期报告 / 结题验收报告: one line per contract milestone, and the money spent so far. */
export const projectReportSchema = z.object({
  summary: textField('工作进展与主要成果', { min: 20, max: 3000 }),
  milestones: z
    .array(milestoneProgressSchema, { error: '请填写各节点完成情况' })
    .min(1, '请填写各节点完成情况')
    .max(8, '项目节点不超过8个'),
  cityFundsSpentFen: moneyField('市级资金已支出'),
  ownFundsSpentFen: moneyField('自筹资金已支出'),
  nextSteps: optionalTextField('存在问题及下一步计划', { max: 1000 }),
});
export type ProjectReportBody = z.input<typeof projectReportSchema>;

export const reviewReportSchema = z.object({
  outcome: z.enum(REPORT_OUTCOME_CODES, { error: '请选择审查结论' }),
  comment: optionalTextField('审查意见', { max: 1000 }),
  /** a final report: why the outcome departs from the acceptance panel's majority (acceptance.ts) */
  departureReason: optionalTextField('与专家组意见不一致的理由', { max: 1000 }),
});

/** Every reason the report does not fit its contract, by field path; empty: it may be submitted. */
export function reportProblems(
  body: ProjectReportBody,
  contract: Pick<ProjectContract, 'milestones' | 'cityFundsFen'>,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (body.milestones.length !== contract.milestones.length)
    problems.milestones = [`请逐一填写任务书的${contract.milestones.length}个节点的完成情况`];
  if (body.cityFundsSpentFen > contract.cityFundsFen)
    problems.cityFundsSpentFen = [
      `市级资金支出不能超过任务书约定的${formatYuan(contract.cityFundsFen)}`,
    ];
  return problems;
}

/** Why the unit cannot submit this report now, or null. */
export function reportRefusal(
  kind: ProjectReportKind,
  project: { status: ProjectStatus },
  reports: readonly { kind: ProjectReportKind; status: ProjectReportStatus }[],
): string | null {
  const own = reports.find((r) => r.kind === kind);
  if (own?.status === 'submitted') return `${projectReportKindName(kind)}已提交，正在审查`;
  if (own && own.status !== 'returned') return `${projectReportKindName(kind)}已审查完毕`;
  const accepting =
    kind === 'final' && own?.status === 'returned' && project.status === 'accepting';
  if (project.status !== 'in-progress' && !accepting) return '项目不在实施中，不能提交报告';
  if (kind === 'final' && !reports.some((r) => r.kind === 'mid-term' && r.status === 'passed'))
    return '中期检查通过后才能提交结题验收报告';
  return null;
}

export interface ReviewEffect {
  readonly reportStatus: ProjectReportStatus;
  /** the project's new status, when it changes */
  readonly projectStatus?: ProjectStatus;
  /** the tranches this outcome releases */
  readonly releases?: TrancheCondition;
  /** a failed report ends the project with this reason (TERMINATION_REASONS) */
  readonly terminationReason?: 'mid-term-failed' | 'acceptance-failed';
  readonly commentRequired: boolean;
}

/**
 * What an outcome does. Passing the mid-term releases the mid-term tranches; passing the final
 * report is the acceptance (验收): the project is completed and the acceptance tranches released.
 * A return needs a comment and lets the unit submit again; a failure needs one and ends the
 * project (终止), its remaining tranches unpaid.
 */
export function reviewEffect(kind: ProjectReportKind, outcome: ReportOutcome): ReviewEffect {
  if (outcome === 'return') return { reportStatus: 'returned', commentRequired: true };
  if (outcome === 'fail')
    return {
      reportStatus: 'failed',
      projectStatus: 'terminated',
      terminationReason: kind === 'mid-term' ? 'mid-term-failed' : 'acceptance-failed',
      commentRequired: true,
    };
  return kind === 'mid-term'
    ? { reportStatus: 'passed', releases: 'mid-term', commentRequired: false }
    : {
        reportStatus: 'passed',
        projectStatus: 'completed',
        releases: 'acceptance',
        commentRequired: false,
      };
}

import type { ProjectReportKind, ReportOutcome } from '@kc/domain';
import {
  addCalendarMonths,
  formatYuan,
  projectReportKindName,
  projectStatusName,
  reviewEffect,
  terminationReasonName,
  tranchesReleasedBy,
} from '@kc/domain';
import type { Project, ProjectChange, ProjectTranche } from './queries';

/**
 * A project after signing, as the officer reads it: what each tranche waits for, what a report's
 * review would do before it is done, which report is expected next, and the end date an
 * extension gives. The rules are the domain's (`reviewEffect`, `tranchesReleasedBy`,
 * `addCalendarMonths`); this only puts them in words. Pure.
 */

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** 待审查 waits for the bureau; 退回修改 and 不通过 went back or ended badly. */
const REPORT_TAGS: Record<string, TagType> = {
  submitted: 'warning',
  returned: 'danger',
  passed: 'success',
  failed: 'danger',
};
export const reportTagType = (status: string): TagType => REPORT_TAGS[status] ?? 'info';

const CHANGE_TAGS: Record<string, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};
export const changeTagType = (status: string): TagType => CHANGE_TAGS[status] ?? 'info';

/** The project may still be ended by the bureau (not yet accepted nor ended). */
export const mayTerminate = (status: string) =>
  status === 'contracting' || status === 'in-progress' || status === 'accepting';

/** Applications that will not pay (refused, withdrawn) do not count as raised. */
const NOT_PAYING = new Set(['rejected', 'withdrawn']);

/** What the tranches add up to: planned, raised as applications still paying, and paid. */
export function trancheTotals(tranches: readonly ProjectTranche[]) {
  let planned = 0n;
  let raised = 0n;
  let paid = 0n;
  for (const t of tranches) {
    planned += t.amountFen;
    const app = t.application;
    if (!app || NOT_PAYING.has(app.status)) continue;
    const amount = app.amountFen ?? t.amountFen;
    raised += amount;
    if (app.status === 'paid') paid += amount;
  }
  return { planned, raised, paid };
}

/** `第2期拨付申请（¥500,000.00）`, or `第2期（¥…）、第3期（¥…）拨付申请` for several. */
function tranchesText(tranches: readonly { trancheNo: number; amountFen: bigint }[]): string {
  if (tranches.length === 1) {
    const [t] = tranches as [{ trancheNo: number; amountFen: bigint }];
    return `第${t.trancheNo}期拨付申请（${formatYuan(t.amountFen)}）`;
  }
  return `${tranches.map((t) => `第${t.trancheNo}期（${formatYuan(t.amountFen)}）`).join('、')}拨付申请`;
}

/** The tranche applications still waiting for the bureau's approval: an ended project drops them. */
function waitingText(project: Pick<Project, 'tranches'>): string {
  const waiting = project.tranches.filter((t) => t.application?.status === 'bureau-review');
  if (waiting.length === 0) return '';
  return `（${waiting
    .map((t) => `第${t.trancheNo}期 ${formatYuan(t.application?.amountFen ?? t.amountFen)}`)
    .join('、')}）`;
}

/** What a review outcome does to the project, said before the officer confirms it. */
export function reviewConsequence(
  project: Pick<Project, 'contract' | 'tranches'>,
  kind: ProjectReportKind,
  outcome: ReportOutcome,
): string {
  const effect = reviewEffect(kind, outcome);
  const kindName = projectReportKindName(kind);
  if (outcome === 'return')
    return `退回后承担单位可修改${kindName}并重新提交；须填写审查意见，承担单位将看到该意见。`;
  if (outcome === 'fail') {
    const reason = terminationReasonName(effect.terminationReason ?? '');
    return (
      `不通过将终止项目（${reason}），项目状态变为“${projectStatusName('terminated')}”；` +
      `未审批的拨付申请${waitingText(project)}不再拨付，其余各期资金不再拨付。须填写审查意见。`
    );
  }
  const released = effect.releases ? tranchesReleasedBy(project.contract, effect.releases) : [];
  const money =
    released.length > 0
      ? `将按任务书生成${tranchesText(released)}，进入市局审核`
      : '任务书未约定此时拨付的资金，不生成拨付申请';
  if (kind === 'final')
    return `通过即验收通过，项目状态变为“${projectStatusName('completed')}”；${money}。`;
  return `通过后${money}；承担单位可提交结题验收报告。`;
}

/** The end date an extension gives: the contract's end + months (same day, or the month's last). */
export const extendedEnd = (endOn: string, months: number) => addCalendarMonths(endOn, months);

/** What approving a change does, said before the officer confirms it. */
export function approvalConsequence(
  project: Pick<Project, 'contract' | 'tranches'>,
  change: Pick<ProjectChange, 'kind' | 'months' | 'terminationReasonName'>,
): string {
  if (change.kind === 'extension' && change.months)
    return `同意后实施期限由 ${project.contract.endOn} 延至 ${extendedEnd(project.contract.endOn, change.months)}（延期 ${change.months} 个月）。`;
  if (change.kind === 'termination')
    return (
      `同意后项目终止（${change.terminationReasonName ?? '承担单位申请终止'}），` +
      `承担单位不能再提交报告；未审批的拨付申请${waitingText(project)}不再拨付，其余各期资金不再拨付。`
    );
  return '同意后该变更记录在案，承担单位将收到通知；任务书内容不随之修改。';
}

/** The reports the page waits for, each with when it is due (none once the project has ended). */
export function expectedReports(
  project: Pick<Project, 'status' | 'reports' | 'reportsOpen' | 'schedule'>,
): { kind: ProjectReportKind; text: string }[] {
  if (project.status !== 'in-progress' && project.status !== 'accepting') return [];
  const due: Record<ProjectReportKind, string> = {
    'mid-term': project.schedule.midTermDueOn,
    final: project.schedule.finalDueOn,
  };
  return (['mid-term', 'final'] as const)
    .filter((kind) => {
      const report = project.reports.find((r) => r.kind === kind);
      return !report || report.status === 'returned';
    })
    .map((kind) => {
      const name = projectReportKindName(kind);
      const returned = project.reports.some((r) => r.kind === kind);
      if (project.reportsOpen.includes(kind))
        return {
          kind,
          text: returned
            ? `等待承担单位修改后重新提交${name}（应于 ${due[kind]} 前提交）`
            : `等待承担单位提交${name}（应于 ${due[kind]} 前提交）`,
        };
      return { kind, text: `${name}应于 ${due[kind]} 前提交，中期检查通过后承担单位方可提交` };
    });
}

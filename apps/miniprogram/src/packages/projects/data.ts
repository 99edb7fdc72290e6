import type { api } from '../../api/client';

/** The caller's organisation's projects (`selection.projects.mine`). */
export type MyProjects = Awaited<ReturnType<typeof api.selection.projects.mine.query>>;
export type ProjectItem = MyProjects['items'][number];
/** One project with whether the caller may sign for the organisation (its 管理员). */
export type MyProject = Awaited<ReturnType<typeof api.selection.projects.mineById.query>>;

/**
 * What the unit's administrator commits to by signing the 任务书: asked before the one tap and
 * shown beside it.
 */
export const SIGN_COMMITMENT =
  '本单位已核对任务书内容，承诺按任务书组织实施，按期报送中期检查和结题材料，接受市科技局的检查和验收。';

export const SIGN_QUESTION = `${SIGN_COMMITMENT}签订后项目进入实施，任务书不能再修改。确定签订吗？`;

/** `2027-04-01 至 2029-03-31` */
export function periodText(contract: Pick<ProjectItem['contract'], 'startOn' | 'endOn'>): string {
  return `${contract.startOn} 至 ${contract.endOn}`;
}

/** The 任务书's problems as the bureau's sentences, each once, in the order given. */
export function problemList(problems: Readonly<Record<string, readonly string[]>>): string[] {
  return [...new Set(Object.values(problems).flat())];
}

/** Whether the 任务书 waits for signing and nothing keeps it from being signed. */
export function awaitsSignature(p: Pick<ProjectItem, 'status' | 'problems'>): boolean {
  return p.status === 'contracting' && problemList(p.problems).length === 0;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `第一期`, `第二期`… (the contract has two to four tranches). */
export function trancheLabel(index: number): string {
  return `第${ORDINALS[index] ?? String(index + 1)}期`;
}

/** What the project's status means for the unit, in a sentence (the list and the detail page). */
export function statusHint(
  p: Pick<ProjectItem, 'status' | 'problems'>,
  mayAct: boolean,
): string | null {
  switch (p.status) {
    case 'contracting':
      if (problemList(p.problems).length > 0) return '任务书待市科技局修改完善后签订';
      return mayAct ? '请核对任务书后签订' : '待单位管理员签订任务书';
    case 'in-progress':
      return '按任务书组织实施，按期报送中期检查和结题材料';
    case 'accepting':
      return '结题验收中，请留意市科技局的验收安排';
    default:
      return null;
  }
}

/** One tranche of the city funds and the 拨付申请 that pays it, once raised. */
export type ProjectTrancheState = MyProject['tranches'][number];
/** A 中期报告 or 结题验收报告 as the unit sent it, and where its review stands. */
export type ProjectReport = MyProject['reports'][number];
export type ProjectReportKindCode = ProjectReport['kind'];
/** A 延期 / 变更 / 终止 request (or the bureau's own termination), newest first. */
export type ProjectChange = MyProject['changes'][number];

/** Where a tranche stands: its 拨付申请's status once raised; else why it waits or never comes. */
export function trancheStateText(
  t: Pick<ProjectTrancheState, 'application'>,
  status: MyProject['status'],
): string {
  if (t.application) return t.application.statusName;
  return status === 'terminated' ? '项目已终止，不再拨付' : '未到拨付条件';
}

/** What the button that opens a report's form says: a returned report is corrected and sent again. */
export function reportActionLabel(
  kind: ProjectReportKindCode,
  reports: readonly Pick<ProjectReport, 'kind' | 'status'>[],
): string {
  if (reports.some((r) => r.kind === kind && r.status === 'returned')) return '修改后重新提交';
  return kind === 'mid-term' ? '提交中期报告' : '提交结题验收报告';
}

/** The report of this kind the bureau returned for edits, whose content the form starts from. */
export function returnedReport(
  kind: ProjectReportKindCode,
  reports: readonly ProjectReport[],
): ProjectReport | null {
  return reports.find((r) => r.kind === kind && r.status === 'returned') ?? null;
}

/** The approved termination (the unit's request granted, or the bureau's own step), if any. */
export function terminationOf(changes: readonly ProjectChange[]): ProjectChange | null {
  return changes.find((c) => c.kind === 'termination' && c.status === 'approved') ?? null;
}

/** `延期 6 个月`, `变更`, `终止` — a request as the list names it. */
export function changeTitle(c: Pick<ProjectChange, 'kind' | 'kindName' | 'months'>): string {
  return c.kind === 'extension' && c.months ? `${c.kindName} ${c.months} 个月` : c.kindName;
}

/** Said where the 申请 button would be while a request waits for the bureau. */
export const ONE_PENDING_TEXT = '已有待审批的变更申请，市科技局审批后才能再次申请';

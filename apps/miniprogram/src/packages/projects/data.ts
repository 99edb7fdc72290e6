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

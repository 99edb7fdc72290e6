import type { ProjectReportKind, ReportOutcome } from '@kc/domain';
import { ACCEPTANCE_VERDICTS, departsFromPanel } from '@kc/domain';
import type { AcceptancePanel, Project } from './queries';

/**
 * 验收专家组 as the officer reads it (the rules are the domain's, acceptance.ts): the members'
 * tags, the tally in words, what drawing and filling do, and whether the review of the final
 * report may be taken yet and must give a reason. Pure.
 */

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** 待接受 waits for the expert; 已接受 takes part; 回避 and 已谢绝 left a place; 备选 waits. */
const MEMBER_TAGS: Record<string, TagType> = {
  invited: 'warning',
  accepted: 'success',
  declined: 'info',
  recused: 'danger',
  reserve: 'info',
};
export const memberTagType = (status: string): TagType => MEMBER_TAGS[status] ?? 'info';

/** `通过 3 · 需整改 1 · 不通过 1` */
export function tallyText(tally: Readonly<Record<string, number>>): string {
  return ACCEPTANCE_VERDICTS.map((v) => `${v.name} ${tally[v.code] ?? 0}`).join(' · ');
}

/** What a draw does, said before the officer confirms it. */
export function drawNote(project: Pick<Project, 'fieldName' | 'acceptance'>): string[] {
  const s = project.acceptance?.settings;
  return [
    `将从专家库中“${project.fieldName}”领域已入库的专家中随机抽取${s?.panelSize ?? ''}名组成验收专家组，另按顺序抽取${s?.reserves ?? ''}名备选专家。`,
    '与承担单位、合作单位为同一单位，申明与其存在利益关系，或上一年度评审过承担单位的专家不参加抽取。抽取结果由随机种子决定并记入操作日志，不能指定或更换人选。',
    `被抽中的专家将收到邀请，在“专家库—评审任务”中确认参加后阅读结题验收报告并提出验收意见；有效意见不少于${s?.minValidVerdicts ?? ''}份且全部专家答复后，方可审查结题验收报告。`,
  ];
}

/** What filling does, said before the officer confirms it. */
export function fillNote(panel: Pick<AcceptancePanel, 'conclusion'>): string {
  return (
    `将按抽取顺序由备选专家递补${panel.conclusion.vacancies}个名额（已谢绝或申明回避的专家的名额），被递补的专家将收到邀请。` +
    '备选专家用完时，从其余符合条件的专家中重新随机抽取，随机种子记入操作日志。'
  );
}

/** The panel the final report's review rests on (null for a mid-term report). */
export function reviewPanel(project: Pick<Project, 'acceptance'>, kind: ProjectReportKind) {
  return kind === 'final' ? (project.acceptance?.panel ?? null) : null;
}

/**
 * Why the review cannot be taken yet (a final report whose panel is missing or not complete),
 * or null.
 */
export function reviewWaits(
  project: Pick<Project, 'acceptance'>,
  kind: ProjectReportKind,
): string | null {
  if (kind !== 'final') return null;
  const panel = reviewPanel(project, kind);
  if (!panel) return '尚未抽取验收专家组：专家组意见汇齐后方可审查结题验收报告。';
  if (!panel.conclusion.complete)
    return `验收专家组意见汇齐后方可审查。${panel.conclusion.explanation}`;
  return null;
}

/** The outcome departs from the panel's majority (or the panel has none): a reason is needed. */
export function needsDepartureReason(
  project: Pick<Project, 'acceptance'>,
  kind: ProjectReportKind,
  outcome: ReportOutcome | '',
): boolean {
  const panel = reviewPanel(project, kind);
  if (!panel?.conclusion.complete || outcome === '') return false;
  return departsFromPanel(panel.conclusion, outcome);
}

/**
 * A selection call (申报指南) and its submissions, as data. Pure: no I/O, no clock. One lifecycle
 * for the plan's three selections (四.1 scenario cases, 四.2 key and disruptive-technology
 * projects, 四.5 talent teams), as Chinese science and technology bureaus run them:
 *
 * draft (草拟) ─publish→ open (申报中) ─close-applications→ formal-review (形式审查)
 *   ─start-expert-review→ expert-review (专家评审) ─close-review→ deciding (拟定结果)
 *   ─propose→ notice (公示) ─conclude→ concluded (已确定)
 * notice ─withdraw-notice→ deciding (an objection upheld: the list is decided again).
 *
 * Only bureau roles run a call; area officers do the first formal check of their area's
 * submissions. Dates are the API's to check (callDeadlinePassed): a call closes only after its
 * deadline, and a submission may be returned for changes only before it.
 */
import type { CalendarDate } from '../calendar';
import { codesOf, nameLookup } from '../reference/lookup';

/** What a selection leads to, and the programme it belongs to. */
export const SELECTION_PROGRAMMES = [
  {
    code: 'scenario-case',
    name: '市级重大应用场景典型案例评选',
    clause: '四.1',
    /** the award rule a selected case is paid under (免申即享: an invitation, not an application) */
    awardRuleId: 'scenario-case',
    outcome: 'award-fact',
    team: false,
  },
  {
    code: 'key-project',
    name: '未来产业重点科技项目（揭榜挂帅）',
    clause: '四.2',
    awardRuleId: null,
    outcome: 'project',
    /** firms teaming up with universities and institutes, as 四.2 asks */
    team: true,
  },
  {
    code: 'disruptive-tech',
    name: '颠覆性技术创新专项',
    clause: '四.2',
    awardRuleId: null,
    outcome: 'project',
    team: true,
  },
  {
    code: 'talent-team',
    name: '市级高层次科技人才团队遴选',
    clause: '四.5',
    awardRuleId: 'talent-team',
    outcome: 'award-fact',
    team: true,
  },
] as const satisfies readonly {
  code: string;
  name: string;
  clause: string;
  awardRuleId: string | null;
  outcome: 'award-fact' | 'project';
  team: boolean;
}[];
export type SelectionProgramme = (typeof SELECTION_PROGRAMMES)[number]['code'];
export const SELECTION_PROGRAMME_CODES = codesOf(SELECTION_PROGRAMMES);
export const selectionProgrammeName = nameLookup(SELECTION_PROGRAMMES);

export function selectionProgramme(code: SelectionProgramme) {
  return SELECTION_PROGRAMMES.find((p) => p.code === code) as (typeof SELECTION_PROGRAMMES)[number];
}

export const SELECTION_CALL_STATUSES = [
  { code: 'draft', name: '草拟中' },
  { code: 'open', name: '申报中' },
  { code: 'formal-review', name: '形式审查中' },
  { code: 'expert-review', name: '专家评审中' },
  { code: 'deciding', name: '拟定结果中' },
  { code: 'notice', name: '公示中' },
  { code: 'concluded', name: '已确定' },
] as const;
export type SelectionCallStatus = (typeof SELECTION_CALL_STATUSES)[number]['code'];
export const SELECTION_CALL_STATUS_CODES = codesOf(SELECTION_CALL_STATUSES);
export const selectionCallStatusName = nameLookup(SELECTION_CALL_STATUSES);

export const SELECTION_CALL_ACTIONS = [
  { code: 'publish', name: '发布申报指南', from: 'draft', to: 'open' },
  { code: 'close-applications', name: '截止申报，开始形式审查', from: 'open', to: 'formal-review' },
  {
    code: 'start-expert-review',
    name: '形式审查完成，开始专家评审',
    from: 'formal-review',
    to: 'expert-review',
  },
  { code: 'close-review', name: '评审结束，拟定结果', from: 'expert-review', to: 'deciding' },
  { code: 'propose', name: '拟定名单并公示', from: 'deciding', to: 'notice' },
  { code: 'withdraw-notice', name: '撤回公示，重新拟定', from: 'notice', to: 'deciding' },
  { code: 'conclude', name: '公示期满，确定结果', from: 'notice', to: 'concluded' },
] as const satisfies readonly {
  code: string;
  name: string;
  from: SelectionCallStatus;
  to: SelectionCallStatus;
}[];
export type SelectionCallAction = (typeof SELECTION_CALL_ACTIONS)[number]['code'];
export const SELECTION_CALL_ACTION_CODES = codesOf(SELECTION_CALL_ACTIONS);
export const selectionCallActionName = nameLookup(SELECTION_CALL_ACTIONS);

/** What a call's dates and submissions say, for the checks a transition needs. */
export interface CallFacts {
  readonly status: SelectionCallStatus;
  /** the last day applications are taken (inclusive, Asia/Shanghai) */
  readonly applyUntil: CalendarDate;
  /** submissions not yet through the formal check (submitted, or passed by the area only) */
  readonly awaitingFormalCheck: number;
  /** submissions through the formal check, to be reviewed */
  readonly passedFormalCheck: number;
  /** panels still open (experts still scoring) */
  readonly openPanels: number;
  /** 拟定结果: whether a decision has been saved, and how many it selects */
  readonly decided: boolean;
  readonly selected: number;
  /** 立项公示: the call's notice standing (published: running; closed: the period passed), or null */
  readonly noticeStatus: 'published' | 'closed' | null;
}

export type CallPlan =
  | { ok: true; to: SelectionCallStatus }
  | { ok: false; code: 'INVALID_TRANSITION'; message: string };

const refuse = (message: string): CallPlan => ({ ok: false, code: 'INVALID_TRANSITION', message });

/** Whether the deadline has passed on `today` (the deadline day itself still takes submissions). */
export function callDeadlinePassed(call: Pick<CallFacts, 'applyUntil'>, today: CalendarDate) {
  return today > call.applyUntil;
}

/** Where an action takes a call on `today`, or why it cannot, in the officer's words. */
export function planSelectionCall(
  call: CallFacts,
  action: SelectionCallAction,
  today: CalendarDate,
): CallPlan {
  const rule = SELECTION_CALL_ACTIONS.find((a) => a.code === action);
  if (!rule) throw new RangeError(`unknown call action ${action}`);
  if (rule.from !== call.status)
    return refuse(
      `申报指南当前为“${selectionCallStatusName(call.status)}”，不能${rule.name}（须在“${selectionCallStatusName(rule.from)}”阶段）`,
    );
  switch (action) {
    case 'close-applications':
      if (!callDeadlinePassed(call, today))
        return refuse(`申报截止日期为${call.applyUntil}，截止后才能开始形式审查`);
      break;
    case 'start-expert-review':
      if (call.awaitingFormalCheck > 0)
        return refuse(`尚有${call.awaitingFormalCheck}项申报未完成形式审查`);
      if (call.passedFormalCheck === 0) return refuse('没有通过形式审查的申报，无需专家评审');
      break;
    case 'close-review':
      if (call.openPanels > 0) return refuse(`尚有${call.openPanels}个评审组未完成评分`);
      break;
    case 'propose':
      if (!call.decided) return refuse('请先根据评审结果拟定入选名单');
      if (call.selected === 0) return refuse('拟定名单中没有入选的申报，不能公示');
      break;
    case 'withdraw-notice':
      if (call.noticeStatus === 'closed') return refuse('公示已结束，名单已确定，不能撤回');
      break;
    case 'conclude':
      if (call.noticeStatus !== 'closed')
        return refuse('公示期满、异议处理完毕并结束公示后，才能确定结果');
      break;
  }
  return { ok: true, to: rule.to };
}

export function selectionCallActionsFrom(status: SelectionCallStatus): SelectionCallAction[] {
  return SELECTION_CALL_ACTIONS.filter((a) => a.from === status).map((a) => a.code);
}

/**
 * A submission (申报) to a call. The formal check (形式审查) is the area officer's, then the
 * bureau's. Before the deadline either may return it for changes (returned → the applicant edits
 * and submits again); after it, an incomplete submission is rejected with a reason.
 */
export const SUBMISSION_STATUSES = [
  { code: 'draft', name: '草稿' },
  { code: 'submitted', name: '待县区形式审查' },
  { code: 'area-passed', name: '待市局形式审查' },
  { code: 'returned', name: '退回修改' },
  { code: 'rejected', name: '形式审查未通过' },
  { code: 'passed', name: '通过形式审查' },
  { code: 'selected', name: '拟入选' },
  { code: 'not-selected', name: '未入选' },
  { code: 'withdrawn', name: '已撤回' },
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]['code'];
export const SUBMISSION_STATUS_CODES = codesOf(SUBMISSION_STATUSES);
export const submissionStatusName = nameLookup(SUBMISSION_STATUSES);

export type FormalCheckAction = 'pass' | 'return' | 'reject';
export type FormalChecker = 'area' | 'bureau';
export const FORMAL_CHECK_STEP_NAMES: Record<FormalChecker, string> = {
  area: '县区形式审查',
  bureau: '市局形式审查',
};

/**
 * The step `checker` takes on a submission in `status`, or null for none. An area officer takes
 * the area's step (待县区形式审查) only. The bureau takes its own step (待市局形式审查) and, for
 * any area, the area's step too: that is how submissions from an area with no area officer, or a
 * slow one, get through, as in award review (applications/transitions.ts). The area step is never
 * skipped: the bureau passes it and then takes its own, so the record shows who did each.
 */
export function formalCheckStepFor(
  checker: FormalChecker,
  status: SubmissionStatus,
): FormalChecker | null {
  if (status === 'submitted') return 'area';
  if (status === 'area-passed' && checker === 'bureau') return 'bureau';
  return null;
}

/**
 * One formal-check step. `return` needs the deadline not to have passed (the applicant could not
 * resubmit), `reject` needs it to have passed (before it, a fixable gap is returned instead).
 */
export function planFormalCheck(
  status: SubmissionStatus,
  checker: FormalChecker,
  action: FormalCheckAction,
  deadlinePassed: boolean,
  comment: string | null,
): { ok: true; to: SubmissionStatus } | { ok: false; code: string; message: string } {
  const expected: SubmissionStatus = checker === 'area' ? 'submitted' : 'area-passed';
  if (status !== expected)
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `该申报当前为“${submissionStatusName(status)}”，${checker === 'area' ? '县区' : '市局'}不能进行形式审查`,
    };
  if (action !== 'pass' && !comment?.trim())
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: action === 'return' ? '退回修改须写明需要补正的内容' : '不予通过须写明理由',
    };
  if (action === 'return' && deadlinePassed)
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '申报已截止，申报单位不能再修改，请改为“不予通过”并写明理由',
    };
  if (action === 'reject' && !deadlinePassed)
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '申报尚未截止，材料不全的请“退回修改”，申报单位可补正后重新提交',
    };
  const to: SubmissionStatus =
    action === 'pass'
      ? checker === 'area'
        ? 'area-passed'
        : 'passed'
      : action === 'return'
        ? 'returned'
        : 'rejected';
  return { ok: true, to };
}

/**
 * The most a call of a programme may select, where the plan sets one: 四.1's "每年评选不超过 10
 * 项" is the award rule's yearly quota, read from the policy so that an amendment moves both.
 */
export function programmeQuotaLimit(
  programme: SelectionProgramme,
  yearlyQuotaOfRule: (ruleId: string) => number | undefined,
): number | undefined {
  const { awardRuleId } = selectionProgramme(programme);
  return awardRuleId ? yearlyQuotaOfRule(awardRuleId) : undefined;
}

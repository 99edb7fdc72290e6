/**
 * The review state machine, as data. Pure: no I/O, no clock.
 *
 * draft ─submit→ submitted ─accept-area→ area-review ─forward→ bureau-review ─approve→ approved
 *                    ↑                        │                      ├─reject→ rejected
 *  returned ─submit──┘          return ←──────┴───────── return ←────┘
 * approved ─publish-notice→ in-notice ─close-notice→ notice-passed ─add-to-disbursement→
 *   in-disbursement ─mark-paid→ paid;  in-notice ─uphold-objection→ bureau-review;
 *   in-disbursement ─remove-from-disbursement→ notice-passed (only while its batch is a draft).
 * The applicant may withdraw before a decision (draft, submitted, area-review, bureau-review,
 * returned).
 *
 * The area step. An area officer (县区园区管理员) acts only on applications of their own area.
 * Bureau roles (局管理员, 局审核员) may also perform the area step (accept-area, forward, return
 * from area-review) for any area: that is how applications from an area without an area officer,
 * and city-wide applications (no area code), get through, and how the bureau takes over when an
 * area is slow. The step is never skipped: the bureau accepts and forwards explicitly, so the
 * timeline always shows who did the area check.
 *
 * Not decided here (they need data, the API checks them): conflict of interest
 * (CONFLICT_OF_INTEREST_MESSAGE), that the notice period is over before close-notice, that a
 * disbursement batch is still a draft before remove-from-disbursement, budget and quota.
 */
import { officerRoleName } from '../entities/officer';
import type { OfficerRole } from '../entities/officer';
import { APPLICATION_STATUS_LABELS, FINAL_STATUSES } from './status';
import type { ApplicationStatus } from './status';

export const APPLICATION_ACTIONS = [
  { code: 'submit', name: '提交申请' },
  { code: 'withdraw', name: '撤回申请' },
  { code: 'accept-area', name: '县区受理' },
  { code: 'forward', name: '县区审核通过，报送市局' },
  { code: 'return', name: '退回修改' },
  { code: 'approve', name: '批准' },
  { code: 'reject', name: '不予通过' },
  { code: 'publish-notice', name: '列入公示' },
  { code: 'close-notice', name: '公示期满' },
  { code: 'uphold-objection', name: '异议成立，撤回重审' },
  { code: 'add-to-disbursement', name: '列入拨付批次' },
  { code: 'remove-from-disbursement', name: '移出拨付批次' },
  { code: 'mark-paid', name: '确认已拨付' },
] as const;

export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number]['code'];

export const APPLICATION_ACTION_LABELS = Object.fromEntries(
  APPLICATION_ACTIONS.map((a) => [a.code, a.name]),
) as Record<ApplicationAction, string>;

/** Who may act: the applicant (owner of the application) or an officer role. */
export type ActorKind = 'applicant' | OfficerRole;

export interface TransitionRule {
  action: ApplicationAction;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  actors: readonly ActorKind[];
  /** A comment (reason) is required: it goes to the applicant and the timeline. */
  needsComment?: boolean;
}

const BUREAU = ['bureau-admin', 'bureau-reviewer'] as const;
/** The area step: the area's officer, or the bureau for any area (see the module comment). */
const AREA_STEP = ['area-officer', ...BUREAU] as const;

/**
 * Who may do what. One action may have several rows (different `from` with different actors);
 * at most one row matches a given (action, status).
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', actors: ['applicant'] },
  {
    action: 'withdraw',
    from: ['draft', 'submitted', 'area-review', 'bureau-review', 'returned'],
    to: 'withdrawn',
    actors: ['applicant'],
  },
  { action: 'accept-area', from: ['submitted'], to: 'area-review', actors: AREA_STEP },
  { action: 'forward', from: ['area-review'], to: 'bureau-review', actors: AREA_STEP },
  {
    action: 'return',
    from: ['area-review'],
    to: 'returned',
    actors: AREA_STEP,
    needsComment: true,
  },
  {
    action: 'return',
    from: ['bureau-review'],
    to: 'returned',
    actors: BUREAU,
    needsComment: true,
  },
  { action: 'approve', from: ['bureau-review'], to: 'approved', actors: BUREAU },
  {
    action: 'reject',
    from: ['bureau-review'],
    to: 'rejected',
    actors: BUREAU,
    needsComment: true,
  },
  // Notice: the application enters in-notice when its batch is published (not when it is put
  // in a draft batch), so editing a draft batch changes no application.
  { action: 'publish-notice', from: ['approved'], to: 'in-notice', actors: BUREAU },
  { action: 'close-notice', from: ['in-notice'], to: 'notice-passed', actors: BUREAU },
  {
    action: 'uphold-objection',
    from: ['in-notice'],
    to: 'bureau-review',
    actors: BUREAU,
    needsComment: true,
  },
  // Payment: finance prepares and pays; the bureau admin may prepare a batch too.
  {
    action: 'add-to-disbursement',
    from: ['notice-passed'],
    to: 'in-disbursement',
    actors: ['finance-officer', 'bureau-admin'],
  },
  {
    action: 'remove-from-disbursement',
    from: ['in-disbursement'],
    to: 'notice-passed',
    actors: ['finance-officer', 'bureau-admin'],
  },
  { action: 'mark-paid', from: ['in-disbursement'], to: 'paid', actors: ['finance-officer'] },
];

export type TransitionActor =
  | { kind: 'applicant'; isOwner: boolean }
  | { kind: 'officer'; role: OfficerRole; areaCode: string | null };

export interface TransitionRequest {
  status: ApplicationStatus;
  action: ApplicationAction;
  actor: TransitionActor;
  /** The application's area (copied from the applicant at submit); null = city-wide. */
  applicationAreaCode: string | null;
  comment?: string | null;
}

export type TransitionRefusalCode =
  | 'UNKNOWN_ACTION'
  | 'FINAL_STATUS'
  | 'WRONG_ROLE'
  | 'WRONG_STATUS'
  | 'NOT_OWNER'
  | 'NO_AREA'
  | 'OTHER_AREA'
  | 'COMMENT_REQUIRED'
  | 'COMMENT_TOO_LONG';

export type TransitionPlan =
  | { ok: true; to: ApplicationStatus; rule: TransitionRule }
  | { ok: false; code: TransitionRefusalCode; message: string };

/** Shown when an officer who declared a conflict of interest (回避) tries to act. The API checks it. */
export const CONFLICT_OF_INTEREST_MESSAGE =
  '您已申报与该申请单位存在利益关系，按回避规定不能办理此申请';

export const MAX_COMMENT_LENGTH = 1000;

const actionCodes = new Set<string>(APPLICATION_ACTIONS.map((a) => a.code));
export function isApplicationAction(code: string): code is ApplicationAction {
  return actionCodes.has(code);
}

function actorKindOf(actor: TransitionActor): ActorKind {
  return actor.kind === 'applicant' ? 'applicant' : actor.role;
}

function actorLabel(kind: ActorKind): string {
  return kind === 'applicant' ? '申请人' : officerRoleName(kind);
}

function refuse(code: TransitionRefusalCode, message: string): TransitionPlan {
  return { ok: false, code, message };
}

/** The row for (action, status), if the action exists from that status at all. */
export function findTransition(
  status: ApplicationStatus,
  action: ApplicationAction,
): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(status));
}

/**
 * May this actor do this action now? Checks, in this order: the action exists; the application
 * is not closed (办结); the actor's role may ever do the action; the action is possible from the
 * current status; the role may do it from this status; the applicant owns the application; an
 * area officer is of the application's area; the comment, when one is required.
 */
export function planTransition(request: TransitionRequest): TransitionPlan {
  const { status, action, actor } = request;
  if (!isApplicationAction(action))
    return refuse('UNKNOWN_ACTION', `未知的操作：${String(action)}`);
  const label = APPLICATION_ACTION_LABELS[action];
  const statusLabel = APPLICATION_STATUS_LABELS[status] ?? status;

  if (FINAL_STATUSES.includes(status))
    return refuse('FINAL_STATUS', `该申请${statusLabel}，已办结，不能再${label}`);

  const kind = actorKindOf(actor);
  const rows = TRANSITIONS.filter((t) => t.action === action);
  if (!rows.some((t) => t.actors.includes(kind)))
    return refuse('WRONG_ROLE', `${actorLabel(kind)}无权执行“${label}”`);

  const rule = rows.find((t) => t.from.includes(status));
  if (!rule) return refuse('WRONG_STATUS', `该申请当前为“${statusLabel}”，不能执行“${label}”`);
  if (!rule.actors.includes(kind))
    return refuse(
      'WRONG_ROLE',
      `该申请当前为“${statusLabel}”，${actorLabel(kind)}不能执行“${label}”`,
    );

  if (actor.kind === 'applicant') {
    if (!actor.isOwner) return refuse('NOT_OWNER', '只能办理本人提交的申请');
  } else if (actor.role === 'area-officer') {
    if (!actor.areaCode) return refuse('NO_AREA', '您的账号未分配所属县区或园区，请联系管理员');
    if (actor.areaCode !== request.applicationAreaCode)
      return refuse('OTHER_AREA', '只能办理本县区或园区的申请');
  }

  if (rule.needsComment) {
    const comment = request.comment?.trim() ?? '';
    if (!comment) return refuse('COMMENT_REQUIRED', `“${label}”须填写意见或理由`);
  }
  if ((request.comment?.trim().length ?? 0) > MAX_COMMENT_LENGTH)
    return refuse('COMMENT_TOO_LONG', `意见不能超过${MAX_COMMENT_LENGTH}个字`);

  return { ok: true, to: rule.to, rule };
}

export interface AllowedAction {
  action: ApplicationAction;
  label: string;
  to: ApplicationStatus;
  needsComment: boolean;
}

/**
 * What this actor may do now (buttons for the UIs). Same rules as planTransition; a required
 * comment is not checked here but flagged (`needsComment`).
 */
export function allowedActions(
  request: Omit<TransitionRequest, 'action' | 'comment'>,
): AllowedAction[] {
  const result: AllowedAction[] = [];
  for (const { code } of APPLICATION_ACTIONS) {
    const plan = planTransition({ ...request, action: code, comment: 'x' });
    if (plan.ok)
      result.push({
        action: code,
        label: APPLICATION_ACTION_LABELS[code],
        to: plan.to,
        needsComment: plan.rule.needsComment === true,
      });
  }
  return result;
}

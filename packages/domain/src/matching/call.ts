/**
 * A 科技副总 call (批次) and the secondments it produces, as data. Pure: no I/O, no clock.
 *
 * open (需求征集) ─open-applications→ collecting (人才报名) ─start-matching→ matching
 *   ─confirm-matches→ notice (公示) ─confirm-call→ confirmed (履职) ─close→ closed
 * notice ─return-to-matching→ matching (an objection upheld: the proposed list is cancelled).
 *
 * Firms post needs while the call is open; researchers apply while it is collecting (they see the
 * needs first, as the provincial process has it). Only bureau roles run a call.
 */
import type { OfficerRole } from '../entities/officer';
import { codesOf, nameLookup } from '../reference/lookup';

export const VP_CALL_STATUSES = [
  { code: 'open', name: '需求征集中' },
  { code: 'collecting', name: '人才报名中' },
  { code: 'matching', name: '匹配中' },
  { code: 'notice', name: '公示中' },
  { code: 'confirmed', name: '履职中' },
  { code: 'closed', name: '已结束' },
] as const;
export type VpCallStatus = (typeof VP_CALL_STATUSES)[number]['code'];
export const VP_CALL_STATUS_CODES = codesOf(VP_CALL_STATUSES);
export const vpCallStatusName = nameLookup(VP_CALL_STATUSES);

export const VP_CALL_ACTIONS = [
  { code: 'open-applications', name: '截止需求征集，开放人才报名', from: 'open', to: 'collecting' },
  { code: 'start-matching', name: '截止报名，开始匹配', from: 'collecting', to: 'matching' },
  { code: 'confirm-matches', name: '确认匹配结果并公示', from: 'matching', to: 'notice' },
  { code: 'return-to-matching', name: '撤回公示，重新匹配', from: 'notice', to: 'matching' },
  { code: 'confirm-call', name: '公示期满，确认选派', from: 'notice', to: 'confirmed' },
  { code: 'close', name: '结束批次', from: 'confirmed', to: 'closed' },
] as const satisfies readonly {
  code: string;
  name: string;
  from: VpCallStatus;
  to: VpCallStatus;
}[];
export type VpCallAction = (typeof VP_CALL_ACTIONS)[number]['code'];
export const VP_CALL_ACTION_CODES = codesOf(VP_CALL_ACTIONS);
export const vpCallActionName = nameLookup(VP_CALL_ACTIONS);

/** Roles that run calls, matching and evaluations city-wide. */
export const VP_BUREAU_ROLES: readonly OfficerRole[] = ['bureau-admin', 'bureau-reviewer'];
/** Roles that evaluate: the bureau anywhere, an area officer for firms of their own area. */
export const VP_EVALUATOR_ROLES: readonly OfficerRole[] = [...VP_BUREAU_ROLES, 'area-officer'];

export type VpCallPlan =
  { ok: true; to: VpCallStatus } | { ok: false; reason: 'wrong-status'; allowedFrom: VpCallStatus };

/** Where an action takes a call, or why it cannot. Who may act is checked by the API (roles). */
export function planVpCallTransition(status: VpCallStatus, action: VpCallAction): VpCallPlan {
  const rule = VP_CALL_ACTIONS.find((a) => a.code === action);
  if (!rule) throw new RangeError(`unknown call action ${action}`);
  return rule.from === status
    ? { ok: true, to: rule.to }
    : { ok: false, reason: 'wrong-status', allowedFrom: rule.from };
}

export function vpCallActionsFrom(status: VpCallStatus): VpCallAction[] {
  return VP_CALL_ACTIONS.filter((a) => a.from === status).map((a) => a.code);
}

/**
 * A secondment (one researcher at one firm). pending: proposed and in notice, waiting for the
 * three-party agreement and the end of notice; active: the term runs; completed: the term ended;
 * terminated: ended early (不合格 or by the bureau); cancelled: withdrawn from the notice list.
 */
export const VP_SECONDMENT_STATUSES = [
  { code: 'pending', name: '待签协议' },
  { code: 'active', name: '履职中' },
  { code: 'completed', name: '期满结束' },
  { code: 'terminated', name: '已终止' },
  { code: 'cancelled', name: '已撤销' },
] as const;
export type VpSecondmentStatus = (typeof VP_SECONDMENT_STATUSES)[number]['code'];
export const VP_SECONDMENT_STATUS_CODES = codesOf(VP_SECONDMENT_STATUSES);
export const vpSecondmentStatusName = nameLookup(VP_SECONDMENT_STATUSES);

/** The last day of a term that starts on `start` and lasts `years` (start + years − 1 day). */
export function termEndDate(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 Feb start: Date rolls to 1 Mar, so the last day is 28 Feb — what "two years" means.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

import type { AreaCode, OfficerRole } from '@kc/domain';
import type { OfficerCaller } from './caller';
import { appError } from './errors';

/**
 * Officers who handle cases: applications, organisations, notices, 科技副总. Finance (财务人员) is
 * not among them: its remit is payment, i.e. the disbursement procedures (the items of its batches
 * with their frozen payee accounts), the evidence of awards in a batch, and what every officer
 * has (workbench, budgets, figures, recusal). docs/AWARD-SPINE.md, 财务人员的范围. Any role added
 * later is outside casework until it is listed here.
 */
export const CASEWORK_ROLES: readonly OfficerRole[] = [
  'bureau-admin',
  'bureau-reviewer',
  'area-officer',
];

export function isCaseworker(caller: Pick<OfficerCaller, 'role'>): boolean {
  return CASEWORK_ROLES.includes(caller.role);
}

/** Refuses an officer outside casework (finance), saying what their remit is. */
export function assertCaseworker(caller: Pick<OfficerCaller, 'role'>): void {
  if (!isCaseworker(caller))
    throw appError('FORBIDDEN', { message: '财务人员只办理奖补资金拨付，不能查看或办理此项业务' });
}

/**
 * The area an officer's queries are confined to: their own for area officers, none (the whole
 * city) for bureau roles. One function so every list and detail applies the same rule.
 */
export function areaScope(caller: OfficerCaller): { areaCode?: AreaCode } {
  if (caller.role !== 'area-officer') return {};
  // An area officer without an area would otherwise see everything: refuse instead.
  if (!caller.areaCode)
    throw appError('FORBIDDEN', { message: '您的账号未分配所属县区或园区，请联系管理员' });
  return { areaCode: caller.areaCode };
}

/** Refuses an explicit filter on an area outside the officer's scope. */
export function assertAreaAllowed(caller: OfficerCaller, requested: AreaCode | undefined): void {
  const scope = areaScope(caller);
  if (requested && scope.areaCode && requested !== scope.areaCode) {
    throw appError('FORBIDDEN', { message: '您只能查看本县区或园区的数据' });
  }
}

export function canSeeArea(caller: OfficerCaller, areaCode: string | null): boolean {
  const scope = areaScope(caller);
  return !scope.areaCode || scope.areaCode === areaCode;
}

import type { AreaCode } from '@kc/domain';
import type { OfficerCaller } from './caller';
import { appError } from './errors';

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

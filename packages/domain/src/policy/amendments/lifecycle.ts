import { addDays } from '../dates';
import type { PolicySet } from '../types';

/**
 * A proposed version's life (issue 15): an officer proposes it (拟修订, editable), an officer with
 * the right role asks for it to be adopted with an effective date (待确认), a second officer
 * confirms it (已通过, then immutable: only a newer version supersedes it) or returns it with a
 * reason (back to 拟修订). A proposal may be withdrawn before it is adopted (已撤回).
 */
export const POLICY_VERSION_STATUSES = [
  'proposed',
  'awaiting-confirmation',
  'adopted',
  'withdrawn',
] as const;
export type PolicyVersionStatus = (typeof POLICY_VERSION_STATUSES)[number];

export const POLICY_VERSION_STATUS_NAMES: Record<PolicyVersionStatus, string> = {
  proposed: '拟修订',
  'awaiting-confirmation': '待确认施行',
  adopted: '已通过',
  withdrawn: '已撤回',
};

export const policyVersionStatusName = (status: string): string =>
  POLICY_VERSION_STATUS_NAMES[status as PolicyVersionStatus] ?? '未知状态';

/**
 * Why an effective date cannot be given to a version adopted today, or null when it can. The
 * earliest is tomorrow (Asia/Shanghai): every application submitted today was submitted under
 * the version in force, and every API instance has reloaded the catalogue well before midnight.
 * It must also come after the latest version already adopted (a version supersedes, never
 * interleaves).
 */
export function effectiveDateProblem(
  effectiveFrom: string,
  today: string,
  latest: Pick<PolicySet, 'id' | 'effectiveFrom' | 'title'> | undefined,
): string | null {
  const earliest = addDays(today, 1);
  if (effectiveFrom < earliest) return `施行日期最早为明天（${earliest}）`;
  if (latest && effectiveFrom <= latest.effectiveFrom) {
    return `施行日期须晚于现行版本的施行日期（${latest.effectiveFrom}）`;
  }
  return null;
}

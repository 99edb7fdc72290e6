import type { TransactionClient, VpCall } from '@kc/db';
import type { VicePresidentSettings, VpCallStatus } from '@kc/domain';
import { VP_BUREAU_ROLES, findVpSettings, vpCallStatusName } from '@kc/domain';
import type { ApplicantCaller, OfficerCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import { membershipOf } from '../organisations/membership';

export type OfficerCtx = Context & { caller: OfficerCaller };
export type ApplicantCtx = Context & { caller: ApplicantCaller };
type Reader = Pick<TransactionClient, 'vpCall'>;

/** What the matcher and the officer views load with a need and a candidate. */
export const NEED_INCLUDE = { organisation: true } as const;
export const CANDIDATE_INCLUDE = { researcher: true } as const;

export function settingsOf(call: Pick<VpCall, 'settingsVersion'>): VicePresidentSettings {
  const settings = findVpSettings(call.settingsVersion);
  // A call always names a version that exists: versions are never removed from the kernel.
  if (!settings) throw new Error(`unknown 科技副总 settings version ${call.settingsVersion}`);
  return settings;
}

export async function findCall(db: Reader, callId: string): Promise<VpCall> {
  const call = await db.vpCall.findUnique({ where: { id: callId } });
  if (!call) throw appError('NOT_FOUND');
  return call;
}

/**
 * Locks the call row for the rest of the transaction: status changes, confirmation and input
 * edits of one call go one at a time, so a list cannot be confirmed twice or from stale input.
 */
export async function lockCall(tx: TransactionClient, callId: string): Promise<VpCall> {
  await tx.$queryRaw`SELECT id FROM vp_call WHERE id = ${callId}::uuid FOR UPDATE`;
  return findCall(tx, callId);
}

/** Refuses unless the call is in `status`, naming the stage it is in. */
export function assertCallStatus(call: VpCall, ...statuses: VpCallStatus[]): void {
  if (!statuses.includes(call.status as VpCallStatus)) {
    throw appError('VP_CALL_NOT_OPEN', {
      message: `该批次当前为“${vpCallStatusName(call.status)}”阶段，不能进行此操作`,
    });
  }
}

/** Needs, candidates or pair rules changed: runs made before this are stale. */
export async function bumpInputRevision(tx: TransactionClient, callId: string): Promise<void> {
  await tx.vpCall.update({ where: { id: callId }, data: { inputRevision: { increment: 1 } } });
}

export function assertBureau(caller: OfficerCaller): void {
  if (!VP_BUREAU_ROLES.includes(caller.role)) throw appError('FORBIDDEN');
}

/** The caller's organisation (they are its 管理员 or 经办人); refuses otherwise. */
export async function ownOrganisation(
  db: Pick<TransactionClient, 'organisationMember'>,
  userId: string,
) {
  const membership = await membershipOf(db, userId);
  if (!membership) throw appError('PROFILE_REQUIRED', { message: '请先完善企业资料' });
  return membership.organisation;
}

/** Prisma filter: records of an organisation the user is an active member of. */
export function organisationOfMember(userId: string) {
  return { members: { some: { userId, status: 'active' } } } as const;
}

export async function ownResearcher(db: Pick<TransactionClient, 'researcher'>, userId: string) {
  const researcher = await db.researcher.findUnique({ where: { userId } });
  if (!researcher) throw appError('PROFILE_REQUIRED', { message: '请先完善个人资料' });
  return researcher;
}

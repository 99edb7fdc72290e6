import type { Organisation, StoredFile, TransactionClient } from '@kc/db';
import { lockOrganisation } from '../../awards/locks';
import type { ActingRole, LicenceKind, OfficerRole } from '@kc/domain';
import { licenceKindRefusal } from '@kc/domain';
import { orgTypeFromDb } from '../../mappers';
import { CASEWORK_ROLES, assertCaseworker, canSeeArea } from '../../access';
import type { ApplicantCaller, OfficerCaller } from '../../caller';
import type { Context } from '../../context';
import { appError } from '../../errors';

export type ApplicantCtx = Context & { caller: ApplicantCaller };
export type OfficerCtx = Context & { caller: OfficerCaller };

/** Who decides on verifications, change requests and claims: case workers (not finance). */
export const TRUST_ROLES: readonly OfficerRole[] = CASEWORK_ROLES;

export function assertTrustRole(caller: OfficerCaller): void {
  assertCaseworker(caller);
}

/**
 * A licence or 授权委托书 must be the caller's own upload (POST /files) and an image or a PDF:
 * an officer has to read it. The refusal names the form field it is about.
 */
export async function requireOwnImageOrPdf(
  tx: Pick<TransactionClient, 'storedFile'>,
  userId: string,
  fileId: string,
  field: string,
  label: string,
): Promise<StoredFile> {
  const file = await tx.storedFile.findUnique({ where: { id: fileId } });
  if (!file || file.ownerUserId !== userId) {
    const message = `${label}文件不存在或不是您上传的，请重新上传`;
    throw appError('INVALID_INPUT', { message, fieldErrors: { [field]: [message] } });
  }
  if (file.mimeType !== 'application/pdf' && !file.mimeType.startsWith('image/')) {
    const message = `${label}须为图片或PDF文件`;
    throw appError('INVALID_INPUT', { message, fieldErrors: { [field]: [message] } });
  }
  return file;
}

/**
 * The papers that prove who may act for an organisation, as a verification and a claim both send
 * them: a licence of the kind the organisation's type and credit code call for, and, unless the
 * legal representative acts in person, a 授权委托书. Returns whether the 授权委托书 is needed (its
 * presence is the schema's rule).
 */
export async function checkAuthorityPapers(
  tx: Pick<TransactionClient, 'storedFile'>,
  userId: string,
  org: Pick<Organisation, 'type' | 'creditCode'>,
  papers: {
    licenceKind: LicenceKind;
    licenceFileId: string;
    actingRole: ActingRole;
    authorisationFileId?: string | null;
  },
): Promise<{ needsAuthorisation: boolean }> {
  const refusal = licenceKindRefusal(orgTypeFromDb(org.type), org.creditCode, papers.licenceKind);
  if (refusal)
    throw appError('LICENCE_KIND_MISMATCH', {
      message: refusal,
      fieldErrors: { licenceKind: [refusal] },
    });
  await requireOwnImageOrPdf(tx, userId, papers.licenceFileId, 'licenceFileId', '证照');
  const needsAuthorisation = papers.actingRole !== 'legal-representative';
  if (needsAuthorisation && papers.authorisationFileId)
    await requireOwnImageOrPdf(
      tx,
      userId,
      papers.authorisationFileId,
      'authorisationFileId',
      '授权委托书',
    );
  return { needsAuthorisation };
}

/**
 * An officer may see a record of their area (bureau roles: anywhere); another area's record
 * answers exactly like a missing one.
 */
export function assertVisible(caller: OfficerCaller, areaCode: string): void {
  if (!canSeeArea(caller, areaCode)) throw appError('NOT_FOUND');
}

/** Whether the officer declared a conflict of interest with the organisation. */
export async function hasConflict(
  db: Pick<TransactionClient, 'conflictOfInterest'>,
  officerUserId: string,
  organisationId: string,
): Promise<boolean> {
  return (await db.conflictOfInterest.count({ where: { officerUserId, organisationId } })) > 0;
}

/** An officer who declared a conflict of interest with the organisation may not decide on it. */
export async function assertNoConflict(
  db: Pick<TransactionClient, 'conflictOfInterest'>,
  officerUserId: string,
  organisationId: string,
): Promise<void> {
  if (await hasConflict(db, officerUserId, organisationId))
    throw appError('CONFLICT_OF_INTEREST', {
      message: '您已申报与该单位存在利益冲突，须回避，不能办理该单位的审核事项',
    });
}

/** Refuses a decision on a request that is no longer waiting for one. */
export function assertPending(status: string, what: string): void {
  if (status !== 'pending')
    throw appError('INVALID_TRANSITION', { message: `该${what}已处理或已撤回，不能再次办理` });
}

/**
 * What every officer decision on an organisation's request starts with: the request is in the
 * officer's area, the officer declared no conflict with the organisation, and the organisation's
 * row is locked, so decisions and withdrawals on it queue behind each other. The caller reads the
 * request again under the lock (a withdrawal may have won the race).
 */
export async function lockForDecision(
  tx: TransactionClient,
  ctx: OfficerCtx,
  request: { areaCode: string; organisationId: string },
): Promise<Organisation> {
  assertVisible(ctx.caller, request.areaCode);
  await assertNoConflict(tx, ctx.caller.userId, request.organisationId);
  return lockOrganisation(tx, request.organisationId);
}

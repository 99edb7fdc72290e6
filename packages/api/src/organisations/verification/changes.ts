import type { Organisation, TransactionClient } from '@kc/db';
import type { ChangeRequest } from '@kc/domain';
import { lockedFieldName } from '@kc/domain';
import { writeAudit } from '../../audit';
import { appError } from '../../errors';
import { orgTypeFromDb } from '../../mappers';
import { requireMembership, requireOrgAdmin } from '../membership';
import type { ApplicantCtx } from './common';
import { lockOrganisation } from '../../awards/locks';
import { requireOwnImageOrPdf } from './common';
import { changeDto } from './dto';

type Locked = { name?: string; creditCode?: string; type?: string };

/** The locked values as they are, keyed like a change request. */
function currentValues(org: Organisation): Required<Locked> {
  return { name: org.name, creditCode: org.creditCode, type: orgTypeFromDb(org.type) };
}

/** Only what actually differs is a change; the old values of the same keys are kept as history. */
export function diffOf(org: Organisation, input: ChangeRequest) {
  const current = currentValues(org);
  const changes: Locked = {};
  const previous: Locked = {};
  for (const field of ['name', 'creditCode', 'type'] as const) {
    const wanted = input[field];
    if (wanted !== undefined && wanted !== current[field]) {
      changes[field] = wanted;
      previous[field] = current[field];
    }
  }
  return { changes, previous };
}

const CODE_TAKEN = '变更后的统一社会信用代码已被平台上的其他单位注册，请核对后再提交';

/** A credit code held by another organisation cannot be moved onto this one. */
export async function refuseTakenCode(
  tx: Pick<TransactionClient, 'organisation'>,
  creditCode: string,
  ownId: string,
  message = CODE_TAKEN,
) {
  const holder = await tx.organisation.findUnique({ where: { creditCode }, select: { id: true } });
  if (holder && holder.id !== ownId)
    throw appError('CREDIT_CODE_TAKEN', {
      message,
      fieldErrors: { creditCode: [message] },
    });
}

const INCLUDE = { licenceFile: true } as const;

/**
 * 变更申请: once verified, the credit code, name and type change only this way — the new values,
 * the new licence and a reason, approved by the area officer. One pending request at a time.
 */
export async function submitChange(ctx: ApplicantCtx, input: ChangeRequest) {
  const userId = ctx.caller.userId;
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, userId);
    const org = await lockOrganisation(tx, membership.organisation.id);
    if (org.verificationStatus !== 'verified')
      throw appError('ORGANISATION_NOT_VERIFIED', {
        message: '单位尚未通过机构认证，名称、信用代码和类型可直接在“修改资料”中修改，无需变更申请',
      });
    const pending = await tx.organisationChange.count({
      where: { organisationId: org.id, status: 'pending' },
    });
    if (pending > 0) throw appError('CHANGE_PENDING');
    const { changes, previous } = diffOf(org, input);
    if (Object.keys(changes).length === 0) {
      const message = '填写的内容与当前登记信息相同，没有需要变更的项目';
      throw appError('INVALID_INPUT', { message, fieldErrors: { _form: [message] } });
    }
    if (changes.creditCode) await refuseTakenCode(tx, changes.creditCode, org.id);
    await requireOwnImageOrPdf(tx, userId, input.licenceFileId, 'licenceFileId', '变更后的证照');
    const now = ctx.now();
    const created = await tx.organisationChange.create({
      data: {
        organisationId: org.id,
        requestedBy: userId,
        status: 'pending',
        changes,
        previous,
        reason: input.reason,
        licenceFileId: input.licenceFileId,
        areaCode: org.areaCode,
        createdAt: now,
        updatedAt: now,
      },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.change.submit',
      objectType: 'organisation_change',
      objectId: created.id,
      areaCode: org.areaCode,
      details: {
        organisationId: org.id,
        areaCode: org.areaCode,
        fields: Object.keys(changes).map(lockedFieldName),
        from: previous,
        to: changes,
      },
    });
    return created;
  });
  return changeDto(row);
}

/** The organisation's change requests, newest first (any member may read them). */
export async function listOwnChanges(ctx: ApplicantCtx) {
  const { organisation, role } = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const rows = await ctx.db.prisma.organisationChange.findMany({
    where: { organisationId: organisation.id },
    include: INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return {
    canSubmit:
      role === 'admin' &&
      organisation.verificationStatus === 'verified' &&
      !rows.some((r) => r.status === 'pending'),
    current: currentValues(organisation),
    items: rows.map(changeDto),
  };
}

/** An administrator takes back the pending change request. */
export async function withdrawChange(ctx: ApplicantCtx, id: string) {
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const membership = await requireOrgAdmin(tx, ctx.caller.userId);
    const org = await lockOrganisation(tx, membership.organisation.id);
    const found = await tx.organisationChange.findUnique({ where: { id } });
    if (!found || found.organisationId !== org.id) throw appError('NOT_FOUND');
    if (found.status !== 'pending')
      throw appError('INVALID_TRANSITION', { message: '该变更申请已处理或已撤回，不能撤回' });
    const updated = await tx.organisationChange.update({
      where: { id },
      data: { status: 'withdrawn', updatedAt: ctx.now() },
      include: INCLUDE,
    });
    await writeAudit(tx, ctx, {
      action: 'organisation.change.withdraw',
      objectType: 'organisation_change',
      objectId: id,
      areaCode: org.areaCode,
      details: { organisationId: org.id, areaCode: org.areaCode },
    });
    return updated;
  });
  return changeDto(row);
}

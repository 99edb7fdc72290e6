import type { Prisma, TransactionClient } from '@kc/db';
import { nextNumber } from '@kc/db';
import type { AllianceDecision, AllianceForm, AllianceStatus } from '@kc/domain';
import {
  ALLIANCE_DECISIONS,
  allianceEditable,
  allianceStatusName,
  areaName,
  organisationTypeName,
  todayInShanghai,
} from '@kc/domain';
import { areaScope, canSeeArea } from '../access';
import { writeAudit } from '../audit';
import { appError } from '../errors';
import { lockOwnFiles } from '../files/unreferenced';
import { orgTypeFromDb } from '../mappers';
import { notifyOrganisation } from '../notifications/write';
import { requireMembership, requireOrgAdmin, requireVerified } from '../organisations/membership';
import { pageOf, pageWindow } from '../paging';
import { likeLiteral } from '../search';
import type { ApplicantCtx, OfficerCtx } from '../vice-president/common';
import {
  WITH_LEAD_AND_MEMBERS,
  fullAllianceDtoOf,
  fullAllianceDtos,
  memberRows,
  publicAllianceDto,
} from './alliance-rows';

/**
 * 创新联盟 (plan 四.4): the lead firm's administrator registers an alliance; an officer of the
 * lead's area (or the bureau) approves it, returns it with a comment, or dissolves an approved
 * one with a reason; the lead firm is told of each. Approved alliances are on the public pages.
 */

const CHANGED = '该联盟登记刚被更新，请刷新后再试';

/** Registering speaks for the firm in public: its administrator, verified, and a firm (企业牵头). */
async function requireLeadFirm(tx: TransactionClient, userId: string) {
  const { organisation } = await requireOrgAdmin(tx, userId);
  requireVerified(organisation);
  if (organisation.type !== 'FIRM')
    throw appError('NOT_ELIGIBLE', {
      message: '创新联盟须由企业牵头组建，高校、科研院所等单位可作为成员单位参加',
    });
  return organisation;
}

/**
 * The charter is a file the caller uploaded, or the one the registration already has. A new one
 * is locked against deletion until the registration commits (`lockOwnFiles`: the charter is named
 * outside a relation), so 注销 or the retention job removing it meanwhile either waits and then
 * sees it held, or has removed it and the registration is refused.
 */
async function requireCharter(
  tx: TransactionClient,
  userId: string,
  fileId: string,
  current?: string,
) {
  if (fileId === current) return;
  const owned = await lockOwnFiles(tx, userId, [fileId]);
  if (owned.length === 0)
    throw appError('INVALID_INPUT', {
      fieldErrors: { charterFileId: ['联盟章程文件无效，请重新上传'] },
    });
}

/** One registration per name per lead firm while it stands (a double tap is not two alliances). */
async function refuseSameName(
  tx: TransactionClient,
  leadId: string,
  name: string,
  exceptId?: string,
) {
  const same = await tx.alliance.count({
    where: {
      leadOrganisationId: leadId,
      name,
      status: { not: 'dissolved' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
  });
  if (same > 0)
    throw appError('INVALID_INPUT', { fieldErrors: { name: ['本单位已登记同名的创新联盟'] } });
}

export async function submitAlliance(ctx: ApplicantCtx, form: AllianceForm) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const lead = await requireLeadFirm(tx, ctx.caller.userId);
    await requireCharter(tx, ctx.caller.userId, form.charterFileId);
    await refuseSameName(tx, lead.id, form.name);
    const members = await memberRows(tx, form.members, lead);
    const alliance = await tx.alliance.create({
      data: {
        number: await nextNumber(tx, 'alliance', Number(todayInShanghai(now).slice(0, 4))),
        name: form.name,
        fieldCode: form.fieldCode,
        leadOrganisationId: lead.id,
        areaCode: lead.areaCode,
        purpose: form.purpose,
        charterFileId: form.charterFileId,
        submittedBy: ctx.caller.userId,
        createdAt: now,
        updatedAt: now,
        members: { create: members },
      },
      include: WITH_LEAD_AND_MEMBERS,
    });
    await writeAudit(tx, ctx, {
      action: 'alliance.submit',
      objectType: 'alliance',
      objectId: alliance.id,
      areaCode: alliance.areaCode,
      details: { number: alliance.number, name: alliance.name, members: members.length },
    });
    return fullAllianceDtoOf(tx, alliance);
  });
}

/** Locks the row, so a decision and an edit of the same registration wait for each other. */
async function lockedAlliance(tx: TransactionClient, id: string) {
  await tx.$executeRaw`SELECT 1 FROM alliance WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.alliance.findUnique({ where: { id }, include: WITH_LEAD_AND_MEMBERS });
}

/** A registration before its decision, or returned, corrected: back to 待审核, members replaced. */
export async function updateAlliance(
  ctx: ApplicantCtx,
  id: string,
  expectedVersion: number,
  form: AllianceForm,
) {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const lead = await requireLeadFirm(tx, ctx.caller.userId);
    const alliance = await lockedAlliance(tx, id);
    if (!alliance || alliance.leadOrganisationId !== lead.id) throw appError('NOT_FOUND');
    if (alliance.version !== expectedVersion) throw appError('STALE_VERSION', { message: CHANGED });
    if (!allianceEditable(alliance.status))
      throw appError('INVALID_TRANSITION', {
        message: `该联盟当前为“${allianceStatusName(alliance.status)}”，不能修改`,
      });
    await requireCharter(tx, ctx.caller.userId, form.charterFileId, alliance.charterFileId);
    await refuseSameName(tx, lead.id, form.name, id);
    const members = await memberRows(tx, form.members, lead);
    await tx.allianceMember.deleteMany({ where: { allianceId: id } });
    const saved = await tx.alliance.update({
      where: { id },
      data: {
        name: form.name,
        fieldCode: form.fieldCode,
        purpose: form.purpose,
        charterFileId: form.charterFileId,
        status: 'submitted',
        comment: null,
        decidedBy: null,
        version: { increment: 1 },
        updatedAt: now,
        members: { create: members },
      },
      include: WITH_LEAD_AND_MEMBERS,
    });
    await writeAudit(tx, ctx, {
      action: 'alliance.update',
      objectType: 'alliance',
      objectId: id,
      areaCode: alliance.areaCode,
      details: {
        number: alliance.number,
        name: saved.name,
        status: { from: alliance.status, to: 'submitted' },
      },
    });
    return fullAllianceDtoOf(tx, saved);
  });
}

/** The alliances the caller's organisation leads (any member may look; its admin acts). */
export async function myAlliances(ctx: ApplicantCtx) {
  const { organisation } = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const rows = await ctx.db.prisma.alliance.findMany({
    where: { leadOrganisationId: organisation.id },
    include: WITH_LEAD_AND_MEMBERS,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return fullAllianceDtos(ctx.db.prisma, rows);
}

/**
 * Registered units a lead firm may name as members: verified organisations (their names are
 * locked) other than its own, by a part of the name. Organisations are public; nothing of their
 * people is returned.
 */
export async function searchMemberUnits(ctx: ApplicantCtx, q: string) {
  const { organisation } = await requireMembership(ctx.db.prisma, ctx.caller.userId);
  const rows = await ctx.db.prisma.organisation.findMany({
    where: {
      verificationStatus: 'verified',
      id: { not: organisation.id },
      name: { contains: likeLiteral(q) },
    },
    select: { id: true, name: true, type: true, areaCode: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 10,
  });
  return rows.map((o) => {
    const type = orgTypeFromDb(o.type);
    return {
      id: o.id,
      name: o.name,
      type,
      typeName: organisationTypeName(type),
      areaName: areaName(o.areaCode),
    };
  });
}

/** The officers' list: an area officer sees their area's alliances, the bureau all. */
export async function officerAlliances(
  ctx: OfficerCtx,
  input: {
    page: number;
    pageSize: number;
    status?: AllianceStatus | undefined;
    fieldCode?: string | undefined;
    q?: string | undefined;
  },
) {
  const { areaCode } = areaScope(ctx.caller);
  const q = input.q ? likeLiteral(input.q) : undefined;
  const where: Prisma.AllianceWhereInput = {
    ...(areaCode ? { areaCode } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.fieldCode ? { fieldCode: input.fieldCode } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q } },
            { number: { contains: q } },
            { leadOrganisation: { name: { contains: q } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.prisma.alliance.count({ where }),
    ctx.db.prisma.alliance.findMany({
      where,
      include: WITH_LEAD_AND_MEMBERS,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
  ]);
  return pageOf(await fullAllianceDtos(ctx.db.prisma, rows), total, input);
}

export async function officerAlliance(ctx: OfficerCtx, id: string) {
  const alliance = await ctx.db.prisma.alliance.findUnique({
    where: { id },
    include: WITH_LEAD_AND_MEMBERS,
  });
  if (!alliance || !canSeeArea(ctx.caller, alliance.areaCode)) throw appError('NOT_FOUND');
  return fullAllianceDtoOf(ctx.db.prisma, alliance);
}

/** 通过, 退回修改 (a comment owed), 撤销 (a reason owed): audited, and the lead firm is told. */
export async function decideAlliance(
  ctx: OfficerCtx,
  req: {
    id: string;
    expectedVersion: number;
    action: AllianceDecision;
    comment?: string | undefined;
  },
) {
  const now = ctx.now();
  const rule = ALLIANCE_DECISIONS[req.action];
  return ctx.db.prisma.$transaction(async (tx) => {
    const alliance = await lockedAlliance(tx, req.id);
    if (!alliance || !canSeeArea(ctx.caller, alliance.areaCode)) throw appError('NOT_FOUND');
    if (alliance.version !== req.expectedVersion)
      throw appError('STALE_VERSION', { message: CHANGED });
    if (!(rule.from as readonly string[]).includes(alliance.status))
      throw appError('INVALID_TRANSITION', {
        message: `该联盟当前为“${allianceStatusName(alliance.status)}”，不能${rule.name}`,
      });
    const comment = req.comment?.trim() || null;
    if (rule.comment && !comment)
      throw appError('INVALID_INPUT', { fieldErrors: { comment: [rule.comment] } });
    const saved = await tx.alliance.update({
      where: { id: alliance.id },
      data: {
        status: rule.to,
        // What the lead firm reads: the return comment or the reason for dissolving.
        comment: rule.comment ? comment : null,
        decidedBy: ctx.caller.userId,
        ...(req.action === 'approve' ? { approvedAt: now } : {}),
        version: { increment: 1 },
        updatedAt: now,
      },
      include: WITH_LEAD_AND_MEMBERS,
    });
    await writeAudit(tx, ctx, {
      action: `alliance.${req.action}`,
      objectType: 'alliance',
      objectId: alliance.id,
      areaCode: alliance.areaCode,
      details: {
        number: alliance.number,
        name: alliance.name,
        status: { from: alliance.status, to: rule.to },
        ...(comment && rule.comment ? { comment } : {}),
      },
    });
    await notifyOrganisation(tx, alliance.leadOrganisationId, {
      kind: `alliance.${req.action}`,
      at: now,
      title: `创新联盟“${alliance.name}”${rule.name === '通过' ? '登记已通过' : `：${rule.name}`}`,
      body:
        rule.comment && comment
          ? `${req.action === 'dissolve' ? '原因' : '意见'}：${comment}`
          : '详情请在“我的创新联盟”中查看。',
      link: { page: 'alliance', id: alliance.id },
    });
    return fullAllianceDtoOf(tx, saved);
  });
}

/** The public registry: approved alliances, newest approval first, by field and keyword. */
export async function approvedAlliances(
  db: Pick<TransactionClient, 'alliance'>,
  input: { page: number; pageSize: number; fieldCode?: string | undefined; q?: string | undefined },
) {
  const where: Prisma.AllianceWhereInput = {
    status: 'approved',
    ...(input.fieldCode ? { fieldCode: input.fieldCode } : {}),
    ...(input.q ? { name: { contains: likeLiteral(input.q) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.alliance.count({ where }),
    db.alliance.findMany({
      where,
      include: WITH_LEAD_AND_MEMBERS,
      orderBy: [{ approvedAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
  ]);
  return pageOf(rows.map(publicAllianceDto), total, input);
}

export async function approvedAlliance(db: Pick<TransactionClient, 'alliance'>, id: string) {
  const alliance = await db.alliance.findUnique({ where: { id }, include: WITH_LEAD_AND_MEMBERS });
  if (!alliance || alliance.status !== 'approved') throw appError('NOT_FOUND');
  return publicAllianceDto(alliance);
}

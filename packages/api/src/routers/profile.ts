import type { TRPCRouterRecord } from '@trpc/server';
import type { Organisation, TransactionClient } from '@kc/db';
import { hashResidentId, isUniqueViolationOn } from '@kc/db';
import type { OrganisationProfile } from '@kc/domain';
import {
  ERROR_CODES,
  LOCKED_FIELDS,
  checkResidentId,
  lockedFieldName,
  maskResidentId,
  memberRoleName,
  organisationProfileSchema,
  researcherProfileSchema,
} from '@kc/domain';
import { writeAudit } from '../audit';
import { organisationDto, researcherDto } from '../dto';
import { appError } from '../errors';
import { orgTypeFromDb, orgTypeToDb } from '../mappers';
import { membershipOf } from '../organisations/membership';
import { syncInstitutionLink } from '../organisations/members/institution-link';
import { applicantProcedure } from '../trpc';
import type { Context } from '../context';
import type { ApplicantCaller } from '../caller';

type ApplicantCtx = Context & { caller: ApplicantCaller };

const CLAIM_HINT =
  '该统一社会信用代码已被其他账号注册。如您是该单位的法定代表人或经单位授权，可提交认领申诉，由县区审核后移交管理权限';

/**
 * A unique violation on the given column (two accounts racing past the pre-check) becomes the
 * same field error the pre-check gives.
 */
function rethrowTaken(
  error: unknown,
  column: string,
  field: string,
  code: 'CREDIT_CODE_TAKEN' | 'RESIDENT_ID_TAKEN',
): never {
  if (isUniqueViolationOn(error, column))
    throw appError(code, {
      ...(code === 'CREDIT_CODE_TAKEN' ? { message: CLAIM_HINT } : {}),
      fieldErrors: { [field]: [code === 'CREDIT_CODE_TAKEN' ? CLAIM_HINT : ERROR_CODES[code]] },
    });
  throw error;
}

function organisationData(input: OrganisationProfile) {
  return {
    type: orgTypeToDb(input.type),
    name: input.name,
    creditCode: input.creditCode,
    areaCode: input.areaCode,
    address: input.address ?? null,
    fieldCodes: input.fieldCodes,
    subFieldCodes: input.subFieldCodes,
    qualifications: input.qualifications,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    intro: input.intro ?? null,
  };
}

/**
 * Once an organisation is verified (or its verification is under review), its credit code, name
 * and type are what the officer checked against the licence: they change only through a change
 * request (organisations.changes). Each locked field that differs is named.
 */
function refuseLockedChanges(org: Organisation, input: OrganisationProfile): void {
  if (org.verificationStatus !== 'verified' && org.verificationStatus !== 'pending') return;
  const current = { creditCode: org.creditCode, name: org.name, type: orgTypeFromDb(org.type) };
  const changed = LOCKED_FIELDS.filter((f) => current[f.code] !== input[f.code]);
  if (changed.length === 0) return;
  const message =
    org.verificationStatus === 'pending'
      ? `机构认证审核中，${changed.map((f) => lockedFieldName(f.code)).join('、')}暂不能修改`
      : ERROR_CODES.FIELD_LOCKED;
  throw appError('FIELD_LOCKED', {
    message,
    fieldErrors: Object.fromEntries(changed.map((f) => [f.code, [message]])),
  });
}

async function refuseTakenCode(tx: TransactionClient, creditCode: string, ownId?: string) {
  const clash = await tx.organisation.findUnique({
    where: { creditCode },
    select: { id: true },
  });
  if (clash && clash.id !== ownId)
    throw appError('CREDIT_CODE_TAKEN', {
      message: CLAIM_HINT,
      fieldErrors: { creditCode: [CLAIM_HINT] },
    });
}

/** Registration: the organisation and its first administrator, the person registering. */
async function registerOrganisation(
  tx: TransactionClient,
  ctx: ApplicantCtx,
  input: OrganisationProfile,
) {
  await refuseTakenCode(tx, input.creditCode);
  const now = ctx.now();
  const org = await tx.organisation.create({
    data: { ...organisationData(input), createdAt: now, updatedAt: now },
  });
  await tx.organisationMember.create({
    data: {
      organisationId: org.id,
      userId: ctx.caller.userId,
      role: 'admin',
      origin: 'registered',
      joinedAt: now,
      createdAt: now,
      updatedAt: now,
    },
  });
  // Accounts start as “微信用户”: the person registering is, until they say otherwise, the contact.
  await tx.user.updateMany({
    where: { id: ctx.caller.userId, displayName: '微信用户' },
    data: { displayName: input.contactName, updatedAt: now },
  });
  await writeAudit(tx, ctx, {
    action: 'organisation.register',
    objectType: 'organisation',
    objectId: org.id,
    areaCode: org.areaCode,
    details: { organisationId: org.id, name: org.name, creditCode: org.creditCode },
  });
  return org;
}

/** A profile edit by an administrator; locked fields of a verified organisation stay put. */
async function updateOrganisation(
  tx: TransactionClient,
  ctx: ApplicantCtx,
  org: Organisation,
  input: OrganisationProfile,
) {
  refuseLockedChanges(org, input);
  if (input.creditCode !== org.creditCode) await refuseTakenCode(tx, input.creditCode, org.id);
  const data = organisationData(input);
  const updated = await tx.organisation.update({
    where: { id: org.id },
    data: { ...data, version: { increment: 1 }, updatedAt: ctx.now() },
  });
  const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
    (k) => JSON.stringify(org[k]) !== JSON.stringify(updated[k]),
  );
  await writeAudit(tx, ctx, {
    action: 'organisation.update',
    objectType: 'organisation',
    objectId: org.id,
    areaCode: updated.areaCode,
    details: { organisationId: org.id, name: updated.name, changed },
  });
  return updated;
}

/** An applicant's own profile. Every query is keyed by the caller's user id, never by input. */
export const profileRouter = {
  mine: applicantProcedure.query(async ({ ctx }) => {
    const userId = ctx.caller.userId;
    const membership = await membershipOf(ctx.db.prisma, userId);
    if (membership)
      return {
        type: 'organisation' as const,
        organisation: organisationDto(membership.organisation),
        membership: { role: membership.role, roleLabel: memberRoleName(membership.role) },
      };
    const researcher = await ctx.db.prisma.researcher.findUnique({ where: { userId } });
    if (researcher) return { type: 'researcher' as const, researcher: researcherDto(researcher) };
    return { type: null };
  }),

  /** Registers an organisation (the caller becomes its administrator) or edits it (administrators). */
  saveOrganisation: applicantProcedure
    .input(organisationProfileSchema)
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.caller.userId;
      try {
        const org = await ctx.db.prisma.$transaction(async (tx) => {
          if (await tx.researcher.findUnique({ where: { userId }, select: { id: true } })) {
            throw appError('ALREADY_REGISTERED', {
              message: '您已注册为科研人员，不能再注册单位资料',
            });
          }
          const membership = await membershipOf(tx, userId);
          if (!membership) return registerOrganisation(tx, ctx, input);
          if (membership.role !== 'admin')
            throw appError('NOT_ORG_ADMIN', { message: '只有单位管理员可以修改单位资料' });
          return updateOrganisation(tx, ctx, membership.organisation, input);
        });
        return organisationDto(org);
      } catch (error) {
        rethrowTaken(error, 'credit_code', 'creditCode', 'CREDIT_CODE_TAKEN');
      }
    }),

  saveResearcher: applicantProcedure
    .input(researcherProfileSchema)
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.caller.userId;
      const facts = checkResidentId(input.residentId);
      if (!facts.ok)
        throw appError('INVALID_INPUT', { fieldErrors: { residentId: [facts.message] } });
      const residentIdHash = hashResidentId(facts.value, ctx.config.piiHashKey);
      const data = {
        name: input.name,
        residentIdHash,
        residentIdMasked: maskResidentId(facts.value),
        birthDate: new Date(`${facts.birthDate}T00:00:00Z`),
        sex: facts.sex,
        mobile: input.mobile,
        institutionName: input.institutionName,
        institutionCreditCode: input.institutionCreditCode ?? null,
        title: input.title,
        fieldCodes: input.fieldCodes,
        subFieldCodes: input.subFieldCodes,
        expertise: input.expertise,
        preferredAreaCodes: input.preferredAreaCodes,
      };
      try {
        const researcher = await ctx.db.prisma.$transaction(async (tx) => {
          if (await membershipOf(tx, userId)) {
            throw appError('ALREADY_REGISTERED', {
              message: '您已是单位成员，不能再注册为科研人员',
            });
          }
          const clash = await tx.researcher.findUnique({
            where: { residentIdHash },
            select: { userId: true },
          });
          if (clash && clash.userId !== userId) {
            throw appError('RESIDENT_ID_TAKEN', {
              fieldErrors: { residentId: [ERROR_CODES.RESIDENT_ID_TAKEN] },
            });
          }
          const before = await tx.researcher.findUnique({
            where: { userId },
            select: { institutionCreditCode: true },
          });
          const saved = await tx.researcher.upsert({
            where: { userId },
            create: { ...data, userId, createdAt: ctx.now(), updatedAt: ctx.now() },
            update: { ...data, updatedAt: ctx.now() },
          });
          // Names only: the ID and mobile numbers never enter the log.
          await writeAudit(tx, ctx, {
            action: before ? 'researcher.update' : 'researcher.register',
            objectType: 'researcher',
            objectId: saved.id,
            details: { name: saved.name, institutionName: saved.institutionName },
          });
          // 单位关联: the institution's administrators confirm it (src/organisations/members).
          return syncInstitutionLink(tx, ctx, saved, before?.institutionCreditCode);
        });
        return researcherDto(researcher);
      } catch (error) {
        rethrowTaken(error, 'resident_id_hash', 'residentId', 'RESIDENT_ID_TAKEN');
      }
    }),
} satisfies TRPCRouterRecord;

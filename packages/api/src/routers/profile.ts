import type { TRPCRouterRecord } from '@trpc/server';
import { hashResidentId, isUniqueViolationOn } from '@kc/db';
import {
  ERROR_CODES,
  checkResidentId,
  maskResidentId,
  organisationProfileSchema,
  researcherProfileSchema,
} from '@kc/domain';
import { organisationDto, researcherDto } from '../dto';
import { appError } from '../errors';
import { orgTypeToDb } from '../mappers';
import { applicantProcedure } from '../trpc';

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
    throw appError(code, { fieldErrors: { [field]: [ERROR_CODES[code]] } });
  throw error;
}

/** An applicant's own profile. Every query is keyed by the caller's user id, never by input. */
export const profileRouter = {
  mine: applicantProcedure.query(async ({ ctx }) => {
    const userId = ctx.caller.userId;
    const org = await ctx.db.prisma.organisation.findUnique({ where: { ownerUserId: userId } });
    if (org) return { type: 'organisation' as const, organisation: organisationDto(org) };
    const researcher = await ctx.db.prisma.researcher.findUnique({ where: { userId } });
    if (researcher) return { type: 'researcher' as const, researcher: researcherDto(researcher) };
    return { type: null };
  }),

  saveOrganisation: applicantProcedure
    .input(organisationProfileSchema)
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.caller.userId;
      const data = {
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
      try {
        const org = await ctx.db.prisma.$transaction(async (tx) => {
          if (await tx.researcher.findUnique({ where: { userId }, select: { id: true } })) {
            throw appError('ALREADY_REGISTERED', {
              message: '您已注册为科研人员，不能再注册单位资料',
            });
          }
          const clash = await tx.organisation.findUnique({
            where: { creditCode: input.creditCode },
            select: { ownerUserId: true },
          });
          if (clash && clash.ownerUserId !== userId) {
            throw appError('CREDIT_CODE_TAKEN', {
              fieldErrors: { creditCode: [ERROR_CODES.CREDIT_CODE_TAKEN] },
            });
          }
          return tx.organisation.upsert({
            where: { ownerUserId: userId },
            create: { ...data, ownerUserId: userId, createdAt: ctx.now(), updatedAt: ctx.now() },
            update: { ...data, updatedAt: ctx.now() },
          });
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
          if (
            await tx.organisation.findUnique({
              where: { ownerUserId: userId },
              select: { id: true },
            })
          ) {
            throw appError('ALREADY_REGISTERED', {
              message: '您已注册单位资料，不能再注册为科研人员',
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
          return tx.researcher.upsert({
            where: { userId },
            create: { ...data, userId, createdAt: ctx.now(), updatedAt: ctx.now() },
            update: { ...data, updatedAt: ctx.now() },
          });
        });
        return researcherDto(researcher);
      } catch (error) {
        rethrowTaken(error, 'resident_id_hash', 'residentId', 'RESIDENT_ID_TAKEN');
      }
    }),
} satisfies TRPCRouterRecord;

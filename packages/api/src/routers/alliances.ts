import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ALLIANCE_DECISION_CODES,
  ALLIANCE_STATUS_CODES,
  FIELD_CODES,
  allianceSchema,
  plainString,
} from '@kc/domain';
import { pageInput } from '../paging';
import {
  approvedAlliance,
  approvedAlliances,
  decideAlliance,
  myAlliances,
  officerAlliance,
  officerAlliances,
  searchMemberUnits,
  submitAlliance,
  updateAlliance,
} from '../selection/alliances';
import { applicantProcedure, caseworkProcedure, publicProcedure } from '../trpc';

const id = z.uuid({ error: '记录编号无效' });
const version = z.number().int().positive({ error: '版本号无效' });
const keyword = plainString().trim().max(50, '关键词不能超过50个字').optional();
const fieldCode = z.enum(FIELD_CODES, { error: '未知的产业领域' }).optional();

/** 创新联盟 (plan 四.4): the lead firm registers, officers decide, anyone reads the approved. */
export const alliancesRouter = {
  /** The public registry (organisations only, no people). */
  published: publicProcedure
    .input(z.object({ ...pageInput, fieldCode, q: keyword }))
    .query(({ ctx, input }) => approvedAlliances(ctx.db.prisma, input)),
  publishedById: publicProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => approvedAlliance(ctx.db.prisma, input.id)),

  mine: applicantProcedure.query(({ ctx }) => myAlliances(ctx)),
  /** Registered units to pick as members, by a part of their name. */
  memberUnits: applicantProcedure
    .input(
      z.object({
        q: plainString({ error: '请输入单位名称' })
          .trim()
          .min(2, '请至少输入2个字')
          .max(50, '关键词不能超过50个字'),
      }),
    )
    .query(({ ctx, input }) => searchMemberUnits(ctx, input.q)),
  submit: applicantProcedure
    .input(allianceSchema)
    .mutation(({ ctx, input }) => submitAlliance(ctx, input)),
  update: applicantProcedure
    .input(z.object({ id, expectedVersion: version, alliance: allianceSchema }))
    .mutation(({ ctx, input }) =>
      updateAlliance(ctx, input.id, input.expectedVersion, input.alliance),
    ),

  list: caseworkProcedure
    .input(
      z.object({
        ...pageInput,
        status: z.enum(ALLIANCE_STATUS_CODES, { error: '未知的联盟状态' }).optional(),
        fieldCode,
        q: keyword,
      }),
    )
    .query(({ ctx, input }) => officerAlliances(ctx, input)),
  byId: caseworkProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => officerAlliance(ctx, input.id)),
  decide: caseworkProcedure
    .input(
      z.object({
        id,
        expectedVersion: version,
        action: z.enum(ALLIANCE_DECISION_CODES, { error: '请选择处理方式' }),
        comment: plainString().trim().max(500, { error: '意见不能超过500字' }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => decideAlliance(ctx, input)),
} satisfies TRPCRouterRecord;

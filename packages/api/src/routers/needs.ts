import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  FIELD_CODES,
  NEED_CURATION_CODES,
  NEED_KIND_CODES,
  NEED_STATUS_CODES,
  needResponseSchema,
  needSchema,
  plainString,
} from '@kc/domain';
import { pageInput } from '../paging';
import {
  curateNeed,
  myNeeds,
  officerNeeds,
  postNeed,
  publishedNeed,
  publishedNeeds,
  respondToNeed,
  updateNeed,
} from '../selection/needs';
import { applicantProcedure, caseworkProcedure, publicProcedure } from '../trpc';

const id = z.uuid({ error: '记录编号无效' });
const version = z.number().int().positive({ error: '版本号无效' });

/** 需求榜: scenario and technology needs (issue 14). */
export const needsRouter = {
  /** The public board (no people on it). */
  published: publicProcedure
    .input(
      z.object({
        ...pageInput,
        kind: z.enum(NEED_KIND_CODES, { error: '未知的需求类型' }).optional(),
        fieldCode: z.enum(FIELD_CODES, { error: '未知的产业领域' }).optional(),
        q: plainString().trim().max(50, '关键词不能超过50个字').optional(),
      }),
    )
    .query(({ ctx, input }) => publishedNeeds(ctx.db.prisma, input)),
  publishedById: publicProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => publishedNeed(ctx.db.prisma, input.id)),

  mine: applicantProcedure.query(({ ctx }) => myNeeds(ctx)),
  post: applicantProcedure.input(needSchema).mutation(({ ctx, input }) => postNeed(ctx, input)),
  update: applicantProcedure
    .input(z.object({ id, expectedVersion: version, need: needSchema }))
    .mutation(({ ctx, input }) => updateNeed(ctx, input.id, input.expectedVersion, input.need)),
  respond: applicantProcedure
    .input(needResponseSchema.extend({ id }))
    .mutation(({ ctx, input }) => respondToNeed(ctx, input.id, input.message)),

  list: caseworkProcedure
    .input(
      z.object({
        ...pageInput,
        status: z.enum(NEED_STATUS_CODES, { error: '未知的需求状态' }).optional(),
        kind: z.enum(NEED_KIND_CODES, { error: '未知的需求类型' }).optional(),
      }),
    )
    .query(({ ctx, input }) => officerNeeds(ctx, input)),
  curate: caseworkProcedure
    .input(
      z.object({
        id,
        expectedVersion: version,
        action: z.enum(NEED_CURATION_CODES, { error: '请选择处理方式' }),
        comment: plainString().trim().max(500, { error: '意见不能超过500字' }).optional(),
        mergeIntoId: id.optional(),
      }),
    )
    .mutation(({ ctx, input }) => curateNeed(ctx, input)),
} satisfies TRPCRouterRecord;

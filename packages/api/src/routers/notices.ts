import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { isCalendarDate, plainString } from '@kc/domain';
import {
  MAX_NOTICE_ITEMS,
  addNoticeItems,
  closeNotice,
  createNotice,
  listNotices,
  noticeById,
  publishNotice,
  recordObjection,
  removeNoticeItem,
  resolveObjection,
} from '../awards/notice';
import { caseworkProcedure, officerWithRoles } from '../trpc';

const id = z.uuid({ error: '记录编号无效' });
const applicationIds = z
  .array(id, { error: '请选择申请' })
  .min(1, '请至少选择一项申请')
  .max(MAX_NOTICE_ITEMS, `一个公示批次最多列入${MAX_NOTICE_ITEMS}项申请`);
const calendarDate = plainString().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');

/** Changes to a notice: the bureau's (局管理员, 局审核员). */
const bureau = officerWithRoles('bureau-admin', 'bureau-reviewer');

/**
 * Public notice (公示) of intended awards. Any officer may read (area officers see their own
 * area's items only); the bureau prepares, publishes, records and resolves objections, closes.
 */
export const noticesRouter = {
  list: caseworkProcedure
    .input(
      z
        .object({
          status: z
            .enum(['draft', 'published', 'closed', 'withdrawn'], { error: '未知的公示状态' })
            .optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => listNotices(ctx, input)),

  byId: caseworkProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => noticeById(ctx, input.id)),

  create: bureau
    .input(
      z.object({
        title: plainString({ error: '请填写公示标题' })
          .trim()
          .min(1, '请填写公示标题')
          .max(200, '公示标题不能超过200个字'),
        workingDays: z
          .number({ error: '公示期应为工作日天数' })
          .int('公示期应为整数个工作日')
          .min(1, '公示期至少为1个工作日')
          .max(30, '公示期不能超过30个工作日')
          .optional(),
        applicationIds,
      }),
    )
    .mutation(({ ctx, input }) => createNotice(ctx, input)),

  addItems: bureau
    .input(z.object({ batchId: id, applicationIds }))
    .mutation(({ ctx, input }) => addNoticeItems(ctx, input)),

  removeItem: bureau
    .input(z.object({ itemId: id }))
    .mutation(({ ctx, input }) => removeNoticeItem(ctx, input)),

  publish: bureau
    .input(z.object({ batchId: id, publishedOn: calendarDate.optional() }))
    .mutation(({ ctx, input }) => publishNotice(ctx, input)),

  recordObjection: bureau
    .input(
      z.object({
        itemId: id,
        objector: plainString({ error: '请填写异议人' })
          .trim()
          .min(1, '请填写异议人（可填“匿名”）')
          .max(200, '异议人信息不能超过200个字'),
        content: plainString({ error: '请填写异议内容' })
          .trim()
          .min(1, '请填写异议内容')
          .max(5000, '异议内容不能超过5000个字'),
        receivedAt: z.date({ error: '收到时间无效' }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => recordObjection(ctx, input)),

  resolveObjection: bureau
    .input(
      z.object({
        objectionId: id,
        outcome: z.enum(['dismiss', 'uphold'], { error: '请选择处理结果' }),
        resolution: plainString({ error: '请填写处理意见' })
          .trim()
          .min(5, '处理意见不少于5个字')
          .max(1000, '处理意见不能超过1000个字'),
      }),
    )
    .mutation(({ ctx, input }) => resolveObjection(ctx, input)),

  close: bureau
    .input(z.object({ batchId: id }))
    .mutation(({ ctx, input }) => closeNotice(ctx, input)),
} satisfies TRPCRouterRecord;

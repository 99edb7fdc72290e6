import { z } from 'zod';
import {
  APPLICATION_QUEUE_CODES,
  APPLICATION_STATUS_CODES,
  areaCodeSchema,
  FIELD_CODES,
  plainString,
} from '@kc/domain';
import { pageInput } from '../paging';

/**
 * The filters of the officers' review queue (审核队列), once: the list takes them with its sort
 * and page, the background export (exports/kinds) takes the same filters without them.
 */
export const reviewQueueFilterSchema = z.object({
  status: z.enum(APPLICATION_STATUS_CODES, { error: '未知的申请状态' }).optional(),
  queue: z.enum(APPLICATION_QUEUE_CODES, { error: '未知的待办类别' }).optional(),
  ruleId: plainString().max(64).optional(),
  areaCode: areaCodeSchema.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  fieldCode: z.enum(FIELD_CODES, { error: '未知的产业领域' }).optional(),
  q: plainString().trim().max(50, '关键词不能超过50个字').optional(),
});
export type ReviewQueueFilters = z.infer<typeof reviewQueueFilterSchema>;

export const reviewQueueInput = reviewQueueFilterSchema.extend({
  sort: z.enum(['submittedAt', 'amount']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...pageInput,
});

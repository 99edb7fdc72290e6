import { z } from 'zod';
import type { AreaCode } from '@kc/domain';
import { areaCodeSchema, plainString } from '@kc/domain';
import { areaScope, assertAreaAllowed } from '../../access';
import { pageInput } from '../../paging';
import type { OfficerCtx } from './common';
import { assertTrustRole } from './common';
import { likeLiteral } from '../../search';

/** The officers' queue filters, the same for verifications, change requests and claims. */
export function queueInput<S extends readonly [string, ...string[]]>(statuses: S) {
  return z.object({
    ...pageInput,
    status: z.enum(statuses, { error: '未知的状态' }).optional(),
    areaCode: areaCodeSchema.optional(),
    q: plainString().trim().max(50, '关键词不能超过50个字').optional(),
  });
}

export interface QueueFilter {
  page: number;
  pageSize: number;
  status?: string | undefined;
  areaCode?: AreaCode | undefined;
  q?: string | undefined;
}

/**
 * The Prisma `where` of a queue: the status, the officer's area (an area officer's own, whatever
 * they ask; another area is refused), and a keyword on the organisation's name or credit code.
 * The workbench tiles count with the same filter, so a tile and its list always agree.
 */
export function queueWhere(ctx: OfficerCtx, filter: Omit<QueueFilter, 'page' | 'pageSize'>) {
  assertTrustRole(ctx.caller);
  assertAreaAllowed(ctx.caller, filter.areaCode);
  const area = areaScope(ctx.caller).areaCode ?? filter.areaCode;
  const q = filter.q?.trim();
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(area ? { areaCode: area } : {}),
    ...(q
      ? {
          organisation: {
            OR: [
              { name: { contains: likeLiteral(q), mode: 'insensitive' as const } },
              { creditCode: { startsWith: likeLiteral(q.toUpperCase()) } },
            ],
          },
        }
      : {}),
  };
}

/** Waiting requests oldest first (a queue); decided ones newest first (a record). */
export function queueOrder(status: string | undefined) {
  const direction = status === 'pending' ? ('asc' as const) : ('desc' as const);
  return [{ createdAt: direction }, { id: 'asc' as const }];
}

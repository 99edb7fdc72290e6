import type { TransactionClient } from '@kc/db';
import type { VpCallStatus } from '@kc/domain';
import { callDto, secondmentDto } from './dto';
import { INCLUDE } from './secondment-rows';

type Reader = Pick<TransactionClient, 'vpCall' | 'vpSecondment'>;

/** Calls whose matched list has been published (公示) and not withdrawn: in notice and after. */
const PUBLIC_STATUSES: VpCallStatus[] = ['notice', 'confirmed', 'closed'];
const PUBLIC_WHERE = { status: { in: PUBLIC_STATUSES }, noticeStartsOn: { not: null } };

/** 科技副总 calls with a published list, newest notice first (the admin's `callDto`). */
export async function listPublicVpCalls(db: Reader) {
  const calls = await db.vpCall.findMany({
    where: PUBLIC_WHERE,
    orderBy: [{ noticeStartsOn: 'desc' }, { number: 'desc' }],
    take: 100,
  });
  return calls.map(callDto);
}

/**
 * One call's published list: the secondments it proposed, as the officers' list reads them
 * (`secondmentDto`: firm, researcher's name and institution; no phone, age or ID). Withdrawn
 * (cancelled) pairs are not on it. Null for an unknown call or one not yet in notice.
 */
export async function publicVpNotice(db: Reader, callId: string) {
  const call = await db.vpCall.findFirst({ where: { id: callId, ...PUBLIC_WHERE } });
  if (!call) return null;
  const rows = await db.vpSecondment.findMany({
    where: { callId, status: { not: 'cancelled' } },
    include: INCLUDE,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return { call: callDto(call), secondments: rows.map(secondmentDto) };
}

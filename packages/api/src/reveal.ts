import { z } from 'zod';
import { plainString } from '@kc/domain';
import { appError } from './errors';

/**
 * Input of a PII reveal (a full phone number): the record and the officer's reason, which goes
 * into the audit row. The reason is optional in the schema so that a missing one is refused with
 * its own code and message (`REVEAL_REASON_REQUIRED`), not with a generic validation error.
 */
export const revealInput = z.object({
  id: z.uuid({ error: '记录编号无效' }),
  reason: plainString({ error: '查看理由应为文字' }).max(200, '查看理由最多200字').optional(),
});

/** The trimmed reason, or the refusal. */
export function requireRevealReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (!trimmed)
    throw appError('REVEAL_REASON_REQUIRED', {
      fieldErrors: { reason: ['请填写查看理由'] },
    });
  return trimmed;
}

import { useQueryClient } from '@tanstack/vue-query';
import { ref } from 'vue';
import { trpc } from '../../api/client';
import { AWARD_KEYS } from '../../composables/query-keys';
import { inlineMessageOf } from '../../composables/use-field-errors';
import { useIdempotencyKey } from '../../composables/use-idempotency-key';
import { XLSX_MIME, base64ToBlob, saveBlob } from '../../utils/download';
import type { Batch } from './types';

const silent = { context: { silent: true } };

/**
 * What can be done to a batch. Confirm and pay move money: each carries its own idempotency key,
 * kept until it succeeds, so a retry after a timeout replays the first answer instead of paying
 * twice. Refusals (same person, not confirmed, over budget) stay on the page in `error`.
 */
export function useBatchActions(batch: () => Batch) {
  const client = useQueryClient();
  const busy = ref<null | 'confirm' | 'pay' | 'remove' | 'export'>(null);
  const error = ref<string | null>(null);
  const confirmKey = useIdempotencyKey();
  const payKey = useIdempotencyKey();

  async function run<T>(kind: NonNullable<typeof busy.value>, call: () => Promise<T>) {
    busy.value = kind;
    error.value = null;
    try {
      return await call();
    } catch (e) {
      error.value = inlineMessageOf(e) || null;
      return null;
    } finally {
      busy.value = null;
      await Promise.all(AWARD_KEYS.map((queryKey) => client.invalidateQueries({ queryKey })));
    }
  }

  return {
    busy,
    error,
    /** A different bank reference is a different request: it must not reuse the key. */
    renewPayKey: () => payKey.renew(),
    async confirm() {
      const done = await run('confirm', () =>
        trpc.disbursements.confirm.mutate(
          { batchId: batch().id, idempotencyKey: confirmKey.key.value },
          silent,
        ),
      );
      if (done) {
        confirmKey.renew();
        ElMessage.success('已审核确认，可以拨付');
      }
    },
    async pay(bankReference: string) {
      const done = await run('pay', () =>
        trpc.disbursements.markPaid.mutate(
          {
            batchId: batch().id,
            idempotencyKey: payKey.key.value,
            ...(bankReference.trim() ? { bankReference: bankReference.trim() } : {}),
          },
          silent,
        ),
      );
      if (done) {
        payKey.renew();
        ElMessage.success('已确认拨付');
      }
      return done !== null;
    },
    async remove(applicationId: string) {
      const done = await run('remove', () =>
        trpc.disbursements.removeItem.mutate({ batchId: batch().id, applicationId }, silent),
      );
      if (done) ElMessage.success('已移出批次');
    },
    async exportXlsx() {
      // A mutation on the server (every export of bank details is audited).
      const file = await run('export', () =>
        trpc.disbursements.exportXlsx.mutate({ batchId: batch().id }, silent),
      );
      if (file) saveBlob(base64ToBlob(file.base64, file.mimeType || XLSX_MIME), file.filename);
    },
  };
}

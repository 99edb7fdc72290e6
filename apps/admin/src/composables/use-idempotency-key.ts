import { ref } from 'vue';

/**
 * The request number a money-moving call carries (`idempotencyKey`, see packages/api
 * idempotency.ts). One key per intended operation: a retry or a double click sends the same key
 * and the server answers with the first result instead of paying twice. Call `renew()` once the
 * operation succeeded (or the officer starts a different one).
 */
export function useIdempotencyKey() {
  const key = ref(crypto.randomUUID());
  return {
    key,
    renew() {
      key.value = crypto.randomUUID();
    },
  };
}

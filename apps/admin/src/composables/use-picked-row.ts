import type { Ref } from 'vue';
import { computed, ref } from 'vue';

/**
 * The record a list page's drawer shows: the row clicked, or what a step taken on it answered,
 * whichever is newer (a decided record may leave the filtered list; a reloaded list may carry a
 * newer version).
 */
export function usePickedRow<T extends { id: string; version: number }>(
  rows: Readonly<Ref<readonly T[]>>,
) {
  const picked = ref(null) as Ref<T | null>;
  const open = ref(false);
  const shown = computed(() => {
    const row = rows.value.find((r) => r.id === picked.value?.id);
    if (!row) return picked.value;
    return picked.value && picked.value.version > row.version ? picked.value : row;
  });
  /** Opens the drawer on a row. */
  function pick(row: T) {
    picked.value = row;
    open.value = true;
  }
  /** Keeps what a step on the record answered. */
  function answered(saved: T) {
    picked.value = saved;
  }
  return { open, shown, pick, answered };
}

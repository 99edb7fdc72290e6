import type { Ref } from 'vue';
import { ref } from 'vue';
import { messageOf } from '../../api/errors';

/**
 * Sending a code (TOTP, recovery code, or the password typed again): one request at a time, the
 * server's own words on failure, and the field emptied then, since a refused code is of no use.
 * `alternate` is the other way to prove it (a recovery code, the password) when the phone is
 * not at hand; switching empties the field and the error.
 */
export function useCodeSubmit(code: Ref<string>) {
  const busy = ref(false);
  const error = ref('');
  const alternate = ref(false);
  function toggle() {
    alternate.value = !alternate.value;
    code.value = '';
    error.value = '';
  }
  async function run(action: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    error.value = '';
    busy.value = true;
    try {
      await action();
    } catch (e) {
      error.value = messageOf(e);
      code.value = '';
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run, alternate, toggle };
}

import { useQueryClient } from '@tanstack/vue-query';
import { ref } from 'vue';
import { trpc } from '../../api/client';
import { appCodeOf, isSessionLost } from '../../api/errors';
import { AWARD_KEYS } from '../../composables/query-keys';
import { fieldErrorsOf, inlineMessageOf } from '../../composables/use-field-errors';
import type { ApplicationDetail, ReviewAction } from './types';

export interface ActInput {
  action: ReviewAction;
  comment?: string;
  overrideAmountFen?: bigint;
  overrideReason?: string;
}

/**
 * One review step on the application shown. Refusals (over budget, conflict of interest, stale
 * version, a missing reason) are kept here for the dialog to show beside the form, instead of a
 * toast that disappears; a lost session is still handled globally.
 */
export function useReviewAct(application: () => ApplicationDetail) {
  const client = useQueryClient();
  const busy = ref(false);
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});

  async function act(input: ActInput): Promise<boolean> {
    const app = application();
    busy.value = true;
    error.value = null;
    fieldErrors.value = {};
    try {
      await trpc.review.act.mutate(
        { applicationId: app.id, expectedVersion: app.version, ...input },
        { context: { silent: true } },
      );
      return true;
    } catch (e) {
      if (isSessionLost(e)) {
        inlineMessageOf(e);
        return false;
      }
      fieldErrors.value = fieldErrorsOf(e);
      error.value = inlineMessageOf(e);
      // Someone else moved it: show the current state behind the dialog.
      if (appCodeOf(e) === 'STALE_VERSION') await refresh();
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function refresh() {
    await Promise.all(AWARD_KEYS.map((queryKey) => client.invalidateQueries({ queryKey })));
  }

  return {
    act,
    refresh,
    busy,
    error,
    fieldErrors,
    clearError() {
      error.value = null;
      fieldErrors.value = {};
    },
  };
}

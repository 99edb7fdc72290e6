import { useQueryClient } from '@tanstack/vue-query';
import { computed, ref } from 'vue';
import type { StepSubmitOptions } from './use-step-submit';
import { reloadedNote, useStepSubmit } from './use-step-submit';

export interface RecordStepOptions extends StepSubmitOptions {
  /** How the line under a stale refusal names the record: 该联盟. */
  record: string;
  /** What a reload brings (`reloadedNote`'s `what`): 最新状态 (the default), 最新资料. */
  what?: string;
  /** The record as the dialog shows it now: its status, whether the step still applies, the step. */
  now: () => { statusName: string; allowed: boolean; step: string };
}

/**
 * A step on one record of a list (通过, 退回修改, 发布…) from a dialog open while `visible`:
 * `useStepSubmit`, and what the dialog says and allows around it. `errorDetail`, the line under a
 * stale refusal: with `version`, until the record shown is reloaded, to reopen it from the list;
 * then `reloadedNote`. `blocked`: the button is off while the record no longer allows the step or
 * is not yet reloaded. `done()` after the step: the dialog closes and `reload` is refetched.
 *
 * ```ts
 * const step = useRecordStep({ reload: [allianceKeys.all], version: () => props.alliance.version,
 *   record: '该联盟', now: () => ({ statusName, allowed, step: rule.value.name }) });
 * await step.submit(async () => { emit('decided', await decideAlliance(…)); await step.done(); });
 * ```
 */
export function useRecordStep(options: RecordStepOptions) {
  const client = useQueryClient();
  const step = useStepSubmit(options);
  const { stale, reloaded, upToDate } = step;
  const visible = ref(true);

  const errorDetail = computed(() => {
    if (!(options.version ? stale.value : reloaded.value)) return undefined;
    if (!upToDate.value) return `请关闭后在列表中重新打开${options.record}。`;
    return reloadedNote(options.record, options.what ?? '最新状态', options.now());
  });
  const blocked = computed(() => !options.now().allowed || !upToDate.value);

  async function done() {
    visible.value = false;
    await Promise.all(options.reload.map((queryKey) => client.invalidateQueries({ queryKey })));
  }

  return { ...step, visible, errorDetail, blocked, done };
}

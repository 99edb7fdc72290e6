import { useQueryClient } from '@tanstack/vue-query';
import { ref } from 'vue';
import { appCodeOf } from '../../api/errors';
import { inlineMessageOf } from '../../composables/use-field-errors';
import { reloadedNote } from '../../composables/use-step-submit';
import { confirmAction } from '../../utils/confirm';
import type { PolicyVersion } from './queries';
import { confirmAdoption, policyVersionKeys } from './queries';

/**
 * 确认施行, the second administrator's step: asked first (it cannot be undone), then taken on the
 * version shown. A refusal stays on the page (`error`, `detail`): the server's words, and after a
 * stale version what the reloaded version now is. The page is refetched either way.
 */
export function useConfirmAdoption(current: () => PolicyVersion | undefined) {
  const client = useQueryClient();
  const busy = ref(false);
  const error = ref('');
  const detail = ref('');

  async function confirm() {
    const v = current();
    if (!v) return;
    const ok = await confirmAction(
      `确认《${v.title}》自 ${v.effectiveFrom} 起施行？确认后该版本不能再修改；${v.effectiveFrom} 及以后提交的申请按新版本审核计算，持有未提交申请的申请人将收到通知。`,
      '确认施行',
    );
    if (!ok) return;
    busy.value = true;
    error.value = '';
    detail.value = '';
    let stale = false;
    try {
      const done = await confirmAdoption({ id: v.id, expectedVersion: v.rowVersion });
      ElMessage.success(
        done.draftsTold > 0
          ? `已确认施行，已通知 ${done.draftsTold} 份未提交申请的申请人`
          : '已确认施行',
      );
    } catch (e) {
      error.value = inlineMessageOf(e);
      stale = appCodeOf(e) === 'STALE_VERSION';
    } finally {
      await client.invalidateQueries({ queryKey: policyVersionKeys.all });
      busy.value = false;
    }
    const now = current();
    if (stale && now)
      detail.value = reloadedNote('该修订', '最新状态', {
        statusName: now.statusName,
        allowed: now.status === 'awaiting-confirmation',
        step: '确认施行',
      });
  }

  function dismiss() {
    error.value = '';
    detail.value = '';
  }

  return { busy, error, detail, confirm, dismiss };
}

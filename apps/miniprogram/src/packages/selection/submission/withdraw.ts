import Taro from '@tarojs/taro';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { MySubmission } from '../data';

export const WITHDRAW_QUESTION =
  '撤回后本申报不再参加形式审查和评审，本单位也不能再次申报本指南。确定撤回吗？';

/**
 * 撤回申报, after a confirmation that says it cannot be undone (the API keeps one submission per
 * organisation and call; a withdrawn one stays withdrawn). The withdrawn submission, or null.
 */
export async function withdrawSubmission(
  submission: Pick<MySubmission, 'id' | 'version'>,
): Promise<MySubmission | null> {
  const { confirm } = await Taro.showModal({
    title: '撤回申报',
    content: WITHDRAW_QUESTION,
    confirmText: '撤回',
    confirmColor: '#e5484d',
  });
  if (!confirm) return null;
  try {
    const withdrawn = await withSession(() =>
      api.selection.submissions.withdraw.mutate({
        id: submission.id,
        expectedVersion: submission.version,
      }),
    );
    void toastDone('已撤回');
    return withdrawn;
  } catch (error) {
    if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    return null;
  }
}

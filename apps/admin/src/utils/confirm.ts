import type { ElMessageBoxOptions } from 'element-plus';

/**
 * Asks before a consequential step. Resolves false when the officer cancels or closes the box
 * (ElMessageBox rejects then, which would otherwise surface as a page error).
 */
export async function confirmAction(
  message: string,
  title: string,
  options: ElMessageBoxOptions = {},
): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: '确定',
      cancelButtonText: '取消',
      ...options,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks, then runs `action`. A failure of the action is not raised again: the API layer has
 * already shown the server's words.
 */
export async function confirmThen(message: string, action: () => Promise<unknown>): Promise<void> {
  if (!(await confirmAction(message, '请确认'))) return;
  try {
    await action();
  } catch {
    // Shown by the API layer.
  }
}

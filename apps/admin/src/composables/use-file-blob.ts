import type { MaybeRefOrGetter } from 'vue';
import { onScopeDispose, ref, toValue, watch } from 'vue';
import { UserFacingError } from '../api/errors';
import { getToken } from '../api/session';
import { saveBlob } from '../utils/download';

/**
 * Evidence files are served by `GET /files/:id` with the officer's bearer token (a plain
 * `<img src>` cannot send it, and the download is audited on the server), so they are fetched
 * into a Blob here. Same origin: the admin host proxies `/files` to the API like `/trpc`.
 */
export async function fetchFile(fileId: string): Promise<Blob> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`/files/${encodeURIComponent(fileId)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new UserFacingError('无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string };
    } | null;
    throw new UserFacingError(body?.error?.message ?? `文件读取失败（${response.status}）`);
  }
  return response.blob();
}

/** Downloads an evidence file under its original name; problems are shown as a message. */
export async function downloadFile(fileId: string, filename: string): Promise<void> {
  try {
    saveBlob(await fetchFile(fileId), filename);
  } catch (error) {
    ElMessage.error(error instanceof Error ? error.message : '文件下载失败');
  }
}

/**
 * An object URL for showing a file inline (an image preview), revoked when the id changes or
 * the component goes away. `error` holds a Chinese message when it could not be loaded.
 */
export function useFileObjectUrl(fileId: MaybeRefOrGetter<string | null>) {
  const url = ref<string | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let current: string | null = null;

  function release() {
    if (current) URL.revokeObjectURL(current);
    current = null;
    url.value = null;
  }

  watch(
    () => toValue(fileId),
    async (id) => {
      release();
      error.value = null;
      if (!id) return;
      loading.value = true;
      try {
        const blob = await fetchFile(id);
        if (toValue(fileId) !== id) return;
        current = URL.createObjectURL(blob);
        url.value = current;
      } catch (e) {
        error.value = e instanceof Error ? e.message : '文件读取失败';
      } finally {
        loading.value = false;
      }
    },
    { immediate: true },
  );
  onScopeDispose(release);
  return { url, error, loading };
}

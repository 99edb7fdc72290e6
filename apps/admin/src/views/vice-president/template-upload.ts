import { UserFacingError } from '../../api/errors';
import { getToken } from '../../api/session';

/**
 * Sends a template (协议模板) to `POST /files/templates` (same origin, proxied to the API like
 * /trpc), which checks who uploads it, its size and its real type; the call then names it by id.
 */
export async function uploadTemplateFile(
  file: File,
): Promise<{ id: string; originalName: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = getToken();
  let response: Response;
  try {
    response = await fetch('/files/templates', {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
  } catch {
    throw new UserFacingError('无法连接服务器，请检查网络后重试');
  }
  const body = (await response.json().catch(() => null)) as {
    id?: string;
    originalName?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok || !body?.id) {
    throw new UserFacingError(body?.error?.message ?? `模板上传失败（${response.status}）`);
  }
  return { id: body.id, originalName: body.originalName ?? file.name };
}

import { env } from '../../../env';
import { readSession } from '../../../services/session-store';

/**
 * Browser: fetches the call's agreement template with the session (GET /files/:id checks that
 * the caller is a party of a secondment of the call) and saves it under its name.
 */
export async function downloadTemplate(fileId: string, name: string): Promise<void> {
  const token = readSession()?.token;
  const res = await fetch(`${env.apiUrl}/files/${encodeURIComponent(fileId)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error('模板下载失败，请稍后重试');
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

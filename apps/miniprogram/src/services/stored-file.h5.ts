import { env } from '../env';
import { readSession } from './session-store';

/**
 * Browser: fetches a stored file with the session (GET /files/:id checks that the caller may read
 * it) and saves it under its name. `failure`: the message of a download that did not come.
 */
export async function openStoredFile(
  fileId: string,
  name: string,
  failure = '文件下载失败，请稍后重试',
): Promise<void> {
  const token = readSession()?.token;
  const res = await fetch(`${env.apiUrl}/files/${encodeURIComponent(fileId)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(failure);
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

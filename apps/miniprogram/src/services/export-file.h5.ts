import { EXPORT_FILE_NAME, exportFailure, exportUrl } from './export-common';
import { ensureSession } from './session';
import { readSession } from './session-store';

export * from './export-common';

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The browser build: fetched with the session, saved as a download. */
export async function exportMyData(): Promise<string> {
  await ensureSession();
  const token = readSession()?.token ?? '';
  let res: Response;
  try {
    res = await fetch(exportUrl(), { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw exportFailure(0, null);
  }
  if (!res.ok) throw exportFailure(res.status, await res.text().catch(() => null));
  download(await res.blob(), EXPORT_FILE_NAME);
  return EXPORT_FILE_NAME;
}

export const canSaveJson = true;

/** The same data as JSON (me.export), as a download. */
export function saveJson(data: unknown): void {
  download(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
    '我的个人信息.json',
  );
}

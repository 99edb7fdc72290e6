import Taro from '@tarojs/taro';
import { EXPORT_FILE_NAME, exportFailure, exportUrl } from './export-common';
import { ensureSession } from './session';
import { readSession } from './session-store';

export * from './export-common';

/**
 * WeChat: the workbook is downloaded with the session (wx.downloadFile) and opened in WeChat's
 * document viewer, whose menu saves or forwards it.
 */
export async function exportMyData(): Promise<string> {
  await ensureSession();
  const token = readSession()?.token ?? '';
  const res = await Taro.downloadFile({
    url: exportUrl(),
    header: { Authorization: `Bearer ${token}` },
  });
  if (res.statusCode !== 200) throw exportFailure(res.statusCode, null);
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
  return EXPORT_FILE_NAME;
}

/** The JSON copy is a browser download; on WeChat 查看 shows the same data on the page. */
export const canSaveJson = false;

export function saveJson(data: unknown): void {
  void data;
}

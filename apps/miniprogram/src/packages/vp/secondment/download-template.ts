import Taro from '@tarojs/taro';
import { env } from '../../../env';
import { readSession } from '../../../services/session-store';

/**
 * WeChat: downloads the call's agreement template with the session (GET /files/:id checks that
 * the caller is a party of a secondment of the call) and opens it, so it can be forwarded or
 * printed from WeChat's document viewer. The browser build has download-template.h5.ts.
 */
export async function downloadTemplate(fileId: string, _name: string): Promise<void> {
  const token = readSession()?.token;
  const res = await Taro.downloadFile({
    url: `${env.apiUrl}/files/${encodeURIComponent(fileId)}`,
    header: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (res.statusCode !== 200) throw new Error('模板下载失败，请稍后重试');
  await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true });
}

import Taro from '@tarojs/taro';
import { env } from '../env';
import { readSession } from './session-store';

/**
 * WeChat: downloads a stored file with the session (GET /files/:id checks that the caller may read
 * it) and opens it in WeChat's document viewer, whose menu forwards or prints it. The browser
 * build has stored-file.h5.ts. `failure`: the message of a download that did not come.
 */
export async function openStoredFile(
  fileId: string,
  _name: string,
  failure = '文件下载失败，请稍后重试',
): Promise<void> {
  const token = readSession()?.token;
  const res = await Taro.downloadFile({
    url: `${env.apiUrl}/files/${encodeURIComponent(fileId)}`,
    header: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (res.statusCode !== 200) throw new Error(failure);
  await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true });
}

import Taro from '@tarojs/taro';
import { UPLOAD_EXTENSIONS } from '@kc/domain';
import { ensureSession } from './session';
import { clearSession, readSession } from './session-store';
import {
  type FileSource,
  type PickedFile,
  type UploadedFile,
  UploadError,
  isSessionRefusal,
  maxUploadBytes,
  readUploadAnswer,
  tooLarge,
  uploadUrl,
} from './upload-common';

export * from './upload-common';

/**
 * WeChat: photos from the camera or album (chooseMedia), or documents received in a chat
 * (chooseMessageFile — the usual way a PDF reaches a phone). H5 has upload.h5.ts instead.
 */
export async function pickFiles(source: FileSource): Promise<PickedFile[]> {
  try {
    if (source === 'chat') {
      const { tempFiles } = await Taro.chooseMessageFile({
        count: 9,
        type: 'file',
        extension: [...UPLOAD_EXTENSIONS],
      });
      return tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }));
    }
    const { tempFiles } = await Taro.chooseMedia({
      count: 9,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    });
    return tempFiles.map((f, i) => ({
      path: f.tempFilePath,
      name: `照片${i + 1}.${f.tempFilePath.split('.').pop() ?? 'jpg'}`,
      size: f.size,
    }));
  } catch {
    // Cancelled by the user: nothing picked.
    return [];
  }
}

/** Uploads one file with the session token; logs in again once if the session ran out. */
export async function uploadFile(
  file: PickedFile,
  onProgress: (percent: number) => void,
): Promise<UploadedFile> {
  if (file.size > maxUploadBytes()) throw tooLarge(file);
  await ensureSession();
  try {
    return await send(file, onProgress);
  } catch (error) {
    if (!isSessionRefusal(error)) throw error;
    clearSession();
    await ensureSession();
    return send(file, onProgress);
  }
}

async function send(file: PickedFile, onProgress: (percent: number) => void) {
  const token = readSession()?.token;
  const task = Taro.uploadFile({
    url: uploadUrl(),
    filePath: file.path,
    name: 'file',
    header: token ? { Authorization: `Bearer ${token}` } : {},
    // WeChat sends a temporary path as the file name; the real one goes in a form field.
    formData: { originalName: file.name },
  });
  task.progress((p) => onProgress(p.progress));
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await task;
  } catch {
    throw new UploadError('网络连接失败，请检查网络后重试', null, 0);
  }
  onProgress(100);
  return readUploadAnswer(res.statusCode, res.data);
}

import { UPLOAD_EXTENSIONS, uploadHint } from '@kc/domain';
import { env } from '../env';
import { formatBytes } from '../format';

/** A file the user picked, before upload. `blob` only on H5. */
export interface PickedFile {
  path: string;
  name: string;
  size: number;
  blob?: Blob;
}

/** What `POST /files` answers. */
export interface UploadedFile {
  id: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string | null;
}

/** Where a file comes from: the camera or album, or a file received in a WeChat chat. */
export type FileSource = 'media' | 'chat';

/** A refused or failed upload, with the sentence to show (the server's own, when it gave one). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly appCode: string | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export const uploadUrl = () => `${env.apiUrl}/files`;

export const maxUploadBytes = () => Math.floor(env.fileMaxMb * 1024 * 1024);

/** The hint under the uploads: the server's types (@kc/domain) and its size limit. */
export const uploadHintText = () => uploadHint(env.fileMaxMb);

/** The browser file input's `accept`: photos, or any type the server takes. */
export function pickerAccept(source: FileSource): string {
  return source === 'media' ? 'image/*' : UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(',');
}

/** The same words the server uses, so the user reads one message whoever refused. */
export function tooLarge(file: PickedFile): UploadError {
  return new UploadError(
    `文件过大：单个文件不能超过 ${env.fileMaxMb} MB，请压缩或分开上传（“${file.name}” ${formatBytes(file.size)}）`,
    'FILE_TOO_LARGE',
    413,
  );
}

/** A JSON body from `POST /files`: the upload, or `{ error: { appCode, message } }`. */
export function readUploadAnswer(status: number, body: unknown): UploadedFile {
  const data = typeof body === 'string' ? safeJson(body) : body;
  if (status >= 200 && status < 300 && data && typeof data === 'object' && 'id' in data) {
    return data as UploadedFile;
  }
  const error = (data as { error?: { appCode?: string; message?: string } } | null)?.error;
  throw new UploadError(
    error?.message ?? (status === 0 ? '网络连接失败，请检查网络后重试' : '上传失败，请稍后重试'),
    error?.appCode ?? null,
    status,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function isSessionRefusal(error: unknown): boolean {
  return (
    error instanceof UploadError &&
    (error.status === 401 ||
      error.appCode === 'UNAUTHENTICATED' ||
      error.appCode === 'SESSION_EXPIRED')
  );
}

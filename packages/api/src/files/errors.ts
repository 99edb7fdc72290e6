/**
 * Why an upload was refused. These are not `ErrorCode`s of `@kc/domain` (they exist only on the
 * HTTP file routes, never in tRPC), but they follow the same rule: a stable code for programs,
 * a Chinese message for people.
 */
export const FILE_ERROR_STATUS = {
  /** Over the size limit: 413. */
  FILE_TOO_LARGE: 413,
  /** Not one of the accepted types, judged by content: 415. */
  FILE_TYPE_NOT_ALLOWED: 415,
  /** Zero bytes: 400. */
  FILE_EMPTY: 400,
} as const;

export type FileErrorCode = keyof typeof FILE_ERROR_STATUS;

export class FileRejectedError extends Error {
  readonly httpStatus: number;
  constructor(
    readonly appCode: FileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileRejectedError';
    this.httpStatus = FILE_ERROR_STATUS[appCode];
  }
}

/** "10 MB", "512 KB", "900 字节": how a limit is written in messages. */
export function formatByteSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) {
    const mb = bytes / MB;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) {
    const kb = bytes / 1024;
    return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  }
  return `${bytes} 字节`;
}

export function fileTooLarge(maxBytes: number): FileRejectedError {
  return new FileRejectedError(
    'FILE_TOO_LARGE',
    `文件过大：单个文件不能超过 ${formatByteSize(maxBytes)}，请压缩或分开上传`,
  );
}

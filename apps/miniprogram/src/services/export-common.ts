import { env } from '../env';

/** GET /files/me/export.xlsx: the user's own data as a workbook, with their session. */
export const exportUrl = () => `${env.apiUrl}/files/me/export.xlsx`;

export const EXPORT_FILE_NAME = '我的个人信息.xlsx';

/** A refused download, with the server's sentence when it gave one. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

export function exportFailure(status: number, body: unknown): ExportError {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch {
      data = null;
    }
  }
  const message = (data as { error?: { message?: string } } | null)?.error?.message;
  return new ExportError(
    message ?? (status === 0 ? '网络连接失败，请检查网络后重试' : '导出失败，请稍后重试'),
    status,
  );
}

import { openStoredFile } from '../../../services/stored-file';

/**
 * The call's agreement template (GET /files/:id checks that the caller is a party of a secondment
 * of the call), opened as any stored file is (services/stored-file: WeChat's document viewer, or a
 * browser download).
 */
export function downloadTemplate(fileId: string, name: string): Promise<void> {
  return openStoredFile(fileId, name, '模板下载失败，请稍后重试');
}

import { fileURLToPath } from 'node:url';
import { DEFAULT_FILE_MAX_MB } from '@kc/domain';
import type { S3StoreSettings } from './s3-store';

/** Settings of evidence uploads; the server builds them from FILE_* and S3_* variables. */
export interface FileSettings {
  /** Folder of the local file store (unused when `s3` is set). */
  storageDir: string;
  /** FILE_STORE=s3: the bytes live in this bucket instead of `storageDir`. */
  s3?: S3StoreSettings | undefined;
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
}

export const DEFAULT_MAX_FILE_BYTES = DEFAULT_FILE_MAX_MB * 1024 * 1024;

/** `<repo root>/.data/files`, next to the embedded database's `.data/pglite`. */
export const DEFAULT_FILE_STORAGE_DIR = fileURLToPath(
  new URL('../../../../.data/files', import.meta.url),
);

export const DEFAULT_FILE_SETTINGS: FileSettings = {
  storageDir: DEFAULT_FILE_STORAGE_DIR,
  maxBytes: DEFAULT_MAX_FILE_BYTES,
};

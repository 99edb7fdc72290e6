import { fileURLToPath } from 'node:url';
import { DEFAULT_FILE_MAX_MB } from '@kc/domain';

/** Settings of evidence uploads; the server builds them from FILE_STORAGE_DIR / FILE_MAX_MB. */
export interface FileSettings {
  /** Folder of the local file store. */
  storageDir: string;
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

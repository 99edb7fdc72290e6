import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file bytes live, addressed by their SHA-256: identical content is stored once, whoever
 * uploads it and under whatever name. Who may read a file is decided by its record (see
 * `service.ts`), never here. The local folder is the default; an S3-compatible object store
 * implements the same interface (key `ab/cd/<sha256>`).
 */
export interface FileStore {
  /** Stores the bytes (a no-op when the same content is already there). */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The content; fails with {@link FileNotInStoreError} when it is not there. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes the content (注销, retention); absent content is not an error. Optional: a store
   * without it keeps the bytes, which nothing references any more. */
  remove?(sha256: string): Promise<void>;
}

export class FileNotInStoreError extends Error {
  constructor(readonly sha256: string) {
    super(`file ${sha256} is not in the store`);
    this.name = 'FileNotInStoreError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function assertSha256(sha256: string): void {
  // The hash becomes a path: anything but 64 lower-case hex digits is refused outright.
  if (!SHA256_HEX.test(sha256)) throw new TypeError('not a SHA-256 hex digest');
}

/** `ab/cd/abcd…`: two levels of 256 folders keep each folder small. */
export function contentKey(sha256: string): string {
  assertSha256(sha256);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Files in a local folder: `<root>/ab/cd/<sha256>`. Writes go to a temporary file in the target
 * folder, are flushed to disk, then renamed into place, so a reader never sees half a file and
 * a crash leaves at most a `.tmp` file behind (names start with a dot; safe to delete when older
 * than a day). Two concurrent puts of the same content both succeed: one copy either way.
 */
export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  pathOf(sha256: string): string {
    return join(this.root, ...contentKey(sha256).split('/'));
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const size = bytes.byteLength;
    const target = this.pathOf(sha256);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true, mode: 0o750 });
    // Written even when the content is already there: skipping the write would make a duplicate
    // upload measurably faster, telling an uploader that someone else holds that file. Renaming
    // identical bytes over the old copy changes nothing for readers (and repairs a damaged copy).
    const temp = join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target).catch(async (error: NodeJS.ErrnoException) => {
        // Windows refuses to replace a file that is open (being downloaded): keep that copy.
        const existing = await stat(target).catch(() => null);
        if (!(existing?.isFile() && existing.size === size)) throw error;
      });
    } finally {
      await rm(temp, { force: true });
    }
    return { sha256, size };
  }

  async get(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    // Open first, so a missing file fails here and not halfway through a response.
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new FileNotInStoreError(sha256);
      throw error;
    });
    return handle.createReadStream();
  }

  async has(sha256: string): Promise<boolean> {
    const s = await stat(this.pathOf(sha256)).catch(() => null);
    return s?.isFile() ?? false;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

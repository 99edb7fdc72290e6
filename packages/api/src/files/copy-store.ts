import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FileStore, LocalFileStore } from './store';
import { sha256Hex } from './store';

export interface CopyReport {
  /** Put into the target. */
  copied: number;
  /** Already in the target (a second run copies only what is new). */
  present: number;
  /** Content does not match its name: not copied (restore it from a backup). */
  damaged: string[];
  /** Not a stored file: `.tmp` leftovers of interrupted uploads, anything else in the folder. */
  skipped: string[];
}

const CONTENT_PATH = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/**
 * Copies a local file folder into another store (the S3 bucket when switching to
 * FILE_STORE=s3). Each file is read, its hash checked against its name, and put once; files the
 * target already has are left alone, so the copy can run while the server still writes the
 * folder and again after it stops. One file in memory per worker (files are ≤ FILE_MAX_MB).
 */
export async function copyLocalFiles(
  from: LocalFileStore,
  to: FileStore,
  options: { concurrency?: number; log?: (line: string) => void } = {},
): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, present: 0, damaged: [], skipped: [] };
  const entries = await readdir(from.root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(from.root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();

  let next = 0;
  async function worker() {
    for (let path = paths[next++]; path !== undefined; path = paths[next++]) {
      const m = CONTENT_PATH.exec(path);
      const sha256 = m?.[3];
      if (!m || !sha256 || m[1] !== sha256.slice(0, 2) || m[2] !== sha256.slice(2, 4)) {
        report.skipped.push(path);
        continue;
      }
      if (await to.has(sha256)) {
        report.present += 1;
        continue;
      }
      const bytes = await readFile(join(from.root, ...path.split('/')));
      if (sha256Hex(bytes) !== sha256) {
        report.damaged.push(path);
        options.log?.(`damaged, not copied: ${path}`);
        continue;
      }
      await to.put(bytes);
      report.copied += 1;
      if (report.copied % 100 === 0) options.log?.(`${report.copied} files copied`);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  report.skipped.sort();
  report.damaged.sort();
  return report;
}

/** Of these hashes (every `stored_file` record's), those the store does not hold. */
export async function missingFromStore(
  store: FileStore,
  sha256s: Iterable<string>,
): Promise<string[]> {
  const missing: string[] = [];
  for (const sha256 of new Set(sha256s)) {
    if (!(await store.has(sha256))) missing.push(sha256);
  }
  return missing.sort();
}

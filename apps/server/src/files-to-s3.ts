/**
 * Copies the local evidence folder into the S3 bucket, before switching to FILE_STORE=s3:
 *
 *   FILE_STORAGE_DIR=/srv/kc/files S3_ENDPOINT=… S3_BUCKET=… S3_ACCESS_KEY_ID=… \
 *   S3_SECRET_ACCESS_KEY=… DATABASE_URL=… pnpm --filter @kc/server files-to-s3
 *
 * Reads the same variables as the server (FILE_STORE is taken as s3). Safe to run again: what
 * the bucket holds is skipped. Then checks that every `stored_file` record's content is in the
 * bucket. Exit code 0 when nothing is damaged or missing. docs/OBJECT-STORAGE.md.
 */
import { LocalFileStore, S3FileStore, copyLocalFiles, missingFromStore } from '@kc/api/files';
import { createDb } from '@kc/db';
import { EnvError, readEnv } from './env';
import { fileSettingsFromEnv } from './settings';

async function main(): Promise<number> {
  const env = readEnv({ FILE_STORE: 's3' });
  const settings = fileSettingsFromEnv(env);
  if (!settings.s3) throw new Error('no bucket settings');
  const local = new LocalFileStore(settings.storageDir);
  const bucket = S3FileStore.fromSettings(settings.s3);
  const log = (line: string) => console.log(line);
  try {
    log(`copying ${local.root} → s3://${bucket.bucket} (${settings.s3.endpoint ?? 'AWS'})`);
    const report = await copyLocalFiles(local, bucket, { log });
    log(
      `copied ${report.copied}, already there ${report.present}, ` +
        `damaged ${report.damaged.length}, skipped ${report.skipped.length}`,
    );
    for (const path of report.skipped) log(`  skipped (not a stored file): ${path}`);
    for (const path of report.damaged) log(`  DAMAGED (restore from backup): ${path}`);

    const db = await createDb({ migrate: false });
    let missing: string[];
    try {
      const rows = await db.prisma.storedFile.findMany({
        select: { sha256: true },
        distinct: ['sha256'],
      });
      missing = await missingFromStore(
        bucket,
        rows.map((r) => r.sha256),
      );
      log(
        `${rows.length} distinct files recorded in the database; ${missing.length} not in the bucket`,
      );
      for (const sha256 of missing) log(`  MISSING: ${sha256}`);
    } finally {
      await db.close();
    }
    return report.damaged.length === 0 && missing.length === 0 ? 0 : 1;
  } finally {
    bucket.client.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(2);
  },
);

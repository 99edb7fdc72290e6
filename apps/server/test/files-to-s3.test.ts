import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStore, S3FileStore, sha256Hex } from '@kc/api/files';
import { createDb } from '@kc/db';
import { startS3 } from '../../../tooling/stack/src/s3';
import type { S3Service } from '../../../tooling/stack/src/s3';
import { parseEnv } from '../src/env';
import { s3SettingsFromEnv } from '../src/settings';

/** `pnpm --filter @kc/server files-to-s3`: the local folder into the bucket, then the check. */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');
const script = path.join(root, 'apps/server/src/files-to-s3.ts');

let dir: string;
let s3: S3Service;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kc-files-to-s3-'));
  s3 = await startS3({ port: 0, bucket: 'kc-migrate' });
});
afterAll(async () => {
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  // The embedded database of the test, also when the suite runs on PostgreSQL.
  delete childEnv.DATABASE_URL;
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(tsx, [script], { cwd: root, env: childEnv });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('files-to-s3', () => {
  it('copies the folder, reports a record whose file is missing, and copies nothing twice', async () => {
    const local = new LocalFileStore(path.join(dir, 'files'));
    const a = await local.put(Buffer.from('%PDF-1.4 证明 A'));
    const b = await local.put(Buffer.from('%PDF-1.4 证明 B'));
    const lost = sha256Hex(Buffer.from('recorded, but its file was lost'));

    const pgliteDir = path.join(dir, 'pglite');
    // The embedded database the child uses, also when the suite runs on PostgreSQL.
    const db = await createDb({ pgliteDir, databaseUrl: null });
    try {
      const at = new Date();
      const user = await db.prisma.user.create({
        data: {
          kind: 'APPLICANT',
          openid: 'o-migrate',
          displayName: '迁移',
          createdAt: at,
          updatedAt: at,
        },
      });
      for (const sha256 of [a.sha256, b.sha256, lost]) {
        await db.prisma.storedFile.create({
          data: {
            sha256,
            sizeBytes: 1,
            mimeType: 'application/pdf',
            originalName: 'x.pdf',
            ownerUserId: user.id,
            createdAt: at,
          },
        });
      }
    } finally {
      await db.close();
    }

    const env = { ...s3.env, FILE_STORAGE_DIR: local.root, PGLITE_DIR: pgliteDir };
    const first = await run(env);
    expect(first.output).toContain('copied 2, already there 0, damaged 0, skipped 0');
    expect(first.output).toContain(
      '3 distinct files recorded in the database; 1 not in the bucket',
    );
    expect(first.output).toContain(`MISSING: ${lost}`);
    expect(first.code).toBe(1);

    const bucket = S3FileStore.fromSettings(s3SettingsFromEnv(parseEnv(s3.env)));
    try {
      expect(await bucket.has(a.sha256)).toBe(true);
      expect(await bucket.has(b.sha256)).toBe(true);
    } finally {
      bucket.client.destroy();
    }

    const second = await run(env);
    expect(second.output).toContain('copied 0, already there 2');
  }, 180_000);

  it('names the missing bucket settings and exits 2', async () => {
    const out = await run({ FILE_STORAGE_DIR: path.join(dir, 'none') });
    expect(out.code).toBe(2);
    expect(out.output).toMatch(/S3_ACCESS_KEY_ID: required when FILE_STORE=s3/);
  }, 60_000);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from '../../src/files';
import { LocalFileStore, S3FileStore, createS3Client } from '../../src/files';
import { startTestS3 } from './s3rver';
import type { TestS3 } from './s3rver';

/** remove(): what 注销 uses to drop the content of files no record references any more. */
let s3: TestS3;
let client: S3Client;
let dir: string;

beforeAll(async () => {
  s3 = await startTestS3();
  client = createS3Client(s3.settings);
  await client.send(new CreateBucketCommand({ Bucket: 'kc-remove' }));
  dir = await mkdtemp(join(tmpdir(), 'kc-remove-'));
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => FileStore][] = [
  ['LocalFileStore', () => new LocalFileStore(dir)],
  ['S3FileStore (s3rver)', () => new S3FileStore(client, 'kc-remove')],
];

describe.each(stores)('%s.remove', (_name, make) => {
  it('removes the content, and is quiet about content that is not there', async () => {
    const store = make();
    const { sha256 } = await store.put(new TextEncoder().encode(`remove me ${_name}`));
    expect(await store.has(sha256)).toBe(true);
    await store.remove!(sha256);
    expect(await store.has(sha256)).toBe(false);
    await expect(store.remove!(sha256)).resolves.toBeUndefined();
  });
});

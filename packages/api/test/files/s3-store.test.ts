import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileNotInStoreError, S3FileStore, contentKey, createS3Client } from '../../src/files';
import { startTestS3 } from './s3rver';
import type { TestS3 } from './s3rver';
import { fileStoreContract, readAll } from './store-contract';
import * as sample from './samples';

/** The same contract as the local store, against s3rver: a fresh bucket for every test. */
let s3: TestS3;
let client: S3Client;
let buckets = 0;

beforeAll(async () => {
  s3 = await startTestS3();
  client = createS3Client(s3.settings);
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

async function keysOf(bucket: string): Promise<string[]> {
  const out = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
}

fileStoreContract('S3FileStore (s3rver)', async () => {
  const bucket = `kc-contract-${++buckets}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    store: new S3FileStore(client, bucket),
    keys: () => keysOf(bucket),
    overwrite: async (sha256, bytes) => {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: contentKey(sha256), Body: bytes }),
      );
    },
    teardown: async () => undefined,
  };
});

describe('S3FileStore', () => {
  it('is built from the settings the server reads from S3_* variables', async () => {
    const store = S3FileStore.fromSettings(s3.settings);
    try {
      const { sha256 } = await store.put(sample.pdf());
      expect(await keysOf(s3.settings.bucket)).toContain(contentKey(sha256));
      expect(await readAll(await store.get(sha256))).toEqual(sample.pdf());
    } finally {
      store.client.destroy();
    }
  });

  it('sends plain bodies: no aws-chunked CRC32 framing, which s3rver (and others) would store', async () => {
    // With the SDK's default (WHEN_SUPPORTED) s3rver stores "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:…".
    const body = Buffer.from('hello world');
    await client.send(
      new PutObjectCommand({
        Bucket: s3.settings.bucket,
        Key: 'probe/streamed',
        Body: Readable.from([body]),
        ContentLength: body.length,
      }),
    );
    const out = await client.send(
      new GetObjectCommand({ Bucket: s3.settings.bucket, Key: 'probe/streamed' }),
    );
    expect(await out.Body?.transformToString()).toBe('hello world');
  });

  it('reports a missing bucket or a refused key as a failure, never as "no such file"', async () => {
    const { sha256 } = await new S3FileStore(client, s3.settings.bucket).put(sample.png());
    const noBucket = new S3FileStore(client, 'kc-no-such-bucket');
    await expect(noBucket.get(sha256)).rejects.toThrow(/bucket/i);
    await expect(noBucket.get(sha256)).rejects.not.toBeInstanceOf(FileNotInStoreError);
    await expect(noBucket.put(sample.png())).rejects.toThrow();

    // s3rver checks the key id but not SigV4 signatures: a wrong id stands for wrong credentials.
    const wrongKey = createS3Client({ ...s3.settings, accessKeyId: 'NOT-A-KEY' });
    try {
      const store = new S3FileStore(wrongKey, s3.settings.bucket);
      await expect(store.get(sha256)).rejects.toThrow(/access key/i);
      await expect(store.put(sample.jpeg())).rejects.toThrow(/access key/i);
    } finally {
      wrongKey.destroy();
    }
  });
});

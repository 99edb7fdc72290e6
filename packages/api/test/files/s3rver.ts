import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3StoreSettings } from '../../src/files/s3-store';

/** The little of s3rver's API used here (it ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

// Resolved from this package (a devDependency), also when a test of another package imports this.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

export interface TestS3 {
  settings: S3StoreSettings;
  stop(): Promise<void>;
}

/**
 * s3rver on a random loopback port with its data in a fresh temporary folder, and one empty
 * bucket. Its only credentials are S3RVER / S3RVER; it needs path-style addressing.
 */
export async function startTestS3(bucket = 'kc-test-files'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'kc-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The little of s3rver's API used here (it ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export interface S3Options {
  /** Loopback port; 0 picks a free one. */
  port: number;
  /** Where s3rver keeps the objects; default a temporary folder, removed by `stop`. */
  directory?: string;
  /** Created at start when missing. Default `kc-files`. */
  bucket?: string;
}

export interface S3Service {
  endpoint: string;
  bucket: string;
  /** What the API server needs to keep its files in this bucket (FILE_STORE=s3 …). */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * An S3-compatible object store for the local stack and CI: s3rver, in this process, on
 * 127.0.0.1. It accepts the key id S3RVER (it checks no signature: a test double, refused by
 * the server in production) and needs path-style addressing.
 */
export async function startS3(options: S3Options): Promise<S3Service> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const bucket = options.bucket ?? 'kc-files';
  const temporary = options.directory ? null : await mkdtemp(join(tmpdir(), 'kc-s3-'));
  const directory = options.directory ?? temporary ?? '';
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      FILE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: '1',
    },
    async stop() {
      await server.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { FileStore } from './store';
import { FileNotInStoreError, contentKey, sha256Hex } from './store';

/**
 * An S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS, MinIO; s3rver in tests). The server
 * builds it from FILE_STORE=s3 and the S3_* variables; see docs/OBJECT-STORAGE.md.
 */
export interface S3StoreSettings {
  /** e.g. `https://oss-cn-hangzhou.aliyuncs.com`; absent: AWS's own endpoint for the region. */
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `host/bucket/key` instead of `bucket.host/key` (MinIO, s3rver). */
  forcePathStyle: boolean;
}

/** The client every S3 store here uses: settings that S3-compatible services accept. */
export function createS3Client(settings: S3StoreSettings): S3Client {
  return new S3Client({
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    },
    // SDK v3 (since 3.729) adds CRC32 checksums to every upload and validates them on download,
    // as aws-chunked bodies with trailers. s3rver, OSS and older MinIO/COS do not understand
    // that; we send Content-MD5 ourselves instead (below).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A stuck bucket must fail the request, not hold it (and a pool connection) forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    maxAttempts: 3,
  });
}

/**
 * The object is not there: GET names it NoSuchKey; HEAD has no body, so only `NotFound` (which a
 * missing bucket answers too: `has` cannot tell them apart, `get` and `put` can). NoSuchBucket is
 * a misconfiguration and fails loudly.
 */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound')
  );
}

/**
 * Objects under the same key as the local store's path, `ab/cd/<sha256>`, so a local folder
 * copied into the bucket (tooling/scripts/files-to-s3.ts) is found as it is. The bucket stays
 * private: the API streams each file after its own access checks; no URL of the bucket is ever
 * handed out.
 */
export class S3FileStore implements FileStore {
  readonly bucket: string;

  constructor(
    readonly client: S3Client,
    bucket: string,
  ) {
    this.bucket = bucket;
  }

  static fromSettings(settings: S3StoreSettings): S3FileStore {
    return new S3FileStore(createS3Client(settings), settings.bucket);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    // Written even when the object exists, as the local store does: a HEAD-and-skip would make
    // a duplicate upload measurably faster (telling the uploader someone else holds that file).
    // The key is the content's hash, so the object afterwards is the same either way.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: contentKey(sha256),
        Body: bytes,
        ContentLength: bytes.byteLength,
        // The service checks the bytes it received (s3rver does not, real services do).
        ContentMD5: createHash('md5').update(bytes).digest('base64'),
        ContentType: 'application/octet-stream',
      }),
    );
    return { sha256, size: bytes.byteLength };
  }

  async get(sha256: string): Promise<Readable> {
    const key = contentKey(sha256);
    try {
      // The response headers arrive before the body: a missing object fails here, not midway.
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = out.Body;
      if (body instanceof Readable) return body;
      if (body && 'transformToWebStream' in body) {
        return Readable.fromWeb(body.transformToWebStream() as never);
      }
      throw new Error(`S3 returned no body for ${key}`);
    } catch (error) {
      if (isNotFound(error)) throw new FileNotInStoreError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    const key = contentKey(sha256);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** 注销 / retention: S3's delete answers success for a key that is not there. */
  async remove(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: contentKey(sha256) }),
    );
  }
}

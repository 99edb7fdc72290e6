import { describe, expect, it } from 'vitest';
import { LocalFileStore, S3FileStore } from '@kc/api/files';
import { parseEnv } from '../src/env';
import { fileStoreOf } from '../src/routes/files';
import { fileSettingsFromEnv } from '../src/settings';

const S3 = {
  FILE_STORE: 's3',
  S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com',
  S3_REGION: 'oss-cn-hangzhou',
  S3_BUCKET: 'kc-evidence',
  S3_ACCESS_KEY_ID: 'LTAI-example',
  S3_SECRET_ACCESS_KEY: 'secret-example',
};

describe('FILE_STORE and S3_* variables', () => {
  it('keeps files on local disk by default', () => {
    const env = parseEnv({});
    expect(env.FILE_STORE).toBe('local');
    const settings = fileSettingsFromEnv(env);
    expect(settings.s3).toBeUndefined();
    expect(fileStoreOf({ settings })).toBeInstanceOf(LocalFileStore);
  });

  it('builds the bucket store from FILE_STORE=s3', () => {
    const settings = fileSettingsFromEnv(parseEnv({ ...S3, S3_FORCE_PATH_STYLE: 'true' }));
    expect(settings.s3).toEqual({
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'oss-cn-hangzhou',
      bucket: 'kc-evidence',
      accessKeyId: 'LTAI-example',
      secretAccessKey: 'secret-example',
      forcePathStyle: true,
    });
    const store = fileStoreOf({ settings });
    expect(store).toBeInstanceOf(S3FileStore);
    expect((store as S3FileStore).bucket).toBe('kc-evidence');
    expect(fileSettingsFromEnv(parseEnv(S3)).s3?.forcePathStyle).toBe(false);
  });

  it('names each missing S3 variable when FILE_STORE=s3', () => {
    expect(() => parseEnv({ FILE_STORE: 's3' })).toThrow(
      /S3_BUCKET: required when FILE_STORE=s3\n\s+S3_ACCESS_KEY_ID: required[^\n]*\n\s+S3_SECRET_ACCESS_KEY: required/,
    );
    expect(() => parseEnv({ ...S3, S3_SECRET_ACCESS_KEY: undefined })).toThrow(
      /S3_SECRET_ACCESS_KEY: required when FILE_STORE=s3/,
    );
    expect(() => parseEnv({ FILE_STORE: 'oss' })).toThrow(/FILE_STORE/);
    expect(() => parseEnv({ ...S3, S3_ENDPOINT: 'oss-cn-hangzhou' })).toThrow(/S3_ENDPOINT/);
  });

  it("refuses s3rver's development key in production", () => {
    const prod = {
      NODE_ENV: 'production',
      PII_HASH_KEY: 'a-real-production-key-0123456789',
      OFFICER_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
    };
    expect(() => parseEnv({ ...prod, ...S3 })).not.toThrow();
    expect(() => parseEnv({ ...prod, ...S3, S3_ACCESS_KEY_ID: 'S3RVER' })).toThrow(
      /S3_ACCESS_KEY_ID: the development key \(S3RVER\) must not be used in production/,
    );
    expect(() => parseEnv({ ...prod, ...S3, S3_SECRET_ACCESS_KEY: 'S3RVER' })).toThrow(/S3RVER/);
    // Development may use it: that is what the local stack's s3rver accepts.
    expect(() => parseEnv({ ...S3, S3_ACCESS_KEY_ID: 'S3RVER' })).not.toThrow();
  });
});

describe('METRICS_PORT and METRICS_HOST', () => {
  it('has no metrics listener unless asked, and binds it to loopback', () => {
    expect(parseEnv({}).METRICS_PORT).toBeUndefined();
    expect(parseEnv({ METRICS_PORT: '9464' })).toMatchObject({
      METRICS_PORT: 9464,
      METRICS_HOST: '127.0.0.1',
    });
  });

  it('refuses the public port for metrics', () => {
    expect(() => parseEnv({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(
      /METRICS_PORT: must differ from PORT/,
    );
    expect(() => parseEnv({ METRICS_PORT: 'x' })).toThrow(/METRICS_PORT/);
  });
});

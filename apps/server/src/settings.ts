import type { ApiConfig } from '@kc/api';
import { DEFAULT_API_CONFIG } from '@kc/api';
import type { FileSettings, S3StoreSettings } from '@kc/api/files';
import { DEFAULT_FILE_STORAGE_DIR } from '@kc/api/files';
import type { Env } from './env';
import type { RateLimitSettings } from './rate-limit';

export function apiConfigFromEnv(env: Env): ApiConfig {
  return {
    ...DEFAULT_API_CONFIG,
    applicantSessionTtlMs: env.APPLICANT_SESSION_TTL_HOURS * 3600_000,
    officerSessionTtlMs: env.OFFICER_SESSION_TTL_HOURS * 3600_000,
    piiHashKey: env.PII_HASH_KEY,
    passwordHashing: { concurrency: env.LOGIN_HASH_CONCURRENCY, queue: env.LOGIN_HASH_QUEUE },
    secondFactorRoles: env.OFFICER_2FA_REQUIRED_ROLES,
    officerSecretKey: env.OFFICER_SECRET_KEY,
  };
}

export function rateLimitsFromEnv(env: Env): RateLimitSettings {
  return {
    windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
    loginPerAddress: env.RATE_LIMIT_LOGIN_PER_ADDRESS,
    wechatPerAddress: env.RATE_LIMIT_WECHAT_PER_ADDRESS,
    wechatPerSession: env.RATE_LIMIT_WECHAT_PER_SESSION,
    mutationsPerAddress: env.RATE_LIMIT_MUTATIONS_PER_ADDRESS,
    mutationsPerSession: env.RATE_LIMIT_MUTATIONS_PER_SESSION,
    uploadsPerAddress: env.RATE_LIMIT_UPLOADS_PER_ADDRESS,
    uploadsPerSession: env.RATE_LIMIT_UPLOADS_PER_SESSION,
    refusalDelayMs: env.RATE_LIMIT_REFUSAL_DELAY_MS,
  };
}

export function fileSettingsFromEnv(env: Env): FileSettings {
  return {
    storageDir: env.FILE_STORAGE_DIR ?? DEFAULT_FILE_STORAGE_DIR,
    maxBytes: Math.floor(env.FILE_MAX_MB * 1024 * 1024),
    ...(env.FILE_STORE === 's3' ? { s3: s3SettingsFromEnv(env) } : {}),
  };
}

/** The bucket of FILE_STORE=s3 (parseEnv has made sure bucket and keys are there). */
export function s3SettingsFromEnv(env: Env): S3StoreSettings {
  if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)
    throw new Error('S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required');
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

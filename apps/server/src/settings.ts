import type { ApiConfig } from '@kc/api';
import { DEFAULT_API_CONFIG } from '@kc/api';
import type { FileSettings } from '@kc/api/files';
import { DEFAULT_FILE_STORAGE_DIR } from '@kc/api/files';
import type { Env } from './env';

export function apiConfigFromEnv(env: Env): ApiConfig {
  return {
    ...DEFAULT_API_CONFIG,
    applicantSessionTtlMs: env.APPLICANT_SESSION_TTL_HOURS * 3600_000,
    officerSessionTtlMs: env.OFFICER_SESSION_TTL_HOURS * 3600_000,
    piiHashKey: env.PII_HASH_KEY,
  };
}

export function fileSettingsFromEnv(env: Env): FileSettings {
  return {
    storageDir: env.FILE_STORAGE_DIR ?? DEFAULT_FILE_STORAGE_DIR,
    maxBytes: Math.floor(env.FILE_MAX_MB * 1024 * 1024),
  };
}

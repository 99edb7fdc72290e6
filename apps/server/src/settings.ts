import type { ApiConfig } from '@kc/api';
import { DEFAULT_API_CONFIG } from '@kc/api';
import type { Env } from './env';

export function apiConfigFromEnv(env: Env): ApiConfig {
  return {
    ...DEFAULT_API_CONFIG,
    applicantSessionTtlMs: env.APPLICANT_SESSION_TTL_HOURS * 3600_000,
    officerSessionTtlMs: env.OFFICER_SESSION_TTL_HOURS * 3600_000,
    piiHashKey: env.PII_HASH_KEY,
  };
}

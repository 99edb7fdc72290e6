import type { OfficerRole } from '@kc/domain';

/** Settings the API needs; the server builds them from its validated environment. */
export interface ApiConfig {
  /** Lifetime of a mini-program session. */
  applicantSessionTtlMs: number;
  /** Lifetime of an officer session (shorter: officers handle other people's data). */
  officerSessionTtlMs: number;
  /** Key of the HMAC that stands in for resident ID numbers in the database. */
  piiHashKey: string;
  /** Officer login throttling (auth/login-throttle.ts): a delay, never a lock. */
  loginThrottle: LoginThrottleConfig;
  /** Password hashes (scrypt) at once per process, and how many may wait (auth/hash-gate.ts). */
  passwordHashing: { concurrency: number; queue: number };
  /**
   * Roles that must enrol a second factor (TOTP) at login; the others may. The server's default
   * (env OFFICER_2FA_REQUIRED_ROLES) is 局管理员 and 财务人员; this in-process default is none,
   * so tests that are not about the second factor log in with a password.
   */
  secondFactorRoles: readonly OfficerRole[];
  /** AES-256-GCM key (32 bytes, base64 or hex) that encrypts officers' TOTP secrets at rest. */
  officerSecretKey: string;
}

export interface LoginThrottleConfig {
  /** Failures by one account name before any delay, and after how long a quiet counter resets. */
  account: { freeFailures: number; forgetAfterMs: number };
  /** The same by client address (an office behind one NAT shares one: more free failures). */
  address: { freeFailures: number; forgetAfterMs: number };
  /** The first delay; each further failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** An address that logged in to the account this recently skips the per-account delay. */
  knownAddressMs: number;
}

/** Development and tests only: the server refuses it in production. */
export const DEV_OFFICER_SECRET_KEY = 'ZGV2LW9ubHktb2ZmaWNlci1zZWNyZXQta2V5LTMyYnk=';

export const DEFAULT_API_CONFIG: ApiConfig = {
  applicantSessionTtlMs: 7 * 24 * 3600_000,
  officerSessionTtlMs: 8 * 3600_000,
  piiHashKey: 'dev-only-pii-hash-key-change-me',
  loginThrottle: {
    account: { freeFailures: 3, forgetAfterMs: 24 * 3600_000 },
    address: { freeFailures: 20, forgetAfterMs: 3600_000 },
    baseDelayMs: 1000,
    maxDelayMs: 15 * 60_000,
    knownAddressMs: 30 * 24 * 3600_000,
  },
  // One hash at a time leaves the second core of a small server to everyone else.
  passwordHashing: { concurrency: 1, queue: 9 },
  secondFactorRoles: [],
  officerSecretKey: DEV_OFFICER_SECRET_KEY,
};

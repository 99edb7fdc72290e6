/** Settings the API needs; the server builds them from its validated environment. */
export interface ApiConfig {
  /** Lifetime of a mini-program session. */
  applicantSessionTtlMs: number;
  /** Lifetime of an officer session (shorter: officers handle other people's data). */
  officerSessionTtlMs: number;
  /** Key of the HMAC that stands in for resident ID numbers in the database. */
  piiHashKey: string;
  /** Officer password lockout. */
  lockout: { maxFailures: number; lockMs: number };
}

export const DEFAULT_API_CONFIG: ApiConfig = {
  applicantSessionTtlMs: 7 * 24 * 3600_000,
  officerSessionTtlMs: 8 * 3600_000,
  piiHashKey: 'dev-only-pii-hash-key-change-me',
  lockout: { maxFailures: 5, lockMs: 15 * 60_000 },
};

/**
 * The only place in @kc/db that reads process.env.
 *
 * DATABASE_URL   PostgreSQL connection string. Unset → embedded PGlite.
 * PGLITE_DIR     PGlite data folder (default <repo root>/.data/pglite); ':memory:' for an in-memory database.
 * PII_HASH_KEY   HMAC key for resident ID hashes. Required when NODE_ENV=production
 *                (checked when a hash is computed, not at start-up).
 * KC_TEST_RUN    tests only: `<runner pid>:<start ms>`, set by the root vitest config for its
 *                workers (testing.ts: one set of template databases per run).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_PGLITE_DIR = join(REPO_ROOT, '.data', 'pglite');
/** Development default only: a hash made with a published key can be reversed by brute force. */
export const DEV_PII_HASH_KEY = 'dev-only-pii-hash-key-change-me'; // same as @kc/api DEFAULT_API_CONFIG

export interface DbEnv {
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** undefined when unset */
  piiHashKey: string | undefined;
  production: boolean;
  /** KC_TEST_RUN, unset outside `pnpm test`. */
  testRun: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    pgliteDir: nonEmpty(env.PGLITE_DIR) ?? DEFAULT_PGLITE_DIR,
    piiHashKey: nonEmpty(env.PII_HASH_KEY),
    production: env.NODE_ENV === 'production',
    testRun: nonEmpty(env.KC_TEST_RUN),
  };
}

import { defineProject } from 'vitest/config';

// Each test file gets its own database (in-memory PGlite, or a fresh PostgreSQL database when
// DATABASE_URL is set). PGlite start-up + migrations take ~1 s; scrypt hashing ~0.2 s each.
export default defineProject({
  test: { name: 'db', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One id for this run's workers (they inherit the environment): on PostgreSQL, the databases of
// tests are cloned from templates built once per run (packages/db/src/testing.ts).
process.env.KC_TEST_RUN ??= `${process.pid}:${Date.now()}`;

// `pnpm test` runs every package's unit and integration tests from the root.
// Browser tests (tests/e2e) need a built app and Chromium; they run with `pnpm test:e2e`.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/admin', 'apps/miniprogram', 'tooling/bench'],
    // One test file per core. Vitest's default (cores − 1) runs one file at a time on a 2-core
    // machine, while each database test spends its time in its own embedded PGlite (CPU) and the
    // runner itself is nearly idle: 2 at a time took the CI pass from 781 s to 540 s.
    maxWorkers: availableParallelism(),
  },
});

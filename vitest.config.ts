import { defineConfig } from 'vitest/config';

// `pnpm test` runs every package's unit and integration tests from the root.
// Browser tests (tests/e2e) need a built app and Chromium; they run with `pnpm test:e2e`.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/admin', 'apps/miniprogram', 'tooling/bench'],
  },
});

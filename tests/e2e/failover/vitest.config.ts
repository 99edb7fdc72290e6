import { defineConfig } from 'vitest/config';

// Failover under load: its own deploy stack (it kills an instance), never part of `pnpm test:e2e`.
export default defineConfig({
  test: {
    name: 'failover',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 150_000,
    hookTimeout: 180_000,
  },
});

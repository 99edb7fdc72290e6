import { defineProject } from 'vitest/config';

// `isolate: false`: the test files of one worker share the modules they import (the API, Prisma's
// client, PGlite), which are evaluated once per worker instead of once per file (~2 s a file on
// 2 cores, ≈70 files). The files keep no module state of their own: each builds its own harness
// and database, and none mocks a module.
export default defineProject({
  test: {
    name: 'api',
    include: ['test/**/*.test.ts'],
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

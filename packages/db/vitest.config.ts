import { defineProject } from 'vitest/config';

// Each test file gets its own databases (in-memory PGlite, or fresh PostgreSQL databases when
// DATABASE_URL is set). A new PGlite costs ~1.5 s (wasm + initdb); src/testing.ts copies a
// per-module template instead (~0.3 s). `isolate: false` lets the test files of one worker share
// that template (the files keep no other module state): ~16 s instead of ~24 s on 2 cores.
export default defineProject({
  test: {
    name: 'db',
    include: ['test/**/*.test.ts'],
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

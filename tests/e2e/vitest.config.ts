import { defineConfig } from 'vitest/config';

// Browser flows: one shared stack (fake WeChat, API on PGlite, admin and H5 hosts), files in sequence.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['flows/**/*.e2e.ts'],
    // Accessibility sweeps (axe on every screen) judge markup and colours, which do not depend on
    // the database: CI runs them in the PGlite pass only, to stay within its time on two cores.
    exclude: process.env.E2E_SKIP_A11Y ? ['flows/**/*-a11y.e2e.ts'] : [],
    globalSetup: ['./setup/global.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // The default second is too short for a cold page on a loaded two-core machine.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});

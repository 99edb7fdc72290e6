import { defineProject } from 'vitest/config';

/**
 * Simulator tests: the compiled WeChat build (dist/weapp) run by miniprogram-simulate with
 * WeChat's own wcc template compiler, under jsdom 26. Build first: `pnpm build:weapp`.
 */
export default defineProject({
  test: {
    name: 'miniprogram-weapp',
    environment: 'jsdom',
    include: ['test/weapp/**/*.sim.test.ts'],
    globalSetup: ['test/weapp/global-setup.ts'],
    // Each file loads the mini-program into its own globals.
    isolate: true,
    pool: 'forks',
    testTimeout: 20_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * Fast unit tests: no build, no Taro runtime (`@tarojs/taro` is replaced by a small stub).
 * The compiled-weapp simulator tests live in test/weapp and run with `pnpm test:weapp`.
 */
export default defineProject({
  resolve: {
    alias: { '@tarojs/taro': fileURLToPath(new URL('./test/stubs/taro.ts', import.meta.url)) },
  },
  test: {
    name: 'miniprogram',
    environment: 'node',
    // As in the weapp build; the H5 build uses its own origin (an empty base URL).
    env: { TARO_APP_API_URL: 'http://127.0.0.1:3000' },
    include: ['test/**/*.test.ts'],
    exclude: ['test/weapp/**', 'node_modules/**', 'dist/**'],
  },
});

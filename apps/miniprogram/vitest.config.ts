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
    include: ['test/**/*.test.ts'],
    exclude: ['test/weapp/**', 'node_modules/**', 'dist/**'],
  },
});

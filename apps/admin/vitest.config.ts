import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { elementPlus } from './config/element-plus.ts';

export default defineConfig({
  // Styles are left out in tests (happy-dom does not lay anything out) and the
  // declaration files are left alone so a test run does not shrink them.
  plugins: [vue(), ...elementPlus({ dts: false, importStyle: false })],
  test: {
    name: 'admin',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    server: { deps: { inline: ['element-plus'] } },
  },
});

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
    // A screen test mounts Element Plus in happy-dom: ~1 s alone, over 5 s (vitest's default) when
    // the two cores are shared with the API's database tests. The limit is for hangs, not speed.
    testTimeout: 20_000,
    // Files share a worker's packages (Vue, Element Plus — loaded by Node, not inlined — and the
    // rest), and each gets the app's modules, page and storage afresh (test/setup-shared-worker.ts):
    // 141 s → 95 s for the project on two cores.
    isolate: false,
    setupFiles: ['test/setup-shared-worker.ts'],
  },
});

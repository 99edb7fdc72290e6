import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { elementPlus, elementPlusStyleIds } from './config/element-plus.ts';

// `vite preview` proxies exactly as the dev server does: /trpc for the API and /files for
// evidence downloads (GET /files/:id with the officer's bearer token).
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000';
const apiProxy = {
  '/trpc': { target: apiTarget, changeOrigin: true },
  '/files': { target: apiTarget, changeOrigin: true },
};

export default defineConfig(({ mode }) => ({
  plugins: [vue(), ...elementPlus({ dts: true, importStyle: true })],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: apiProxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy: apiProxy },
  optimizeDeps: {
    // Pre-bundled up front so opening a page never triggers a re-bundle and reload
    // (504 "Outdated Optimize Dep"); see elementPlusStyleIds.
    include: ['element-plus/es', 'element-plus/es/locale/lang/zh-cn', ...elementPlusStyleIds()],
  },
  build: {
    // `vite build --mode dts` only runs the transforms so the auto-import
    // declaration files exist before vue-tsc; nothing is written to dist.
    write: mode !== 'dts',
    emptyOutDir: mode !== 'dts',
  },
}));

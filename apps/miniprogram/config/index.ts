import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Workspace packages (`@kc/domain`) are consumed as TypeScript source. Taro compiles only `src/`
 * unless told otherwise, so the real path of `packages/` is listed in `compile.include` for both
 * platforms (pnpm links them through node_modules; webpack sees the resolved path).
 */
const workspacePackages = fs.realpathSync(path.resolve(__dirname, '../../../packages'));

/**
 * Build-time configuration. Read here, in one place, and exposed to the app as
 * `process.env.TARO_APP_*` constants (see src/env.ts). Environment beats the defaults.
 */
function buildEnv(platform: string) {
  // H5 is served with /trpc and /fake forwarded by its host (tooling/stack), so by default it
  // calls its own origin: the same build then works on any port, with no CORS.
  const h5 = platform === 'h5';
  return {
    TARO_APP_API_URL: process.env.TARO_APP_API_URL ?? (h5 ? '' : 'http://127.0.0.1:3000'),
    // Only the H5 build logs in through the fake WeChat service; WeChat builds carry no address.
    TARO_APP_FAKE_WECHAT_URL: h5 ? (process.env.TARO_APP_FAKE_WECHAT_URL ?? '') : '',
    // The API's FILE_MAX_MB, so an oversize file is refused before it is sent over a phone network.
    TARO_APP_FILE_MAX_MB: process.env.TARO_APP_FILE_MAX_MB ?? '10',
    // WeChat subscribe-message template ids (comma-separated); empty = no subscription prompt.
    TARO_APP_SUBSCRIBE_TEMPLATE_IDS: h5 ? '' : (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? ''),
  };
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'suzhou-kechuang-miniprogram',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform, so building H5 does not wipe the weapp output (and vice versa).
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: Object.fromEntries(
      Object.entries(buildEnv(platform)).map(([k, v]) => [k, JSON.stringify(v)]),
    ),
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [workspacePackages] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
        // 大字模式: every font size scales with --kc-text-scale (runs after pxtransform).
        [path.resolve(__dirname, 'postcss-text-scale.cjs')]: { enable: true, config: {} },
      },
      webpackChain(chain) {
        // tRPC's httpBatchLink calls `new AbortController()`; WeChat's JS runtime has none.
        // Provide ours to every module that names it, instead of patching globals at runtime.
        chain.plugin('providerPlugin').tap((args: Record<string, unknown>[]) => {
          const provided = args[0] ?? {};
          provided.AbortController = [
            path.resolve(__dirname, '../src/polyfills/abort-controller.ts'),
            'AbortController',
          ];
          return [provided];
        });
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [workspacePackages] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Pages are lazy chunks; Taro splits only initial chunks, so every page would carry its
        // own copy of zod, tRPC and the domain. Split async chunks too.
        const splitChunks = chain.optimization.get('splitChunks') as
          Record<string, unknown> | false;
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
        chain.performance.hints(false);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});

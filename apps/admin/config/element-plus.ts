import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import type { PluginOption } from 'vite';

/**
 * On-demand Element Plus: components used in templates and `ElMessage`-style
 * function APIs are imported (with their CSS) only where they are used, so the
 * login page does not carry the table's code or styles.
 *
 * The generated `auto-imports.d.ts` / `components.d.ts` are git-ignored; the
 * typecheck script regenerates them first (see package.json `typecheck`).
 */
export function elementPlus(options: { dts: boolean; importStyle: boolean }): PluginOption[] {
  const resolver = ElementPlusResolver({ importStyle: options.importStyle ? 'css' : false });
  return [
    AutoImport({
      resolvers: [resolver],
      dts: options.dts ? 'auto-imports.d.ts' : false,
    }),
    Components({
      resolvers: [resolver],
      // Our own components are imported explicitly; only Element Plus is resolved.
      dirs: [],
      dts: options.dts ? 'components.d.ts' : false,
    }),
  ];
}

/**
 * Every Element Plus style entry, spelled exactly as the resolver imports it
 * (`element-plus/es/components/<name>/style/css`, no extension), for
 * `optimizeDeps.include`. The dev server's scanner never sees these imports (the
 * resolver adds them during transform), so without this list the first visit to
 * each page finds new dependencies, re-bundles, and answers 504 "Outdated Optimize
 * Dep" and reloads. A glob cannot be used: Vite expands globs against the package's
 * `exports`, which for these files only yields `…/css.mjs`, a different id.
 */
export function elementPlusStyleIds(): string[] {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('element-plus/package.json'));
  const components = join(pkgDir, 'es', 'components');
  return readdirSync(components)
    .filter((name) => existsSync(join(components, name, 'style', 'css.mjs')))
    .map((name) => `element-plus/es/components/${name}/style/css`);
}

/**
 * The production build of the API server: src/main.ts (and the fake WeChat, for the CI's
 * deployment pass) bundled to JavaScript in dist/.
 *
 * The workspace packages (@kc/*) are TypeScript sources, so they are bundled in. Every npm
 * package stays external: PGlite and Prisma load their WebAssembly from their own folders. pnpm
 * gives apps/server/node_modules only the server's direct dependencies, so an external import is
 * rewritten to the file it resolves to, relative to dist/ (e.g.
 * ../../../node_modules/.pnpm/pg@…/node_modules/pg/lib/index.js). The bundle therefore runs
 * inside the checkout it was built in, with its node_modules: the deployment copies both.
 *
 * A bundled source that finds files next to itself (`import.meta.url`: the migrations, the repo
 * root) gets its own original address, again relative to dist/, so those paths stay right.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { build } from 'esbuild';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');
export const SERVER_DIST = path.join(SERVER_DIR, 'dist');
const REPO_ROOT = path.resolve(SERVER_DIR, '../..');

const isBare = (spec: string) => !spec.startsWith('.') && !path.isAbsolute(spec);

/** Builds dist/main.js, dist/worker.js and dist/fake-wechat.js (or into `outDir`, for tests). */
export async function bundleServer(outDir: string = SERVER_DIST): Promise<void> {
  /** `./x` relative to the output folder, with forward slashes, for a URL or an import. */
  const fromDist = (file: string) => {
    const rel = path.relative(outDir, file).split(path.sep).join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  // Chunks of an earlier build would pile up (their names are content hashes); sub-folders are
  // left alone (a test's bundle).
  await mkdir(outDir, { recursive: true });
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (entry.isFile() && /\.js(\.map)?$/.test(entry.name)) await rm(path.join(outDir, entry.name));
  }
  await build({
    entryPoints: {
      main: path.join(SERVER_DIR, 'src/main.ts'),
      'fake-wechat': path.join(SERVER_DIR, 'src/fake-wechat/main.ts'),
      worker: path.join(SERVER_DIR, 'src/worker.ts'),
    },
    outdir: outDir,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces (node --enable-source-maps) name the original source lines.
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [externalsByPath(fromDist), ownAddress(fromDist)],
  });
}

const externalsByPath = (fromDist: (file: string) => string): Plugin => ({
  name: 'externals-by-path',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'inner' || !isBare(args.path)) return undefined;
      if (args.path.startsWith('node:') || args.path.startsWith('@kc/')) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'inner',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // A Node built-in without the node: prefix.
      if (resolved.external && !path.isAbsolute(resolved.path)) return resolved;
      return { path: fromDist(resolved.path), external: true };
    });
  },
});

const ownAddress = (fromDist: (file: string) => string): Plugin => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      let source = await readFile(args.path, 'utf8');
      if (source.includes('import.meta.url')) {
        const own = `new URL(${JSON.stringify(fromDist(args.path))}, import.meta.url).href`;
        source = source.replaceAll('import.meta.url', `(${own})`);
      }
      return { contents: source, loader: 'ts' };
    });
  },
});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleServer();
  console.log(`server bundle written to ${path.relative(process.cwd(), SERVER_DIST) || '.'}`);
}

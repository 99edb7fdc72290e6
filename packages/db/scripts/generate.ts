/**
 * pnpm --filter @kc/db generate  →  prisma generate (client into src/generated/prisma), offline.
 *
 * Why the environment below:
 * - The Prisma CLI downloads its native *schema engine* from binaries.prisma.sh on every command,
 *   even `prisma generate`, which never uses it. Our machines cannot reach that host, so the CLI
 *   fails with `getaddrinfo ENOTFOUND binaries.prisma.sh`. When PRISMA_SCHEMA_ENGINE_BINARY
 *   names an existing file the CLI skips the download. So, only when no real engine is present
 *   (and the variable is not set already), we point it at a harmless executable (`true`, else
 *   node itself); generation does not run it. Where a real engine exists we leave things alone.
 * - CHECKPOINT_DISABLE=1: no update-check request to checkpoint.prisma.io.
 * - PRISMA_HIDE_UPDATE_MESSAGE=1: no "update available" banner.
 *
 * Migrations are not made with the CLI at all; see scripts/migration-new.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const prismaDir = dirname(require.resolve('prisma/package.json'));
const cli = join(prismaDir, 'build', 'index.js');

/** Where the CLI keeps a downloaded engine: next to its bundle, or in @prisma/engines. */
function realEngineInstalled(): boolean {
  const dirs = [prismaDir];
  try {
    dirs.push(
      dirname(
        createRequire(join(prismaDir, 'package.json')).resolve('@prisma/engines/package.json'),
      ),
    );
  } catch {
    // @prisma/engines is bundled into the CLI in recent versions
  }
  return dirs.some(
    (dir) =>
      existsSync(dir) && readdirSync(dir).some((f) => /^schema-engine-(?!.*\.d\.ts$)/.test(f)),
  );
}

function harmlessExecutable(): string {
  return ['/bin/true', '/usr/bin/true'].find((p) => existsSync(p)) ?? process.execPath;
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !realEngineInstalled()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = harmlessExecutable();
}

const TIMEOUT_MS = 120_000;
const child = spawn(process.execPath, [cli, 'generate', ...process.argv.slice(2)], {
  cwd: packageDir,
  env,
  stdio: 'inherit',
});
const timer = setTimeout(() => {
  console.error(`prisma generate did not finish in ${TIMEOUT_MS / 1000}s; stopping it.`);
  child.kill('SIGTERM');
}, TIMEOUT_MS);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_DIST, bundleServer } from '../scripts/build';
import { freePort } from './support/free-port';

/** The real entry point as a process: start-up checks and graceful shutdown. */
const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const main = path.join(root, 'apps/server/src/main.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-server-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>, command: string[] = [tsx, main]) {
  const [bin = tsx, ...args] = command;
  const child = spawn(bin, args, {
    cwd: root,
    // No DATABASE_URL: this test is about the process, on its own PGlite folder.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitHealthy(port: number, proc: ReturnType<typeof run>): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && proc.child.exitCode === null) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('the server process', () => {
  it('refuses to start on a bad setting and names it', async () => {
    const proc = run({ PORT: 'eighty', PGLITE_DIR: path.join(dir, 'never') });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('PORT');
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });

  it('serves, then on SIGTERM finishes and exits 0, releasing the database folder', async () => {
    const port = await freePort();
    const pgliteDir = path.join(dir, 'pglite');
    const proc = run({ PORT: String(port), PGLITE_DIR: pgliteDir });
    const deadline = Date.now() + 60_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline && proc.child.exitCode === null) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    expect(healthy, proc.output()).toBe(true);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    // The PGlite folder lock is gone, so another process may open it.
    expect(existsSync(`${pgliteDir}.lock`)).toBe(false);
  }, 90_000);
});

/**
 * The production build (scripts/build.ts, what `pnpm build` makes and `pnpm start:prod` runs),
 * bundled here into a folder of its own beside dist/ so a concurrent build is not disturbed.
 */
describe('the production bundle', () => {
  let bundle: string;
  beforeAll(async () => {
    const out = path.join(SERVER_DIST, `test-${process.pid}-${Date.now()}`);
    await bundleServer(out);
    bundle = path.join(out, 'main.js');
    return () => rm(out, { recursive: true, force: true });
  }, 60_000);

  const production = {
    NODE_ENV: 'production',
    PII_HASH_KEY: 'a-real-key-for-this-test-only',
    OFFICER_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  };

  it('refuses development settings under NODE_ENV=production, naming each', async () => {
    const pgliteDir = path.join(dir, 'refused');
    const proc = run({ ...production, SEED_DEMO: '1', TEST_CLOCK: '1', PGLITE_DIR: pgliteDir }, [
      process.execPath,
      bundle,
    ]);
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('SEED_DEMO: demo data must not be loaded in production');
    expect(proc.output()).toContain('TEST_CLOCK');
    expect(existsSync(pgliteDir)).toBe(false);
  });

  it('starts in production on PGlite: migrations found, live, ready, public pages', async () => {
    const port = await freePort();
    const proc = run({ ...production, PORT: String(port), PGLITE_DIR: path.join(dir, 'prod') }, [
      process.execPath,
      bundle,
    ]);
    expect(await waitHealthy(port, proc), proc.output()).toBe(true);
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, database: 'pglite' });
    // A page that reads the tables: the migrations ran from the bundle.
    expect((await fetch(`${base}/public`)).status).toBe(200);
    // No test clock in production.
    expect((await fetch(`${base}/test/clock`)).status).toBe(404);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  }, 90_000);
});

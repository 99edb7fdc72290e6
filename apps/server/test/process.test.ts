import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

function run(env: Record<string, string>) {
  const child = spawn(tsx, [main], {
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

describe('the server process', () => {
  it('refuses to start on a bad setting and names it', async () => {
    const proc = run({ PORT: 'eighty', PGLITE_DIR: path.join(dir, 'never') });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('PORT');
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });

  it('serves, then on SIGTERM finishes and exits 0, releasing the database folder', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
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

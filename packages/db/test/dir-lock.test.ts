import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../src';
import { acquireDirLock } from '../src/dir-lock';

/**
 * Issue 12, finding 9: the PGlite folder's lock file. A pid reused by another live process (a
 * container restart) made a stale lock look held, and a symlinked PGLITE_DIR crashed PGlite.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kc-dir-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A live process that is not ours and not a database user: what a reused pid points at. */
async function withStranger<T>(fn: (pid: number) => Promise<T> | T): Promise<T> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  try {
    return await fn(child.pid ?? 0);
  } finally {
    child.kill('SIGKILL');
  }
}

describe.skipIf(process.platform !== 'linux')('the PGlite folder lock', () => {
  it('takes over a lock whose pid now belongs to an unrelated live process', async () => {
    const data = join(dir, 'data');
    await withStranger((pid) => {
      // Written before this version (pid only), and after it (pid and the process's start).
      for (const content of [`${pid}`, `${pid} 1`]) {
        writeFileSync(`${data}.lock`, content);
        const release = acquireDirLock(data);
        expect(readFileSync(`${data}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
        release();
      }
    });
  });

  it('refuses a lock a live Node process holds, saying how to clear it if it is stale', () => {
    const data = join(dir, 'data');
    // The test runner's main process: alive, and Node.
    writeFileSync(`${data}.lock`, String(process.ppid));
    expect(() => acquireDirLock(data)).toThrow(`in use by process ${process.ppid}`);
    expect(() => acquireDirLock(data)).toThrow(`rm ${data}.lock`);
  });

  it('opens a PGLITE_DIR that is a symbolic link, and locks the real folder', async () => {
    const real = join(dir, 'real');
    mkdirSync(real);
    symlinkSync(real, join(dir, 'link'));
    const db = await createDb({ databaseUrl: null, pgliteDir: join(dir, 'link') });
    try {
      expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      // One lock for both names of the folder.
      await expect(createDb({ databaseUrl: null, pgliteDir: real })).rejects.toThrow(
        /in use by process/,
      );
    } finally {
      await db.close();
    }
  });

  it('explains a symbolic link to a folder that does not exist', async () => {
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling'));
    await expect(createDb({ databaseUrl: null, pgliteDir: join(dir, 'dangling') })).rejects.toThrow(
      `mkdir -p ${join(dir, 'missing')}`,
    );
  });
});

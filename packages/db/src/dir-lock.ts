/**
 * A lock file next to a PGlite data folder (`<dir>.lock`, holding the owner's pid), because
 * PGlite does not lock its folder and a second process (say `pnpm db:seed` while the server
 * runs) would corrupt it. A lock left by a process that no longer exists is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds (a container restart can reuse our pid for a stale lock). */
const held = new Set<string>();

export function acquireDirLock(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      return () => {
        if (!held.delete(file)) return;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readFileSync(file, 'utf8').trim();
      if (content === '') {
        // Another process is between creating and writing the file (or died right there).
        throw new Error(
          `The PGlite database in ${dir} is being opened by another process (remove ${file} if it is stale).`,
        );
      }
      const pid = Number(content);
      const mine = pid === process.pid;
      if (Number.isInteger(pid) && pid > 0 && (mine ? held.has(file) : alive(pid))) {
        throw new Error(
          `The PGlite database in ${dir} is in use by process ${pid}${mine ? ' (this process)' : ''}. ` +
            'Stop that process first, or use DATABASE_URL for a PostgreSQL server that several processes can share.',
        );
      }
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/**
 * A lock file next to a PGlite data folder (`<dir>.lock`, holding the owner's pid and, on Linux,
 * when that process started), because PGlite does not lock its folder and a second process (say
 * `pnpm db:seed` while the server runs) would corrupt it. A lock left by a process that no longer
 * exists is taken over, and so is one whose pid a different process has since been given (after
 * a container restart pids start again from the same small numbers).
 */
import {
  closeSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started (clock ticks since boot, /proc/<pid>/stat field 22); null off Linux. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The program a process runs, as far as Linux says; null when it cannot be read. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return null;
  }
}

/**
 * Whether the lock's pid is still the process that wrote it. With a recorded start time this
 * is exact; for a lock written without one, a live process that is not Node cannot be ours.
 */
function ownerStillRuns(pid: number, recordedStart: string | undefined): boolean {
  if (!alive(pid)) return false;
  const start = startTime(pid);
  if (recordedStart && start) return start === recordedStart;
  const command = commandOf(pid);
  return command === null || /node|tsx|vitest/i.test(command);
}

/**
 * The folder PGlite is given: absolute, with symbolic links resolved (PGlite cannot open a link,
 * and a folder reached by two names must have one lock). A link to nothing is explained.
 */
export function resolveDataDir(dir: string): string {
  const absolute = resolve(dir);
  try {
    return realpathSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let target: string | null = null;
  try {
    if (lstatSync(absolute).isSymbolicLink())
      target = resolve(absolute, '..', readlinkSync(absolute));
  } catch {
    // Nothing there at all: PGlite creates the folder.
  }
  if (target) {
    throw new Error(
      `PGLITE_DIR ${absolute} is a symbolic link to ${target}, which does not exist. ` +
        `Create the folder (mkdir -p ${target}) or set PGLITE_DIR to an existing folder.`,
    );
  }
  // Not made yet: its parent's real path, so the lock sits where the folder will.
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/** Lock files this process holds (a container restart can reuse our pid for a stale lock). */
const held = new Set<string>();

export function acquireDirLock(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, [process.pid, startTime(process.pid)].filter(Boolean).join(' '));
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
          `The PGlite database in ${dir} is being opened by another process. ` +
            `If none is, the lock is stale: rm ${file} and start again.`,
        );
      }
      const [pidText, recordedStart] = content.split(/\s+/);
      const pid = Number(pidText);
      const mine = pid === process.pid;
      if (
        Number.isInteger(pid) &&
        pid > 0 &&
        (mine ? held.has(file) : ownerStillRuns(pid, recordedStart))
      ) {
        throw new Error(
          `The PGlite database in ${dir} is in use by process ${pid}${mine ? ' (this process)' : ''}. ` +
            'Stop that process first, or use DATABASE_URL for a PostgreSQL server that several processes can share. ' +
            `If that process does not use this database (its pid was reused), the lock is stale: rm ${file} and start again.`,
        );
      }
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

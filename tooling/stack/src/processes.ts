import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Managed {
  name: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a child process, keeps the tail of its output for error reports, stops it gracefully. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: Record<string, string | undefined>;
    echo?: boolean;
    /** Also append everything the process writes to `<logDir>/<name>.log` (tests read it after). */
    logDir?: string | undefined;
  },
): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let file: ReturnType<typeof createWriteStream> | undefined;
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true });
    file = createWriteStream(path.join(options.logDir, `${name}.log`), { flags: 'a' });
    child.once('close', () => file?.end());
  }
  const keep = (chunk: Buffer) => {
    file?.write(chunk);
    tail = (tail + chunk.toString()).slice(-8000);
    if (options.echo) process.stdout.write(`[${name}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    child,
    output: () => tail,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Polls `url` until it answers 2xx; fails early if the process dies. */
export async function waitForHttp(url: string, proc: Managed, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode}:\n${proc.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}

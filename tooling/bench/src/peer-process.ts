/**
 * Starts a raw peer (a small Fastify + pg program) as its own process, like our server, so the
 * load generator never shares its event loop.
 */
import { spawn } from 'node:child_process';
import { REPO_ROOT, stopChild } from './server';

export async function startPeer(
  entry: string,
  args: string[],
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`peer did not start:\n${output}`)), 60_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => reject(new Error(`peer exited (${code}):\n${output}`)));
  });
  return { url, pid: child.pid, stop: () => stopChild(child) };
}

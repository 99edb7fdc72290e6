/**
 * Our API server as a child process, as production runs it: the bundle (apps/server/dist/main.js,
 * `pnpm build`) when it exists, else the TypeScript sources through tsx. Every bench that loads
 * the real server starts it here, with the probe preloaded (probe.mjs, over @kc/db/statements)
 * so a bench can count the statements a request costs and profile the CPU over the window it
 * chooses.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUNDLE = path.join(REPO_ROOT, 'apps/server/dist/main.js');
const PROBE = path.join(REPO_ROOT, 'tooling/bench/src/probe.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      if (!address || typeof address === 'string') return reject(new Error('no port'));
      srv.close(() => resolve(address.port));
    });
  });
}

export interface OurServer {
  url: string;
  /** bundle or tsx: said next to every figure. */
  source: 'bundle' | 'tsx';
  pid: number | undefined;
  probe: Probe;
  stop: () => Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  /** Extra environment (rate limits, TRUST_PROXY…). */
  env?: Record<string, string>;
  /** Force the TypeScript sources even when the bundle exists. */
  tsx?: boolean;
}

export async function startOurServer(options: StartOptions): Promise<OurServer> {
  const port = await freePort();
  const probePort = await freePort();
  const useBundle = !options.tsx && existsSync(BUNDLE);
  const nodeArgs = [
    '--import',
    PROBE,
    ...(useBundle
      ? ['--enable-source-maps', BUNDLE]
      : ['--import', 'tsx', path.join(REPO_ROOT, 'apps/server/src/main.ts')]),
  ];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // As the deploy stack runs the bundle (tooling/stack/src/deploy.ts): production's code path,
      // with the dev keys production would refuse.
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO: '0',
      // An API instance of the production topology: jobs run in separate workers.
      JOBS_WORKER: '0',
      // Production's level: every request logs its line; the lines go to /dev/null here.
      LOG_LEVEL: 'info',
      OFFICER_2FA_REQUIRED_ROLES: 'none',
      PROBE_PORT: String(probePort),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/healthz`, child, () => tail);
  return {
    url,
    source: useBundle ? 'bundle' : 'tsx',
    pid: child.pid,
    probe: probeAt(`http://127.0.0.1:${probePort}`),
    stop: () => stopChild(child),
  };
}

async function waitUntilUp(url: string, child: ChildProcess, tail: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${tail()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer ${url} in 90 s:\n${tail()}`);
}

/** SIGTERM: the server's graceful stop. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A statement as @kc/db/statements observed it, after JSON (bigint parameters as text). */
export interface Statement {
  text: string;
  values: unknown[];
}

export interface ProbeDump {
  total: number;
  byText: { text: string; count: number }[];
  captured: Statement[];
}

export interface Probe {
  reset: () => Promise<void>;
  capture: (on: boolean) => Promise<void>;
  dump: () => Promise<ProbeDump>;
  cpuStart: () => Promise<void>;
  /** The profile taken since cpuStart, as .cpuprofile JSON text. */
  cpuStop: () => Promise<string>;
}

function probeAt(base: string): Probe {
  const post = async (path: string) => {
    const res = await fetch(base + path, { method: 'POST' });
    const text = await res.text();
    if (!res.ok) throw new Error(`probe ${path}: ${res.status} ${text}`);
    return text;
  };
  return {
    reset: async () => void (await post('/reset')),
    capture: async (on) => void (await post(`/capture?on=${on ? 1 : 0}`)),
    dump: async () => (await (await fetch(`${base}/dump`)).json()) as ProbeDump,
    cpuStart: async () => void (await post('/cpu/start')),
    cpuStop: () => post('/cpu/stop'),
  };
}

/** pg-boss's own statements (its schema is `pgboss`): the job queue, not the request. */
export const isQueueStatement = (text: string) => /\bpgboss\b/.test(text);

/** Statements by text over a window, per request, most frequent first. */
export function printSqlCounts(byText: { text: string; count: number }[], requests: number) {
  console.log(`  SQL per request (${requests} requests):`);
  for (const s of [...byText].sort((a, b) => b.count - a.count).slice(0, 20)) {
    const text = s.text.replace(/\s+/g, ' ').trim().slice(0, 110);
    console.log(`  ${(s.count / Math.max(1, requests)).toFixed(2).padStart(6)}  ${text}`);
  }
}

/**
 * Login-flood benchmark (issue 12, finding 2): does a flood of failed officer logins slow down
 * other users' requests? Starts the real server (src/main.ts, PGlite in a temporary folder, or
 * DATABASE_URL) as a child process, logs a reviewer in, and measures the median latency of an
 * ordinary authenticated query (auth.me) alone and then while FLOODERS clients send failed logins
 * back to back. Prints each run, the median of the runs, ours (under flood) against the baseline
 * (the same query alone, same run) and their ratio, with the machine's load average. The issue's
 * bar: under a flood of failed logins, other users' requests no more than 2× slower.
 *
 *   npx tsx apps/server/bench/login-flood.ts            # all scenarios, 3 runs each
 *   RUNS=1 SCENARIOS=spread npx tsx apps/server/bench/login-flood.ts
 *
 * Scenarios:
 * - `spread`: every failed login from its own address (X-Forwarded-For, TRUST_PROXY=127.0.0.1)
 *   and its own name, so no throttle applies and every attempt costs a full scrypt: only the
 *   hash gate (LOGIN_HASH_CONCURRENCY / LOGIN_HASH_QUEUE) bounds the cost.
 * - `spread-ungated`: the same with the gate opened wide (16 at once, queue 1000), as before.
 * - `one-address`: all from one address with distinct names: the address throttle and the
 *   per-address request limit answer most attempts without hashing.
 * - `control`: the same number of clients sending a cheap request (auth.me without a session),
 *   no login at all: what any flood of that many requests costs on this machine.
 *
 * Also checks, in this process, that node's async scrypt leaves the event loop free (the event
 * loop's delay while 8 hashes run). Loopback only; every loop is bounded in time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword, verifyPassword } from '@kc/db';
import { machineLine, median } from '../../../tooling/bench/src/machine';

const RUNS = Number(process.env.RUNS ?? 3);
const FLOODERS = Number(process.env.FLOODERS ?? 40);
const SAMPLES = Number(process.env.SAMPLES ?? 40);
const SCENARIOS = (process.env.SCENARIOS ?? 'control,spread,spread-ungated,one-address').split(',');
const SERVER_DIR = join(import.meta.dirname, '..');

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function eventLoopDuringHashes() {
  const hash = await hashPassword('bench-password-1');
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await sleep(2000);
  idle.disable();
  console.log(
    `event-loop delay idle (2 s): p50 ${fmt(idle.percentile(50) / 1e6)}, max ${fmt(idle.max / 1e6)}`,
  );
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, () => verifyPassword('wrong', hash)));
  const took = performance.now() - t0;
  h.disable();
  console.log(
    `scrypt off the event loop: 8 verifications took ${fmt(took)}; event-loop delay meanwhile ` +
      `p50 ${fmt(h.percentile(50) / 1e6)}, max ${fmt(h.max / 1e6)}`,
  );
}

async function startServer(extraEnv: Record<string, string>) {
  const port = await freePort();
  const pgliteDir = mkdtempSync(join(tmpdir(), 'kc-bench-pglite-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '127.0.0.1',
      ...(process.env.DATABASE_URL ? {} : { PGLITE_DIR: pgliteDir }),
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('server did not start in 120 s');
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}

async function login(base: string, username: string, password: string, xff?: string) {
  return fetch(`${base}/trpc/auth.officerLogin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
    body: JSON.stringify({ json: { username, password } }),
  });
}

/** Sequential auth.me calls: each one's latency. */
async function sample(base: string, token: string, n: number) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`auth.me answered ${res.status}`);
    out.push(performance.now() - t0);
    await sleep(20);
  }
  return out;
}

async function runScenario(name: string) {
  const env: Record<string, string> =
    name === 'spread-ungated' ? { LOGIN_HASH_CONCURRENCY: '16', LOGIN_HASH_QUEUE: '1000' } : {};
  const server = await startServer(env);
  try {
    const res = await login(server.base, 'reviewer', 'Demo@2026', '10.255.0.1');
    const body = (await res.json()) as { result: { data: { json: { token: string } } } };
    const token = body.result.data.json.token;
    const runs: { alone: number; flood: number; ratio: number; statuses: string }[] = [];
    let seq = 0;
    for (let run = 0; run < RUNS; run++) {
      await sample(server.base, token, 5); // warm up
      const alone = median(await sample(server.base, token, SAMPLES));
      let stop = false;
      const statuses = new Map<number, number>();
      const flooders = Array.from({ length: FLOODERS }, async (_, f) => {
        while (!stop) {
          seq++;
          const xff =
            name === 'one-address'
              ? '10.9.9.9'
              : `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
          try {
            const r =
              name === 'control'
                ? await fetch(`${server.base}/trpc/auth.me`, {
                    headers: { 'x-forwarded-for': xff },
                  })
                : await login(server.base, `flood-${f}-${seq}`, 'wrong-password', xff);
            await r.arrayBuffer();
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          } catch {
            statuses.set(0, (statuses.get(0) ?? 0) + 1);
          }
        }
      });
      await sleep(1500); // let the flood build up
      const flood = median(await sample(server.base, token, SAMPLES));
      stop = true;
      await Promise.all(flooders);
      const summary = [...statuses].map(([s, n]) => `${s}×${n}`).join(' ');
      runs.push({ alone, flood, ratio: flood / alone, statuses: summary });
      console.log(
        `  ${name} run ${run + 1}: alone ${fmt(alone)}, under flood ${fmt(flood)}, ratio ${(flood / alone).toFixed(2)} (flood answers: ${summary})`,
      );
      await sleep(1000);
    }
    const alone = median(runs.map((r) => r.alone));
    const flood = median(runs.map((r) => r.flood));
    const ratio = median(runs.map((r) => r.ratio));
    console.log(
      `${name}: median of ${RUNS} — ours (under flood) ${fmt(flood)}, baseline (alone) ` +
        `${fmt(alone)}, ratio ${ratio.toFixed(2)}; ${machineLine()}`,
    );
    return { name, alone, flood, ratio };
  } finally {
    await server.stop();
  }
}

console.log(
  `login-flood: ${FLOODERS} flooders, ${SAMPLES} samples of auth.me, ${RUNS} runs; before: ${machineLine()}`,
);
await eventLoopDuringHashes();
const results = [];
for (const s of SCENARIOS) results.push(await runScenario(s));
console.table(
  results.map((r) => ({
    scenario: r.name,
    'ours: under flood (ms)': r.flood.toFixed(1),
    'baseline: alone (ms)': r.alone.toFixed(1),
    ratio: r.ratio.toFixed(2),
    'within 2×': r.ratio <= 2 ? 'yes' : 'no',
  })),
);
console.log(`after: ${machineLine()}`);

/**
 * Load with autocannon and the figures every bench prints: runs of ours and of its peer in
 * alternation (so a burst of load from another process on this shared machine falls on both),
 * each side's median of the runs, and the ratio ours / peer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import { median } from './machine';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time a process has used so far (user + system, ms), from /proc (Linux); NaN elsewhere.
 * On a shared machine the throughput of a run depends on what else runs; the CPU a request
 * costs the server much less so.
 */
export function cpuMsOf(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (proc(5)).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time (ms) used so far by every process of this machine whose command is `name` (e.g.
 * `postgres`: the server and all its backends), or NaN when there is none to read (a remote
 * database, another OS). Backends that ended between two readings take their time with them, so
 * compare readings over a span in which the pool's connections stay open.
 */
export function cpuMsOfCommand(name: string): number {
  let total = 0;
  let found = false;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return Number.NaN;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== name) continue;
    } catch {
      continue;
    }
    const ms = cpuMsOf(Number(pid));
    if (Number.isNaN(ms)) continue;
    total += ms;
    found = true;
  }
  return found ? total : Number.NaN;
}

export interface LoadRun {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Requests sent, those still in flight when the run stopped included (the server saw them). */
  sent: number;
  /** Non-2xx answers and connection errors: a run with any is reported, not hidden. */
  failures: number;
  /** CPU time the server process spent per request sent (ms), when its pid is known. */
  cpuMsPerRequest: number;
}

export interface LoadSpec {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** The server's process, to measure the CPU it spends. */
  pid?: number | undefined;
}

export async function load(spec: LoadSpec): Promise<LoadRun> {
  const cpuBefore = cpuMsOf(spec.pid);
  const result = await autocannon({
    url: spec.url,
    headers: spec.headers ?? {},
    connections: spec.connections,
    duration: spec.durationSeconds,
  });
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    sent: result.requests.sent,
    failures: result.non2xx + result.errors,
    cpuMsPerRequest: (cpuMsOf(spec.pid) - cpuBefore) / Math.max(1, result.requests.sent),
  };
}

export interface Summary {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  cpuMsPerRequest: number;
}

export function summarise(runs: readonly LoadRun[]): Summary {
  return {
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    failures: runs.reduce((n, r) => n + r.failures, 0),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
  };
}

/** `runs` of each side, alternating which goes first. */
export async function alternate(
  runs: number,
  ours: () => Promise<LoadRun>,
  peer: () => Promise<LoadRun>,
): Promise<{ ours: LoadRun[]; peer: LoadRun[] }> {
  const out = { ours: [] as LoadRun[], peer: [] as LoadRun[] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      out.ours.push(await ours());
      out.peer.push(await peer());
    } else {
      out.peer.push(await peer());
      out.ours.push(await ours());
    }
  }
  return out;
}

export const fmt = {
  rate: (n: number) => n.toFixed(0).padStart(7),
  ms: (n: number) => `${n.toFixed(1)} ms`.padStart(9),
  ratio: (n: number) => `${n.toFixed(2)}×`,
};

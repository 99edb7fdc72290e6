/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by
 * function, and by owner (an npm package, one of our workspace folders, node itself, GC).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface Share {
  name: string;
  ms: number;
  percent: number;
}

/** Who owns a script: `fastify`, `@prisma/client`, `packages/api`, `node`, or the special rows. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const ours = /\/(packages\/[^/]+|apps\/[^/]+|tooling\/[^/]+)\//.exec(url);
  return ours?.[1] ?? url;
}

export interface ProfileSummary {
  /** Self time: where the CPU was when sampled. */
  byFunction: Share[];
  byOwner: Share[];
  /** Inclusive time: samples with the function anywhere on the stack (once per sample). */
  inclusive: Share[];
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const totalHits = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / Math.max(1, totalHits);
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node);
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const owner = ownerOf(node.callFrame.url, node.callFrame.functionName);
    byFunction.set(keyOf(node), (byFunction.get(keyOf(node)) ?? 0) + hits);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + hits);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) {
      // Anonymous frames and the root say nothing on their own.
      if (!n.callFrame.functionName || n.callFrame.functionName === '(root)') continue;
      seen.add(keyOf(n));
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
  }
  const shares = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({
        name,
        ms: hits * msPerHit,
        percent: (100 * hits) / Math.max(1, totalHits),
      }));
  return { byFunction: shares(byFunction), byOwner: shares(byOwner), inclusive: shares(inclusive) };
}

function shortUrl(url: string): string {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(.*)$/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const ours = /\/((?:packages|apps|tooling)\/.*)$/.exec(url);
  return ours?.[1] ?? url;
}

export function printShares(title: string, shares: readonly Share[]) {
  console.log(title);
  for (const s of shares) {
    console.log(
      `  ${s.percent.toFixed(1).padStart(5)}%  ${s.ms.toFixed(0).padStart(6)} ms  ${s.name}`,
    );
  }
}

/**
 * A CPU profile of the server over `work` alone (the probe's in-process profiler: start-up and
 * set-up left out), written to `file` and summarised.
 */
export async function profileWhile<T>(
  probe: { cpuStart: () => Promise<void>; cpuStop: () => Promise<string> },
  file: string,
  work: () => Promise<T>,
): Promise<T> {
  await probe.cpuStart();
  let result: T;
  try {
    result = await work();
  } finally {
    writeFileSync(file, await probe.cpuStop());
  }
  return result;
}

/** Where profiles are kept: <repo>/.data/bench/profiles/<stamp>-<name>.cpuprofile. */
export function profileFile(repoRoot: string, name: string): string {
  const dir = path.join(repoRoot, '.data/bench/profiles');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.cpuprofile`);
}

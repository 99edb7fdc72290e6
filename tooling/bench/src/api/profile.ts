/**
 * `bench:api --cpu-prof`: where our server's time goes for a target. A server from the
 * TypeScript sources (so the profile names packages/api/src/… rather than bundle lines) is
 * profiled while autocannon loads one target alone; start-up and warm-up are left out. Each
 * profile is kept in .data/bench/profiles/ (Chrome DevTools → Performance opens it) and its top
 * is printed.
 */
import path from 'node:path';
import { printShares, profileFile, profileWhile, summariseProfile } from '../cpu-profile';
import { load } from '../load';
import { machineLine } from '../machine';
import { REPO_ROOT, isQueueStatement, startOurServer } from '../server';
import type { Target, Who } from './targets';

export async function profileTargets(o: {
  databaseUrl: string;
  targets: readonly Target[];
  headersOf: (who: Who) => Record<string, string>;
  seconds: number;
  connections: number;
}) {
  const server = await startOurServer({ databaseUrl: o.databaseUrl, tsx: true });
  try {
    for (const t of o.targets) {
      const spec = {
        url: server.url + t.path,
        headers: o.headersOf(t.who),
        connections: o.connections,
      };
      await load({ ...spec, durationSeconds: 2 });
      await server.probe.reset();
      const file = profileFile(REPO_ROOT, t.name);
      const run = await profileWhile(server.probe, file, () =>
        load({ ...spec, durationSeconds: o.seconds }),
      );
      const dump = await server.probe.dump();
      const statements = dump.byText
        .filter((s) => !isQueueStatement(s.text))
        .reduce((n, s) => n + s.count, 0);
      console.log(
        `\nprofile of ${t.name} (tsx sources): ${run.reqPerSec.toFixed(0)} req/s, p50 ${run.p50Ms} ms, ` +
          `p99 ${run.p99Ms} ms under the profiler; ${(statements / Math.max(1, run.sent)).toFixed(2)} ` +
          `SQL statements per request\n  kept: ${path.relative(REPO_ROOT, file)}`,
      );
      const { byOwner, byFunction, inclusive } = summariseProfile(file, 25);
      printShares('  self time by owner:', byOwner.slice(0, 15));
      printShares('  self time by function:', byFunction);
      printShares('  inclusive time (on the stack):', inclusive);
    }
  } finally {
    await server.stop();
  }
  console.log(machineLine());
}

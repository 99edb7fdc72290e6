/**
 * pnpm bench:api — our API's reads against a raw Fastify + pg peer (issue 13, part 2).
 *
 * Starts the real server (the bundle if built, else tsx) on PostgreSQL with the SQL probe, signs
 * in an applicant and an officer (sessions written as a login leaves them), and for each target
 * captures the statements one request costs. The peer (peer.ts) replays exactly those statements
 * and answers the same JSON. autocannon loads both in alternation; each side's median of the runs
 * and the ratio ours / peer are printed with the load average. The issue's goal: every read at
 * least 0.6× its raw peer. Figures only; nothing here asserts a time.
 *
 *   pnpm bench:api                          3 runs × 5 s per side and target, 10 connections
 *   pnpm bench:api --quick                  both answer 200 with equivalent bodies; 1 s each
 *   pnpm bench:api --database-url postgresql://…/kc_big --no-seed
 *   pnpm bench:api --only programmes.open --runs 5 --duration 10 --connections 20
 *   pnpm bench:api --cpu-prof               then a CPU profile of the server per hot target
 */
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseUrlArg, numberArg, parseArgs } from '../args';
import { openBenchDb, redactUrl, sessionFor, userIdOf } from '../database';
import { alternate, fmt, load, summarise } from '../load';
import type { LoadRun } from '../load';
import { machineLine } from '../machine';
import { startPeer } from '../peer-process';
import type { OurServer } from '../server';
import { isQueueStatement, printSqlCounts, startOurServer } from '../server';
import { profileTargets } from './profile';
import type { PeerPlan, PeerTarget, Target, Who } from './targets';
import { TARGETS, requestStatements } from './targets';

const args = parseArgs(process.argv.slice(2));
const quick = args.has('quick');
const runs = quick ? 1 : numberArg(args, 'runs', 3);
const duration = quick ? 1 : numberArg(args, 'duration', 5);
const connections = numberArg(args, 'connections', 10);
const databaseUrl = databaseUrlArg(args);
const only = typeof args.get('only') === 'string' ? String(args.get('only')).split(',') : null;
const targets = TARGETS.filter((t) => !only || only.includes(t.name));

console.log(`bench:api — ${quick ? 'quick check' : `${runs} runs × ${duration} s per side`}`);
console.log(`database: ${redactUrl(databaseUrl)}; ${connections} connections`);
console.log(machineLine());

const db = await openBenchDb(databaseUrl, { seed: !args.has('no-seed') });
const tokens: Record<Who, string | null> = {
  nobody: null,
  // The demo firm's administrator (a verified organisation): programmes.open computes its fit.
  applicant: await sessionFor(db, await userIdOf(db, { openid: 'demo-openid-firm-1' })),
  officer: await sessionFor(db, await userIdOf(db, { username: 'reviewer' })),
};
const headersOf = (who: Who): Record<string, string> => {
  const token = tokens[who];
  return token ? { authorization: `Bearer ${token}` } : {};
};

const server = await startOurServer({ databaseUrl, tsx: args.has('tsx') });
console.log(`our server: ${server.source} (pid ${server.pid}); peer: Fastify + pg, same SQL`);
const work = mkdtempSync(path.join(tmpdir(), 'kc-bench-api-'));
let exitCode = 0;
try {
  const plan = await capturePlan(server, targets);
  const planFile = path.join(work, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const peer = await startPeer(path.join(import.meta.dirname, 'peer.ts'), [planFile]);
  try {
    const peerPath = (t: Target) => (t.name === 'healthz' ? '/healthz' : `/peer/${t.name}`);
    exitCode = await checkEquivalent(server.url, peer.url, peerPath);
    if (exitCode === 0) {
      const rows: string[] = [];
      for (const t of targets) {
        const side = (base: string, p: string, pid: number | undefined) => () =>
          load({
            url: base + p,
            headers: headersOf(t.who),
            connections,
            durationSeconds: duration,
            pid,
          });
        const ours = side(server.url, t.path, server.pid);
        const theirs = side(peer.url, peerPath(t), peer.pid);
        // One warm-up run each: JIT and pool connections, not measured.
        await ours().then(theirs);
        await server.probe.reset();
        const r = await alternate(runs, ours, theirs);
        const sql = (await server.probe.dump()).byText.filter((s) => !isQueueStatement(s.text));
        const sent = r.ours.reduce((n, run) => n + run.sent, 0);
        if (t.name !== 'healthz') {
          console.log(`\n${t.name} under load:`);
          printSqlCounts(sql, sent);
        }
        const statements = sql.reduce((n, s) => n + s.count, 0);
        rows.push(tableRow(t.name, r.ours, r.peer, statements / Math.max(1, sent)));
      }
      console.log(
        `\n${'target'.padEnd(26)} ${'ours req/s'.padStart(10)} ${'p50'.padStart(9)} ${'p99'.padStart(9)}` +
          ` | ${'peer req/s'.padStart(10)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} | ours/peer  SQL/req` +
          ' | CPU ms/req: ours  peer  peer/ours',
      );
      for (const row of rows) console.log(row);
      console.log(
        `(median of ${runs} run(s) per side${quick ? '; quick: not a measurement' : ''}. ` +
          'req/s ratio = ours/peer; CPU ratio = peer/ours: above 0.6 meets the goal either way. ' +
          'CPU is the server process alone, user + system, not PostgreSQL nor the load generator.)',
      );
      console.log(machineLine());
    }
  } finally {
    await peer.stop();
  }
} finally {
  await server.stop();
}
if (exitCode === 0 && args.has('cpu-prof')) {
  await profileTargets({
    databaseUrl,
    targets: targets.filter((t) => t.name !== 'healthz'),
    headersOf,
    seconds: numberArg(args, 'profile-seconds', 10),
    connections,
  });
}
await db.close();
rmSync(work, { recursive: true, force: true });
process.exit(exitCode);

/**
 * For each target: a few warm-up requests, then one request with the probe keeping every
 * statement; that request's answer is the peer's body. Prints the statements per request.
 */
async function capturePlan(ours: OurServer, list: readonly Target[]): Promise<PeerPlan> {
  const out: PeerTarget[] = [];
  for (const t of list) {
    for (let i = 0; i < 5; i++) await get(ours.url + t.path, t.who);
    await ours.probe.reset();
    await ours.probe.capture(true);
    const res = await get(ours.url + t.path, t.who);
    await ours.probe.capture(false);
    const statements = requestStatements(await ours.probe.dump());
    if (res.status !== 200) throw new Error(`${t.name}: our server answered ${res.status}`);
    out.push({ name: t.name, statements, body: JSON.parse(res.text), countPath: t.countPath });
    console.log(
      `\n${t.name}: ${statements.length} SQL statements, body ${kb(Buffer.byteLength(res.text))}` +
        // The server sends it plain; nginx gzips JSON in production (deploy/nginx): what it saves.
        (res.text.length > 1024 ? ` (${kb(gzipSync(res.text).length)} gzipped)` : ''),
    );
    for (const s of statements) console.log(`  · ${s.text.replace(/\s+/g, ' ').slice(0, 150)}`);
  }
  return { databaseUrl, targets: out };
}

/** Both sides answer 200 with equal JSON; returns the exit code. */
async function checkEquivalent(ours: string, peer: string, peerPath: (t: Target) => string) {
  let code = 0;
  console.log('');
  for (const t of targets) {
    const [a, b] = await Promise.all([get(ours + t.path, t.who), get(peer + peerPath(t), t.who)]);
    const same =
      a.status === 200 && b.status === 200 && isDeepStrictEqual(json(a.text), json(b.text));
    console.log(
      `${same ? 'ok  ' : 'DIFF'} ${t.name}: ours ${a.status} ${Buffer.byteLength(a.text)} B, ` +
        `peer ${b.status} ${Buffer.byteLength(b.text)} B`,
    );
    if (!same) code = 1;
  }
  return code;
}

async function get(url: string, who: Who) {
  const res = await fetch(url, { headers: headersOf(who) });
  return { status: res.status, text: await res.text() };
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function tableRow(name: string, ours: LoadRun[], peer: LoadRun[], sqlPerRequest: number) {
  const o = summarise(ours);
  const p = summarise(peer);
  const failed = o.failures + p.failures;
  return (
    `${name.padEnd(26)} ${fmt.rate(o.reqPerSec).padStart(10)} ${fmt.ms(o.p50Ms)} ${fmt.ms(o.p99Ms)}` +
    ` | ${fmt.rate(p.reqPerSec).padStart(10)} ${fmt.ms(p.p50Ms)} ${fmt.ms(p.p99Ms)} |` +
    ` ${fmt.ratio(o.reqPerSec / p.reqPerSec).padStart(8)}  ${sqlPerRequest.toFixed(2).padStart(6)} |` +
    ` ${o.cpuMsPerRequest.toFixed(3).padStart(16)} ${p.cpuMsPerRequest.toFixed(3).padStart(5)}` +
    ` ${fmt.ratio(p.cpuMsPerRequest / o.cpuMsPerRequest).padStart(10)}` +
    (failed ? `  (${o.failures} ours / ${p.failures} peer non-2xx or errors)` : '')
  );
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The raw peer of `bench:api`: Fastify and `pg`, nothing else. For each target it replays the
 * very statements our server sent for one request of it (captured by the SQL probe: same text,
 * same parameters, same order, on one pooled connection as a hand-written handler would) and
 * answers JSON of the same shape and size. What our server spends beyond it is the price of
 * tRPC, superjson, zod, Prisma, the middlewares and the logging: the ratio the issue asks about.
 *
 * Run as its own process (like our server) so it never shares an event loop with the load
 * generator: `node --import tsx peer.ts <plan.json>`; it prints `listening <url>` when ready.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import type { PeerPlan } from './targets';

const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as PeerPlan;
// As our server's pool (@kc/db client.ts): pg's default size, sessions in UTC.
const pool = new pg.Pool({ connectionString: plan.databaseUrl, options: '-c TimeZone=UTC' });
const app = Fastify({ logger: false });

app.get('/healthz', async () => ({ ok: true }));

for (const target of plan.targets) {
  app.get(`/peer/${target.name}`, async (_req, reply) => {
    const client = await pool.connect();
    let last: pg.QueryResult | undefined;
    try {
      for (const s of target.statements) last = await client.query(s.text, s.values);
    } finally {
      client.release();
    }
    // The body our server gave, with the figure the SQL just read where a target has one.
    const body =
      target.countPath && last
        ? withValue(target.body, target.countPath, Number(Object.values(last.rows[0] ?? {})[0]))
        : target.body;
    return reply.type('application/json').send(JSON.stringify(body));
  });
}

function withValue(body: unknown, at: readonly string[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at as [string, ...string[]];
  const obj = body as Record<string, unknown>;
  return { ...obj, [head]: withValue(obj[head], rest, value) };
}

const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening ${address}`);
const stop = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

/**
 * The database a bench runs on: any PostgreSQL URL (`--database-url`, e.g. one the data
 * generator filled), migrated as the server would, with the demo data added unless told not to.
 * Sessions are written straight into `session`, as a login leaves them: the login flows are not
 * what these benches measure, and their rate limits would get in the way.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '@kc/db';
import { createDb } from '@kc/db';
import { seedDemo } from '@kc/db/seed';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/kc_bench';

export async function openBenchDb(url: string, options: { seed: boolean }): Promise<Db> {
  await ensureDatabase(url);
  const db = await createDb({ databaseUrl: url, migrate: true });
  if (options.seed) await seedDemo(db.prisma, { now: new Date() });
  return db;
}

/**
 * Creates the URL's database when the server does not have it yet, so that a bench (or the data
 * generator) runs on a fresh machine without a `createdb` first. Connects to the server's
 * `postgres` database to do it, as createdb does.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** A full session (no pending login step) for the user; returns its bearer token. */
export async function sessionFor(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.prisma.session.create({
    data: {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
      lastSeenAt: now,
      userAgent: 'kc-bench',
      ip: '127.0.0.1',
    },
  });
  return token;
}

export async function userIdOf(db: Db, who: { openid: string } | { username: string }) {
  const user = await db.prisma.user.findUnique({ where: who, select: { id: true } });
  if (!user) throw new Error(`no user ${JSON.stringify(who)}: seed the demo data (drop --no-seed)`);
  return user.id;
}

/** A bench database's address, password hidden, for the printed header. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

/**
 * pnpm db:migrate — applies pending migrations to the configured database
 * (DATABASE_URL, else the PGlite folder PGLITE_DIR / .data/pglite). Same runner as createDb().
 */
import { createDb } from '../src/client';
import { readDbEnv } from '../src/env';

const env = readDbEnv();
console.log(
  env.databaseUrl ? `PostgreSQL: ${redact(env.databaseUrl)}` : `PGlite: ${env.pgliteDir}`,
);
const db = await createDb({ log: (message) => console.log(message) });
await db.close();

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

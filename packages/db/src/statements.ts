import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * For tests that pin how many round trips an operation costs (issue 13). The SQL statements the
 * process sends while `fn` runs, on either backend: on PostgreSQL every
 * `pg` query (Prisma's adapter uses the same `pg`), on PGlite every simple query ('Q') and every
 * prepared statement ('P', Parse) handed to the engine. One entry is one round trip.
 */
export async function statementsOf<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const pgQuery = pg.Client.prototype.query;
  const execProtocolStream = PGlite.prototype.execProtocolStream;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    if (text) statements.push(text);
    return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pgQuery;
  PGlite.prototype.execProtocolStream = function (this: PGlite, message, options) {
    const text = protocolStatement(message);
    if (text !== null) statements.push(text);
    return execProtocolStream.call(this, message, options);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    pg.Client.prototype.query = pgQuery;
    PGlite.prototype.execProtocolStream = execProtocolStream;
  }
}

/** The SQL of a frontend message that starts a statement (Query or Parse), else null. */
function protocolStatement(message: Uint8Array): string | null {
  const type = String.fromCharCode(message[0] ?? 0);
  if (type !== 'Q' && type !== 'P') return null;
  let at = 5;
  // Parse: a statement name (C string) before the text.
  if (type === 'P') at = message.indexOf(0, at) + 1;
  const end = message.indexOf(0, at);
  return new TextDecoder().decode(message.subarray(at, end < 0 ? undefined : end));
}

/** The statements of the transaction among them: BEGIN … COMMIT, both included. */
export function transactionOf(statements: readonly string[]): string[] {
  const begin = statements.findIndex((s) => /^\s*BEGIN/i.test(s));
  const commit = statements.findIndex((s, i) => i > begin && /^\s*COMMIT/i.test(s));
  return begin < 0 || commit < 0 ? [] : statements.slice(begin, commit + 1);
}

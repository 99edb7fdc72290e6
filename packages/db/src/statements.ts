import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The one observer of the SQL statements this process sends to the database, on either backend:
 * on PostgreSQL every `pg` query (Prisma's adapter, the rate limiter and pg-boss share the same
 * `pg`), on PGlite every simple query ('Q') and every prepared statement ('P', Parse) handed to
 * the engine. One statement is one round trip. Used by the tests that pin how many round trips
 * an operation costs (issue 13) and by the benches (tooling/bench: the server's probe, the lists
 * bench's raw replay). Never loaded by production code.
 */
export interface Statement {
  text: string;
  /** The parameters as passed to `pg`; always empty on PGlite (Bind is not decoded). */
  values: readonly unknown[];
  /**
   * Resolves once `pg` has answered the statement (either way) when it was sent with a callback
   * or for a promise, as the pool and Prisma's adapter send them: a bench replaying an
   * operation's statements can tell those sent together from those sent after an answer came
   * back. Absent on PGlite.
   */
  settled?: Promise<void>;
}

type Listener = (statement: Statement) => void;

const listeners = new Set<Listener>();
const pgQuery = pg.Client.prototype.query;
const execProtocolStream = PGlite.prototype.execProtocolStream;

const emit = (statement: Statement) => {
  for (const listener of listeners) listener(statement);
};

function sentThroughPg(this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  const params = Array.isArray(values) ? values : (config as { values?: unknown[] }).values;
  let done = () => {};
  const settled = new Promise<void>((resolve) => (done = resolve));
  emit({ text, values: params ?? [], settled });
  // pg answers through a callback (pg-pool's form) or a promise. (A submittable's events are
  // left alone: listening for its 'error' would change what happens when no one else does.)
  const last = args.at(-1);
  if (typeof last === 'function')
    args[args.length - 1] = function answered(this: unknown, ...answer: unknown[]) {
      done();
      return (last as (...a: unknown[]) => unknown).apply(this, answer);
    };
  const result = (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (typeof (result as Promise<unknown> | undefined)?.then === 'function')
    (result as Promise<unknown>).then(done, done);
  return result;
}

const sentThroughPglite: typeof execProtocolStream = function (this: PGlite, message, options) {
  const text = protocolStatement(message);
  if (text !== null) emit({ text, values: [] });
  return execProtocolStream.call(this, message, options);
};

/**
 * Calls `listener` with every statement sent from now until the returned function is called.
 * The drivers are patched only while someone listens.
 */
export function watchStatements(listener: Listener): () => void {
  if (listeners.size === 0) {
    pg.Client.prototype.query = sentThroughPg as typeof pgQuery;
    PGlite.prototype.execProtocolStream = sentThroughPglite;
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    // Someone may have wrapped ours since: then ours stays in their chain, listening to no one.
    if (pg.Client.prototype.query === (sentThroughPg as typeof pgQuery))
      pg.Client.prototype.query = pgQuery;
    if (PGlite.prototype.execProtocolStream === sentThroughPglite)
      PGlite.prototype.execProtocolStream = execProtocolStream;
  };
}

/** The text of each statement sent while `fn` runs, in order. */
export async function statementsOf<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = watchStatements((s) => statements.push(s.text));
  try {
    return { result: await fn(), statements };
  } finally {
    stop();
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

/**
 * The SQL the app sends, as sent: while `capture` runs, every query a `pg` client issues in this
 * process (Prisma's adapter uses the same `pg`) is recorded with its parameters, so the very same
 * statements can be replayed raw as the peer of the API call.
 */
import pg from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

let recording: Statement[] | null = null;
const original = pg.Client.prototype.query;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (recording) {
      if (typeof first === 'string')
        recording.push({ text: first, values: (second as unknown[]) ?? [] });
      else if (first && typeof first === 'object' && 'text' in first) {
        const q = first as { text: string; values?: unknown[] };
        recording.push({ text: q.text, values: q.values ?? [] });
      }
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export async function capture<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: Statement[] }> {
  install();
  const statements: Statement[] = [];
  recording = statements;
  try {
    return { result: await fn(), statements };
  } finally {
    recording = null;
  }
}

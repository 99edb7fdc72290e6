/**
 * The benches' command line: `--name value`, `--name=value` and bare `--flag`. Each bench reads
 * its own names; the database is always `--database-url` (or DATABASE_URL), so a database the
 * data generator filled plugs straight in.
 */
import { DEFAULT_DATABASE_URL } from './database';

export function parseArgs(argv: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const [name = '', inline] = arg.slice(2).split('=', 2);
    const next = argv[i + 1];
    if (inline !== undefined) out.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      out.set(name, next);
      i++;
    } else out.set(name, true);
  }
  return out;
}

export function numberArg(args: Map<string, string | true>, name: string, fallback: number) {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

export function databaseUrlArg(args: Map<string, string | true>): string {
  const v = args.get('database-url');
  return typeof v === 'string' ? v : (process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
}

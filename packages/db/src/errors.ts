/**
 * Unique-constraint violations (P2002) look different on the two backends with Prisma 7 driver
 * adapters:
 *   PGlite:     meta.driverAdapterError.cause.constraint = { fields: ['credit_code'] }
 *   PostgreSQL: meta.driverAdapterError.cause.constraint = { index: 'organisation_credit_code_key' }
 * (and neither sets the classic meta.target). These helpers read all three shapes.
 */
import { Prisma } from './generated/prisma/client';

export interface UniqueViolation {
  /** Column names when the driver reports them (PGlite, classic meta.target). */
  columns: string[] | null;
  /** Constraint / index name when the driver reports it (PostgreSQL). */
  constraint: string | null;
  /** Table name when the driver reports it (PostgreSQL). */
  table: string | null;
}

interface AdapterCause {
  constraint?: { fields?: unknown; index?: unknown };
  table?: unknown;
}

export function uniqueViolation(error: unknown): UniqueViolation | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002')
    return null;
  const meta = (error.meta ?? {}) as {
    target?: unknown;
    driverAdapterError?: { cause?: AdapterCause };
  };
  const cause = meta.driverAdapterError?.cause;
  const found = cause?.constraint;
  const target = meta.target;
  const columns = Array.isArray(found?.fields)
    ? found.fields.map(String)
    : Array.isArray(target)
      ? target.map(String)
      : null;
  const constraint =
    typeof found?.index === 'string' ? found.index : typeof target === 'string' ? target : null;
  return { columns, constraint, table: typeof cause?.table === 'string' ? cause.table : null };
}

/**
 * True when `error` is a P2002 on exactly these columns (database names, in the order of the
 * unique index), e.g. `isUniqueViolationOn(error, 'credit_code')`. With only a constraint name
 * (PostgreSQL) this relies on Prisma's index naming: <table>_<col>_<col>…_key.
 */
export function isUniqueViolationOn(error: unknown, ...columns: [string, ...string[]]): boolean {
  const v = uniqueViolation(error);
  if (!v) return false;
  if (v.columns)
    return v.columns.length === columns.length && columns.every((c, i) => v.columns?.[i] === c);
  if (!v.constraint) return false;
  const suffix = `_${columns.join('_')}_key`;
  return v.table ? v.constraint === `${v.table}${suffix}` : v.constraint.endsWith(suffix);
}

/**
 * True when `error` is a P2002 on a named unique index — the hand-written partial ones, whose
 * names do not follow Prisma's pattern (e.g. `organisation_member_one_active_per_user`).
 * PostgreSQL names the index; PGlite names only the columns, so those are given too.
 */
export function isUniqueViolationOfIndex(
  error: unknown,
  index: string,
  columns: readonly [string, ...string[]],
): boolean {
  const v = uniqueViolation(error);
  if (!v) return false;
  if (v.constraint) return v.constraint === index;
  return (
    !!v.columns &&
    v.columns.length === columns.length &&
    columns.every((c, i) => v.columns?.[i] === c)
  );
}

interface AdapterErrorCause {
  originalCode?: unknown;
  originalMessage?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * The CHECK constraint a statement violated (PostgreSQL 23514), or null. Both backends report it
 * the same way: a PrismaClientKnownRequestError (P2039 for model queries, P2010 for raw SQL)
 * whose meta.driverAdapterError.cause carries the SQLSTATE and the server's message, which names
 * the constraint. Never show the cause's `detail` to users: it contains the failing row.
 */
export function checkViolation(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const meta = (error.meta ?? {}) as { driverAdapterError?: { cause?: AdapterErrorCause } };
  const cause = meta.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  if (code !== '23514') return null;
  const message = String(cause?.originalMessage ?? cause?.message ?? '');
  return /violates check constraint "([^"]+)"/.exec(message)?.[1] ?? '';
}

/** True when `error` violated a CHECK constraint — this one, if a name is given. */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  const name = checkViolation(error);
  return name !== null && (constraint === undefined || name === constraint);
}

/**
 * Replay protection for money-moving requests (the `idempotency_record` table).
 *
 * The client picks a UUID per intended operation and sends it again when it retries (a timeout,
 * a double click, a flaky mobile network). The first request does the work and stores its
 * response in the same transaction; every later request with that key gets the stored response
 * and changes nothing.
 *
 * How a concurrent duplicate is handled: `withIdempotency` inserts the record (a claim) BEFORE it
 * does the work and before it takes any row lock. A second transaction with the same key then
 * blocks on the unique index until the first ends: if the first commits, the insert fails with
 * P2002 (which aborts that transaction, so it cannot be handled inside it) and
 * `idempotentTransaction` reads the stored response outside; if the first rolls back (the request
 * was refused), the claim disappears and the second does the work itself. Only successful
 * responses are stored: a refusal changed nothing, so retrying the key after fixing the cause is
 * allowed. (On PGlite, one connection, transactions queue instead, and the second finds the
 * committed record on its first read.)
 *
 * The key is globally unique, so a hit also compares scope, actor and the request's hash: a key
 * reused for another operation, by another person or with other arguments is refused
 * (`IDEMPOTENCY_KEY_REUSED`) rather than answered with someone else's result.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient, TransactionClient } from '@kc/db';
import { uniqueViolation } from '@kc/db';
import { z } from 'zod';
import { decodeJson, encodeJson } from './awards/codec';
import { appError } from './errors';

/** The input field every money-moving procedure requires. */
export const idempotencyKeySchema = z.uuid({
  error: '缺少或无效的请求编号（idempotencyKey），请刷新后重试',
});

export interface IdempotencyRequest {
  /** client-chosen UUID */
  key: string;
  /** the procedure, e.g. 'disbursements.markPaid' */
  scope: string;
  actorUserId: string;
  /** the procedure's arguments (without the key itself); hashed, never stored */
  request: unknown;
  /** when the claim is made (the injected clock) */
  now: Date;
}

/**
 * JSON with object keys sorted at every level, so the same arguments hash the same whatever order
 * a client serialised them in. bigint and Date are tagged so they cannot collide with strings;
 * undefined properties are left out (as JSON does). Array order is kept: it is meaningful.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify({ $bigint: value.toString() });
  if (value instanceof Date) return JSON.stringify({ $date: value.toISOString() });
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** A stored response superjson-decoded, after checking the record belongs to this request. */
function replay<T>(
  record: { scope: string; actorUserId: string; requestHash: string; response: unknown },
  req: IdempotencyRequest,
  hash: string,
): T {
  if (
    record.scope !== req.scope ||
    record.actorUserId !== req.actorUserId ||
    record.requestHash !== hash
  ) {
    throw appError('IDEMPOTENCY_KEY_REUSED');
  }
  return decodeJson<T>(record.response as Parameters<typeof decodeJson>[0]) as T;
}

/**
 * Inside the caller's transaction: the stored response if the key was used before (same scope,
 * actor and request), otherwise `work()` with its response stored in the same transaction.
 * Call it before taking any row lock (see the module comment); let P2002 on the key escape to
 * `idempotentTransaction` (or handle it the same way).
 *
 * The response goes through superjson both ways (bigint and Date survive), and the first caller
 * receives the decoded copy too, so the first answer and every replay are identical.
 */
export async function withIdempotency<T>(
  tx: TransactionClient,
  req: IdempotencyRequest,
  work: () => Promise<T>,
): Promise<T> {
  const hash = requestHash(req.request);
  const existing = await tx.idempotencyRecord.findUnique({ where: { key: req.key } });
  if (existing) return replay<T>(existing, req, hash);
  // The claim: a concurrent duplicate waits here on the unique key until this transaction ends.
  const claim = await tx.idempotencyRecord.create({
    data: {
      key: req.key,
      scope: req.scope,
      actorUserId: req.actorUserId,
      requestHash: hash,
      response: {},
      createdAt: req.now,
    },
    select: { id: true },
  });
  const result = await work();
  const response = encodeJson(result);
  await tx.idempotencyRecord.update({ where: { id: claim.id }, data: { response } });
  return decodeJson<T>(response as Parameters<typeof decodeJson>[0]) as T;
}

/** P2002 on idempotency_record.key (the only other `key` column, award_once_key, is not ours). */
export function isIdempotencyKeyConflict(error: unknown): boolean {
  const v = uniqueViolation(error);
  if (!v) return false;
  if (v.constraint) return v.constraint === 'idempotency_record_key_key';
  if (v.table && v.table !== 'idempotency_record') return false;
  return v.columns?.length === 1 && v.columns[0] === 'key';
}

/**
 * `prisma.$transaction` around `withIdempotency`, plus the replay of a concurrent duplicate that
 * lost the race on the key: its transaction failed with P2002, so the stored response is read
 * here, outside it, after the winner committed.
 */
export async function idempotentTransaction<T>(
  prisma: PrismaClient,
  req: IdempotencyRequest,
  work: (tx: TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await prisma.$transaction((tx) => withIdempotency(tx, req, () => work(tx)));
  } catch (error) {
    if (!isIdempotencyKeyConflict(error)) throw error;
    const record = await prisma.idempotencyRecord.findUnique({ where: { key: req.key } });
    if (!record) throw error;
    return replay<T>(record, req, requestHash(req.request));
  }
}

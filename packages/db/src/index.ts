/**
 * @kc/db — the database: Prisma 7 client on PostgreSQL, or on embedded PGlite when no
 * DATABASE_URL is set. Demo seed: `@kc/db/seed`; test databases: `@kc/db/testing`.
 */
export { createDb, MEMORY } from './client';
export type { CreateDbOptions, Db, DbKind, ExecuteSql, PoolStats, QueueConnection } from './client';
export type { ListenHandlers, Listener } from './listen';
export { rowsOf } from './rows';
export type { ReadRows } from './rows';
export { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password';
export type { ScryptParams } from './password';
export { hashResidentId, normaliseResidentId } from './pii';
export { MigrationError } from './migrate/runner';
export {
  checkViolation,
  isCheckViolation,
  isUniqueViolationOfIndex,
  isUniqueViolationOn,
  uniqueViolation,
} from './errors';
export { isBusyError } from './transaction-retry';
export { NUMBER_FORMATS, formatNumber, mayOccurInNumber, nextNumber } from './numbers';
export type { NumberScope } from './numbers';
export type { UniqueViolation } from './errors';

// Prisma: the client class, the `Prisma` namespace (input types, errors), model types and enums.
export * from './generated/prisma/client';
import type { Prisma } from './generated/prisma/client';
/** The `tx` of `prisma.$transaction(async (tx) => …)`. */
export type TransactionClient = Prisma.TransactionClient;

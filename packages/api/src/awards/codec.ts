import type { Prisma } from '@kc/db';
import superjson from 'superjson';

/**
 * Rule inputs hold money as bigint fen, which JSON cannot carry. They are stored as superjson's
 * `{ json, meta }`, which round-trips bigint (and Date) exactly.
 */
export function encodeJson(value: unknown): Prisma.InputJsonValue {
  return superjson.serialize(value) as unknown as Prisma.InputJsonValue;
}

export function decodeJson<T = unknown>(stored: Prisma.JsonValue | null | undefined): T | null {
  if (stored === null || stored === undefined) return null;
  return superjson.deserialize(stored as unknown as Parameters<typeof superjson.deserialize>[0]);
}

import type { Prisma } from '@kc/db';
import superjson from 'superjson';
import { serializePlain } from '../plain-serialize';

/**
 * Rule inputs hold money as bigint fen, which JSON cannot carry. They are stored as superjson's
 * `{ json, meta }`, which round-trips bigint (and Date) exactly.
 */
export function encodeJson(value: unknown): Prisma.InputJsonValue {
  // The same bytes as superjson's, without its general walker (plain-serialize.ts).
  return (serializePlain(value) ?? superjson.serialize(value)) as unknown as Prisma.InputJsonValue;
}

export function decodeJson<T = unknown>(stored: Prisma.JsonValue | null | undefined): T | null {
  if (stored === null || stored === undefined) return null;
  return superjson.deserialize(stored as unknown as Parameters<typeof superjson.deserialize>[0]);
}

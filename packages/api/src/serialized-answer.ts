import { createHash } from 'node:crypto';
import superjson from 'superjson';
import { serializePlain } from './plain-serialize';

/**
 * Answers serialized once (issue 13): a procedure whose answer is shared by many requests (the
 * programme list: kilobytes of policy text) freezes it, and the transformer sends the superjson
 * form kept here instead of walking the whole tree again per request. The strong ETag is the
 * hash of that form, so the HTTP layer can answer If-None-Match without reading the body.
 */
interface Serialized {
  wire: ReturnType<typeof superjson.serialize>;
  /** `wire` as JSON text, for an HTTP answer that need not stringify it again. */
  json: string;
  etag: string;
}

const serialized = new WeakMap<object, Serialized>();

/**
 * Deep-freezes `value` (it is shared between requests from now on) and keeps its superjson
 * form and ETag. Calling it again on the same object costs a lookup.
 */
export function freezeAnswer<T extends object>(value: T): T {
  if (serialized.has(value)) return value;
  deepFreeze(value);
  const wire = superjson.serialize(value);
  const json = JSON.stringify(wire);
  const etag = `"${createHash('sha256').update(json).digest('base64url')}"`;
  serialized.set(value, { wire, json, etag });
  return value;
}

/** The strong ETag of a frozen answer; undefined for anything else. */
export function etagOf(value: unknown): string | undefined {
  return isObject(value) ? serialized.get(value)?.etag : undefined;
}

/** The JSON text of a frozen answer's superjson form; undefined for anything else. */
export function serializedJsonOf(value: unknown): string | undefined {
  return isObject(value) ? serialized.get(value)?.json : undefined;
}

/**
 * tRPC's transformer: superjson both ways, with a frozen answer's stored form on the way out and
 * plain trees serialized by the faster equivalent (plain-serialize.ts).
 * The wire format is superjson's, so clients keep `transformer: superjson`.
 */
export const answerTransformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) =>
      (isObject(value) ? serialized.get(value)?.wire : undefined) ??
      serializePlain(value) ??
      superjson.serialize(value),
    deserialize: (value: unknown) => superjson.deserialize(value as Serialized['wire']),
  },
};

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) if (isObject(child)) deepFreeze(child);
}

import type { SuperJSONResult } from 'superjson';

/**
 * superjson.serialize for the trees procedures return — plain objects and arrays of strings,
 * finite numbers, booleans, null, undefined, Dates and bigints — at a fraction of its cost
 * (issue 13: superjson's general walker, which asks every value about registered classes and
 * custom transformers, was a sixth of an officer list's CPU). The output is superjson's, byte
 * for byte, key order included (plain-serialize.test.ts checks it against superjson on random
 * trees). Anything else — a Map, a class instance, an object met twice, NaN — returns null, and
 * the caller uses superjson itself.
 */
export function serializePlain(value: unknown): SuperJSONResult | null {
  const walk = new PlainWalk();
  const json = walk.visit(value);
  if (json === UNSUPPORTED) return null;
  const result: SuperJSONResult = { json: json as SuperJSONResult['json'] };
  const values = walk.annotations;
  const equalities = walk.equalities();
  if (values || equalities) {
    result.meta = {
      ...(values ? { values: values as never } : {}),
      ...(equalities ? { referentialEqualities: equalities } : {}),
      v: 1,
    } as SuperJSONResult['meta'];
  }
  return result;
}

const UNSUPPORTED = Symbol('unsupported');
/** superjson's annotations of a subtree: a leaf's type, or the annotated paths below. */
type Annotations = [string] | Record<string, unknown>;

const UNDEFINED: [string] = ['undefined'];
const BIGINT: [string] = ['bigint'];
const DATE: [string] = ['Date'];

class PlainWalk {
  /** The annotations of the value `visit` last returned (a side result: no wrapper per node). */
  annotations: Annotations | undefined;
  private readonly seen = new Set<object>();
  /** The escaped keys from the root to the value being visited. */
  private readonly path: string[] = [];
  /**
   * superjson records "referential equality" for every value that is not a primitive to it:
   * bigints by value (two fields holding 200000n are "the same object") and Dates by identity
   * (a row's createdAt and updatedAt set from one `now`): where each occurs, in the order first
   * met, as superjson's one map of identities has them.
   */
  private readonly shared = new Map<bigint | Date, { path: string; depth: number }[]>();

  visit(value: unknown): unknown {
    this.annotations = undefined;
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        // NaN, ±Infinity and -0 travel as annotated strings: left to superjson.
        return Number.isFinite(value) && !Object.is(value, -0) ? value : UNSUPPORTED;
      case 'undefined':
        this.annotations = UNDEFINED;
        return null;
      case 'bigint':
        this.occurs(value);
        this.annotations = BIGINT;
        return value.toString();
      case 'object':
        break;
      default:
        return UNSUPPORTED;
    }
    if (value === null) return null;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime()) || Object.getPrototypeOf(value) !== Date.prototype)
        return UNSUPPORTED;
      // Met again, superjson writes it again and notes where (referentialEqualities).
      this.occurs(value);
      this.annotations = DATE;
      return value.toISOString();
    }
    // An object or array met twice (or a cycle): left to superjson.
    if (this.seen.has(value)) return UNSUPPORTED;
    this.seen.add(value);
    const isArray = Array.isArray(value);
    if (!isArray) {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return UNSUPPORTED;
    }
    const json: Record<string, unknown> = isArray ? ([] as never) : {};
    let inner: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      // superjson refuses these keys (prototype pollution): let it say so.
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return UNSUPPORTED;
      const escaped = escapeKey(key);
      this.path.push(escaped);
      const child = this.visit((value as Record<string, unknown>)[key]);
      this.path.pop();
      if (child === UNSUPPORTED) return UNSUPPORTED;
      json[key] = child;
      const a = this.annotations;
      if (!a) continue;
      inner ??= {};
      if (Array.isArray(a)) inner[escaped] = a;
      else for (const below of Object.keys(a)) inner[`${escaped}.${below}`] = a[below];
    }
    this.annotations = inner;
    return json;
  }

  private occurs(value: bigint | Date): void {
    const at = { path: this.path.join('.'), depth: this.path.length };
    const places = this.shared.get(value);
    if (places) places.push(at);
    else this.shared.set(value, [at]);
  }

  /** superjson's referentialEqualities for repeated bigints and Dates: shortest path first. */
  equalities(): Record<string, string[]> | undefined {
    let out: Record<string, string[]> | undefined;
    for (const places of this.shared.values()) {
      const [first, ...rest] = [...places].sort((a, b) => a.depth - b.depth);
      if (!first || rest.length === 0) continue;
      out ??= {};
      out[first.path] = rest.map((p) => p.path);
    }
    return out;
  }
}

/** superjson's path syntax: segments joined by dots, a dot or backslash in a key escaped. */
function escapeKey(key: string): string {
  if (!key.includes('.') && !key.includes('\\')) return key;
  return key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
}

import type { Fen } from '../../money';
import type { PolicyAmendment } from '../amendments/schema';
import { Sha256 } from './sha256';
import type { HistoricalApplication, SandboxPeriod } from './types';

/** Past any form we have: a deeper value is a cycle or a mistake, refused, not overflowing. */
const MAX_DEPTH = 64;
/** Keys repeat in every application: each `"key":` is written once. */
const KEY_LEADS = new Map<string, string>();

function keyLead(key: string): string {
  let lead = KEY_LEADS.get(key);
  if (lead === undefined) {
    lead = `${JSON.stringify(key)}:`;
    // Keys are field names; a flood of distinct ones (a map keyed by ids) is not kept.
    if (KEY_LEADS.size < 10_000) KEY_LEADS.set(key, lead);
  }
  return lead;
}

/**
 * Object shapes repeat (every application has the same keys, in the same order): each shape's
 * sorted keys are found once, by comparing the key lists, which are mostly the same strings.
 */
const SHAPES = new Map<number, { keys: readonly string[]; sorted: readonly string[] }[]>();

function sortedKeys(record: object): readonly string[] {
  const keys = Object.keys(record);
  const known = SHAPES.get(keys.length);
  if (known) {
    for (const shape of known) {
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = shape.keys[i] === keys[i];
      if (same) return shape.sorted;
    }
  }
  const sorted = [...keys].sort();
  // A handful of shapes is all the inputs have; a map keyed by ids is sorted every time.
  if (!known) SHAPES.set(keys.length, [{ keys, sorted }]);
  else if (known.length < 32) known.push({ keys, sorted });
  return sorted;
}

/**
 * Writes a value as canonical JSON (RFC 8785's rules: keys sorted by UTF-16 code units, no
 * whitespace, numbers as JavaScript prints them) to `put`, piece by piece, plus one extension: a
 * bigint (money in fen) is `{"$bigint":"123"}`. `undefined` properties are left out and
 * `undefined` in an array is `null`, as `JSON.stringify` does. Anything JSON cannot say the same
 * way twice — a Date, a Map, a class instance, NaN, a function — is refused.
 */
export function writeCanonicalJson(value: unknown, put: (text: string) => void): void {
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw new TypeError('canonical JSON: nested too deeply (a cycle?)');
    if (v === null || v === undefined) return put('null');
    switch (typeof v) {
      case 'string':
        return put(JSON.stringify(v));
      case 'boolean':
        return put(v ? 'true' : 'false');
      case 'number':
        if (!Number.isFinite(v)) throw new TypeError(`canonical JSON: ${v} is not a JSON number`);
        // The same digits as JSON.stringify for every finite number (and 0 for -0).
        return put(String(v));
      case 'bigint':
        return put(`{"$bigint":"${v.toString()}"}`);
      case 'object':
        break;
      default:
        throw new TypeError(`canonical JSON: cannot write a ${typeof v}`);
    }
    if (Array.isArray(v)) {
      put('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) put(',');
        walk(v[i], depth + 1);
      }
      return put(']');
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('canonical JSON: only plain objects, arrays and primitives');
    }
    const record = v as Record<string, unknown>;
    put('{');
    let first = true;
    for (const key of sortedKeys(record)) {
      const item = record[key];
      if (item === undefined) continue;
      // Pieces are passed as they are, never joined: joined strings are slower to read.
      if (!first) put(',');
      put(keyLead(key));
      first = false;
      walk(item, depth + 1);
    }
    put('}');
  };
  walk(value, 0);
}

/** The canonical JSON as one string (for tests and small values). */
export function canonicalJson(value: unknown): string {
  let out = '';
  writeCanonicalJson(value, (text) => {
    out += text;
  });
  return out;
}

export interface SandboxChecksumInput {
  readonly applications: readonly HistoricalApplication[];
  readonly period: SandboxPeriod;
  readonly currentId: string;
  readonly proposedId: string;
  /** The amendment the proposed version was made from, if it was. */
  readonly amendment?: PolicyAmendment | null;
  readonly budgetsFen?: Readonly<Record<string, Fen>> | null;
}

/** Names this layout: a later change to what is hashed changes the tag, never matches old sums. */
const FORMAT = 'kc-policy-sandbox/1';

/**
 * A SHA-256 fed text (as UTF-8) in pieces. The domain's own `Sha256` by default; the server may
 * pass `node:crypto`'s, `batched({ update: (t) => h.update(t), hex: () => h.digest('hex') })`:
 * the same digest, faster. Anything else is not SHA-256 and will not match.
 */
export interface TextHash {
  update(text: string): unknown;
  hex(): string;
}

/**
 * A hash fed in pieces of at least `size` characters. The canonical JSON comes in tokens (`{`,
 * a key, a number): for a hash with a cost per call, such as `node:crypto`'s, gather them first.
 */
export function batched(hash: TextHash, size = 1 << 16): TextHash {
  let pending = '';
  return {
    update(text) {
      pending += text;
      if (pending.length >= size) {
        hash.update(pending);
        pending = '';
      }
    },
    hex() {
      if (pending.length > 0) hash.update(pending);
      pending = '';
      return hash.hex();
    },
  };
}

/**
 * SHA-256 (hex) of everything a sandbox result depends on: the applications, the period, both
 * versions' ids, the amendment and the budgets, as canonical JSON. A stored result is matched to
 * its inputs by it: the same inputs give the same sum on any machine, in any key order.
 */
export function sandboxChecksum(
  input: SandboxChecksumInput,
  hash: TextHash = new Sha256(),
): string {
  writeCanonicalJson(
    {
      format: FORMAT,
      applications: input.applications,
      period: input.period,
      currentId: input.currentId,
      proposedId: input.proposedId,
      amendment: input.amendment ?? null,
      budgetsFen: input.budgetsFen ?? null,
    },
    (text) => hash.update(text),
  );
  return hash.hex();
}

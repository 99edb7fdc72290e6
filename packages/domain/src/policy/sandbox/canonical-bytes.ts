import type { ByteWriter } from './byte-writer';

/**
 * A compact canonical encoding of JSON-like values, to hash. Canonical: equal values (as JSON sees
 * them: keys in any order, `undefined` properties left out, −0 as 0) give the same bytes, and
 * different values different bytes — the bytes can be read back. Compact: an object's keys are
 * written the first time its set of keys is met and named by a number after that (100,000
 * applications share a handful of shapes), strings are UTF-8 without escapes, numbers varints.
 *
 * Each value starts with one of these tags:
 */
const Tag = {
  Null: 0x00,
  False: 0x01,
  True: 0x02,
  /** A safe integer ≥ 0, then its varint. */
  Natural: 0x03,
  /** A safe integer < 0, then the varint of its negation. */
  Negative: 0x04,
  /** Any other finite number: 8 bytes, IEEE 754 big-endian. */
  Float: 0x05,
  /** A bigint from 0 to 2^53 − 1 (money in fen), then its varint. */
  BigNatural: 0x06,
  /** A bigint from −(2^53 − 1) to −1, then the varint of its negation. */
  BigNegative: 0x07,
  /** Any other bigint, in decimal digits (ASCII, `-` first if negative) ended by 0xFF. */
  BigDecimal: 0x08,
  /** A string: UTF-8 ended by 0xFF (see `ByteWriter.text`). */
  Text: 0x09,
  /** An array: its length as a varint, then each item (`undefined` as null). */
  Array: 0x0a,
  /** An object of a shape not met before: the key count, each key as text, then the values. */
  NewShape: 0x0b,
  /** An object of a shape met before: the shape's number (0, 1, … in order met), the values. */
  SeenShape: 0x0c,
} as const;

/** Past any form we have: a deeper value is a cycle or a mistake, refused, not overflowing. */
const MAX_DEPTH = 64;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const NEGATIVE_SAFE = -SAFE;

/** The keys of an object, in canonical order (UTF-16 code units, as RFC 8785). */
interface Shape {
  readonly sorted: readonly string[];
  /** For each sorted key, where it is among the object's own keys (`Object.values` order). */
  readonly positions: readonly number[];
  /** The sorted keys as one string: shapes with the same keys share the number it is given. */
  readonly id: string;
}

/**
 * Shapes by key count, each under its keys in the order the objects have them. Inputs have a
 * handful: found by comparing key lists (the same interned strings), not by sorting each object.
 */
const SHAPES = new Map<number, { readonly keys: readonly string[]; readonly shape: Shape }[]>();
/** Past this many orders for one key count (a map keyed by ids), shapes are made, not kept. */
const KEPT_PER_COUNT = 32;

function shapeOf(keys: readonly string[]): Shape {
  const known = SHAPES.get(keys.length);
  if (known) {
    for (const entry of known) {
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = entry.keys[i] === keys[i];
      if (same) return entry.shape;
    }
  }
  const positions = Array.from(keys.keys()).sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const sorted = positions.map((p) => keys[p] as string);
  const shape: Shape = { sorted, positions, id: JSON.stringify(sorted) };
  if (!known) SHAPES.set(keys.length, [{ keys, shape }]);
  else if (known.length < KEPT_PER_COUNT) known.push({ keys, shape });
  return shape;
}

/** Writes values to a `ByteWriter`; shapes are numbered per encoder, so use one per encoding. */
export class CanonicalEncoder {
  /** The number each shape met so far was given, by `Shape.id`. */
  private readonly shapeNumbers = new Map<string, number>();

  constructor(private readonly out: ByteWriter) {}

  /**
   * Writes `value`. Anything JSON cannot say the same way twice — a Date, a Map, a class
   * instance, NaN, a function — is refused with a TypeError.
   */
  value(value: unknown): void {
    this.write(value, 0);
  }

  private write(value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) throw new TypeError('canonical bytes: nested too deeply (a cycle?)');
    const out = this.out;
    if (value === null || value === undefined) return out.byte(Tag.Null);
    switch (typeof value) {
      case 'string':
        out.byte(Tag.Text);
        return out.text(value);
      case 'boolean':
        return out.byte(value ? Tag.True : Tag.False);
      case 'number':
        return this.number(value);
      case 'bigint':
        return this.bigint(value);
      case 'object':
        break;
      default:
        throw new TypeError(`canonical bytes: cannot write a ${typeof value}`);
    }
    if (Array.isArray(value)) {
      out.byte(Tag.Array);
      out.varint(value.length);
      for (let i = 0; i < value.length; i++) this.write(value[i], depth + 1);
      return;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('canonical bytes: only plain objects, arrays and primitives');
    }
    this.record(value as Record<string, unknown>, depth);
  }

  /** A number, as `value` writes it. */
  number(value: number): void {
    const out = this.out;
    // −0 is a safe integer ≥ 0: written as 0, as JSON writes it.
    if (Number.isSafeInteger(value)) {
      if (value >= 0) {
        out.byte(Tag.Natural);
        out.varint(value);
      } else {
        out.byte(Tag.Negative);
        out.varint(-value);
      }
    } else if (Number.isFinite(value)) {
      out.byte(Tag.Float);
      out.float64(value);
    } else {
      throw new TypeError(`canonical bytes: ${value} is not a JSON number`);
    }
  }

  /** A bigint, as `value` writes it. */
  bigint(value: bigint): void {
    const out = this.out;
    if (value >= 0n && value <= SAFE) {
      out.byte(Tag.BigNatural);
      out.varint(Number(value));
    } else if (value < 0n && value >= NEGATIVE_SAFE) {
      out.byte(Tag.BigNegative);
      out.varint(Number(-value));
    } else {
      out.byte(Tag.BigDecimal);
      out.text(value.toString());
    }
  }

  private record(record: Record<string, unknown>, depth: number): void {
    let keys = Object.keys(record);
    let values = Object.values(record);
    // `undefined` properties are left out, as JSON leaves them out.
    if (values.includes(undefined)) {
      keys = keys.filter((_, i) => values[i] !== undefined);
      values = values.filter((v) => v !== undefined);
    }
    const shape = shapeOf(keys);
    const out = this.out;
    const number = this.shapeNumbers.get(shape.id);
    if (number !== undefined) {
      out.byte(Tag.SeenShape);
      out.varint(number);
    } else {
      this.shapeNumbers.set(shape.id, this.shapeNumbers.size);
      out.byte(Tag.NewShape);
      out.varint(shape.sorted.length);
      for (const key of shape.sorted) out.text(key);
    }
    for (const position of shape.positions) this.write(values[position], depth + 1);
  }
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from '../src';
import { SUZHOU_FUTURE_RULES, chineseZodError, researcherProfileSchema } from '../src';

/**
 * Every message a form can show comes from a zod schema of the domain (the mini-program's forms,
 * the admin's dialogs and the API's inputs all parse with them). This walks each exported schema
 * and every rule's input schema with bad input — missing, empty, wrong type, too long, malformed
 * codes and dates, at the top and inside every field, list row and nested object — and fails on
 * any message a person could not read: ASCII only, or zod's English defaults.
 */

const ENGLISH =
  /invalid|expected|received|too (big|small)|must|unrecognized|required|string|number|bigint|boolean|undefined|null|nan|object|array|input/i;

function unreadable(message: string): boolean {
  return !/[\u4e00-\u9fff]/.test(message) || ENGLISH.test(message);
}

const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  'ABC-not-a-code',
  '9'.repeat(30),
  '中'.repeat(5001),
  'x'.repeat(5001),
  '2099-13-45',
  'not-a-date',
  12345,
  -1,
  1.5,
  Number.NaN,
  1e20,
  -5n,
  10n ** 20n,
  true,
  {},
  [],
  ['bogus'],
  [{}],
  Array.from({ length: 60 }, () => 'bogus'),
];

/** Under optional / default / pipe / catch wrappers to the schema that has the shape. */
function innermost(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}

/** Bad inputs for `schema`: the bad values themselves, then each field of an object (or row of a list) made bad in turn. */
function badInputs(schema: z.ZodType, depth = 0): unknown[] {
  const out: unknown[] = [...BAD_VALUES];
  if (depth > 3) return out;
  const inner = innermost(schema);
  if (inner instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      for (const bad of badInputs(field, depth + 1)) out.push({ [name]: bad });
    }
  } else if (inner instanceof z.ZodArray) {
    for (const bad of badInputs(inner.element as z.ZodType, depth + 1)) out.push([bad]);
  } else if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as z.ZodType[]) {
      for (const bad of badInputs(option, depth + 1)) out.push(bad);
    }
  }
  return out;
}

function schemasUnderTest(): [string, z.ZodType][] {
  const seen = new Set<z.ZodType>();
  const out: [string, z.ZodType][] = [];
  const add = (name: string, schema: z.ZodType) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    out.push([name, schema]);
  };
  for (const [name, value] of Object.entries(domain)) {
    if (value instanceof z.ZodType) add(name, value);
  }
  for (const rule of SUZHOU_FUTURE_RULES) add(`rule ${rule.id}`, rule.inputSchema as z.ZodType);
  return out;
}

function describeInput(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) =>
    typeof v === 'bigint'
      ? `${v}n`
      : typeof v === 'string' && v.length > 20
        ? `${v.slice(0, 8)}…(${v.length})`
        : v,
  );
}

describe('zod messages are Chinese a person can act on', () => {
  const schemas = schemasUnderTest();

  it('walks the schemas the forms and the API use', () => {
    // Profiles, officers, 科技副总, trusted parties and every award rule's input.
    expect(schemas.length).toBeGreaterThan(50);
  });

  it.each(schemas)('%s refuses bad input in Chinese', (_name, schema) => {
    const leaks = new Set<string>();
    for (const input of badInputs(schema)) {
      const result = schema.safeParse(input);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        if (unreadable(issue.message))
          leaks.add(
            `${describeInput(input)} → ${issue.path.join('.') || '(root)'}: ${issue.message}`,
          );
      }
    }
    expect([...leaks].slice(0, 10)).toEqual([]);
  });

  it('an optional credit code that is filled in wrong says what is wrong with it', () => {
    const result = researcherProfileSchema.safeParse({ institutionCreditCode: '9134130' });
    const messages = result.error?.issues
      .filter((i) => i.path[0] === 'institutionCreditCode')
      .map((i) => i.message);
    expect(messages).toEqual(['统一社会信用代码应为18位，当前为7位']);
  });

  it('an empty optional credit code is not given, not wrong', () => {
    const result = researcherProfileSchema.safeParse({ institutionCreditCode: '' });
    expect(result.error?.issues.some((i) => i.path[0] === 'institutionCreditCode')).toBe(false);
  });

  it('the map also covers schemas written outside the domain (router inputs, admin filters)', () => {
    const local = z.object({
      id: z.uuid(),
      q: z.string().max(5),
      year: z.number().int().min(2000),
      kind: z.enum(['a', 'b']),
      when: z.iso.date(),
    });
    const result = local.safeParse({
      id: 'x',
      q: '123456',
      year: 1.5,
      kind: 'c',
      when: '2026-02-30',
    });
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBe(5);
    for (const m of messages) expect(unreadable(m), m).toBe(false);
  });

  it('names limits in the unit a person counts', () => {
    const msg = (schema: z.ZodType, input: unknown) =>
      schema.safeParse(input).error?.issues[0]?.message;
    expect(msg(z.string().max(20), 'x'.repeat(21))).toBe('不能超过20个字');
    expect(msg(z.string().min(2), 'x')).toBe('至少填写2个字');
    expect(msg(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'])).toBe('最多选择3项');
    expect(msg(z.array(z.string()).min(1), [])).toBe('请至少选择一项');
    expect(msg(z.number().max(10), 11)).toBe('不能大于10');
    expect(msg(z.number().int(), 1.5)).toBe('请填写整数');
    expect(msg(z.string(), undefined)).toBe('请填写此项');
    expect(chineseZodError).toBeTypeOf('function');
  });
});

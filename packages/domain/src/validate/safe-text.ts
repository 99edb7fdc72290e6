import { z } from 'zod';

/**
 * Text PostgreSQL cannot store: NUL (22021 in text columns) and UTF-16 halves without their
 * partner (22P05 once inside JSON). Nobody types them; they come from fuzzers or broken pastes.
 */
export const UNREADABLE_TEXT_MESSAGE = '含有不能识别的字符，请删除后重新输入';
export const TOO_DEEP_MESSAGE = '提交的内容层级过多，请检查后重新提交';
export const FORBIDDEN_KEY_MESSAGE = '提交的内容含有不允许的字段名';

/** No NUL and no lone surrogate. A loop, not a lookbehind regex: older WeChat cannot parse those. */
export function isReadableText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * `z.string()` for every input: refuses unreadable characters with a Chinese message first
 * (the other checks and transforms chain on as usual).
 */
export function plainString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isReadableText, { error: UNREADABLE_TEXT_MESSAGE, abort: true });
}

/** Deeper than any form we have (a few levels) by far; deep enough JSON overflows the stack. */
export const MAX_INPUT_DEPTH = 32;

export interface UnsafeInput {
  /** Field path as error messages name it: keys joined by '.', array indexes left out. */
  field: string;
  message: string;
}

/**
 * The first thing in a request's input that no schema should have to see: unreadable text in a
 * value or a key, a `__proto__` key, or nesting deeper than MAX_INPUT_DEPTH. Walks without
 * recursion, so hostile depth cannot overflow the stack here.
 */
export function findUnsafeInput(input: unknown): UnsafeInput | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [
    { value: input, path: [], depth: 0 },
  ];
  const at = (path: string[]) => (path.length ? path.join('.') : '_form');
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      if (!isReadableText(value)) return { field: at(path), message: UNREADABLE_TEXT_MESSAGE };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: at(path), message: TOO_DEEP_MESSAGE };
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, path, depth: depth + 1 });
      continue;
    }
    // Dates, Maps and the like (superjson) carry no text of their own worth walking.
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) continue;
    for (const key of Object.keys(value)) {
      if (key === '__proto__') return { field: at(path), message: FORBIDDEN_KEY_MESSAGE };
      if (!isReadableText(key)) return { field: at(path), message: UNREADABLE_TEXT_MESSAGE };
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: [...path, key],
        depth: depth + 1,
      });
    }
  }
  return null;
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_KEY_MESSAGE,
  TOO_DEEP_MESSAGE,
  UNREADABLE_TEXT_MESSAGE,
  findUnsafeInput,
  isReadableText,
  officerLoginSchema,
  plainString,
} from '../src';
import { text } from '../src/entities/shared';

describe('text PostgreSQL can store', () => {
  it('refuses NUL and lone surrogates, accepts everything else', () => {
    expect(isReadableText('宿州拓维无人机科技有限公司 😀 \t\n')).toBe(true);
    expect(isReadableText('a\u0000b')).toBe(false);
    expect(isReadableText('a\ud800b')).toBe(false);
    expect(isReadableText('a\udc00')).toBe(false);
    expect(isReadableText('\ud83d')).toBe(false);
  });

  it('gives the shared string schemas one Chinese message', () => {
    expect(plainString().trim().max(5).safeParse('a\u0000').error?.issues).toEqual([
      expect.objectContaining({ message: UNREADABLE_TEXT_MESSAGE }),
    ]);
    expect(text('单位名称', 2, 50).safeParse('宿州\ud800公司').error?.issues[0]?.message).toBe(
      UNREADABLE_TEXT_MESSAGE,
    );
    const login = officerLoginSchema.safeParse({ username: 'admin\u0000', password: 'x' });
    expect(login.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['username', UNREADABLE_TEXT_MESSAGE],
    ]);
    expect(plainString().trim().parse('  宿州 ')).toBe('宿州');
  });
});

describe('input no schema should see', () => {
  it('names the field holding unreadable text, in values and keys', () => {
    expect(findUnsafeInput({ input: { caseName: 'x\u0000' } })).toEqual({
      field: 'input.caseName',
      message: UNREADABLE_TEXT_MESSAGE,
    });
    expect(findUnsafeInput({ list: ['ok', '\udfff'] })).toEqual({
      field: 'list',
      message: UNREADABLE_TEXT_MESSAGE,
    });
    expect(findUnsafeInput({ input: { 'k\u0000': 1 } })?.field).toBe('input');
    expect(findUnsafeInput('\u0000')?.field).toBe('_form');
  });

  it('refuses __proto__ keys and deep nesting without overflowing the stack', () => {
    const proto = JSON.parse('{"a":{"__proto__":{"x":1}}}') as unknown;
    expect(findUnsafeInput(proto)).toEqual({ field: 'a', message: FORBIDDEN_KEY_MESSAGE });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findUnsafeInput(deep)?.message).toBe(TOO_DEEP_MESSAGE);
    expect(findUnsafeInput({ a: [[{ b: new Date(), c: 1n, d: null, e: '宿州' }]] })).toBeNull();
  });
});

describe('string schemas of the domain and the API', () => {
  it('all go through plainString (a bare z.string() lets NUL reach the database)', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const stray: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith('safe-text.ts')) {
          const source = readFileSync(file, 'utf8');
          if (/\bz\s*\.\s*string\s*\(/.test(source)) stray.push(path.relative(root, file));
        }
      }
    };
    walk(path.join(root, 'domain/src'));
    walk(path.join(root, 'api/src'));
    expect(stray).toEqual([]);
  });
});

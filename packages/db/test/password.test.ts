/** (f) scrypt password hashes. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from '../src/password';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('uses the documented format and production parameters by default', async () => {
    const hash = await hashPassword('Demo@2026');
    const parts = hash.split('$');
    expect(parts.slice(0, 4)).toEqual([
      'scrypt',
      String(DEFAULT_SCRYPT_PARAMS.N),
      '8',
      String(DEFAULT_SCRYPT_PARAMS.p),
    ]);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(32);
    expect(await verifyPassword('Demo@2026', hash)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
  });

  it('rejects a wrong password', async () => {
    const hash = await hashPassword('Demo@2026', FAST);
    expect(await verifyPassword('Demo@2026', hash)).toBe(true);
    expect(await verifyPassword('demo@2026', hash)).toBe(false);
    expect(await verifyPassword('Demo@2026 ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([
      hashPassword('密码Demo@2026', FAST),
      hashPassword('密码Demo@2026', FAST),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('密码Demo@2026', a)).toBe(true);
    expect(await verifyPassword('密码Demo@2026', b)).toBe(true);
  });

  it('returns false (not throws) for a missing or malformed hash', async () => {
    const bad = [
      null,
      undefined,
      '',
      'plain',
      'scrypt$1$8$1$AAAA$AAAA',
      'scrypt$99999999$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==',
    ];
    expect(await Promise.all(bad.map((stored) => verifyPassword('x', stored)))).toEqual(
      bad.map(() => false),
    );
  });

  it('asks for a re-hash when the stored parameters are weaker', async () => {
    expect(needsRehash(await hashPassword('x', FAST))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env';

describe('start-up configuration', () => {
  it('has working defaults for development', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', SEED_DEMO: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one clear message', () => {
    expect(() =>
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WECHAT_API_BASE: 'not a url' }),
    ).toThrowError(EnvError);
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain(
        'DATABASE_URL: must start with postgres:// or postgresql://',
      );
    }
  });

  it('trusts X-Forwarded-For only from the listed proxy addresses', () => {
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined();
    expect(parseEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY).toBe(
      '127.0.0.1,10.0.0.0/8,::1',
    );
    // "true" would let any client choose its own address (rate limits, audit log).
    for (const bad of ['true', '*', 'nginx', '10.0.0.0/99', '']) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it('requires 2FA for 局管理员 and 财务人员 by default; a production key and admin 2FA in production', () => {
    expect(parseEnv({}).OFFICER_2FA_REQUIRED_ROLES).toEqual(['bureau-admin', 'finance-officer']);
    expect(parseEnv({ OFFICER_2FA_REQUIRED_ROLES: 'none' }).OFFICER_2FA_REQUIRED_ROLES).toEqual([]);
    expect(
      parseEnv({ OFFICER_2FA_REQUIRED_ROLES: 'bureau-admin, area-officer' })
        .OFFICER_2FA_REQUIRED_ROLES,
    ).toEqual(['bureau-admin', 'area-officer']);
    expect(() => parseEnv({ OFFICER_2FA_REQUIRED_ROLES: 'boss' })).toThrow(
      /OFFICER_2FA_REQUIRED_ROLES/,
    );
    expect(() => parseEnv({ OFFICER_SECRET_KEY: 'too-short' })).toThrow(
      /OFFICER_SECRET_KEY: must be 32 bytes/,
    );
    const production = { NODE_ENV: 'production', PII_HASH_KEY: 'a-real-key-for-this-test-only' };
    expect(() => parseEnv(production)).toThrow(/OFFICER_SECRET_KEY: must be set in production/);
    const key = Buffer.alloc(32, 9).toString('hex');
    expect(parseEnv({ ...production, OFFICER_SECRET_KEY: key }).OFFICER_SECRET_KEY).toBe(key);
    expect(() =>
      parseEnv({ ...production, OFFICER_SECRET_KEY: key, OFFICER_2FA_REQUIRED_ROLES: 'none' }),
    ).toThrow(/OFFICER_2FA_REQUIRED_ROLES: must include bureau-admin in production/);
  });

  it('refuses the development PII key in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /PII_HASH_KEY: must be set in production/,
    );
  });
});

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

  it('refuses the development PII key in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /PII_HASH_KEY: must be set in production/,
    );
  });
});

import { z } from 'zod';
import { DEFAULT_FILE_MAX_MB } from '@kc/domain';

/**
 * The server's whole configuration, read from the environment once at start-up.
 * A bad value stops the process with a message naming the variable, before anything listens.
 */
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port(3000),
    /** PostgreSQL URL; when unset the embedded PGlite in PGLITE_DIR is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PGLITE_DIR: z.string().optional(),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    WECHAT_APPID: z.string().min(1).default('wx-dev-appid'),
    WECHAT_SECRET: z.string().min(1).default('wx-dev-secret'),
    APPLICANT_SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(24 * 7),
    OFFICER_SESSION_TTL_HOURS: z.coerce.number().positive().max(72).default(8),
    PII_HASH_KEY: z
      .string()
      .min(16, 'must be at least 16 characters')
      .default('dev-only-pii-hash-key-change-me'),
    /** Comma-separated browser origins allowed to call the API (the mini-program H5 build). */
    CORS_ORIGINS: z.string().default('http://127.0.0.1:10086,http://localhost:10086'),
    /** Folder of uploaded evidence files; default <repo root>/.data/files. */
    FILE_STORAGE_DIR: z.string().min(1).optional(),
    /** Largest evidence upload (certificate scan, contract, transfer voucher), in MB. */
    FILE_MAX_MB: z.coerce.number().positive().max(100).default(DEFAULT_FILE_MAX_MB),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Port of the fake WeChat login service (development and tests only). */
    FAKE_WECHAT_PORT: port(3900),
    /** Load the demo data at start (idempotent). Never in production. */
    SEED_DEMO: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /**
     * A movable clock for development and browser tests: "now" = real time + an offset in days
     * set over HTTP (POST /test/clock). Never in production.
     */
    TEST_CLOCK: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SEED_DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'demo data must not be loaded in production',
      });
    }
    if (env.NODE_ENV === 'production' && env.TEST_CLOCK) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEST_CLOCK'],
        message: 'the test clock (movable time) must not be turned on in production',
      });
    }
    if (env.NODE_ENV === 'production' && env.PII_HASH_KEY === 'dev-only-pii-hash-key-change-me') {
      ctx.addIssue({
        code: 'custom',
        path: ['PII_HASH_KEY'],
        message: 'must be set in production',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
}

export function readEnv(): Env {
  return parseEnv(process.env);
}

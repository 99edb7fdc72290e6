import { isIP } from 'node:net';
import { z } from 'zod';
import { DEV_OFFICER_SECRET_KEY, parseSecretKey } from '@kc/api';
import { DEFAULT_FILE_MAX_MB, DEFAULT_SECOND_FACTOR_ROLES, OFFICER_ROLE_CODES } from '@kc/domain';

/**
 * The server's whole configuration, read from the environment once at start-up.
 * A bad value stops the process with a message naming the variable, before anything listens.
 */
function isAddressOrCidr(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** s3rver's only credential (key id and secret alike), used by the dev stack's bucket. */
export const S3RVER_DEV_KEY = 'S3RVER';

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
    /**
     * Officer roles that must log in with a second factor (TOTP): comma-separated role codes, or
     * "none". Default 局管理员 and 财务人员 (等保 2.0 第三级); the others may opt in.
     */
    OFFICER_2FA_REQUIRED_ROLES: z
      .string()
      .default(DEFAULT_SECOND_FACTOR_ROLES.join(','))
      .transform((v) =>
        v.trim() === 'none'
          ? []
          : v
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
      )
      .pipe(
        z.array(
          z.enum(OFFICER_ROLE_CODES, {
            error: `roles are ${OFFICER_ROLE_CODES.join(', ')} or none`,
          }),
        ),
      ),
    /** AES-256-GCM key of officers' TOTP secrets: 32 bytes as base64 or 64 hex digits. */
    OFFICER_SECRET_KEY: z
      .string()
      .default(DEV_OFFICER_SECRET_KEY)
      .refine((v) => parseSecretKey(v) !== null, 'must be 32 bytes, as base64 or 64 hex digits'),
    /** Comma-separated browser origins allowed to call the API (the mini-program H5 build). */
    CORS_ORIGINS: z.string().default('http://127.0.0.1:10086,http://localhost:10086'),
    /** Folder of uploaded evidence files; default <repo root>/.data/files. */
    FILE_STORAGE_DIR: z.string().min(1).optional(),
    /** Largest evidence upload (certificate scan, contract, transfer voucher), in MB. */
    FILE_MAX_MB: z.coerce.number().positive().max(100).default(DEFAULT_FILE_MAX_MB),
    /**
     * Where evidence bytes live: `local` (FILE_STORAGE_DIR) or `s3`, an S3-compatible bucket
     * (AWS S3, Aliyun OSS, Tencent COS, MinIO) that every instance shares. docs/OBJECT-STORAGE.md.
     */
    FILE_STORE: z.enum(['local', 's3']).default('local'),
    /** The S3 API's address, e.g. https://oss-cn-hangzhou.aliyuncs.com; unset: AWS itself. */
    S3_ENDPOINT: z.url().optional(),
    /** Signing region: us-east-1 for MinIO / s3rver, oss-cn-hangzhou for OSS, ap-shanghai for COS. */
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** A private bucket (no public read): the API serves files after its own access checks. */
    S3_BUCKET: z.string().min(1).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** host/bucket/key addressing (MinIO, s3rver); OSS and COS want the default bucket.host. */
    S3_FORCE_PATH_STYLE: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /**
     * Port of the internal listener that serves Prometheus /metrics (and nothing else), apart
     * from PORT so the public proxy never reaches it. Unset: no metrics listener.
     */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Address of the metrics listener: loopback unless Prometheus scrapes from another host. */
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /**
     * Addresses of the reverse proxy (nginx), comma-separated IPs or CIDRs: only a request from
     * one of them may set the client address with X-Forwarded-For. Unset: no proxy is trusted.
     */
    TRUST_PROXY: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean)
          .join(','),
      )
      .refine(
        (v) => v !== '' && v.split(',').every(isAddressOrCidr),
        'must be proxy IP addresses or CIDRs, comma-separated (e.g. 127.0.0.1)',
      )
      .optional(),
    /**
     * Request rate limits (src/rate-limit.ts), counted per client address and per session in a
     * window of RATE_LIMIT_WINDOW_SECONDS, shared by all instances; 0 turns one off. Behind nginx
     * set TRUST_PROXY, or every client counts as the proxy's address.
     */
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_LOGIN_PER_ADDRESS: z.coerce.number().int().min(0).default(120),
    RATE_LIMIT_WECHAT_PER_ADDRESS: z.coerce.number().int().min(0).default(120),
    RATE_LIMIT_WECHAT_PER_SESSION: z.coerce.number().int().min(0).default(20),
    RATE_LIMIT_MUTATIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(1200),
    RATE_LIMIT_MUTATIONS_PER_SESSION: z.coerce.number().int().min(0).default(120),
    RATE_LIMIT_UPLOADS_PER_ADDRESS: z.coerce.number().int().min(0).default(120),
    RATE_LIMIT_UPLOADS_PER_SESSION: z.coerce.number().int().min(0).default(30),
    /** A refusal is answered after this delay (no CPU; slows a client that ignores Retry-After). */
    RATE_LIMIT_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
    /**
     * Officer password hashes (scrypt, ≈0.2–0.45 s of one core each) at once in this process, and
     * how many logins may wait for one; beyond that a login is refused at once (RATE_LIMITED).
     */
    LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(9),
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
    /**
     * Run the job worker (handlers, Asia/Shanghai schedules, pg-boss maintenance) inside this API
     * process. On PostgreSQL set 0 on API instances when separate workers run (src/worker.ts);
     * on the embedded PGlite the API process always runs it (it alone owns the database).
     */
    JOBS_WORKER: z
      .enum(['0', '1', 'true', 'false'])
      .default('1')
      .transform((v) => v === '1' || v === 'true'),
    /** Deadline reminders go out this many days before (科技副总 work logs, 公示, 申请期限). */
    JOBS_REMINDER_DAYS: z.coerce.number().int().min(0).max(30).default(3),
    /**
     * 保存期限 (docs/PRIVACY.md): audit and security logs are removed after this many months, at
     * least 6 (网络安全法). Application records: the bureau's archive rule in years; unset = kept.
     */
    AUDIT_RETENTION_MONTHS: z.coerce
      .number()
      .int()
      .min(6, 'must be at least 6 (网络安全法: logs are kept six months or more)')
      .default(36),
    APPLICATION_RETENTION_YEARS: z.coerce.number().int().min(1).optional(),
    /** PostgreSQL connections of the job queue's own pool, per process. */
    JOBS_POOL_MAX: z.coerce.number().int().min(1).max(20).default(3),
    /**
     * WeChat subscribe-message template ids (订阅消息, chosen in the mini-program console; the
     * fields each must have are in packages/api/src/jobs/subscribe-templates.ts). Unset: those
     * messages stay in-app only (recorded as skipped).
     */
    WECHAT_TEMPLATE_PROGRESS: z.string().min(1).optional(),
    WECHAT_TEMPLATE_REMINDER: z.string().min(1).optional(),
    /** Which build a subscribe message opens: developer, trial or formal (正式版). */
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
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
    if (env.NODE_ENV === 'production' && env.OFFICER_SECRET_KEY === DEV_OFFICER_SECRET_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OFFICER_SECRET_KEY'],
        message: 'must be set in production (e.g. openssl rand -base64 32)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.OFFICER_2FA_REQUIRED_ROLES.includes('bureau-admin')) {
      ctx.addIssue({
        code: 'custom',
        path: ['OFFICER_2FA_REQUIRED_ROLES'],
        message:
          'must include bureau-admin in production (等保 2.0: two factors for administrators)',
      });
    }
    if (env.FILE_STORE === 's3') {
      for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[name])
          ctx.addIssue({ code: 'custom', path: [name], message: 'required when FILE_STORE=s3' });
      }
      // s3rver's built-in key (the dev stack's test double) is no credential for production.
      if (
        env.NODE_ENV === 'production' &&
        (env.S3_ACCESS_KEY_ID === S3RVER_DEV_KEY || env.S3_SECRET_ACCESS_KEY === S3RVER_DEV_KEY)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['S3_ACCESS_KEY_ID'],
          message: 'the development key (S3RVER) must not be used in production',
        });
      }
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'must differ from PORT: metrics are served on an internal listener only',
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

/** `overrides` win over the environment (a tool that implies a setting, e.g. FILE_STORE=s3). */
export function readEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({ ...process.env, ...overrides });
}

/** For a process's entry point: the configuration, or the message and exit code 1. */
export function readEnvOrExit(): Env {
  try {
    return readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

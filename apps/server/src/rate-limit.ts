import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TRPCRequestInfo } from '@trpc/server/http';
import type { ApiConfig } from '@kc/api';
import { expiredCounterSweeper, hashGateFor, rateLimitedError, windowHitBatcher } from '@kc/api';
import type { Db } from '@kc/db';

/**
 * Request rate limits (issue 12, finding 2), per client address and per session, counted in the
 * database table `rate_limit_counter` so every instance behind nginx shares them. Each limit is a
 * number of requests in a fixed window (RATE_LIMIT_WINDOW_SECONDS); 0 turns a limit off.
 * Officer password guessing has its own, stricter throttle (@kc/api auth/login-throttle.ts);
 * these bound the request volume, so there is deliberately no per-account-name request limit:
 * anyone could spend it and keep the officer out, which is the lockout finding 1 removed.
 */
export interface RateLimitSettings {
  windowMs: number;
  /** auth.officerLogin requests. */
  loginPerAddress: number;
  /** auth.wechatLogin and auth.phoneNumber (each costs a call to WeChat). */
  wechatPerAddress: number;
  wechatPerSession: number;
  /** Every tRPC mutation (logins included). */
  mutationsPerAddress: number;
  mutationsPerSession: number;
  /** POST /files and /files/official-lists. */
  uploadsPerAddress: number;
  uploadsPerSession: number;
  /**
   * A refusal (over a limit, or more logins than the hash gate takes) is sent after this delay:
   * holding a connection costs no CPU, while instant refusals invite a client that ignores
   * Retry-After to loop as fast as the server answers (the benchmark's "control" shows what a
   * tight loop of even the cheapest request costs).
   */
  refusalDelayMs: number;
}

/**
 * Generous enough for an office or a campus behind one address, and for the browser tests,
 * which log in many times from 127.0.0.1.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  windowMs: 60_000,
  loginPerAddress: 120,
  wechatPerAddress: 120,
  wechatPerSession: 20,
  mutationsPerAddress: 1200,
  mutationsPerSession: 120,
  uploadsPerAddress: 120,
  uploadsPerSession: 30,
  refusalDelayMs: 1000,
};

const LOGIN_BUSY_MESSAGE = '登录人数较多，请稍后再试';
const RATE_LIMITED_MESSAGE = '操作过于频繁，请 {s} 秒后再试';
export const rateLimitedMessage = (seconds: number) =>
  RATE_LIMITED_MESSAGE.replace('{s}', String(seconds));

interface StoreDeps {
  db: Db;
  now: () => Date;
  log: FastifyInstance['log'];
}

/**
 * The plugin's store interface on `rate_limit_counter`: `incr` is an upsert (hitWindows; the
 * hits of one event-loop turn share one statement), so concurrent requests on any instance each
 * count. Now and then it also deletes expired windows
 * (a cheap indexed delete, at most every 10 minutes per process), so no job is needed.
 */
export function counterStore(deps: StoreDeps) {
  const sweep = expiredCounterSweeper();
  const countHit = windowHitBatcher(deps.db.rows);
  return class CounterStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      const now = deps.now();
      sweep(deps.db.prisma, now, (err) => deps.log.warn({ err }, 'rate-limit sweep failed'));
      countHit(key, timeWindow, now).then(
        (hit) =>
          callback(null, {
            current: hit.count,
            ttl: Math.max(0, hit.windowEndsAt.getTime() - now.getTime()),
          }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    // Every rule names itself in its keys, so one store serves them all.
    child() {
      return this;
    }
  };
}

/** A session's key: a hash of its bearer token, so no database lookup before the limit. */
function sessionOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return token ? createHash('sha256').update(token).digest('base64url').slice(0, 22) : null;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type Rule = { name: string; subject: 'address' | 'session'; limiter: Limiter };

/**
 * Registers @fastify/rate-limit with the shared store (no global limit: the rules below pick
 * what they count) and returns the checks: `trpc` for tRPC's createContext (a refusal is then a
 * tRPC error, RATE_LIMITED, that both clients show), and an onRequest hook for uploads.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  deps: {
    db: Db;
    now: () => Date;
    settings: RateLimitSettings;
    passwordHashing: ApiConfig['passwordHashing'];
  },
) {
  const { settings } = deps;
  await app.register(rateLimit, {
    global: false,
    store: counterStore({ db: deps.db, now: deps.now, log: app.log }),
    // The limiter's database unreachable: serve the request rather than refuse everyone.
    skipOnError: true,
  });

  const rule = (name: string, subject: Rule['subject'], max: number): Rule | null =>
    max > 0
      ? {
          name,
          subject,
          limiter: app.createRateLimit({
            max,
            timeWindow: settings.windowMs,
            keyGenerator: (req) =>
              subject === 'address' ? `rl:${name}:ip:${req.ip}` : `rl:${name}:s:${sessionOf(req)}`,
          }),
        }
      : null;
  const present = (rules: (Rule | null)[]) => rules.filter((r): r is Rule => r !== null);
  const login = present([rule('login', 'address', settings.loginPerAddress)]);
  const wechat = present([
    rule('wechat', 'address', settings.wechatPerAddress),
    rule('wechat', 'session', settings.wechatPerSession),
  ]);
  const mutation = present([
    rule('mutation', 'address', settings.mutationsPerAddress),
    rule('mutation', 'session', settings.mutationsPerSession),
  ]);
  const upload = present([
    rule('upload', 'address', settings.uploadsPerAddress),
    rule('upload', 'session', settings.uploadsPerSession),
  ]);

  /** Counts the request on every rule; the seconds to wait if any is exceeded, else null. */
  async function exceeded(req: FastifyRequest, rules: Rule[]): Promise<number | null> {
    const counted = rules.filter((r) => r.subject === 'address' || sessionOf(req));
    const results = await Promise.all(counted.map((r) => r.limiter(req)));
    let wait: number | null = null;
    results.forEach((result, i) => {
      if (result.isAllowed || !result.isExceeded) return;
      const seconds = Math.max(1, result.ttlInSeconds);
      wait = Math.max(wait ?? 0, seconds);
      const r = counted[i];
      req.log.warn(
        { rule: `${r?.name}:${r?.subject}`, retryAfterSeconds: seconds },
        'rate limited',
      );
    });
    return wait;
  }

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST') return;
    const path = req.url.split('?')[0];
    if (path !== '/files' && path !== '/files/official-lists') return;
    const wait = await exceeded(req, upload);
    if (wait === null) return;
    await sleep(settings.refusalDelayMs);
    // The upload body is not read: do not keep the connection for another request.
    return reply
      .code(429)
      .header('retry-after', String(wait))
      .header('connection', 'close')
      .type('application/json; charset=utf-8')
      .send({ error: { appCode: 'RATE_LIMITED', message: rateLimitedMessage(wait) } });
  });

  return {
    /** Throws RATE_LIMITED (HTTP 429, Retry-After) when a tRPC request is over a limit. */
    async trpc(req: FastifyRequest, res: FastifyReply, info: TRPCRequestInfo) {
      const paths = new Set(info.calls.map((c) => c.path));
      if (paths.has('auth.officerLogin')) {
        // More logins than the hash gate takes are refused first, before any database query:
        // under a flood they must cost (almost) nothing.
        const release = hashGateFor(deps.passwordHashing).admit();
        if (!release) {
          await sleep(settings.refusalDelayMs);
          res.header('retry-after', '1');
          throw rateLimitedError(LOGIN_BUSY_MESSAGE, 1);
        }
        res.raw.once('close', release);
        res.raw.once('finish', release);
      }
      const rules: Rule[] = [];
      if (paths.has('auth.officerLogin')) rules.push(...login);
      if (paths.has('auth.wechatLogin') || paths.has('auth.phoneNumber')) rules.push(...wechat);
      // Only mutations travel by POST (tRPC without method override).
      if (req.method === 'POST') rules.push(...mutation);
      if (!rules.length) return;
      const wait = await exceeded(req, rules);
      if (wait === null) return;
      await sleep(settings.refusalDelayMs);
      res.header('retry-after', String(wait));
      throw rateLimitedError(rateLimitedMessage(wait), wait);
    },
  };
}

import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { registerPhoneRoutes } from './phone';
import { registerSubscribeRoutes } from './subscribe';

/**
 * A stand-in for WeChat's server APIs, for development and tests only. It issues one-time login
 * codes (what `wx.login()` returns on a phone) and answers `jscode2session` like WeChat does,
 * so the server's real login path runs end to end without WeChat; and likewise phone-number
 * codes, access tokens and `getuserphonenumber` (see phone.ts), and subscribe messages
 * (subscribe.ts).
 */
export interface FakeWeChatOptions {
  appId: string;
  secret: string;
  /** How long an issued code stays valid (WeChat: 5 minutes). */
  codeTtlMs?: number;
  /** Lifetime of an access token in seconds (WeChat: 7200). */
  tokenTtlS?: number;
}

export function createFakeWeChat(options: FakeWeChatOptions) {
  const codes = new Map<string, { openid: string; expiresAt: number }>();
  const app = Fastify({ logger: false });
  const ttl = options.codeTtlMs ?? 5 * 60_000;

  // Browsers (the H5 build) call /fake/login-code directly.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('access-control-allow-origin', req.headers.origin ?? '*');
    reply.header('access-control-allow-headers', 'content-type');
    reply.header('access-control-allow-methods', 'GET,POST,OPTIONS');
    if (req.method === 'OPTIONS') return reply.code(204).send();
  });

  app.post<{ Body: { openid?: string } | null }>('/fake/login-code', async (req) => {
    const requested = req.body?.openid;
    const openid =
      typeof requested === 'string' && /^[A-Za-z0-9_-]{6,64}$/.test(requested)
        ? requested
        : `o${randomBytes(12).toString('base64url')}`;
    const code = randomBytes(16).toString('hex');
    codes.set(code, { openid, expiresAt: Date.now() + ttl });
    return { code, openid };
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/sns/jscode2session',
    async (req) => {
      const { appid, secret, js_code: jsCode, grant_type: grantType } = req.query;
      if (appid !== options.appId || secret !== options.secret) {
        return { errcode: 40013, errmsg: 'invalid appid or secret' };
      }
      if (grantType !== 'authorization_code' || !jsCode)
        return { errcode: 40029, errmsg: 'invalid code' };
      const entry = codes.get(jsCode);
      codes.delete(jsCode); // one use only, like WeChat
      if (!entry || entry.expiresAt < Date.now()) return { errcode: 40029, errmsg: 'invalid code' };
      return { openid: entry.openid, session_key: randomBytes(16).toString('base64') };
    },
  );

  const { validToken } = registerPhoneRoutes(app, {
    appId: options.appId,
    secret: options.secret,
    codeTtlMs: ttl,
    ...(options.tokenTtlS ? { tokenTtlS: options.tokenTtlS } : {}),
  });
  registerSubscribeRoutes(app, { validToken });

  return app;
}

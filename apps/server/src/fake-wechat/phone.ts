import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The phone-number half of the fake: `/fake/phone-code` issues what the phone-number button
 * yields on a phone, `/cgi-bin/token` issues access tokens, and `getuserphonenumber` redeems a
 * code once, for a valid token, like WeChat.
 */
export function registerPhoneRoutes(
  app: FastifyInstance,
  options: { appId: string; secret: string; codeTtlMs: number; tokenTtlS?: number },
) {
  const phoneCodes = new Map<string, { phone: string; countryCode: string; expiresAt: number }>();
  const tokens = new Map<string, number>();
  const tokenTtlS = options.tokenTtlS ?? 7200;

  app.post<{ Body: { phone?: unknown; countryCode?: unknown } | null }>(
    '/fake/phone-code',
    async (req, reply) => {
      const phone = req.body?.phone;
      const countryCode = req.body?.countryCode ?? '86';
      if (typeof phone !== 'string' || !/^\d{5,15}$/.test(phone)) {
        return reply.code(400).send({ error: 'phone: digits only, without country code' });
      }
      if (typeof countryCode !== 'string' || !/^\d{1,4}$/.test(countryCode)) {
        return reply.code(400).send({ error: 'countryCode: 1–4 digits, e.g. "86"' });
      }
      const code = randomBytes(16).toString('hex');
      phoneCodes.set(code, { phone, countryCode, expiresAt: Date.now() + options.codeTtlMs });
      return { code };
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>('/cgi-bin/token', async (req) => {
    const { grant_type: grantType, appid, secret } = req.query;
    if (grantType !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (appid !== options.appId || secret !== options.secret) {
      return { errcode: 40013, errmsg: 'invalid appid or secret' };
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, Date.now() + tokenTtlS * 1000);
    return { access_token: token, expires_in: tokenTtlS };
  });

  const validToken = (token: string | undefined) => {
    const expiresAt = tokens.get(token ?? '');
    return expiresAt !== undefined && expiresAt >= Date.now();
  };

  app.post<{ Querystring: { access_token?: string }; Body: { code?: unknown } | null }>(
    '/wxa/business/getuserphonenumber',
    async (req) => {
      const expiresAt = tokens.get(req.query.access_token ?? '');
      if (!expiresAt || expiresAt < Date.now()) {
        return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' };
      }
      const code = req.body?.code;
      const entry = typeof code === 'string' ? phoneCodes.get(code) : undefined;
      if (typeof code === 'string') phoneCodes.delete(code); // one use only, like WeChat
      if (!entry || entry.expiresAt < Date.now()) return { errcode: 40029, errmsg: 'invalid code' };
      const mainland = entry.countryCode === '86';
      return {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: mainland ? entry.phone : `+${entry.countryCode} ${entry.phone}`,
          purePhoneNumber: entry.phone,
          countryCode: entry.countryCode,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: options.appId },
        },
      };
    },
  );

  return { validToken };
}

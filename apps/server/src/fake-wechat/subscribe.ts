import type { FastifyInstance } from 'fastify';

/**
 * Subscribe messages (订阅消息), faked like WeChat's one-time subscriptions: each
 * `/fake/subscribe` (what `wx.requestSubscribeMessage` records when the user taps 允许) allows
 * one message of that template to that user; without one, `subscribe/send` answers 43101.
 * Everything sent is kept, so tests read it back from `/fake/subscribe-messages`.
 */
export interface ReceivedSubscribeMessage {
  openid: string;
  templateId: string;
  page: string | null;
  data: Record<string, string>;
  at: string;
}

export function registerSubscribeRoutes(
  app: FastifyInstance,
  options: { validToken: (token: string | undefined) => boolean },
) {
  const grants = new Map<string, number>();
  const received: ReceivedSubscribeMessage[] = [];
  const key = (openid: string, templateId: string) => `${openid}\u0000${templateId}`;

  app.post<{ Body: { openid?: unknown; templateId?: unknown; times?: unknown } | null }>(
    '/fake/subscribe',
    async (req, reply) => {
      const { openid, templateId } = req.body ?? {};
      const times = typeof req.body?.times === 'number' ? req.body.times : 1;
      if (typeof openid !== 'string' || typeof templateId !== 'string' || !openid || !templateId) {
        return reply.code(400).send({ error: 'openid and templateId are required' });
      }
      const k = key(openid, templateId);
      grants.set(k, (grants.get(k) ?? 0) + Math.max(1, Math.floor(times)));
      return { openid, templateId, remaining: grants.get(k) };
    },
  );

  app.get<{ Querystring: { openid?: string } }>('/fake/subscribe-messages', async (req) => ({
    messages: req.query.openid ? received.filter((m) => m.openid === req.query.openid) : received,
  }));

  app.post<{
    Querystring: { access_token?: string };
    Body: {
      touser?: unknown;
      template_id?: unknown;
      page?: unknown;
      data?: Record<string, { value?: unknown }>;
    } | null;
  }>('/cgi-bin/message/subscribe/send', async (req) => {
    if (!options.validToken(req.query.access_token)) {
      return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' };
    }
    const { touser, template_id: templateId, page, data } = req.body ?? {};
    if (typeof touser !== 'string' || !touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof templateId !== 'string' || !templateId || !data || typeof data !== 'object') {
      return { errcode: 47003, errmsg: 'argument invalid!' };
    }
    const k = key(touser, templateId);
    const left = grants.get(k) ?? 0;
    if (left < 1) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    grants.set(k, left - 1);
    received.push({
      openid: touser,
      templateId,
      page: typeof page === 'string' ? page : null,
      data: Object.fromEntries(
        Object.entries(data).map(([field, v]) => [field, String(v?.value ?? '')]),
      ),
      at: new Date().toISOString(),
    });
    return { errcode: 0, errmsg: 'ok' };
  });
}

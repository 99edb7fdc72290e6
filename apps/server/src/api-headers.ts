import type { FastifyInstance } from 'fastify';

/**
 * Every answer: `nosniff`. JSON answers (tRPC, errors): `no-store`, since they hold personal
 * data a shared proxy or the browser's cache must not keep. Routes that set their own caching
 * (public pages, file downloads) keep it.
 */
export function registerApiHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    // tRPC hands Fastify a web Response, whose own headers are copied onto the reply after this.
    const own = payload instanceof Response ? payload.headers : null;
    const has = (name: string) => reply.hasHeader(name) || own?.has(name) === true;
    if (!has('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    const type = own?.get('content-type') ?? reply.getHeader('content-type');
    if (typeof type === 'string' && type.includes('json') && !has('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}

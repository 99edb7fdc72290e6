import type { FastifyInstance } from 'fastify';

/**
 * CORS for the mini-program's H5 build, which runs on its own origin. The WeChat client itself
 * does not use CORS; the admin reaches the API through its own origin's proxy.
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'origin');
    reply.header(
      'access-control-allow-headers',
      'authorization, content-type, trpc-accept, x-trpc-source',
    );
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
    if (req.method === 'OPTIONS') return reply.code(204).send();
  });
}

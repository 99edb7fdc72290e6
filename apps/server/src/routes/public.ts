import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { PublicDeps, PublicPage } from '@kc/api/public';
import { PUBLIC_CSP, createPublicPages } from '@kc/api/public';

/** Public content changes when a notice is published or closed: a minute of caching is plenty. */
const CACHE_OK = 'public, max-age=60';
/** A missing page may appear soon (a notice about to be published): cache it only briefly. */
const CACHE_MISSING = 'public, max-age=10';

function send(reply: FastifyReply, page: PublicPage) {
  return reply
    .code(page.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header(
      'cache-control',
      page.status === 200 ? CACHE_OK : page.status === 404 ? CACHE_MISSING : 'no-store',
    )
    .header('content-security-policy', PUBLIC_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(page.html);
}

/**
 * The public pages (no login, no session lookup), registered under `/public`:
 *
 * - `GET /public` — the policy in force and its programmes
 * - `GET /public/programmes/:id` — one programme's guide (申兑指南)
 * - `GET /public/notices` — notices running and the results of closed ones
 * - `GET /public/notices/:id` — one award notice (公示), printable
 * - `GET /public/vp-notices/:id` — one 科技副总 selection notice, printable
 * - `GET /public/needs` — the need board (需求榜): published needs, filtered by kind, field and
 *   keyword (`?kind=&field=&q=&page=`); `GET /public/needs/:id` — one published need
 * - `GET /public/alliances` — approved 创新联盟 (`?field=&q=&page=`); `GET /public/alliances/:id`
 *   — one approved alliance with its member units
 * - `GET /public/consultations` — 政策征求意见; `GET /public/consultations/:id` — one consultation:
 *   the draft clause by clause with comment counts, the 意见采纳情况 once published
 * - `GET /public/policy-versions` — 政策修订: adopted versions; `GET /public/policy-versions/:id` —
 *   one version with its 修改对照表
 *
 * Unknown addresses and ids answer a Chinese 404 page; anything unexpected a Chinese 500 page.
 */
export async function publicRoutes(app: FastifyInstance, options: { deps: PublicDeps }) {
  const pages = createPublicPages(options.deps);

  app.setNotFoundHandler((_req, reply) => send(reply, pages.notFound()));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    // A malformed address (bad percent-encoding) is the reader's, not ours.
    if (error.statusCode && error.statusCode < 500) return send(reply, pages.notFound());
    req.log.error({ err: error }, 'public page failed');
    return send(reply, pages.error());
  });

  app.get('/', async (_req, reply) => send(reply, await pages.index()));
  app.get<{ Params: { id: string } }>('/programmes/:id', async (req, reply) =>
    send(reply, await pages.programme(req.params.id)),
  );
  app.get('/notices', async (_req, reply) => send(reply, await pages.notices()));
  app.get<{ Params: { id: string } }>('/notices/:id', async (req, reply) =>
    send(reply, await pages.notice(req.params.id)),
  );
  app.get<{ Params: { id: string } }>('/vp-notices/:id', async (req, reply) =>
    send(reply, await pages.vpNotice(req.params.id)),
  );
  app.get('/needs', async (req, reply) =>
    send(reply, await pages.needs(req.query as Record<string, unknown>)),
  );
  app.get<{ Params: { id: string } }>('/needs/:id', async (req, reply) =>
    send(reply, await pages.need(req.params.id)),
  );
  app.get('/alliances', async (req, reply) =>
    send(reply, await pages.alliances(req.query as Record<string, unknown>)),
  );
  app.get<{ Params: { id: string } }>('/alliances/:id', async (req, reply) =>
    send(reply, await pages.alliance(req.params.id)),
  );
  app.get('/policy-versions', async (_req, reply) => send(reply, await pages.policyVersions()));
  app.get<{ Params: { id: string } }>('/policy-versions/:id', async (req, reply) =>
    send(reply, await pages.policyVersion(req.params.id)),
  );
  app.get('/consultations', async (_req, reply) => send(reply, await pages.consultations()));
  app.get<{ Params: { id: string } }>('/consultations/:id', async (req, reply) =>
    send(reply, await pages.consultation(req.params.id)),
  );
}

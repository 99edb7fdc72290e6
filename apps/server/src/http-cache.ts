import type { FastifyInstance, FastifyRequest } from 'fastify';
import { etagOf, freezeAnswer } from '@kc/api';

/**
 * Conditional GETs for tRPC queries that opt in (issue 13): an ETag from the answer, a 304 when
 * the client already holds it, and their own Cache-Control instead of `no-store`.
 */
export interface CacheableQuery {
  /**
   * Seconds a client may reuse the answer without asking. The answers are per caller
   * (`private`, `Vary: Authorization`); 0 makes every use a cheap revalidation.
   */
  maxAgeSeconds: number;
}

/**
 * The queries that opt in. programmes.open: the guides and forms change only with the policy
 * version, but each programme's fit follows the applicant's profile, so a browser must not
 * keep showing the old fit after a profile edit: it revalidates every time (304 when unchanged).
 */
export const CACHEABLE_QUERIES: Readonly<Record<string, CacheableQuery>> = {
  'programmes.open': { maxAgeSeconds: 0 },
};

interface AnswerInfo {
  paths: readonly string[] | undefined;
  type: string;
  errors: readonly unknown[];
  data: readonly unknown[];
}

/**
 * The caching headers of a tRPC answer (responseMeta): only one call, a query, that succeeded,
 * on a path in `queries`. Its answer is frozen on the way (the transformer then reuses the form
 * serialized for the ETag).
 */
export function cacheHeadersOf(
  answer: AnswerInfo,
  queries: Readonly<Record<string, CacheableQuery>> = CACHEABLE_QUERIES,
): Record<string, string> {
  const path = answer.paths?.length === 1 ? answer.paths[0] : undefined;
  const rule = path === undefined ? undefined : queries[path];
  if (!rule || answer.type !== 'query' || answer.errors.length > 0) return {};
  const data = (answer.data[0] as { result?: { data?: unknown } } | undefined)?.result?.data;
  if (typeof data !== 'object' || data === null) return {};
  const etag = etagOf(data) ?? etagOf(freezeAnswer(data));
  if (!etag) return {};
  return {
    etag,
    'cache-control':
      rule.maxAgeSeconds > 0 ? `private, max-age=${rule.maxAgeSeconds}` : 'private, no-cache',
    vary: 'authorization',
  };
}

/**
 * If-None-Match against the answer's ETag: 304 with the validators and no body. Both tRPC routes
 * (trpc-route.ts, trpc-query.ts) put the answer's headers on the reply (setAnswerHeaders, which
 * keeps a `Vary` set earlier, by CORS) and send its body as bytes.
 */
export function registerConditionalGet(app: FastifyInstance): void {
  // A callback hook, not async: it runs on every answer and most leave untouched.
  app.addHook('onSend', (req, reply, payload, done) => {
    const etag = reply.getHeader('etag');
    if (typeof etag !== 'string' || !notModified(req, reply.statusCode, etag))
      return done(null, payload);
    reply.code(304);
    done(null, null);
  });
}

/** A GET or HEAD whose If-None-Match holds the 200 answer's ETag. */
function notModified(req: FastifyRequest, status: number, etag: string): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  const conditional = req.method === 'GET' || req.method === 'HEAD';
  return conditional && status === 200 && !!ifNoneMatch && matches(ifNoneMatch, etag);
}

/** RFC 9110 §13.1.2: weak comparison, `*` matches any, a list is comma-separated. */
function matches(ifNoneMatch: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const want = bare(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === want);
}

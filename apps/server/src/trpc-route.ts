import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyRouter } from '@trpc/server';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import { answerSingleQuery, setAnswerHeaders, singleQueryOf } from './trpc-query';

/**
 * tRPC over HTTP under `prefix`: what @trpc/server's fastifyTRPCPlugin does, but a JSON answer
 * leaves as one buffer with its Content-Length rather than as a web stream Fastify copies chunk
 * by chunk (issue 13: on a small read the chunked writes cost more CPU than the procedure). Any
 * other answer (a stream, none) is handed to Fastify as tRPC made it. A single GET query, most
 * reads, skips resolveResponse altogether (trpc-query.ts).
 */
export function registerTrpc<TRouter extends AnyRouter>(
  app: FastifyInstance,
  prefix: string,
  trpcOptions: FastifyTRPCPluginOptions<TRouter>['trpcOptions'],
  /** `singleQueries: false` sends every call through resolveResponse (the comparison test). */
  { singleQueries = true }: { singleQueries?: boolean } = {},
) {
  return app.register(
    (scope, _opts, done) => {
      // tRPC reads bodies itself: they arrive as text, and multipart untouched.
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, next) =>
        next(null, body),
      );
      scope.removeContentTypeParser('multipart/form-data');
      scope.addContentTypeParser('multipart/form-data', {}, (_req, body, next) => next(null, body));
      scope.all<{ Params: { path: string } }>('/:path', async (req, reply) => {
        const query = singleQueries ? await singleQueryOf(req, trpcOptions.router) : null;
        return query
          ? answerSingleQuery(req, reply, trpcOptions, query)
          : answer(req, reply, trpcOptions);
      });
      done();
    },
    { prefix },
  );
}

async function answer<TRouter extends AnyRouter>(
  req: FastifyRequest<{ Params: { path: string } }>,
  reply: FastifyReply,
  o: FastifyTRPCPluginOptions<TRouter>['trpcOptions'],
) {
  const incoming = req.raw as typeof req.raw & { body?: unknown };
  if ('body' in req) incoming.body = req.body;
  const res = await resolveResponse<TRouter>({
    ...o,
    req: incomingMessageToRequest(incoming, reply.raw, { maxBodySize: o.maxBodySize ?? null }),
    path: req.params.path,
    error: null,
    createContext: async ({ info }) =>
      (await o.createContext?.({ req, res: reply, info })) as never,
    onError: (e) => o.onError?.({ ...e, req }),
  });
  const json = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  if (!json || res.body === null) return reply.send(res);
  reply.code(res.status);
  setAnswerHeaders(reply, res.headers.entries());
  // The bytes tRPC encoded, as they are: no decoding to a string and encoding again.
  return reply.send(Buffer.from(await res.arrayBuffer()));
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnyRouter, inferRouterContext } from '@trpc/server';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { TRPCRequestInfo } from '@trpc/server/http';
import {
  getErrorShape,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { TRPCError } from '@trpc/server';
import { serializedJsonOf } from '@kc/api';

type Options<TRouter extends AnyRouter> = FastifyTRPCPluginOptions<TRouter>['trpcOptions'];
type Procedure = NonNullable<Awaited<ReturnType<typeof getProcedureAtPath>>>;

/** A procedure path as the clients send it; anything else goes the general way. */
const PLAIN_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** Procedures never read the request's abort signal here: one shared signal that never fires. */
const NEVER_ABORTED = new AbortController().signal;

/**
 * The query procedure a request asks for when it is one GET call (no batch, no streaming): what
 * the mini-program and the admin send for nearly every read. Null for anything else, which the
 * general route answers (and which gives tRPC's own errors: unknown path, wrong method).
 */
export async function singleQueryOf<TRouter extends AnyRouter>(
  req: FastifyRequest<{ Params: { path: string } }>,
  router: TRouter,
): Promise<Procedure | null> {
  if (req.method !== 'GET') return null;
  const query = req.query as Record<string, unknown>;
  if (query.batch !== undefined || req.headers['trpc-accept'] !== undefined) return null;
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !contentType.startsWith('application/json')) return null;
  const path = req.params.path;
  if (!PLAIN_PATH.test(path)) return null;
  const procedure = await getProcedureAtPath(router, path);
  return procedure?._def.type === 'query' ? (procedure as Procedure) : null;
}

/**
 * One GET query answered as tRPC's resolveResponse would, byte for byte (the same status,
 * headers and JSON; apps/server/test/trpc-query.test.ts compares the two), without the web Request,
 * AbortSignals, Headers and Response it builds per call: on a small read those cost more CPU than
 * the procedure and its SQL (issue 13's profile). A frozen answer (programmes.open) leaves as the
 * JSON text serialized once, not stringified again.
 */
export async function answerSingleQuery<TRouter extends AnyRouter>(
  req: FastifyRequest<{ Params: { path: string } }>,
  reply: FastifyReply,
  o: Options<TRouter>,
  procedure: Procedure,
) {
  const config = o.router._def._config;
  const path = req.params.path;
  let input: { value: unknown } | undefined;
  const getRawInput = async () => {
    if (!input) {
      const text = (req.query as Record<string, unknown>).input;
      try {
        input = {
          value:
            typeof text === 'string' && text !== ''
              ? config.transformer.input.deserialize(JSON.parse(text))
              : undefined,
        };
      } catch (cause) {
        // As tRPC's input reader: unreadable input is the client's error, with the reason.
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      }
    }
    return input.value;
  };
  const call = {
    batchIndex: 0,
    path,
    procedure,
    getRawInput,
    result: () => input?.value,
  };
  const info = {
    accept: null,
    type: 'query',
    isBatchCall: false,
    calls: [call],
    connectionParams: null,
    signal: NEVER_ABORTED,
    url: null,
  } as unknown as TRPCRequestInfo;

  let ctx: inferRouterContext<TRouter> | undefined;
  let data: unknown;
  let error: TRPCError | undefined;
  try {
    ctx = (await o.createContext?.({ req, res: reply, info })) as inferRouterContext<TRouter>;
    data = await procedure({
      path,
      getRawInput,
      ctx,
      type: 'query',
      signal: NEVER_ABORTED,
      batchIndex: 0,
    });
  } catch (cause) {
    error = getTRPCErrorFromUnknown(cause);
    o.onError?.({ error, path, input: input?.value, ctx, type: 'query', req });
  }

  const untransformed = error
    ? {
        error: getErrorShape({ config, ctx, error, input: input?.value, path, type: 'query' }),
      }
    : { result: { data } };
  const errors = error ? [error] : [];
  let status = getHTTPStatusCode(untransformed, errors);
  const meta =
    o.responseMeta?.({
      ctx,
      info,
      paths: [path],
      data: [untransformed] as never,
      errors,
      eagerGeneration: false,
      type: 'query',
    }) ?? {};
  if (meta.status) status = meta.status;

  // The headers as resolveResponse's Headers collects them: its Vary first, then the meta's
  // (an object's value replaces a name's earlier one; a Headers instance appends).
  const headers = new Map<string, string>([
    ['vary', 'trpc-accept, accept'],
    ['content-type', 'application/json'],
  ]);
  if (meta.headers instanceof Headers) {
    for (const [name, value] of meta.headers.entries()) {
      const earlier = headers.get(name);
      headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
    }
  } else if (meta.headers) {
    for (const [name, value] of Object.entries(meta.headers)) {
      const key = name.toLowerCase();
      if (Array.isArray(value)) {
        for (const v of value) {
          const earlier = headers.get(key);
          headers.set(key, earlier === undefined ? String(v) : `${earlier}, ${String(v)}`);
        }
      } else if (typeof value === 'string') headers.set(key, value);
    }
  }
  reply.code(status);
  setAnswerHeaders(reply, headers);
  // A success as transformTRPCResponse shapes it, without its copies of the envelope.
  const frozen = error ? undefined : serializedJsonOf(data);
  const body = error
    ? JSON.stringify(transformTRPCResponse(config, untransformed as never))
    : frozen !== undefined
      ? `{"result":{"data":${frozen}}}`
      : JSON.stringify({ result: { data: config.transformer.output.serialize(data) } });
  return reply.send(Buffer.from(body));
}

/** Puts an answer's headers on the reply; a Vary set earlier (CORS) is kept beside the answer's. */
export function setAnswerHeaders(reply: FastifyReply, headers: Iterable<[string, string]>) {
  for (const [name, value] of headers) {
    const earlier = name === 'vary' ? reply.getHeader('vary') : undefined;
    reply.header(name, typeof earlier === 'string' ? `${earlier}, ${value}` : value);
  }
}

import superjson from 'superjson';
import { taroStub } from '../stubs/taro';

/** What a fake procedure returns: data, or a tRPC error as our server formats it. */
export type FakeOutcome =
  | { data: unknown }
  | {
      error: {
        message: string;
        code: string;
        httpStatus: number;
        appCode?: string;
        fieldErrors?: Record<string, string[]>;
      };
    };

export interface SeenRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  paths: string[];
  inputs: unknown[];
}

const JSON_RPC_CODES: Record<string, number> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  CONFLICT: -32009,
  INTERNAL_SERVER_ERROR: -32603,
};

export type FakeHandler = (path: string, input: unknown, req: SeenRequest) => FakeOutcome;

interface RawRequest {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
}

/**
 * Answers like our tRPC HTTP batch endpoint (superjson-encoded, our error format), so the real
 * client runs unchanged against it — in unit tests through the Taro stub, in the simulator
 * through `wx.request`.
 */
export function fakeTrpcServer(handler: FakeHandler) {
  const seen: SeenRequest[] = [];
  const respond = (options: RawRequest) => {
    const url = new URL(options.url);
    const paths = url.pathname.replace(/^\/trpc\//, '').split(',');
    const rawInputs =
      options.method === 'GET'
        ? (JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, unknown>)
        : (JSON.parse(String(options.data ?? '{}')) as Record<string, unknown>);
    const inputs = paths.map((_, i) => {
      const raw = rawInputs[String(i)] as Parameters<typeof superjson.deserialize>[0] | undefined;
      return raw === undefined ? undefined : superjson.deserialize(raw);
    });
    const req: SeenRequest = {
      url: options.url,
      method: options.method ?? 'GET',
      header: options.header ?? {},
      paths,
      inputs,
    };
    seen.push(req);
    const outcomes = paths.map((p, i) => handler(p, inputs[i], req));
    const body = outcomes.map((o, i) =>
      'data' in o
        ? { result: { data: superjson.serialize(o.data) } }
        : {
            error: superjson.serialize({
              message: o.error.message,
              code: JSON_RPC_CODES[o.error.code] ?? -32603,
              data: {
                code: o.error.code,
                httpStatus: o.error.httpStatus,
                path: paths[i],
                appCode: o.error.appCode,
                fieldErrors: o.error.fieldErrors,
              },
            }),
          },
    );
    const failed = outcomes.find(
      (o): o is Extract<FakeOutcome, { error: unknown }> => 'error' in o,
    );
    const statusCode = failed ? (outcomes.length === 1 ? failed.error.httpStatus : 207) : 200;
    return {
      statusCode,
      data: JSON.stringify(body),
      header: { 'Content-Type': 'application/json' },
    };
  };
  return { seen, respond };
}

/** Scripts `Taro.request` (the unit-test stub) with a fake tRPC server; returns what it saw. */
export function fakeApi(handler: FakeHandler) {
  const server = fakeTrpcServer(handler);
  taroStub.request = async (options) => server.respond(options);
  return server.seen;
}

/** The inputs sent to one procedure (`needs.post`), in order. */
export const sent = (seen: readonly SeenRequest[], path: string) =>
  seen.flatMap((r) => r.paths.flatMap((p, i) => (p === path ? [r.inputs[i]] : [])));

/**
 * A minimal tRPC-over-HTTP client for setting up data from the test process (the e2e package
 * has no @trpc/client). Speaks the API's superjson wire format for the two types our inputs
 * and outputs carry besides JSON: bigint (money in fen) and Date.
 */
type Meta = Record<string, ['bigint' | 'Date']>;

function encode(value: unknown, path: string[], meta: Meta): unknown {
  if (typeof value === 'bigint') {
    meta[path.join('.')] = ['bigint'];
    return value.toString();
  }
  if (value instanceof Date) {
    meta[path.join('.')] = ['Date'];
    return value.toISOString();
  }
  if (Array.isArray(value)) return value.map((v, i) => encode(v, [...path, String(i)], meta));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, encode(v, [...path, k], meta)]),
    );
  }
  return value;
}

function serialize(value: unknown): { json: unknown; meta?: { values: unknown } } {
  const meta: Meta = {};
  const json = encode(value, [], meta);
  const root = meta[''];
  if (root) return { json, meta: { values: root } };
  return Object.keys(meta).length ? { json, meta: { values: meta } } : { json };
}

function revive(type: string, raw: unknown): unknown {
  if (type === 'bigint') return BigInt(String(raw));
  if (type === 'Date') return new Date(String(raw));
  return raw;
}

function deserialize(payload: { json: unknown; meta?: { values?: unknown } }): unknown {
  const values = payload.meta?.values;
  if (!values) return payload.json;
  if (Array.isArray(values)) return revive(String(values[0]), payload.json);
  const root = { v: payload.json };
  for (const [path, types] of Object.entries(values as Record<string, unknown[]>)) {
    const keys = ['v', ...path.split('.')];
    let node: Record<string, unknown> = root;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    node[last] = revive(String(types[0]), node[last]);
  }
  return root.v;
}

export class TrpcError extends Error {
  constructor(
    message: string,
    readonly appCode: string | undefined,
    readonly data: unknown,
  ) {
    super(message);
  }
}

/** Untyped on purpose (the e2e package does not depend on the API): callers name what they read. */
export interface Trpc {
  query<T = unknown>(path: string, input?: unknown): Promise<T>;
  mutate<T = unknown>(path: string, input?: unknown): Promise<T>;
}

export function trpc(apiUrl: string, token?: string): Trpc {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const handle = async (res: Response) => {
    const body = (await res.json()) as {
      result?: { data: { json: unknown; meta?: { values?: unknown } } };
      error?: { json: { message: string; data?: { appCode?: string } } };
    };
    if (body.error) {
      const e = body.error.json;
      throw new TrpcError(e.message, e.data?.appCode, e.data);
    }
    return deserialize(body.result?.data ?? { json: null });
  };
  return {
    async query(path, input) {
      const qs =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(serialize(input)))}`;
      return handle(await fetch(`${apiUrl}/trpc/${path}${qs}`, { headers })) as never;
    },
    async mutate(path, input) {
      const res = await fetch(`${apiUrl}/trpc/${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(serialize(input ?? {})),
      });
      return handle(res) as never;
    },
  };
}

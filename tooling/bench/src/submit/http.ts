/**
 * A tRPC mutation over HTTP as our clients send it (superjson envelope, bearer token), from a
 * given client address (X-Forwarded-For; the server trusts 127.0.0.1 as its proxy here).
 */
export class TrpcFailure extends Error {
  constructor(
    readonly status: number,
    readonly appCode: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export async function trpcPost(
  base: string,
  path: string,
  input: unknown,
  token: string,
  address: string,
): Promise<unknown> {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-forwarded-for': address,
    },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message?: string; data?: { appCode?: string } } };
  };
  if (!res.ok || body.error) {
    const e = body.error?.json;
    throw new TrpcFailure(
      res.status,
      e?.data?.appCode,
      `${path}: ${res.status} ${e?.message ?? ''}`,
    );
  }
  return body.result?.data?.json;
}

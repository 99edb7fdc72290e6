import type { FastifyInstance } from 'fastify';
import { FORBIDDEN_KEY_MESSAGE } from '@kc/domain';

class ProtoKey extends Error {}

/**
 * A `__proto__` key anywhere in the JSON (escaped spellings included: the reviver sees keys
 * decoded). Only texts that could hold one are parsed a second time.
 */
function hasProtoKey(text: string): boolean {
  if (!text.includes('__proto__') && !text.includes('\\u')) return false;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw new ProtoKey();
      return value;
    });
  } catch (error) {
    return error instanceof ProtoKey;
  }
  return false;
}

/**
 * tRPC parses bodies itself (superjson then drops `__proto__` keys silently). A request that
 * sends one is refused as bad input, in the shape tRPC clients read, before any procedure runs.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/trpc/')) return;
    const query = (req.query ?? {}) as { input?: unknown; batch?: unknown };
    const texts = [req.body, query.input].filter((t): t is string => typeof t === 'string');
    if (!texts.some(hasProtoKey)) return;
    const paths = (req.url.split('?')[0] ?? '').slice('/trpc/'.length).split(',');
    const error = (path: string | undefined) => ({
      error: {
        json: {
          message: FORBIDDEN_KEY_MESSAGE,
          code: -32600,
          data: {
            code: 'BAD_REQUEST',
            httpStatus: 400,
            path,
            appCode: 'INVALID_INPUT',
            fieldErrors: { _form: [FORBIDDEN_KEY_MESSAGE] },
          },
        },
      },
    });
    const batch = query.batch === '1' || query.batch === 'true';
    return reply.code(400).send(batch ? paths.map(error) : error(paths[0]));
  });
}

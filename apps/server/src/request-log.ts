import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

const callers = new WeakMap<FastifyRequest, string>();

/** Remembers who made the request, for its log line (tRPC's createContext calls it). */
export function noteCaller(
  req: FastifyRequest,
  caller: { kind: string; role?: string } | null | undefined,
): void {
  if (caller)
    callers.set(req, caller.kind === 'officer' && caller.role ? caller.role : caller.kind);
}

/**
 * One line per request, when it is answered (issue 13: Fastify's own logging wrote two, one on
 * arrival and one on completion, each through the PII masking). The line carries the request
 * id (the request's logger), method, path without query (logger.ts), status, duration in ms and
 * who called: the officer's role, `applicant`, or nothing for an anonymous request. A route's
 * `logLevel` above info (/healthz) leaves its line out.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    req: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      req,
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      role: callers.get(req),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

import pino from 'pino';
import { redactPII } from '@kc/domain';

/**
 * JSON logs. Authorization headers are dropped by path; any resident ID or mobile number that
 * reaches a log line anyway (an error message, a URL, a body) is masked on its way out.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
      censor: '[redacted]',
    },
    hooks: { streamWrite: redactLine },
    serializers: { req: requestForLog },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * A request as logged: method and path, never the query string. GET queries carry tRPC inputs
 * (searches, whole forms) percent-encoded; /trpc paths name the procedures, which is enough.
 */
function requestForLog(req: unknown): unknown {
  if (!req || typeof req !== 'object') return req;
  const r = req as { url?: unknown; method?: unknown; ip?: unknown; raw?: unknown };
  if (typeof r.url !== 'string') return req;
  const url = r.url.split('?')[0];
  // A Fastify request: only what its default serializer showed, minus the query.
  if (r.raw) return { method: r.method, url, remoteAddress: r.ip };
  return { ...r, url };
}

/**
 * pino's line opens with level and time, and the time (epoch ms) is a 13-digit run that would
 * send every line through the full masking: it is left out of the search.
 */
const OPENING = /^\{"level":\d+,"time":\d+,/;

function redactLine(line: string): string {
  const cut = OPENING.exec(line)?.[0].length ?? 0;
  const rest = cut ? line.slice(cut) : line;
  const masked = redactPII(rest);
  return masked === rest ? line : line.slice(0, cut) + masked;
}

export type AppLogger = ReturnType<typeof createLogger>;

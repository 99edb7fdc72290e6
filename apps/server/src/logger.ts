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
    hooks: { streamWrite: (line) => redactPII(line) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type AppLogger = ReturnType<typeof createLogger>;

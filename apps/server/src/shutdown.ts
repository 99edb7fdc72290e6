import type { AppLogger } from './logger';

/**
 * On SIGINT or SIGTERM, once: log, run `close` (stop taking work, let what runs finish, close the
 * database), exit 0; exit 1 if it takes longer than `forceAfterMs` (a hung connection must not
 * keep systemd waiting).
 */
export function exitOnSignal(
  logger: AppLogger,
  message: string,
  forceAfterMs: number,
  close: () => Promise<void>,
): void {
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, message);
    const force = setTimeout(() => process.exit(1), forceAfterMs).unref();
    try {
      await close();
    } finally {
      clearTimeout(force);
    }
    process.exit(0);
  }
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

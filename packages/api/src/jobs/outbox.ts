import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobQueue } from './runtime';

/**
 * Messages written during one request, pushed (enqueued) once it has returned, i.e. after its
 * transaction committed. notify() notes each new row here; the tRPC middleware enqueues them.
 * If the enqueue is lost (a crash between commit and send), the dispatch scan finds the row by
 * its empty push_status and enqueues it then: the row is the outbox, the job only a prompt.
 */
const written = new AsyncLocalStorage<string[]>();

export function noteNotificationWritten(id: string): void {
  written.getStore()?.push(id);
}

export function collectNotifications<T>(ids: string[], fn: () => Promise<T>): Promise<T> {
  return written.run(ids, fn);
}

/** One send job per message; its id is the notification's, so a second enqueue is dropped. */
export async function enqueuePushes(queue: JobQueue, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) {
    await queue.send('subscribe-message', { notificationId: id }, { id, singletonKey: id });
  }
}

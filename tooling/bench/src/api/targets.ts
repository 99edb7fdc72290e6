/**
 * What `bench:api` loads: each target is one GET our clients send (tRPC over HTTP, superjson),
 * who sends it, and how its peer is made from what our server did for it.
 */
import type { ProbeDump, Statement } from '../server';
import { isQueueStatement } from '../server';

export type Who = 'nobody' | 'applicant' | 'officer';

export interface Target {
  name: string;
  /** Path and query on our server. */
  path: string;
  who: Who;
  /** Where in the body the peer puts the figure its last statement read (a count). */
  countPath?: readonly string[];
}

const trpcGet = (procedure: string, input?: unknown) =>
  `/trpc/${procedure}` +
  (input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);

export const TARGETS: readonly Target[] = [
  // Liveness: the framework's floor; the peer is a bare Fastify hello.
  { name: 'healthz', path: '/healthz', who: 'nobody' },
  // The badge on the mini-program's 我的 tab, polled on every page show: a small read.
  {
    name: 'notifications.unreadCount',
    path: trpcGet('notifications.unreadCount'),
    who: 'applicant',
    countPath: ['result', 'data', 'json', 'count'],
  },
  // The programme list (申报指南) with the applicant's fit: large, mostly policy text.
  { name: 'programmes.open', path: trpcGet('programmes.open'), who: 'applicant' },
  // An officer's first page of the review queue (待办), default filters.
  { name: 'review.queue', path: trpcGet('review.queue', {}), who: 'officer' },
];

export interface PeerTarget {
  name: string;
  statements: Statement[];
  body: unknown;
  countPath?: readonly string[] | undefined;
}

export interface PeerPlan {
  databaseUrl: string;
  targets: PeerTarget[];
}

/** The request's own statements: the job queue's background polling is not the request's. */
export function requestStatements(dump: ProbeDump): Statement[] {
  return dump.captured.filter((s) => !isQueueStatement(s.text));
}

/**
 * The large lists officers and applicants open, each as one API call through the real tRPC
 * caller (validation, middleware, the service's Prisma queries, the DTO mapping).
 */
import type { Context } from '@kc/api';
import { appRouter, createCallerFactory } from '@kc/api';

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface ListCase {
  name: string;
  /** who calls: an officer's username, or 'applicant' (the busiest inbox) */
  as: string;
  call: (caller: Caller) => Promise<{ items: readonly { id: unknown }[] }>;
}

export function listCases(deepPage: number): ListCase[] {
  return [
    {
      name: 'review.queue page 1',
      as: 'reviewer',
      call: (c) => c.review.queue({ page: 1, pageSize: 20 }),
    },
    {
      name: `review.queue page ${deepPage}`,
      as: 'reviewer',
      call: (c) => c.review.queue({ page: deepPage, pageSize: 20 }),
    },
    {
      name: 'review.queue keyword',
      as: 'reviewer',
      call: (c) => c.review.queue({ q: '氢能', page: 1, pageSize: 20 }),
    },
    {
      name: 'review.queue status+area',
      as: 'reviewer',
      call: (c) => c.review.queue({ status: 'paid', areaCode: 'dangshan', page: 1, pageSize: 20 }),
    },
    {
      name: 'review.queue area officer',
      as: 'yongqiao',
      call: (c) => c.review.queue({ status: 'area-review', page: 1, pageSize: 20 }),
    },
    {
      name: 'audit.search page 1',
      as: 'admin',
      call: (c) => c.audit.search({ page: 1, pageSize: 20 }),
    },
    {
      name: 'disbursements.ledger page 1',
      as: 'finance',
      call: async (c) => ({
        items: (await c.disbursements.ledger({ page: 1, pageSize: 100 })).entries,
      }),
    },
    {
      name: 'organisations.list',
      as: 'reviewer',
      call: (c) => c.organisations.list({ page: 1, pageSize: 20 }),
    },
    {
      name: 'organisations.list keyword',
      as: 'reviewer',
      call: (c) => c.organisations.list({ q: '科技', page: 1, pageSize: 20 }),
    },
    {
      name: 'researchers.list',
      as: 'reviewer',
      call: (c) => c.researchers.list({ page: 1, pageSize: 20 }),
    },
    {
      name: 'notifications.mine',
      as: 'applicant',
      call: (c) => c.notifications.mine({ limit: 20 }),
    },
  ];
}

export type { Context };

/**
 * Query-cache keys, one tree per API area, so a mutation can invalidate exactly what it changed
 * (`invalidate: [queryKeys.review.all]` refetches every review list and detail). Keys are arrays:
 * a prefix matches everything below it.
 */
export const queryKeys = {
  workbench: ['workbench'] as const,
  review: {
    all: ['review'] as const,
    queue: (input: unknown) => ['review', 'queue', input] as const,
    detail: (id: string) => ['review', 'detail', id] as const,
    conflicts: ['review', 'conflicts'] as const,
  },
  notices: {
    all: ['notices'] as const,
    list: (input: unknown) => ['notices', 'list', input] as const,
    detail: (id: string) => ['notices', 'detail', id] as const,
  },
  budgets: {
    all: ['budgets'] as const,
    year: (year: number) => ['budgets', year] as const,
  },
  disbursements: {
    all: ['disbursements'] as const,
    candidates: (input: unknown) => ['disbursements', 'candidates', input] as const,
    list: (input: unknown) => ['disbursements', 'list', input] as const,
    detail: (id: string) => ['disbursements', 'detail', id] as const,
    ledger: (input: unknown) => ['disbursements', 'ledger', input] as const,
  },
  /** The officer's own messages (the header's bell and 消息中心). */
  notifications: {
    all: ['notifications'] as const,
    unread: ['notifications', 'unread'] as const,
    list: (input: unknown) => ['notifications', 'list', input] as const,
  },
  exports: {
    all: ['exports'] as const,
    mine: ['exports', 'mine'] as const,
  },
} as const;

/**
 * What an award decision can change anywhere: lists, details, the workbench counts, budgets and
 * the ledger. Money-related screens refetch after any of them rather than guess.
 */
export const AWARD_KEYS = [
  queryKeys.review.all,
  queryKeys.notices.all,
  queryKeys.budgets.all,
  queryKeys.disbursements.all,
  queryKeys.workbench,
] as const;

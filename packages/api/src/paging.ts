import { z } from 'zod';

/** `page` / `pageSize` of every paged list, with the same limits and messages. */
export const pageInput = {
  page: z.number().int().min(1, '页码从1开始').default(1),
  pageSize: z.number().int().min(1).max(100, '每页最多100条').default(20),
};

/** Prisma `skip` / `take` for a page. */
export function pageWindow(input: { page: number; pageSize: number }) {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}

export function pageOf<T>(items: T[], total: number, input: { page: number; pageSize: number }) {
  return { items, total, page: input.page, pageSize: input.pageSize };
}

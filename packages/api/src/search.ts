/**
 * Search text for Prisma's `contains` / `startsWith` (and raw LIKE): those pass % and _ to
 * PostgreSQL's LIKE as wildcards, so "%" matched every row. Backslash is LIKE's escape character.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

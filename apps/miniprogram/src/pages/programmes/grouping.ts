import type { api } from '../../api/client';

export type Programme = Awaited<ReturnType<typeof api.programmes.open.query>>[number];

/** Programmes under the plan's section headings, in the plan's order (the rules come in clause order). */
export function groupByProgramme(
  list: readonly Programme[],
): { heading: string; items: Programme[] }[] {
  const groups = new Map<string, Programme[]>();
  for (const p of list) {
    const items = groups.get(p.programme) ?? [];
    items.push(p);
    groups.set(p.programme, items);
  }
  return [...groups.entries()].map(([heading, items]) => ({ heading, items }));
}

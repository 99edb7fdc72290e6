import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useRouteTable } from '../src/composables/use-route-table';

/** A bare page using the composable, so the test reads its state and drives its actions. */
async function setup(path: string) {
  let table!: ReturnType<typeof useRouteTable<{ status: string; ruleId: string }>>;
  const Page = defineComponent({
    setup() {
      table = useRouteTable({ filters: { status: '', ruleId: '' } });
      return () => h('div');
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/applications', component: Page }],
  });
  await router.push(path);
  mount({ render: () => h('div', [h(Page)]) }, { global: { plugins: [router] } });
  await flushPromises();
  return { table, router };
}

describe('useRouteTable', () => {
  it('reads page, size, sort and filters from the link, with defaults for the rest', async () => {
    const { table } = await setup(
      '/applications?status=approved&page=3&sort=submittedAt&order=desc',
    );
    expect(table.page.value).toBe(3);
    expect(table.pageSize.value).toBe(20);
    expect(table.filters.value).toEqual({ status: 'approved', ruleId: '' });
    expect(table.sort.value).toEqual({ prop: 'submittedAt', order: 'desc' });
    expect(table.elDefaultSort.value).toEqual({ prop: 'submittedAt', order: 'descending' });
    expect(table.draft).toEqual({ status: 'approved', ruleId: '' });
  });

  it('ignores nonsense in the link', async () => {
    const { table } = await setup('/applications?page=-2&pageSize=abc&order=sideways');
    expect(table.page.value).toBe(1);
    expect(table.pageSize.value).toBe(20);
    expect(table.sort.value).toEqual({ prop: null, order: null });
  });

  it('applies the edited filters from page 1 and keeps the link short', async () => {
    const { table, router } = await setup('/applications?page=4');
    table.draft.ruleId = 'scenario-case';
    await table.search();
    expect(router.currentRoute.value.fullPath).toBe('/applications?ruleId=scenario-case');
    expect(table.filters.value.ruleId).toBe('scenario-case');

    await table.setPage(2);
    await table.setPageSize(50);
    expect(router.currentRoute.value.query).toEqual({ ruleId: 'scenario-case', pageSize: '50' });

    await table.reset();
    expect(router.currentRoute.value.query).toEqual({ pageSize: '50' });
    expect(table.draft.ruleId).toBe('');
  });

  it('turns el-table sort events into the link and back', async () => {
    const { table, router } = await setup('/applications?page=2');
    await table.onSortChange({ prop: 'amount', order: 'ascending' });
    expect(router.currentRoute.value.query).toEqual({ sort: 'amount', order: 'asc' });
    await table.onSortChange({ prop: 'amount', order: null });
    expect(router.currentRoute.value.query).toEqual({});
  });
});

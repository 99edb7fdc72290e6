import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { ElConfigProvider } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import ListPage from '../src/components/list-page.vue';
import type { FilterField, ListQueryOf } from '../src/composables/use-list-page';
import { useListPage } from '../src/composables/use-list-page';
import type { Officer } from '../src/store/auth';
import { useAuthStore } from '../src/store/auth';
import { officers } from './helpers';

const filters = [
  { kind: 'hidden', name: 'queue', accept: (v) => v === 'area-review' },
  { kind: 'input', name: 'q', label: '关键词', placeholder: '申请编号或申请单位' },
  {
    kind: 'select',
    name: 'status',
    label: '状态',
    options: [
      { label: '已提交', value: 'submitted' },
      { label: '已批准', value: 'approved' },
    ],
  },
  { kind: 'area', name: 'areaCode', label: '区域' },
  { kind: 'date-range', name: 'from', to: 'to', label: '日期' },
] as const satisfies readonly FilterField[];

const fetch = vi.fn(async (_q: ListQueryOf<typeof filters>) => ({
  items: [{ id: 'a-1', number: 'SZKC-2026-000001' }],
  total: 41,
}));

const Page = defineComponent({
  setup() {
    const list = useListPage({
      filters,
      tabs: {
        name: 'queue',
        items: [
          { label: '全部', value: '' },
          { label: '县区初审', value: 'area-review' },
        ],
        resets: ['status'],
      },
      key: (q) => ['things', q],
      fetch,
      columns: [{ label: '申请编号', prop: 'number', width: 150 }],
      table: { testId: 'thing-table' },
    });
    return () => h(ListPage, { list });
  },
});

async function open(path: string, officer: Officer = officers.admin) {
  setActivePinia(createPinia());
  const auth = useAuthStore();
  auth.token = 'token';
  auth.officer = officer;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/things', component: Page }],
  });
  await router.push(path);
  const wrapper = mount(
    () =>
      h(ElConfigProvider, { locale: zhCn }, () =>
        h(defineComponent(() => () => h('div', [h(Page)]))),
      ),
    {
      global: {
        plugins: [router, [VueQueryPlugin, { queryClient: new QueryClient() }]],
      },
      attachTo: document.body,
    },
  );
  await flushPromises();
  return { wrapper, router, last: () => fetch.mock.lastCall?.[0] };
}

beforeEach(() => {
  document.body.innerHTML = '';
  fetch.mockClear();
});

describe('a list page keeps its filters in the link', () => {
  it('puts the searched filters in the URL and sends them trimmed', async () => {
    const { wrapper, router, last } = await open('/things');
    await wrapper.get('input[data-testid="filter-q"]').setValue('  云图 ');
    wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-testid') === 'filter-status')!
      .vm.$emit('update:modelValue', 'approved');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: '云图', status: 'approved' });
    expect(last()?.filters).toEqual({ q: '云图', status: 'approved' });
    expect(last()?.page).toBe(1);
  });

  it('reads filters, dates, page and size back from a link (a reload, a workbench tile)', async () => {
    const { wrapper, last } = await open(
      '/things?queue=area-review&status=submitted&from=2026-01-01&to=2026-01-31&page=3&pageSize=50',
    );
    expect(last()).toMatchObject({
      page: 3,
      pageSize: 50,
      filters: { queue: 'area-review', status: 'submitted', from: '2026-01-01', to: '2026-01-31' },
    });
    expect(wrapper.text()).toContain('共 41 条');
    expect(wrapper.get('#list-filter-from').element).toHaveProperty('value', '2026-01-01');
  });

  it('ignores what the form would not offer: unknown statuses, areas, dates, pages', async () => {
    const { last } = await open(
      '/things?status=bogus&areaCode=mars&queue=nope&from=2026-13&to=tomorrow&page=-2&pageSize=abc&other=1',
    );
    expect(last()).toMatchObject({ page: 1, pageSize: 20, filters: {} });
  });

  it('goes back to page 1 when a filter changes, and keeps the page size', async () => {
    const { wrapper, router, last } = await open('/things?status=submitted&page=4&pageSize=50');
    expect(last()?.page).toBe(4);
    await wrapper.get('input[data-testid="filter-q"]').setValue('SZKC');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({
      status: 'submitted',
      q: 'SZKC',
      pageSize: '50',
    });
    expect(last()).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('goes back to page 1 on a new tab and drops the filters that tab resets', async () => {
    const { wrapper, router } = await open('/things?status=submitted&q=x&page=2');
    await wrapper.get('#tab-area-review').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'x', queue: 'area-review' });
  });

  it('restores the form on back and forward', async () => {
    const { wrapper, router, last } = await open('/things?q=first');
    await wrapper.get('input[data-testid="filter-q"]').setValue('second');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    router.back();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: 'first' }));
    await flushPromises();
    expect(last()?.filters).toEqual({ q: 'first' });
    expect(wrapper.get<HTMLInputElement>('input[data-testid="filter-q"]').element.value).toBe(
      'first',
    );
  });

  it('clears the form on 重置 but keeps the tab', async () => {
    const { wrapper, router } = await open('/things?queue=area-review&q=x&status=submitted');
    await wrapper.get('[data-testid="filter-reset"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ queue: 'area-review' });
  });

  it("fixes an area officer's area and leaves it to the server", async () => {
    const { wrapper, last } = await open('/things?areaCode=dangshan', officers.yongqiao);
    expect(wrapper.get('[data-testid="filter-areaCode"] input').attributes()).toHaveProperty(
      'disabled',
    );
    expect(wrapper.get('[data-testid="filter-areaCode"]').text()).toContain('埇桥区');
    expect(last()?.filters).toEqual({});
  });

  it('gives every control a name a screen reader reads out', async () => {
    const { wrapper } = await open('/things');
    const named = (el: Element) =>
      el.getAttribute('aria-label') ||
      (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim());
    const controls = wrapper.findAll('input').map((w) => w.element);
    expect(controls.length).toBeGreaterThan(5);
    for (const el of controls) expect(named(el), el.outerHTML).toBeTruthy();
    expect(wrapper.find('.el-pagination [aria-label="每页条数"]').exists()).toBe(true);
  });
});

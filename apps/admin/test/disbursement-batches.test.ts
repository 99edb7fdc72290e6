import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import DisbursementsView from '../src/views/disbursements/index.vue';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({ list: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { disbursements: { list: { query: api.list }, candidates: { query: vi.fn() } } },
}));

const batch = {
  id: '0b4f4a43-0000-4000-8000-000000000001',
  number: 'SZKC-BF-2026-001',
  title: '2026年第一批技术转移补助',
  status: 'confirmed',
  statusLabel: '已确认（待拨付）',
  itemCount: 2,
  totalFen: 8_000_000n,
  createdAt: new Date('2026-11-02T02:00:00Z'),
  paidAt: null,
};

/** 拨付批次 as finance reads it: the list block inside the page's tab, filtered by the URL. */
describe('拨付批次', () => {
  it('lists batches with Chinese status and money, and filters by status through the URL', async () => {
    api.list.mockResolvedValue({ items: [batch], total: 1 });
    const { wrapper, router } = await mountAs(more.finance, DisbursementsView, {
      path: '/finance/disbursements?status=confirmed',
    });
    await flushPromises();
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, status: 'confirmed' });
    const row = wrapper.find('[data-testid="batch-table"] .el-table__body tr');
    expect(row.text()).toContain('SZKC-BF-2026-001');
    expect(row.text()).toContain('已确认（待拨付）');
    expect(row.text()).toContain('¥80,000.00');

    // A status the form would not offer is ignored rather than sent to the server.
    await router.push('/finance/disbursements?status=bogus');
    await flushPromises();
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 });

    // A click on the row opens the batch.
    await wrapper.find('[data-testid="batch-table"] .el-table__body tr').trigger('click');
    // The detail page is a lazily loaded route: wait for its import.
    await vi.waitFor(
      () => expect(router.currentRoute.value.path).toBe(`/finance/disbursements/${batch.id}`),
      { timeout: 5000 },
    );
    wrapper.unmount();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { trpc } from '../src/api/client';
import ApplicationsView from '../src/views/applications/index.vue';
import SecondmentsView from '../src/views/vice-president/secondments/index.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

/*
 * The lists a workbench tile opens (issue 11, defect 1): each reads the tile's link parameters
 * from the URL and asks the API for exactly those, so the list is what the tile counted (the
 * API's tests compare the numbers for every tile and role).
 */

vi.mock('../src/api/client', () => ({
  trpc: {
    review: { queue: { query: vi.fn() } },
    vp: { secondments: { list: { query: vi.fn() } } },
  },
}));
const reviewQueue = vi.mocked(trpc.review.queue.query);
const secondments = vi.mocked(trpc.vp.secondments.list.query);

beforeEach(() => {
  document.body.innerHTML = '';
  reviewQueue.mockReset().mockResolvedValue({
    total: 0,
    totalIsEstimate: false,
    page: 1,
    pageSize: 20,
    items: [],
  });
  secondments.mockReset().mockResolvedValue([]);
});

describe('the lists workbench tiles open', { timeout: 20_000 }, () => {
  it('the application list asks for the tile’s queue and names it', async () => {
    const { wrapper, router } = await mountAs(officers.yongqiao, ApplicationsView, {
      path: '/applications?queue=area-review',
    });
    expect(reviewQueue).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, queue: 'area-review' });
    const tag = wrapper.get('[data-testid="filter-queue"]');
    expect(tag.text()).toContain('待县区受理/审核');
    expect(tag.text()).toContain('已提交');
    expect(tag.text()).toContain('县区审核中');

    // Closing the tag leaves the queue: the whole list again.
    await tag.get('.el-tag__close').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.query.queue).toBeUndefined());
    await vi.waitFor(() => expect(reviewQueue).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 }));
    wrapper.unmount();
  });

  it('the secondment list asks for the tile’s status or the year’s evaluations due', async () => {
    const pending = await mountAs(officers.yongqiao, SecondmentsView, {
      path: '/vice-president/secondments?status=pending',
    });
    expect(secondments).toHaveBeenLastCalledWith({ status: 'pending' });
    pending.wrapper.unmount();

    const due = await mountAs(officers.yongqiao, SecondmentsView, {
      path: '/vice-president/secondments?due=evaluation',
    });
    expect(secondments).toHaveBeenLastCalledWith({ due: 'evaluation' });
    const box = due.wrapper.get('[data-testid="vp-secondment-due"]');
    expect(box.text()).toContain('待考核');
    expect(box.classes()).toContain('is-checked');
    due.wrapper.unmount();
  });
});

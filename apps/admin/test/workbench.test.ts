import { beforeEach, describe, expect, it, vi } from 'vitest';
import { trpc } from '../src/api/client';
import WorkbenchView from '../src/views/workbench/index.vue';
import { more, mountAs } from './mount';

vi.mock('../src/api/client', () => ({
  trpc: { workbench: { summary: { query: vi.fn() } } },
}));
const summary = vi.mocked(trpc.workbench.summary.query);

beforeEach(() => {
  document.body.innerHTML = '';
  summary.mockReset().mockResolvedValue({
    queues: [
      {
        key: 'bureau-review',
        label: '待市局审核',
        count: 7,
        path: '/applications?status=bureau-review',
      },
      { key: 'in-notice', label: '公示中', count: 0, path: '/notices' },
    ],
    deadlines: [{ label: '公示批次 GS-001 公示期满', date: '2099-01-01', path: '/notices/n-1' }],
    recent: [
      {
        id: '1',
        at: new Date('2026-11-27T02:00:00Z'),
        actorName: '埇桥区管理员',
        action: 'application.forward',
        actionLabel: '申请：县区审核通过，报送市局',
        objectType: 'application',
        objectId: 'a-1',
      },
    ],
  } as never);
});

describe('workbench', () => {
  it('shows each queue with its count, linking to the filtered list', async () => {
    const { wrapper } = await mountAs(more.reviewer, WorkbenchView);
    const queue = wrapper.get('[data-testid="queue-bureau-review"]');
    expect(queue.text()).toContain('待市局审核');
    expect(wrapper.get('[data-testid="queue-count-bureau-review"]').text()).toBe('7');
    expect(queue.attributes('href')).toBe('/applications?status=bureau-review');
    expect(wrapper.get('[data-testid="queue-in-notice"]').classes()).toContain('empty');
    wrapper.unmount();
  });

  it('lists deadlines with the days left and recent activity in Suzhou time', async () => {
    const { wrapper } = await mountAs(more.reviewer, WorkbenchView);
    expect(wrapper.get('[data-testid="workbench-deadlines"]').text()).toContain('2099-01-01');
    expect(wrapper.get('[data-testid="workbench-deadlines"]').text()).toMatch(/还有 \d+ 天/);
    const recent = wrapper.get('[data-testid="workbench-recent"]').text();
    expect(recent).toContain('2026-11-27 10:00');
    expect(recent).toContain('埇桥区管理员');
    wrapper.unmount();
  });
});

import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import JobsView from '../src/views/jobs/index.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ overview: vi.fn(), failed: vi.fn(), retry: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: {
    jobs: {
      overview: { query: api.overview },
      failed: { query: api.failed },
      retry: { mutate: api.retry },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: () => Promise.resolve(true) }));

const JOB_ID = '6f1c2d1e-0000-4000-8000-000000000042';

beforeEach(() => {
  document.body.innerHTML = '';
  api.overview.mockReset().mockResolvedValue({
    running: true,
    queues: [
      {
        queue: 'subscribe-message',
        label: '微信订阅消息发送',
        schedule: null,
        waiting: 3,
        active: 0,
        failed: 1,
        completed: 12,
      },
      {
        queue: 'deadline-scan',
        label: '到期提醒扫描',
        schedule: '每天9:00',
        waiting: 0,
        active: 0,
        failed: 0,
        completed: 2,
      },
    ],
  });
  api.failed.mockReset().mockResolvedValue({
    items: [
      {
        id: JOB_ID,
        queue: 'subscribe-message',
        queueLabel: '微信订阅消息发送',
        subject: '发给陈晓东：申请已批准',
        error: '微信接口不可达：connect ECONNREFUSED',
        attempts: 6,
        createdAt: new Date('2026-12-03T02:00:00Z'),
        failedAt: new Date('2026-12-03T02:30:00Z'),
      },
    ],
    total: 1,
    page: 1,
    pageSize: 20,
  });
  api.retry.mockReset().mockResolvedValue({ retried: true });
});

describe('后台任务 screen', () => {
  it('shows queue depth and failed jobs by their Chinese names, never the queue codes', async () => {
    const { wrapper } = await mountAs(officers.admin, JobsView, { path: '/system/jobs' });
    const overview = wrapper.get('[data-testid="jobs-overview-table"]').text();
    expect(overview).toContain('微信订阅消息发送');
    expect(overview).toContain('每天9:00');
    const failed = wrapper.get('[data-testid="jobs-failed-table"]').text();
    expect(failed).toContain('微信订阅消息发送');
    expect(failed).toContain('发给陈晓东：申请已批准');
    expect(failed).toContain('微信接口不可达');
    for (const raw of ['subscribe-message', 'deadline-scan', JOB_ID])
      expect(wrapper.text()).not.toContain(raw);
  });

  it('重试 sends the job back to its queue and refreshes both tables', async () => {
    const { wrapper } = await mountAs(officers.admin, JobsView, { path: '/system/jobs' });
    const before = api.overview.mock.calls.length;
    await wrapper.get('[data-testid="jobs-retry"]').trigger('click');
    await flushPromises();
    expect(api.retry).toHaveBeenCalledWith({ queue: 'subscribe-message', id: JOB_ID });
    expect(api.overview.mock.calls.length).toBeGreaterThan(before);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { trpc } from '../src/api/client';
import WorkbenchView from '../src/views/workbench/index.vue';
import { more, mountAs } from './mount';

vi.mock('../src/api/client', () => ({
  trpc: {
    workbench: { summary: { query: vi.fn() } },
    exemptions: { panel: { query: vi.fn() } },
  },
}));
const summary = vi.mocked(trpc.workbench.summary.query);
const panel = vi.mocked(trpc.exemptions.panel.query);

const stage = (code: string, label: string, count: number) => ({
  stage: code,
  label,
  count,
  path: `/official-lists/exemptions?stage=${code}`,
});

beforeEach(() => {
  document.body.innerHTML = '';
  panel.mockReset().mockResolvedValue({
    stages: [
      stage('invited', '已邀请', 12),
      stage('confirmed', '已确认申领', 9),
      stage('approved', '已批准', 6),
      stage('paid', '已拨付', 4),
      stage('waiting', '待确认', 3),
      stage('declined', '已放弃', 0),
      stage('void', '已失效', 0),
    ],
    medianDaysToPayment: 23.5,
    paidMeasured: 4,
  } as never);
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
        path: '/applications/a-1',
      },
      {
        id: '2',
        at: new Date('2026-11-27T01:00:00Z'),
        actorName: '王成员',
        action: 'organisation.member-join',
        actionLabel: '机构：成员加入',
        objectType: 'organisation_member',
        objectId: 'm-1',
        path: null,
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

  it('shows the 免申即享 funnel, each number opening the list with that count', async () => {
    const { wrapper } = await mountAs(more.reviewer, WorkbenchView);
    const box = wrapper.get('[data-testid="exemption-panel"]');
    for (const [code, count] of [
      ['invited', '12'],
      ['confirmed', '9'],
      ['approved', '6'],
      ['paid', '4'],
    ]) {
      expect(wrapper.get(`[data-testid="exemption-count-${code}"]`).text()).toBe(count);
      expect(wrapper.get(`[data-testid="exemption-${code}"]`).attributes('href')).toBe(
        `/official-lists/exemptions?stage=${code}`,
      );
    }
    expect(wrapper.get('[data-testid="exemption-median"]').text()).toContain('23.5 天');
    expect(box.get('[data-testid="exemption-waiting"]').text()).toBe('待单位确认 3 项 →');
    wrapper.unmount();
  });

  it('leaves the 免申即享 panel out for officers who do not follow it', async () => {
    const { wrapper } = await mountAs(more.finance, WorkbenchView);
    expect(wrapper.find('[data-testid="exemption-panel"]').exists()).toBe(false);
    expect(panel).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('shows that it is loading, not 暂无待办事项, until the summary arrives', async () => {
    let arrive: (value: unknown) => void = () => {};
    const pending = summary.getMockImplementation()!;
    summary.mockReset().mockReturnValue(new Promise((resolve) => (arrive = resolve)) as never);
    const { wrapper } = await mountAs(more.reviewer, WorkbenchView);
    expect(wrapper.text()).not.toContain('暂无待办事项');
    expect(wrapper.text()).not.toContain('暂无动态');
    expect(wrapper.find('[data-testid="workbench-loading"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="workbench-queues"]').exists()).toBe(false);

    arrive(await pending());
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="queue-bureau-review"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="workbench-loading"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('links each recent activity to its record, and opens it', { timeout: 20_000 }, async () => {
    const { wrapper, router } = await mountAs(more.reviewer, WorkbenchView);
    const links = wrapper.findAll('[data-testid="recent-link"]');
    // The member's join has no page of its own: shown, not linked.
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes('href')).toBe('/applications/a-1');
    expect(links[0]!.text()).toContain('申请：县区审核通过，报送市局');
    expect(wrapper.get('[data-testid="workbench-recent"]').text()).toContain('机构：成员加入');

    await links[0]!.trigger('click');
    // The detail page is loaded on demand: give its first import time.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/applications/a-1'), {
      timeout: 15_000,
    });
    expect(router.currentRoute.value.name).toBe('ApplicationDetail');
    wrapper.unmount();
  });
});

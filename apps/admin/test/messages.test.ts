import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { RouterView } from 'vue-router';
import { messageRoute } from '../src/views/messages/links';
import { officers } from './helpers';
import { mountAs } from './mount';

/**
 * The officer's messages: the header's bell and 消息中心. The API is a small in-memory mailbox
 * that answers as the server does (unreadCount counts what `mine({ unreadOnly })` lists), so the
 * bell's number is checked against the list the bell opens, not against a second mock.
 */
interface Stored {
  id: string;
  at: Date;
  kind: string;
  title: string;
  body: string;
  link: { page: string; id: string } | null;
  readAt: Date | null;
}
const box = vi.hoisted(() => ({ messages: [] as Stored[] }));
const api = vi.hoisted(() => ({
  unreadCount: vi.fn(),
  mine: vi.fn(),
  markRead: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    notifications: {
      unreadCount: { query: api.unreadCount },
      mine: { query: api.mine },
      markRead: { mutate: api.markRead },
    },
  },
}));

const BATCH_ID = '0a4e2b7c-1111-4000-8000-000000000001';
const EXPORT_ID = '0a4e2b7c-2222-4000-8000-000000000002';

beforeEach(() => {
  document.body.innerHTML = '';
  const at = (min: number) => new Date(Date.UTC(2026, 11, 4, 1, min));
  box.messages = [
    {
      id: 'm3',
      at: at(30),
      kind: 'export.done',
      title: '导出已完成',
      body: '导出已完成：审核队列，共 42 行，请于7天内下载',
      link: { page: 'data-export', id: EXPORT_ID },
      readAt: null,
    },
    {
      id: 'm2',
      at: at(20),
      kind: 'notice.period-ended',
      title: '公示期满待结束',
      body: '公示批次GS-2026-0003已期满且无待处理异议，请核对后结束公示',
      link: { page: 'notice-batch', id: BATCH_ID },
      readAt: null,
    },
    {
      id: 'm1',
      at: at(10),
      kind: 'reminder.notice-ending',
      title: '公示即将期满',
      body: '公示批次GS-2026-0002于2026-12-01 24时期满',
      link: null,
      readAt: at(11),
    },
  ];
  api.unreadCount
    .mockReset()
    .mockImplementation(() =>
      Promise.resolve({ count: box.messages.filter((m) => !m.readAt).length }),
    );
  api.mine.mockReset().mockImplementation((input: { unreadOnly?: boolean } = {}) =>
    Promise.resolve({
      items: box.messages.filter((m) => !input.unreadOnly || !m.readAt).map((m) => ({ ...m })),
      nextCursor: null,
    }),
  );
  api.markRead.mockReset().mockImplementation((input: { ids?: string[] }) => {
    let updated = 0;
    for (const m of box.messages) {
      if (!m.readAt && (!input.ids || input.ids.includes(m.id))) {
        m.readAt = new Date();
        updated += 1;
      }
    }
    return Promise.resolve({ updated });
  });
});

/** The app as it runs: the layout (header with the bell) around the routed page. */
const App = { render: () => h(RouterView) };

const bellCount = (wrapper: Awaited<ReturnType<typeof mountAs>>['wrapper']) =>
  wrapper.get('[data-testid="message-bell-count"]').find('sup').text();

// The layout and its pages load on first use: slower than a unit of one component.
describe('the message bell and 消息中心', { timeout: 30_000 }, () => {
  it('the bell’s number is the length of the unread list it opens', async () => {
    const { wrapper, router } = await mountAs(officers.admin, App, { path: '/messages' });
    expect(wrapper.findAll('[data-testid="message-item"]')).toHaveLength(3);
    expect(bellCount(wrapper)).toBe('2');
    expect(wrapper.get('[data-testid="message-bell"]').attributes('aria-label')).toBe(
      '消息中心，2条未读',
    );

    await wrapper.get('[data-testid="message-bell"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('Messages'));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ unread: '1' });
    const listed = wrapper.findAll('[data-testid="message-item"]');
    expect(listed).toHaveLength(2);
    expect(listed.map((m) => m.text()).join()).toContain('导出已完成：审核队列，共 42 行');
    expect(wrapper.text()).not.toContain('公示即将期满');
  });

  it('asks for the count again when the officer moves to another page', async () => {
    const { router } = await mountAs(officers.admin, App, { path: '/messages' });
    const before = api.unreadCount.mock.calls.length;
    await router.push('/403');
    await flushPromises();
    await vi.waitFor(() => expect(api.unreadCount.mock.calls.length).toBeGreaterThan(before));
  });

  it('a click marks the message read and opens its notice batch', async () => {
    const { wrapper, router } = await mountAs(officers.admin, App, { path: '/messages' });
    // Stays on 消息中心 (the notice page has its own tests): only where it goes is checked.
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined);
    const notice = wrapper
      .findAll('[data-testid="message-item"]')
      .find((m) => m.text().includes('公示期满待结束'))!;
    expect(notice.text()).toContain('未读');
    await notice.trigger('click');
    await flushPromises();
    expect(api.markRead).toHaveBeenCalledWith({ ids: ['m2'] });
    expect(push).toHaveBeenCalledWith({ name: 'NoticeDetail', params: { id: BATCH_ID } });
    expect(bellCount(wrapper)).toBe('1');
  });

  it('全部已读 clears the bell and the unread list', async () => {
    const { wrapper } = await mountAs(officers.admin, App, { path: '/messages?unread=1' });
    expect(wrapper.findAll('[data-testid="message-item"]')).toHaveLength(2);
    await wrapper.get('[data-testid="messages-read-all"]').trigger('click');
    await flushPromises();
    expect(api.markRead).toHaveBeenCalledWith({});
    expect(wrapper.findAll('[data-testid="message-item"]')).toHaveLength(0);
    expect(wrapper.text()).toContain('没有未读消息');
    expect(wrapper.get('[data-testid="message-bell-count"]').find('sup').exists()).toBe(false);
  });

  it('shows finance its own messages too', async () => {
    const finance = { id: 'u-fin', displayName: '赵财务', role: 'finance-officer', areaCode: null };
    const { wrapper } = await mountAs(finance, App, { path: '/messages' });
    expect(wrapper.findAll('[data-testid="message-item"]')).toHaveLength(3);
    // Its 资金台账 exports are listed where everyone's are.
    expect(wrapper.text()).toContain('我的导出');
  });
});

describe('where a message leads', () => {
  it('maps notice batches, applications, exports and projects to their admin pages, and nothing else', () => {
    expect(messageRoute({ page: 'notice-batch', id: 'b' })).toEqual({
      name: 'NoticeDetail',
      params: { id: 'b' },
    });
    expect(messageRoute({ page: 'application', id: 'a' })).toEqual({
      name: 'ApplicationDetail',
      params: { id: 'a' },
    });
    expect(messageRoute({ page: 'data-export', id: 'e' })).toEqual({
      name: 'MyExports',
      query: { id: 'e' },
    });
    // 验收专家组意见已汇齐: the project's detail, where the final report is reviewed.
    expect(messageRoute({ page: 'project', id: 'p' })).toEqual({
      name: 'SelectionProject',
      params: { id: 'p' },
    });
    expect(messageRoute({ page: 'org-bank', id: 'x' })).toBeNull();
    expect(messageRoute(null)).toBeNull();
  });
});

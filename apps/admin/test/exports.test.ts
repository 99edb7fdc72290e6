import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ExportButton from '../src/components/export-button.vue';
import ExportsView from '../src/views/exports/index.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ mine: vi.fn(), request: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { exports: { mine: { query: api.mine }, request: { mutate: api.request } } },
}));

const DONE = '11111111-0000-4000-8000-000000000001';
const FILE = '22222222-0000-4000-8000-000000000002';
const at = new Date('2026-12-04T02:00:00Z');

beforeEach(() => {
  document.body.innerHTML = '';
  api.mine.mockReset().mockResolvedValue([
    {
      id: DONE,
      kind: 'review.queue',
      kindLabel: '审核队列',
      status: 'done',
      statusLabel: '已完成',
      rowCount: 42,
      error: null,
      createdAt: at,
      finishedAt: at,
      expiresAt: new Date('2026-12-11T02:00:00Z'),
      fileId: FILE,
    },
    {
      id: '11111111-0000-4000-8000-000000000003',
      kind: 'audit.log',
      kindLabel: '审计日志',
      status: 'failed',
      statusLabel: '失败',
      rowCount: null,
      error: '生成导出文件失败，请稍后重新申请导出',
      createdAt: at,
      finishedAt: at,
      expiresAt: null,
      fileId: null,
    },
  ]);
  api.request.mockReset().mockResolvedValue({ id: DONE, status: 'queued' });
});

describe('我的导出', () => {
  it('says in Chinese how each export stands: 下载 when done, the reason when it failed', async () => {
    const { wrapper } = await mountAs(officers.admin, ExportsView, {
      path: `/exports?id=${DONE}`,
    });
    const table = wrapper.get('[data-testid="exports-table"]');
    expect(table.findAll('[data-testid="export-status"]').map((t) => t.text())).toEqual([
      '已完成',
      '失败',
    ]);
    expect(table.findAll('[data-testid="export-download"]')).toHaveLength(1);
    expect(table.get('[data-testid="export-error"]').text()).toBe(
      '生成导出文件失败，请稍后重新申请导出',
    );
    // The export the message named is marked.
    expect(table.find('.el-table__row.current').text()).toContain('审核队列');
    for (const raw of ['review.queue', 'audit.log', 'done', 'failed', FILE])
      expect(wrapper.text()).not.toContain(raw);
  });
});

describe('导出全部（后台生成）', () => {
  it('sends the list’s filters and says where the file will be', async () => {
    const { wrapper } = await mountAs(officers.yongqiao, ExportButton, {
      props: {
        request: () => ({ kind: 'review.queue', filters: { status: 'submitted', q: '埇桥' } }),
      },
      path: '/403',
    });
    await wrapper.get('[data-testid="export-all"]').trigger('click');
    await flushPromises();
    expect(api.request).toHaveBeenCalledWith({
      kind: 'review.queue',
      filters: { status: 'submitted', q: '埇桥' },
    });
    expect(document.body.textContent).toContain('完成后将在消息中心通知您');
  });
});

import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditDetailLines } from '../src/views/audit/details';
import AuditView from '../src/views/audit/index.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

const search = vi.hoisted(() => vi.fn());
vi.mock('../src/api/client', () => ({ trpc: { audit: { search: { query: search } } } }));

const APP_ID = '6f1c2d1e-0000-4000-8000-000000000009';

beforeEach(() => {
  document.body.innerHTML = '';
  search.mockReset().mockResolvedValue({
    items: [
      {
        id: '2',
        at: new Date('2026-12-03T02:00:00Z'),
        actorName: '陈晓东（宿州云启智能科技有限公司）',
        actorRole: 'applicant',
        actorRoleName: '申请人',
        action: 'application.resubmit',
        actionLabel: '申请：重新提交申请',
        objectType: 'application',
        objectTypeLabel: '奖补申请',
        objectId: APP_ID,
        objectLabel: 'SZKC-2026-000001',
        areaCode: 'yongqiao',
        areaName: '埇桥区',
        details: {
          number: 'SZKC-2026-000001',
          from: 'returned',
          to: 'submitted',
          applicationId: APP_ID,
        },
        ip: '127.0.0.1',
      },
    ],
    total: 1,
    page: 1,
    pageSize: 20,
  });
});

describe('audit log screen', () => {
  it('names actors, actions and records in Chinese, never by code or UUID', async () => {
    const { wrapper, router } = await mountAs(officers.admin, AuditView, { path: '/system/audit' });
    const table = wrapper.get('[data-testid="audit-table"]');
    expect(table.text()).toContain('陈晓东（宿州云启智能科技有限公司）');
    expect(table.text()).toContain('申请人');
    expect(table.text()).toContain('申请：重新提交申请');
    expect(table.text()).toContain('奖补申请');
    expect(table.text()).toContain('SZKC-2026-000001');
    await table.get('.el-table__expand-icon').trigger('click');
    await flushPromises();
    const shown = wrapper.text();
    expect(shown).toContain('原状态');
    expect(shown).toContain('退回修改');
    for (const raw of ['application.resubmit', 'applicant', APP_ID, 'returned', 'vp_call'])
      expect(shown).not.toContain(raw);

    // The record box takes an application number, as officers know it.
    await wrapper.get('input[data-testid="audit-object-id"]').setValue('SZKC-2026-000001');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    expect(search).toHaveBeenLastCalledWith(
      expect.objectContaining({ objectId: 'SZKC-2026-000001' }),
    );
    expect(router.currentRoute.value.query).toEqual({ objectId: 'SZKC-2026-000001' });
    wrapper.unmount();
  });

  it('says 约 N 条 when the server could only estimate the total, 共 N 条 otherwise', async () => {
    const { wrapper: exact } = await mountAs(officers.admin, AuditView, { path: '/system/audit' });
    expect(exact.get('.pager').text()).toContain('共 1 条');
    expect(exact.get('.pager').text()).not.toContain('约');
    exact.unmount();
    const page = (await search.getMockImplementation()?.()) as object;
    search.mockResolvedValue({ ...page, total: 4_270_000, totalIsEstimate: true });
    const { wrapper: estimated } = await mountAs(officers.admin, AuditView, {
      path: '/system/audit',
    });
    expect(estimated.get('.pager').text()).toContain('约 4270000 条');
    expect(estimated.get('.pager').text()).not.toContain('共');
    estimated.unmount();
  });
});

describe('audit details', () => {
  it('shows an export request’s filters as one Chinese line, never the raw filter object', () => {
    const lines = auditDetailLines({
      title: '审核队列导出',
      kindName: '审核队列',
      filterSummary: '状态：已提交；关键词：氢能',
      filters: { status: 'submitted', q: '氢能' },
    });
    expect(lines).toContainEqual({ label: '筛选条件', value: '状态：已提交；关键词：氢能' });
    expect(JSON.stringify(lines)).not.toContain('submitted');
  });
});

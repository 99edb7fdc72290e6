import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes, routes } from '../src/router/routes';
import ExpertsView from '../src/views/experts/index.vue';
import type { Expert } from '../src/views/experts/queries';
import { buttonsIn, click, fieldErrorsIn, inBody, type } from './dom';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  byId: vi.fn(),
  decide: vi.fn(),
  revealMobile: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    experts: {
      list: { query: api.list },
      byId: { query: api.byId },
      decide: { mutate: api.decide },
      revealMobile: { mutate: api.revealMobile },
    },
  },
}));

const ID = '5d7e9a10-0000-4000-8000-000000000014';

function expert(over: Partial<Expert> = {}): Expert {
  return {
    id: ID,
    name: '周文博',
    mobileMasked: '139****1001',
    title: 'professor',
    titleName: '教授',
    unitName: '宿州学院',
    unitCreditCode: null,
    fieldCodes: ['low-carbon-energy'],
    fieldNames: ['低碳能源'],
    subFieldNames: ['氢能与燃料电池'],
    expertise: '质子交换膜燃料电池膜电极制备',
    conflicts: ['安徽宿氢新能源科技有限公司', '李明远'],
    status: 'pending',
    statusName: '待审核',
    statusReason: null,
    decidedAt: null,
    version: 1,
    createdAt: new Date('2026-12-01T02:00:00Z'),
    updatedAt: new Date('2026-12-01T02:00:00Z'),
    ...over,
  } as Expert;
}

const page = (items: Expert[], total = items.length) => ({ items, total, page: 1, pageSize: 20 });

/** The table's rows; the one-row page of pending experts answers the page's count. */
function serve(rows: Expert[], pendingTotal = 3) {
  api.list.mockImplementation((input: { pageSize: number; status?: string }) =>
    Promise.resolve(
      input.pageSize === 1 && input.status === 'pending'
        ? page(rows.slice(0, 1), pendingTotal)
        : page(rows),
    ),
  );
}

const dialog = () => inBody('expert-decision-dialog');
/** The message under the reason field. */
const fieldError = () => fieldErrorsIn('expert-decision-dialog')[0];
/** The decision buttons the drawer offers. */
const offered = () => buttonsIn('expert-actions');

async function openDrawer(officer = officers.admin) {
  const mounted = await mountAs(officer, ExpertsView, { path: '/experts' });
  await mounted.wrapper.get('[data-testid="expert-table"] .el-table__body tr').trigger('click');
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('专家库: the list', () => {
  it('opens on the experts waiting for review, mobiles masked, statuses in Chinese, with a count', async () => {
    serve([expert(), expert({ id: `${ID}-2`, name: '王晓东', mobileMasked: '138****2002' })]);
    const { wrapper } = await mountAs(officers.admin, ExpertsView, { path: '/experts' });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20, status: 'pending' });
    const table = wrapper.get('[data-testid="expert-table"]').text();
    expect(table).toContain('周文博');
    expect(table).toContain('教授');
    expect(table).toContain('宿州学院');
    expect(table).toContain('低碳能源');
    expect(table).toContain('139****1001');
    expect(table).toContain('138****2002');
    expect(table).toContain('待审核');
    // 登记时间 in Asia/Shanghai.
    expect(table).toContain('2026-12-01 10:00');
    // No codes, enum names or ids on screen.
    for (const raw of ['pending', 'low-carbon-energy', 'professor', ID])
      expect(wrapper.text()).not.toContain(raw);
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('专家库');
    expect(wrapper.get('[data-testid="filter-status"]').text()).toContain('待审核');
    expect(wrapper.get('.el-badge').text()).toContain('3');
    wrapper.unmount();
  });

  it('filters by status, field and keyword; 全部状态 sends no status', async () => {
    serve([
      expert({ status: 'suspended', statusName: '已暂停', statusReason: '连续三次无故缺席评审' }),
    ]);
    const { wrapper } = await mountAs(officers.admin, ExpertsView, {
      path: '/experts?status=all&fieldCode=low-carbon-energy&q=宿州学院',
    });
    expect(api.list).toHaveBeenCalledWith({
      page: 1,
      pageSize: 20,
      fieldCode: 'low-carbon-energy',
      q: '宿州学院',
    });
    expect(wrapper.get('[data-testid="expert-table"]').text()).toContain('已暂停');
    wrapper.unmount();
  });

  it('reveals a mobile only with a reason, as the 人才库 does', async () => {
    serve([expert()]);
    api.revealMobile.mockResolvedValue({ mobile: '13900001001' });
    const { wrapper } = await mountAs(more.reviewer, ExpertsView, { path: '/experts' });
    const cell = wrapper.get('[data-testid="expert-table"] [data-testid="pii"]');
    await cell.get('[data-testid="pii-reveal"]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('查看完整号码将记入审计日志');
    await type('pii-reason', '  电话邀请参加评审 ');
    await click('pii-reason-confirm');
    expect(api.revealMobile).toHaveBeenCalledWith({ id: ID, reason: '电话邀请参加评审' });
    expect(cell.get('[data-testid="pii-value"]').text()).toBe('13900001001');
    // Revealing from the table does not open the drawer.
    expect(api.byId).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});

describe('专家库: an expert’s detail and decisions', () => {
  it('shows the declared conflicts and the last decision’s reason', async () => {
    const suspended = expert({
      status: 'suspended',
      statusName: '已暂停',
      statusReason: '连续三次无故缺席评审',
      decidedAt: new Date('2026-12-03T06:30:00Z'),
      version: 3,
    });
    serve([suspended]);
    api.byId.mockResolvedValue(suspended);
    const { wrapper } = await openDrawer();
    expect(api.byId).toHaveBeenCalledWith({ id: ID });
    const drawer = inBody('expert-drawer')!.textContent ?? '';
    expect(inBody('expert-conflicts')?.textContent).toContain('安徽宿氢新能源科技有限公司');
    expect(inBody('expert-conflicts')?.textContent).toContain('李明远');
    expect(drawer).toContain('需要回避的单位或人员');
    expect(drawer).toContain('暂停理由');
    expect(inBody('expert-status-reason')?.textContent).toBe('连续三次无故缺席评审');
    expect(drawer).toContain('2026-12-03 14:30');
    expect(drawer).toContain('氢能与燃料电池');
    expect(drawer).not.toContain(ID);
    wrapper.unmount();
  });

  it.each([
    ['pending', '待审核', ['审核通过', '审核不通过']],
    ['active', '在库', ['暂停']],
    ['suspended', '已暂停', ['恢复']],
    ['rejected', '未通过', []],
  ] as const)(
    'offers for a %s expert only what that status allows',
    async (status, name, shown) => {
      const row = expert({ status, statusName: name });
      serve([row]);
      api.byId.mockResolvedValue(row);
      const { wrapper } = await openDrawer();
      expect(inBody('expert-status')?.textContent).toBe(name);
      expect(offered()).toEqual(shown);
      if (status === 'rejected')
        expect(inBody('expert-no-actions')?.textContent).toContain('修改资料重新提交后');
      wrapper.unmount();
    },
  );

  it('will not reject without a reason, and sends the reason with the version shown', async () => {
    serve([expert()]);
    api.byId.mockResolvedValue(expert());
    api.decide.mockResolvedValue(
      expert({ status: 'rejected', statusName: '未通过', statusReason: '职称证明与填报不符' }),
    );
    const { wrapper } = await openDrawer();
    await click('expert-reject');
    expect(dialog()?.textContent).toContain('专家将收到通知并看到您填写的理由');
    await click('expert-decision-confirm');
    expect(api.decide).not.toHaveBeenCalled();
    // The schema's own words, as the server would answer (Element Plus shows them after 100 ms).
    await vi.waitFor(() => expect(fieldError()).toBe('请填写审核不通过的理由'));

    await type('expert-decision-reason', ' 职称证明与填报不符 ');
    await click('expert-decision-confirm');
    expect(api.decide).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 1, decision: 'reject', reason: '职称证明与填报不符' },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('approves without asking for a reason', async () => {
    serve([expert()]);
    api.byId.mockResolvedValue(expert());
    api.decide.mockResolvedValue(expert({ status: 'active', statusName: '在库', version: 2 }));
    const { wrapper } = await openDrawer();
    await click('expert-approve');
    expect(inBody('expert-decision-reason')).toBeNull();
    await click('expert-decision-confirm');
    expect(api.decide).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 1, decision: 'approve' },
      { context: { silent: true } },
    );
    // The list, the detail and the count are fetched again.
    expect(api.byId).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('shows the server’s field message when it refuses the reason', async () => {
    serve([expert({ status: 'active', statusName: '在库', version: 2 })]);
    api.byId.mockResolvedValue(expert({ status: 'active', statusName: '在库', version: 2 }));
    const refusal = apiError('INVALID_INPUT', '请填写暂停的理由');
    (refusal.data as Record<string, unknown>).fieldErrors = { reason: ['请填写暂停的理由'] };
    api.decide.mockRejectedValue(refusal);
    const { wrapper } = await openDrawer();
    await click('expert-suspend');
    await type('expert-decision-reason', '缺席');
    await click('expert-decision-confirm');
    await vi.waitFor(() => expect(fieldError()).toBe('请填写暂停的理由'));
    expect(inBody('expert-decision-error')).toBeNull();
    wrapper.unmount();
  });

  it('on a stale version shows the message, reloads, and decides on the reloaded version', async () => {
    const active = expert({ status: 'active', statusName: '在库', version: 2 });
    serve([active]);
    api.byId.mockResolvedValueOnce(active).mockResolvedValue({
      ...active,
      expertise: '膜电极与催化剂',
      version: 3,
    });
    api.decide
      .mockRejectedValueOnce(apiError('EXPERT_STALE', '该专家的资料刚有更新，请刷新后再处理'))
      .mockResolvedValue({ ...active, status: 'suspended', statusName: '已暂停', version: 4 });
    const { wrapper } = await openDrawer();
    const listCalls = api.list.mock.calls.length;
    await click('expert-suspend');
    await type('expert-decision-reason', '连续三次无故缺席评审');
    await click('expert-decision-confirm');
    expect(api.decide).toHaveBeenLastCalledWith(
      { id: ID, expectedVersion: 2, decision: 'suspend', reason: '连续三次无故缺席评审' },
      { context: { silent: true } },
    );
    const error = inBody('expert-decision-error')?.textContent ?? '';
    expect(error).toContain('该专家的资料刚有更新，请刷新后再处理');
    expect(error).toContain('已重新载入该专家的最新资料');
    // Reloaded: the detail behind the dialog and the list.
    expect(api.byId).toHaveBeenCalledTimes(2);
    expect(api.list.mock.calls.length).toBeGreaterThan(listCalls);
    expect(inBody('expert-drawer')?.textContent).toContain('膜电极与催化剂');

    // The reason is kept; a second try goes against what the officer now sees.
    await click('expert-decision-confirm');
    expect(api.decide).toHaveBeenLastCalledWith(
      { id: ID, expectedVersion: 3, decision: 'suspend', reason: '连续三次无故缺席评审' },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('after a stale refusal, offers no decision the reloaded status no longer allows', async () => {
    const active = expert({ status: 'active', statusName: '在库', version: 2 });
    serve([active]);
    // The expert changed their unit meanwhile: back to review.
    api.byId.mockResolvedValueOnce(active).mockResolvedValue(expert({ version: 3 }));
    api.decide.mockRejectedValue(apiError('EXPERT_STALE', '该专家的资料刚有更新，请刷新后再处理'));
    const { wrapper } = await openDrawer();
    await click('expert-suspend');
    await type('expert-decision-reason', '连续三次无故缺席评审');
    await click('expert-decision-confirm');
    expect(inBody('expert-decision-error')?.textContent).toContain('当前为“待审核”，不能暂停');
    expect(inBody('expert-decision-confirm')?.hasAttribute('disabled')).toBe(true);
    expect(offered()).toEqual(['审核通过', '审核不通过']);
    wrapper.unmount();
  });
});

describe('专家库: who may open it', () => {
  const titles = (role: string) =>
    JSON.stringify(buildMenus(moduleRoutes, accessCodesForRole(role)));

  it('is in the menu of the bureau’s roles only, as the server allows', () => {
    for (const role of ['bureau-admin', 'bureau-reviewer'])
      expect(titles(role)).toContain('专家库');
    for (const role of ['area-officer', 'finance-officer'])
      expect(titles(role)).not.toContain('专家库');
  });

  it('turns away an area officer and finance at the route', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string) =>
      mayOpenRoute(router.resolve('/experts'), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    expect(may('bureau-admin')).toBe(true);
    expect(may('bureau-reviewer')).toBe(true);
    expect(may('area-officer')).toBe(false);
    expect(may('finance-officer')).toBe(false);
  });
});

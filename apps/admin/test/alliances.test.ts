import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { routes } from '../src/router/routes';
import type { Officer } from '../src/store/auth';
import AlliancesView from '../src/views/alliances/index.vue';
import type { Alliance } from '../src/views/alliances/queries';
import { buttonsIn, click, fieldErrorsIn, inBody, settle, type } from './dom';
import { apiError, officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ list: vi.fn(), decide: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { alliances: { list: { query: api.list }, decide: { mutate: api.decide } } },
}));

const ID = '4c7a1d30-0000-4000-8000-000000000044';
const silent = { context: { silent: true } };

function alliance(over: Partial<Alliance> = {}): Alliance {
  return {
    id: ID,
    number: 'SZKC-LM-2026-003',
    name: '宿州低碳能源产业技术创新联盟',
    fieldCode: 'low-carbon-energy',
    fieldName: '低碳能源',
    leadOrganisationName: '安徽宿氢新能源科技有限公司',
    areaName: '埇桥区',
    purpose: '联合开展氢能与储能关键技术攻关，共建中试平台，推动成果在宿州转化。',
    members: [
      {
        organisationId: '9d0e0000-0000-4000-8000-000000000001',
        name: '宿州创新理工学院',
        unitType: 'university',
        unitTypeName: '高校',
      },
      {
        organisationId: null,
        name: '安徽省能源研究所',
        unitType: 'institute',
        unitTypeName: '科研院所',
      },
    ],
    approvedAt: null,
    status: 'submitted',
    statusName: '待审核',
    comment: null,
    charter: { id: 'f1', originalName: '联盟章程.pdf', sizeBytes: 1024 },
    version: 1,
    createdAt: new Date('2026-11-19T01:00:00Z'),
    updatedAt: new Date('2026-11-19T01:00:00Z'),
    ...over,
  } as Alliance;
}

const page = (items: Alliance[], total = items.length) => ({ items, total, page: 1, pageSize: 20 });

/** The table's rows; the one-row page of submitted alliances answers the count. */
function serve(rows: Alliance[], submittedTotal = 3) {
  api.list.mockImplementation((input: { pageSize: number; status?: string }) =>
    Promise.resolve(
      input.pageSize === 1 && input.status === 'submitted'
        ? page(rows.slice(0, 1), submittedTotal)
        : page(rows),
    ),
  );
}

const dialog = () => inBody('alliance-decision-dialog');
const fieldErrors = () => fieldErrorsIn('alliance-decision-dialog');
const offered = () => buttonsIn('alliance-actions');

async function openDrawer(officer: Officer = officers.admin, path = '/selection/alliances') {
  const mounted = await mountAs(officer, AlliancesView, { path });
  await mounted.wrapper.get('[data-testid="alliance-table"] .el-table__body tr').trigger('click');
  await settle();
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('创新联盟: the list', () => {
  it('opens on the registrations waiting for a decision, in Chinese, with their count', async () => {
    serve([alliance()]);
    const { wrapper } = await mountAs(officers.admin, AlliancesView, {
      path: '/selection/alliances',
    });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20, status: 'submitted' });
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('创新联盟');
    expect(wrapper.get('.el-badge').text()).toContain('3');
    const row = wrapper.get('[data-testid="alliance-table"] .el-table__body tr').text();
    for (const text of [
      'SZKC-LM-2026-003',
      '宿州低碳能源产业技术创新联盟',
      '低碳能源',
      '安徽宿氢新能源科技有限公司',
      '2 家',
      '埇桥区',
      '待审核',
      // 登记时间 in Asia/Shanghai.
      '2026-11-19 09:00',
    ])
      expect(row).toContain(text);
    for (const raw of ['submitted', 'low-carbon-energy', ID])
      expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('filters by keyword, field and status from the link; 全部状态 sends no status', async () => {
    serve([alliance({ status: 'approved', statusName: '已通过' })]);
    const { wrapper } = await mountAs(officers.admin, AlliancesView, {
      path: '/selection/alliances?status=all&fieldCode=low-carbon-energy&q=%E4%BD%8E%E7%A2%B3',
    });
    expect(api.list).toHaveBeenCalledWith({
      page: 1,
      pageSize: 20,
      fieldCode: 'low-carbon-energy',
      q: '低碳',
    });
    wrapper.unmount();
  });

  it('asks an area officer’s list with nothing beyond the filters: the server confines it', async () => {
    serve([alliance()]);
    const { wrapper } = await mountAs(officers.yongqiao, AlliancesView, {
      path: '/selection/alliances',
    });
    for (const [input] of api.list.mock.calls)
      expect(Object.keys(input as object).sort()).toEqual(['page', 'pageSize', 'status']);
    wrapper.unmount();
  });
});

describe('创新联盟: a registration and its decisions', () => {
  it('shows the whole registration: members with their types, the charter, no codes', async () => {
    serve([alliance()]);
    const { wrapper } = await openDrawer();
    const drawer = inBody('alliance-drawer')?.textContent ?? '';
    for (const text of [
      '联合开展氢能与储能关键技术攻关',
      '宿州创新理工学院',
      '高校',
      '安徽省能源研究所',
      '科研院所',
      '已认证单位',
      '成员单位（2 家，不含牵头单位）',
    ])
      expect(drawer).toContain(text);
    expect(inBody('alliance-charter')?.textContent?.trim()).toBe('联盟章程.pdf');
    expect(drawer).not.toContain('university');
    wrapper.unmount();
  });

  it.each([
    ['submitted', '待审核', ['通过', '退回修改']],
    ['approved', '已通过', ['撤销']],
    ['returned', '退回修改', []],
    ['dissolved', '已撤销', []],
  ] as const)(
    'offers for a %s alliance only what that status allows',
    async (status, name, shown) => {
      serve([alliance({ status, statusName: name })]);
      const { wrapper } = await openDrawer();
      expect(inBody('alliance-status')?.textContent).toBe(name);
      expect(offered()).toEqual(shown);
      if (status === 'returned')
        expect(inBody('alliance-no-actions')?.textContent).toContain('修改后重新提交');
      wrapper.unmount();
    },
  );

  it('will not return without a comment, and sends it with the version shown', async () => {
    serve([alliance({ version: 3 })]);
    api.decide.mockResolvedValue(
      alliance({
        status: 'returned',
        statusName: '退回修改',
        comment: '请补充成员分工',
        version: 4,
      }),
    );
    const { wrapper } = await openDrawer();
    await click('alliance-return');
    expect(dialog()?.textContent).toContain('单位会收到通知并看到您填写的意见');
    await type('alliance-decision-comment', '   ');
    await click('alliance-decision-confirm');
    expect(api.decide).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fieldErrors()).toEqual(['请写明需要修改的内容']));

    await type('alliance-decision-comment', ' 请补充成员分工 ');
    await click('alliance-decision-confirm');
    expect(api.decide).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 3, action: 'return', comment: '请补充成员分工' },
      silent,
    );
    await vi.waitFor(() => expect(inBody('alliance-status')?.textContent).toBe('退回修改'));
    expect(inBody('alliance-comment')?.textContent).toBe('请补充成员分工');
    wrapper.unmount();
  });

  it('approves without asking for a comment', async () => {
    serve([alliance()]);
    api.decide.mockResolvedValue(
      alliance({ status: 'approved', statusName: '已通过', version: 2 }),
    );
    const { wrapper } = await openDrawer();
    await click('alliance-approve');
    expect(inBody('alliance-decision-comment')).toBeNull();
    await click('alliance-decision-confirm');
    expect(api.decide).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 1, action: 'approve' },
      silent,
    );
    wrapper.unmount();
  });

  it('dissolves an approved alliance only with a reason', async () => {
    serve([alliance({ status: 'approved', statusName: '已通过', version: 2 })]);
    api.decide.mockResolvedValue(
      alliance({
        status: 'dissolved',
        statusName: '已撤销',
        comment: '联盟已停止运行',
        version: 3,
      }),
    );
    const { wrapper } = await openDrawer(officers.admin, '/selection/alliances?status=approved');
    await click('alliance-dissolve');
    await click('alliance-decision-confirm');
    await vi.waitFor(() => expect(fieldErrors()).toEqual(['请写明撤销的原因']));
    await type('alliance-decision-comment', '联盟已停止运行');
    await click('alliance-decision-confirm');
    expect(api.decide).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 2, action: 'dissolve', comment: '联盟已停止运行' },
      silent,
    );
    await vi.waitFor(() => expect(inBody('alliance-comment')?.textContent).toBe('联盟已停止运行'));
    expect(inBody('alliance-drawer')?.textContent).toContain('撤销原因');
    wrapper.unmount();
  });

  it('on a stale version says so in Chinese, reloads, and decides on the reloaded version', async () => {
    serve([alliance({ version: 1 })]);
    api.decide
      .mockRejectedValueOnce(apiError('STALE_VERSION', '该联盟登记刚被更新，请刷新后再试'))
      .mockResolvedValue(alliance({ status: 'approved', statusName: '已通过', version: 3 }));
    const { wrapper } = await openDrawer();
    serve([alliance({ version: 2, name: '宿州低碳能源产业技术创新联盟（修订）' })]);
    await click('alliance-approve');
    await click('alliance-decision-confirm');
    await settle();
    const error = inBody('alliance-decision-error')?.textContent ?? '';
    expect(error).toContain('该联盟登记刚被更新，请刷新后再试');
    expect(error).toContain('已重新载入该联盟的最新状态');
    expect(error).not.toContain('STALE_VERSION');
    expect(inBody('alliance-drawer')?.textContent).toContain('（修订）');
    await click('alliance-decision-confirm');
    expect(api.decide).toHaveBeenLastCalledWith(
      { id: ID, expectedVersion: 2, action: 'approve' },
      silent,
    );
    wrapper.unmount();
  });

  it('shows another area’s refusal in Chinese, never the code', async () => {
    serve([alliance()]);
    api.decide.mockRejectedValue(apiError('NOT_FOUND', '记录不存在或您无权查看'));
    const { wrapper } = await openDrawer(officers.yongqiao);
    await click('alliance-approve');
    await click('alliance-decision-confirm');
    const error = inBody('alliance-decision-error')?.textContent ?? '';
    expect(error).toContain('记录不存在或您无权查看');
    expect(error).not.toContain('NOT_FOUND');
    wrapper.unmount();
  });
});

describe('创新联盟: who may open it', () => {
  it('is open to every case worker, not to finance, as the server allows', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string) =>
      mayOpenRoute(router.resolve('/selection/alliances'), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer'])
      expect(may(role)).toBe(true);
    expect(may('finance-officer')).toBe(false);
  });
});

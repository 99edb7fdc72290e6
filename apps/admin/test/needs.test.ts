import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { routes } from '../src/router/routes';
import type { Officer } from '../src/store/auth';
import NeedsView from '../src/views/needs/index.vue';
import type { Need } from '../src/views/needs/queries';
import { buttonsIn, choose, click, fieldErrorsIn, inBody, settle, type } from './dom';
import { apiError, officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ list: vi.fn(), curate: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { needs: { list: { query: api.list }, curate: { mutate: api.curate } } },
}));

const ID = '3b6f0c20-0000-4000-8000-000000000014';
const TARGET_ID = '3b6f0c20-0000-4000-8000-0000000000b2';
const silent = { context: { silent: true } };

function need(over: Partial<Need> = {}): Need {
  return {
    id: ID,
    number: 'SZKC-XQ-2026-0007',
    kind: 'technology',
    kindName: '技术攻关需求',
    title: '氢燃料电池膜电极低铂催化剂',
    fieldCode: 'low-carbon-energy',
    fieldName: '低碳能源',
    subFieldName: '膜电极',
    areaName: '埇桥区',
    organisationName: '安徽宿氢新能源科技有限公司',
    details: {
      subFieldCode: 'membrane-electrode',
      problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
      indicators: '铂载量不高于0.2毫克每平方厘米',
      coFundFen: 300_000_000n,
      deadline: '2028-12-31',
    },
    publishedAt: null,
    createdAt: new Date('2026-11-19T01:00:00Z'),
    status: 'submitted',
    statusName: '待审核',
    returnComment: null,
    version: 1,
    responses: [],
    ...over,
  } as Need;
}

/** A published need of the same kind, the duplicate's target. */
const target = need({
  id: TARGET_ID,
  number: 'SZKC-XQ-2026-0002',
  title: '低铂膜电极批量涂布工艺',
  status: 'published',
  statusName: '已发布',
  publishedAt: new Date('2026-11-20T02:00:00Z'),
  version: 2,
});

const page = (items: Need[], total = items.length) => ({ items, total, page: 1, pageSize: 20 });

/** The table's rows; the one-row page of submitted needs answers the count; published the picker. */
function serve(rows: Need[], submittedTotal = 4, published: Need[] = [target]) {
  api.list.mockImplementation((input: { pageSize: number; status?: string }) =>
    Promise.resolve(
      input.pageSize === 1 && input.status === 'submitted'
        ? page(rows.slice(0, 1), submittedTotal)
        : input.pageSize === 100 && input.status === 'published'
          ? { ...page(published), pageSize: 100 }
          : page(rows),
    ),
  );
}

const dialog = () => inBody('need-curation-dialog');
/** The messages under the dialog's fields. */
const fieldErrors = () => fieldErrorsIn('need-curation-dialog');
/** The curation buttons the drawer offers. */
const offered = () => buttonsIn('need-actions');

async function openDrawer(officer: Officer = officers.admin, path = '/selection/needs') {
  const mounted = await mountAs(officer, NeedsView, { path });
  await mounted.wrapper.get('[data-testid="need-table"] .el-table__body tr').trigger('click');
  await settle();
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('需求征集: the list', () => {
  it('opens on the needs waiting for review, in Chinese, with their count', async () => {
    serve([
      need(),
      need({
        id: `${ID}-2`,
        number: 'SZKC-XQ-2026-0008',
        kind: 'scenario',
        kindName: '应用场景需求',
        title: '园区无人配送场景',
        fieldCode: 'aerospace-information',
        fieldName: '空天信息',
        subFieldName: null,
        areaName: '灵璧县',
        organisationName: '宿州高新区管委会',
      }),
    ]);
    const { wrapper } = await mountAs(officers.admin, NeedsView, { path: '/selection/needs' });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20, status: 'submitted' });
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('需求征集');
    expect(wrapper.get('[data-testid="filter-status"]').text()).toContain('待审核');
    expect(wrapper.get('.el-badge').text()).toContain('4');
    const rows = wrapper.findAll('[data-testid="need-table"] .el-table__body tr');
    expect(rows).toHaveLength(2);
    for (const text of [
      'SZKC-XQ-2026-0007',
      '氢燃料电池膜电极低铂催化剂',
      '技术攻关需求',
      '低碳能源 / 膜电极',
      '安徽宿氢新能源科技有限公司',
      '埇桥区',
      '待审核',
    ])
      expect(rows[0]!.text()).toContain(text);
    expect(rows[1]!.text()).toContain('应用场景需求');
    expect(rows[1]!.text()).toContain('灵璧县');
    for (const raw of ['submitted', 'technology', 'low-carbon-energy', 'membrane-electrode', ID])
      expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('filters by status and kind from the link; 全部状态 sends no status', async () => {
    serve([need({ status: 'published', statusName: '已发布', publishedAt: target.publishedAt })]);
    const { wrapper } = await mountAs(officers.admin, NeedsView, {
      path: '/selection/needs?status=all&kind=technology',
    });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20, kind: 'technology' });
    expect(wrapper.get('[data-testid="filter-kind"]').text()).toContain('技术攻关需求');
    // 提交时间 in Asia/Shanghai (posted 2026-11-19 01:00 UTC).
    expect(wrapper.get('[data-testid="need-table"]').text()).toContain('2026-11-19 09:00');
    wrapper.unmount();
  });

  it('asks an area officer’s list with nothing beyond the filters: the server confines it', async () => {
    serve([need()]);
    const { wrapper } = await mountAs(officers.yongqiao, NeedsView, { path: '/selection/needs' });
    const inputs = api.list.mock.calls.map(([input]) => input as Record<string, unknown>);
    expect(inputs).toEqual(
      expect.arrayContaining([
        { page: 1, pageSize: 20, status: 'submitted' },
        { page: 1, pageSize: 1, status: 'submitted' },
      ]),
    );
    // No area (nor anything else) is asked for: the rows are the server's answer for the area.
    for (const input of inputs)
      expect(Object.keys(input).sort()).toEqual(['page', 'pageSize', 'status']);
    expect(api.curate).not.toHaveBeenCalled();
    expect(wrapper.findAll('[data-testid="need-table"] .el-table__body tr')).toHaveLength(1);
    wrapper.unmount();
  });
});

describe('需求征集: a need’s detail and curations', () => {
  it('shows the whole need, money in yuan and dates in Shanghai', async () => {
    const published = need({
      status: 'published',
      statusName: '已发布',
      publishedAt: new Date('2026-12-03T16:30:00Z'),
      responses: [
        {
          id: 'r1',
          who: '周文博（宿州学院）',
          message: '团队长期从事低铂催化剂研究，已完成中试，可联合攻关。',
          createdAt: new Date('2026-12-05T01:00:00Z'),
        },
      ],
    });
    serve([published]);
    const { wrapper } = await openDrawer();
    const drawer = inBody('need-drawer')?.textContent ?? '';
    for (const text of [
      'SZKC-XQ-2026-0007',
      '膜电极',
      '现有膜电极铂载量高',
      '铂载量不高于0.2毫克每平方厘米',
      '2028-12-31',
      // 16:30 UTC is the next morning in 宿州.
      '2026-12-04 00:30',
      '周文博（宿州学院）',
      '2026-12-05 09:00',
    ])
      expect(drawer).toContain(text);
    expect(inBody('need-cofund')?.textContent).toBe('¥3,000,000.00');
    expect(inBody('need-response-count')?.textContent).toBe('1 条');
    expect(drawer).not.toContain('300000000');
    wrapper.unmount();
  });

  it('shows a scenario need’s domain, site and budget range', async () => {
    serve([
      need({
        kind: 'scenario',
        kindName: '应用场景需求',
        subFieldName: null,
        details: {
          applicationDomain: 'city-management',
          problem: '在高新区园区内开展无人机与无人车配送，需要解决空域协同和末端投递问题。',
          site: '宿州高新区',
          budgetMinFen: 10_000_000n,
          budgetMaxFen: 50_000_000n,
        },
      }),
    ]);
    const { wrapper } = await openDrawer();
    const drawer = inBody('need-drawer')?.textContent ?? '';
    expect(drawer).toContain('城市建管');
    expect(drawer).toContain('宿州高新区');
    expect(inBody('need-budget')?.textContent).toBe('¥100,000.00 至 ¥500,000.00');
    expect(drawer).not.toContain('city-management');
    wrapper.unmount();
  });

  it.each([
    ['submitted', '待审核', ['发布', '退回修改', '合并到其他需求']],
    ['published', '已发布', ['合并到其他需求', '关闭']],
    ['returned', '退回修改', []],
    ['merged', '已合并', []],
    ['closed', '已关闭', []],
  ] as const)('offers for a %s need only what that status allows', async (status, name, shown) => {
    serve([need({ status, statusName: name })]);
    const { wrapper } = await openDrawer();
    expect(inBody('need-status')?.textContent).toBe(name);
    expect(offered()).toEqual(shown);
    if (status === 'returned')
      expect(inBody('need-no-actions')?.textContent).toContain('修改后重新提交');
    wrapper.unmount();
  });

  it('will not return a need without a comment, and sends the comment with the version shown', async () => {
    serve([need({ version: 3 })]);
    api.curate.mockResolvedValue(
      need({
        status: 'returned',
        statusName: '退回修改',
        returnComment: '请补充企业拟投入资金的来源',
        version: 4,
      }),
    );
    const { wrapper } = await openDrawer();
    await click('need-return');
    expect(dialog()?.textContent).toContain('单位会收到通知并看到您填写的意见');
    await type('need-curation-comment', '   ');
    await click('need-curation-confirm');
    expect(api.curate).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fieldErrors()).toEqual(['请写明需要修改的内容']));

    await type('need-curation-comment', ' 请补充企业拟投入资金的来源 ');
    await click('need-curation-confirm');
    expect(api.curate).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 3, action: 'return', comment: '请补充企业拟投入资金的来源' },
      silent,
    );
    // The drawer shows what the server answered; nothing more to do until the poster resubmits.
    await vi.waitFor(() => expect(inBody('need-status')?.textContent).toBe('退回修改'));
    expect(inBody('need-return-comment')?.textContent).toBe('请补充企业拟投入资金的来源');
    expect(offered()).toEqual([]);
    wrapper.unmount();
  });

  it('shows the server’s comment message under the field when it refuses the return', async () => {
    serve([need()]);
    const refusal = apiError('INVALID_INPUT', '填写的信息有误，请按提示修改');
    (refusal.data as Record<string, unknown>).fieldErrors = { comment: ['请写明需要修改的内容'] };
    api.curate.mockRejectedValue(refusal);
    const { wrapper } = await openDrawer();
    await click('need-return');
    await type('need-curation-comment', '补充');
    await click('need-curation-confirm');
    await vi.waitFor(() => expect(fieldErrors()).toEqual(['请写明需要修改的内容']));
    expect(inBody('need-curation-error')).toBeNull();
    wrapper.unmount();
  });

  it('publishes without asking for a comment', async () => {
    serve([need()]);
    api.curate.mockResolvedValue(need({ status: 'published', statusName: '已发布', version: 2 }));
    const { wrapper } = await openDrawer();
    await click('need-publish');
    expect(inBody('need-curation-comment')).toBeNull();
    await click('need-curation-confirm');
    expect(api.curate).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 1, action: 'publish' },
      silent,
    );
    wrapper.unmount();
  });

  it('merges into a published need of the same kind picked by number or title, sending mergeIntoId', async () => {
    serve([need()]);
    api.curate.mockResolvedValue(need({ status: 'merged', statusName: '已合并', version: 2 }));
    const { wrapper } = await openDrawer();
    await click('need-merge');
    // The picker offers the published needs of this kind (the need itself left out).
    expect(api.list).toHaveBeenCalledWith({
      page: 1,
      pageSize: 100,
      status: 'published',
      kind: 'technology',
    });
    await click('need-curation-confirm');
    expect(api.curate).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fieldErrors()).toEqual(['请选择一项已发布的其他需求']));
    const picker = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find(
        (c) => (c.attributes('data-testid') ?? c.vm.$attrs['data-testid']) === 'need-merge-target',
      )!;
    const labels = picker.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'));
    expect(labels).toEqual(['SZKC-XQ-2026-0002 低铂膜电极批量涂布工艺']);
    await choose(wrapper, 'ElSelect', 'need-merge-target', TARGET_ID);
    await click('need-curation-confirm');
    expect(api.curate).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 1, action: 'merge', mergeIntoId: TARGET_ID },
      silent,
    );
    wrapper.unmount();
  });

  it('closes a published need with an optional comment', async () => {
    serve([need({ status: 'published', statusName: '已发布', version: 2 })]);
    api.curate.mockResolvedValue(need({ status: 'closed', statusName: '已关闭', version: 3 }));
    const { wrapper } = await openDrawer(officers.admin, '/selection/needs?status=published');
    await click('need-close');
    await click('need-curation-confirm');
    expect(api.curate).toHaveBeenCalledWith(
      { id: ID, expectedVersion: 2, action: 'close' },
      silent,
    );
    wrapper.unmount();
  });

  it('on a stale version shows the message in Chinese, reloads, and curates on the reloaded version', async () => {
    const shown = need({ version: 1 });
    serve([shown]);
    api.curate
      .mockRejectedValueOnce(apiError('STALE_VERSION', '该需求刚被更新，请刷新后再试'))
      .mockResolvedValue(need({ status: 'published', statusName: '已发布', version: 3 }));
    const { wrapper } = await openDrawer();
    // The poster corrected the need meanwhile: the reloaded list carries version 2.
    serve([need({ version: 2, title: '氢燃料电池膜电极低铂催化剂（修订）' })]);
    const listCalls = api.list.mock.calls.length;
    await click('need-publish');
    await click('need-curation-confirm');
    expect(api.curate).toHaveBeenLastCalledWith(
      { id: ID, expectedVersion: 1, action: 'publish' },
      silent,
    );
    await settle();
    const error = inBody('need-curation-error')?.textContent ?? '';
    expect(error).toContain('该需求刚被更新，请刷新后再试');
    expect(error).toContain('已重新载入该需求的最新状态');
    expect(error).not.toContain('STALE_VERSION');
    expect(api.list.mock.calls.length).toBeGreaterThan(listCalls);
    expect(inBody('need-drawer')?.textContent).toContain('（修订）');

    await click('need-curation-confirm');
    expect(api.curate).toHaveBeenLastCalledWith(
      { id: ID, expectedVersion: 2, action: 'publish' },
      silent,
    );
    wrapper.unmount();
  });

  it('shows another area’s refusal in Chinese, never the code', async () => {
    serve([need()]);
    api.curate.mockRejectedValue(apiError('NOT_FOUND', '记录不存在或您无权查看'));
    const { wrapper } = await openDrawer(officers.yongqiao);
    await click('need-publish');
    await click('need-curation-confirm');
    const error = inBody('need-curation-error')?.textContent ?? '';
    expect(error).toContain('记录不存在或您无权查看');
    expect(error).not.toContain('NOT_FOUND');
    wrapper.unmount();
  });
});

describe('需求征集: who may open it', () => {
  it('is open to every case worker, not to finance, as the server allows', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string) =>
      mayOpenRoute(router.resolve('/selection/needs'), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer'])
      expect(may(role)).toBe(true);
    expect(may('finance-officer')).toBe(false);
  });
});

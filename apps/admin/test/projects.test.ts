import { TRPCClientError } from '@trpc/client';
import type { VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { routes } from '../src/router/routes';
import type { Officer } from '../src/store/auth';
import ProjectDetail from '../src/views/projects/detail.vue';
import ProjectsView from '../src/views/projects/index.vue';
import type { Project } from '../src/views/projects/queries';
import CallDetail from '../src/views/selection-calls/detail.vue';
import type { SelectionCall } from '../src/views/selection-calls/queries';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';
import { choose, click, errorsIn, inBody, settle, type } from './dom';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  byId: vi.fn(),
  saveContract: vi.fn(),
  callById: vi.fn(),
  submissions: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    selection: {
      projects: {
        list: { query: api.list },
        byId: { query: api.byId },
        saveContract: { mutate: api.saveContract },
      },
      calls: {
        byId: { query: api.callById },
        submissions: { query: api.submissions },
      },
    },
  },
}));

const PROJECT_ID = '7a1c2e30-0000-4000-8000-0000000000c1';
const CALL_ID = '7a1c2e30-0000-4000-8000-000000000024';
const ORG_ID = '7a1c2e30-0000-4000-8000-0000000000d1';
const GOALS = '研制面向低空物流的高可靠飞控系统，完成不少于500架次的示范飞行。';

function project(over: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    number: 'SZKC-XM-2027-0001',
    title: '低空物流无人机高可靠飞控系统研发',
    status: 'contracting',
    statusName: '待签订任务书',
    programmeName: '未来产业重点科技项目（揭榜挂帅）',
    call: {
      id: CALL_ID,
      number: 'SZKC-ZN-2027-02',
      title: '2027年度未来产业重点科技项目（揭榜挂帅）',
    },
    resultDocNo: '宿科〔2027〕18号',
    submissionNumber: 'SZKC-SB-2027-0007',
    organisationId: ORG_ID,
    organisationName: '宿州云翼航空科技有限公司',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    contract: {
      startOn: '2027-09-20',
      endOn: '2029-09-19',
      cityFundsFen: 2_000_000_00n,
      ownFundsFen: 3_000_000_00n,
      milestones: [
        { title: '中期目标', dueOn: '2028-09-19', indicators: '完成飞控原型机并通过第三方测试' },
        { title: '项目完成', dueOn: '2029-09-19', indicators: GOALS },
      ],
      tranches: [
        { condition: 'signing', conditionName: '任务书签订后', amountFen: 1_200_000_00n },
        { condition: 'acceptance', conditionName: '验收通过后', amountFen: 800_000_00n },
      ],
    },
    basis: {
      decidedCityFundsFen: 2_000_000_00n,
      committedOwnFundsFen: 3_000_000_00n,
      months: 24,
    },
    schedule: { midTermDueOn: '2028-09-19', finalDueOn: '2029-10-19' },
    settings: { firstTrancheMaxPercent: 60, finalTrancheMinPercent: 20 },
    problems: {},
    signedAt: null,
    tranches: [
      {
        trancheNo: 1,
        condition: 'signing',
        conditionName: '任务书签订后',
        amountFen: 1_200_000_00n,
        application: null,
      },
      {
        trancheNo: 2,
        condition: 'acceptance',
        conditionName: '验收通过后',
        amountFen: 800_000_00n,
        application: null,
      },
    ],
    reports: [],
    changes: [],
    reportsOpen: [],
    changesOpen: false,
    extension: { approved: 0, max: 2, maxMonths: 12 },
    version: 3,
    updatedAt: new Date('2027-09-20T02:00:00Z'),
    ...over,
  } as Project;
}

const rowsOf = (wrapper: VueWrapper, testId: string) =>
  wrapper.findAll(`[data-testid="${testId}"] .el-table__body tr`).map((r) => r.text());
/** Codes and ids a page must never show. */
const RAW = [
  'contracting',
  'in-progress',
  'signing',
  'acceptance',
  'mid-term',
  'yongqiao',
  'aerospace-information',
  'key-project',
  PROJECT_ID,
  CALL_ID,
  ORG_ID,
];

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

const CALL = {
  id: CALL_ID,
  number: 'SZKC-ZN-2027-02',
  title: '2027年度未来产业重点科技项目（揭榜挂帅）',
};
/** The list's answer: a page of projects, how many in all, and the calls that made them. */
const pageOf = (items: Project[], total = items.length, calls = [CALL]) => ({
  items,
  total,
  page: 1,
  pageSize: 20,
  calls,
});

describe('项目管理: the list', () => {
  it('shows each project with its unit, area, city funds, period and status, in Chinese', async () => {
    api.list.mockResolvedValue(
      pageOf([
        project(),
        project({
          id: `${PROJECT_ID}-2`,
          number: 'SZKC-XM-2027-0002',
          title: '颠覆性固态电池材料研究',
          status: 'in-progress',
          statusName: '实施中',
          organisationName: '宿州高新储能材料有限公司',
          areaCode: 'dangshan',
          areaName: '砀山县',
          contract: {
            ...project().contract,
            startOn: '2027-10-01',
            endOn: '2030-09-30',
            cityFundsFen: 1_200_000_01n,
          },
          signedAt: new Date('2027-10-08T03:00:00Z'),
        }),
      ]),
    );
    const { wrapper } = await mountAs(officers.admin, ProjectsView, {
      path: '/selection/projects',
    });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20 });
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('项目管理');
    const rows = rowsOf(wrapper, 'project-table');
    expect(rows).toHaveLength(2);
    for (const text of [
      'SZKC-XM-2027-0001',
      '低空物流无人机高可靠飞控系统研发',
      '宿州云翼航空科技有限公司',
      '埇桥区',
      '¥2,000,000.00',
      '2027-09-20 至 2029-09-19',
      '待签订任务书',
    ])
      expect(rows[0]).toContain(text);
    for (const text of ['砀山县', '¥1,200,000.01', '2027-10-01 至 2030-09-30', '实施中'])
      expect(rows[1]).toContain(text);
    const headers = wrapper.findAll('[data-testid="project-table"] th').map((th) => th.text());
    expect(headers).toEqual(
      expect.arrayContaining(['项目编号', '项目名称', '承担单位', '县区', '市级资金', '实施期限']),
    );
    for (const raw of RAW) expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('filters by status from the link, and says so when nothing is left', async () => {
    api.list.mockResolvedValue(pageOf([], 0));
    const { wrapper } = await mountAs(officers.yongqiao, ProjectsView, {
      path: '/selection/projects?status=in-progress',
    });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20, status: 'in-progress' });
    expect(wrapper.get('[data-testid="filter-status"]').text()).toContain('实施中');
    expect(wrapper.get('[data-testid="project-table"]').text()).toContain('暂无符合条件的项目');
    wrapper.unmount();
  });

  it('filters by the call a link names, offers the calls the answer lists, and pages', async () => {
    api.list.mockResolvedValue(pageOf([project()], 45));
    const { wrapper, router } = await mountAs(officers.admin, ProjectsView, {
      path: `/selection/projects?callId=${CALL_ID}`,
    });
    await settle();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20, callId: CALL_ID });
    expect(wrapper.get('[data-testid="filter-callId"]').text()).toContain(
      '2027年度未来产业重点科技项目（揭榜挂帅）（SZKC-ZN-2027-02）',
    );
    const pager = wrapper.get('[data-testid="project-pagination"]');
    expect(pager.text()).toContain('45');
    await pager.get('.el-pager li:nth-child(2)').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ callId: CALL_ID, page: '2' });
    expect(api.list).toHaveBeenLastCalledWith({ page: 2, pageSize: 20, callId: CALL_ID });
    // A call id that is not one is not sent.
    await router.push('/selection/projects?callId=everything');
    await settle();
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 });
    wrapper.unmount();
  });

  it('ignores a status it does not know, and opens a project from its row', async () => {
    api.list.mockResolvedValue(pageOf([project()]));
    const { wrapper, router } = await mountAs(officers.admin, ProjectsView, {
      path: '/selection/projects?status=everything',
    });
    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 20 });
    await wrapper.get('[data-testid="project-table"] .el-table__body tr').trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('SelectionProject');
    expect(router.currentRoute.value.params.id).toBe(PROJECT_ID);
    wrapper.unmount();
  });
});

describe('项目管理: a project’s page', () => {
  async function openProject(officer: Officer = officers.admin, shown: Project = project()) {
    api.byId.mockResolvedValue(shown);
    const mounted = await mountAs(officer, ProjectDetail, {
      path: `/selection/projects/${PROJECT_ID}`,
    });
    await settle();
    return mounted;
  }

  it('shows where it came from and its 任务书: period, funds, milestones, tranches, reports', async () => {
    const { wrapper } = await openProject();
    expect(api.byId).toHaveBeenCalledWith({ id: PROJECT_ID });
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe(
      '低空物流无人机高可靠飞控系统研发',
    );
    expect(wrapper.get('[data-testid="project-status"]').text()).toBe('待签订任务书');
    expect(wrapper.get('[data-testid="project-number"]').text()).toContain('SZKC-XM-2027-0001');
    const detail = wrapper.get('[data-testid="project-detail"]').text();
    for (const text of [
      '宿州云翼航空科技有限公司',
      '埇桥区',
      '空天信息',
      '宿科〔2027〕18号',
      'SZKC-SB-2027-0007',
    ])
      expect(detail).toContain(text);
    const call = wrapper.get('[data-testid="project-call"]');
    expect(call.text()).toContain('2027年度未来产业重点科技项目（揭榜挂帅）');
    expect(call.attributes('href')).toBe(`/selection/calls/${CALL_ID}`);

    expect(wrapper.get('[data-testid="contract-period"]').text()).toBe('2027-09-20 至 2029-09-19');
    expect(wrapper.get('[data-testid="contract-city"]').text()).toBe('¥2,000,000.00');
    expect(wrapper.get('[data-testid="contract-own"]').text()).toBe('¥3,000,000.00');
    expect(wrapper.get('[data-testid="contract-mid-term"]').text()).toContain('2028-09-19');
    expect(wrapper.get('[data-testid="contract-final"]').text()).toContain('2029-10-19');
    expect(wrapper.get('[data-testid="contract-signed-at"]').text()).toBe('尚未签订');
    const milestones = rowsOf(wrapper, 'contract-milestones');
    expect(milestones).toHaveLength(2);
    expect(milestones[0]).toContain('中期目标');
    expect(milestones[0]).toContain('2028-09-19');
    expect(milestones[0]).toContain('完成飞控原型机并通过第三方测试');
    expect(milestones[1]).toContain(GOALS);
    const tranches = rowsOf(wrapper, 'contract-tranches');
    expect(tranches).toHaveLength(2);
    expect(tranches[0]).toContain('第 1 期');
    expect(tranches[0]).toContain('任务书签订后');
    expect(tranches[0]).toContain('¥1,200,000.00');
    expect(tranches[1]).toContain('第 2 期');
    expect(tranches[1]).toContain('验收通过后');
    expect(tranches[1]).toContain('¥800,000.00');

    // Nothing stands in the way: the unit's administrator may sign.
    expect(wrapper.get('[data-testid="project-ready"]').text()).toContain(
      '承担单位管理员现可在小程序中签订',
    );
    expect(wrapper.find('[data-testid="project-problems"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="project-edit-contract"]').exists()).toBe(true);
    for (const raw of RAW) expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('lists what still keeps the unit from signing, each with its place in the 任务书', async () => {
    const { wrapper } = await openProject(
      officers.admin,
      project({
        problems: {
          'tranches.0.amountFen': ['首期拨付不超过市级资金的60%（¥1,200,000.00）'],
          'milestones.1.dueOn': ['节点完成时间应在实施期限内'],
        },
      }),
    );
    const problems = wrapper.get('[data-testid="project-problems"]').text();
    expect(problems).toContain('承担单位暂不能签订');
    expect(problems).toContain('第1期拨付金额：首期拨付不超过市级资金的60%（¥1,200,000.00）');
    expect(problems).toContain('项目节点2：节点完成时间应在实施期限内');
    expect(wrapper.find('[data-testid="project-ready"]').exists()).toBe(false);
    expect(problems).not.toContain('tranches');
    wrapper.unmount();
  });

  it('offers an area officer no 编辑任务书', async () => {
    const { wrapper } = await openProject(officers.yongqiao);
    expect(wrapper.get('[data-testid="contract-city"]').text()).toBe('¥2,000,000.00');
    expect(wrapper.find('[data-testid="project-edit-contract"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('编辑任务书');
    wrapper.unmount();
  });

  it('shows a signed contract with its signing time, and offers no edit', async () => {
    const { wrapper } = await openProject(
      officers.admin,
      project({
        status: 'in-progress',
        statusName: '实施中',
        signedAt: new Date('2027-10-08T03:00:00Z'),
      }),
    );
    expect(wrapper.get('[data-testid="project-status"]').text()).toBe('实施中');
    expect(wrapper.get('[data-testid="contract-signed-at"]').text()).toBe('2027-10-08 11:00');
    expect(wrapper.find('[data-testid="project-edit-contract"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="project-ready"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('项目管理: 编辑任务书', () => {
  async function openDialog() {
    api.byId.mockResolvedValue(project());
    const mounted = await mountAs(more.reviewer, ProjectDetail, {
      path: `/selection/projects/${PROJECT_ID}`,
    });
    await settle();
    await click('project-edit-contract');
    return mounted;
  }

  it('starts from the contract shown, in yuan, with the basis and the 60%/20% rule as hints', async () => {
    const { wrapper } = await openDialog();
    const input = (testId: string) => {
      const el = inBody(testId)!;
      const input = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
      return (input as HTMLInputElement).value;
    };
    expect(input('contract-city-funds')).toBe('2000000.00');
    expect(input('contract-own-funds')).toBe('3000000.00');
    expect(input('contract-tranche-0-amount')).toBe('1200000.00');
    expect(input('contract-milestone-1-indicators')).toBe(GOALS);
    const basis = inBody('contract-basis')?.textContent ?? '';
    for (const text of [
      '决定支持的市级资金 ¥2,000,000.00',
      '申报承诺的自筹资金 ¥3,000,000.00',
      '申报实施期限 24 个月',
      '不超过市级资金的60%',
      '不少于20%',
    ])
      expect(basis).toContain(text);
    expect(inBody('contract-latest-end')?.textContent).toContain('最晚 2029-09-19');
    expect(inBody('contract-dialog')?.textContent).not.toContain('signing');
    wrapper.unmount();
  });

  it('refuses a bad form with the schema’s words, without asking the server', async () => {
    const { wrapper } = await openDialog();
    await type('contract-milestone-0-title', '');
    await type('contract-milestone-1-indicators', '好');
    await type('contract-tranche-1-amount', '0');
    await type('contract-own-funds', '三百万');
    await click('contract-tranche-add');
    await click('contract-submit');
    expect(api.saveContract).not.toHaveBeenCalled();
    expect(errorsIn('contract-milestone-0')['节点名称']).toBe('请填写节点名称');
    expect(errorsIn('contract-milestone-1')['考核指标']).toBe('考核指标至少4个字');
    expect(errorsIn('contract-tranche-1')['金额（元）']).toBe('拨付金额应大于0');
    expect(errorsIn('contract-tranche-2')).toMatchObject({
      拨付条件: '请选择拨付条件',
      '金额（元）': '请填写拨付金额',
    });
    expect(errorsIn('contract-dialog')['单位自筹资金（元）']).toBe(
      '请填写有效的单位自筹资金（元，最多两位小数）',
    );
    // Fixing a field takes its message away.
    await type('contract-milestone-0-title', '中期目标');
    expect(errorsIn('contract-milestone-0')['节点名称']).toBe('');
    // The lists keep to the schema's bounds: 2–4 tranches, 1–8 milestones.
    await click('contract-tranche-add');
    expect(inBody('contract-tranche-add')?.hasAttribute('disabled')).toBe(true);
    expect(inBody('contract-milestone-0-remove')?.hasAttribute('disabled')).toBe(false);
    wrapper.unmount();
  });

  it('sends the amounts typed in yuan as exact fen, on the version shown, then closes', async () => {
    api.saveContract.mockResolvedValue(project({ version: 4 }));
    const { wrapper } = await openDialog();
    await choose(wrapper, 'ElDatePicker', 'contract-start-on', '2027-10-01');
    await choose(wrapper, 'ElDatePicker', 'contract-end-on', '2029-09-30');
    await type('contract-city-funds', '1,500,000.02');
    await type('contract-own-funds', '3000000');
    await type('contract-tranche-0-amount', '1200000.01');
    await type('contract-tranche-1-amount', '300000.01');
    await choose(wrapper, 'ElSelect', 'contract-tranche-1-condition', 'acceptance');
    await click('contract-submit');
    expect(api.saveContract).toHaveBeenCalledWith(
      {
        id: PROJECT_ID,
        expectedVersion: 3,
        contract: {
          startOn: '2027-10-01',
          endOn: '2029-09-30',
          cityFundsFen: 150_000_002n,
          ownFundsFen: 300_000_000n,
          milestones: [
            {
              title: '中期目标',
              dueOn: '2028-09-19',
              indicators: '完成飞控原型机并通过第三方测试',
            },
            { title: '项目完成', dueOn: '2029-09-19', indicators: GOALS },
          ],
          tranches: [
            { condition: 'signing', amountFen: 120_000_001n },
            { condition: 'acceptance', amountFen: 30_000_001n },
          ],
        },
      },
      { context: { silent: true } },
    );
    await vi.waitFor(() => expect(api.byId).toHaveBeenCalledTimes(2));
    await settle();
    // Closed: its overlay is hidden (or gone).
    const overlay = inBody('contract-dialog')?.closest<HTMLElement>('.el-overlay');
    expect(overlay?.style.display ?? 'none').toBe('none');
    wrapper.unmount();
  });

  it('puts the server’s refusal of a tranche under that tranche’s amount, a whole list’s above it', async () => {
    api.saveContract.mockRejectedValue(
      TRPCClientError.from({
        error: {
          code: -32001,
          message: '首期拨付不超过市级资金的60%（¥1,200,000.00）',
          data: {
            appCode: 'INVALID_INPUT',
            fieldErrors: {
              'contract.tranches.0.amountFen': ['首期拨付不超过市级资金的60%（¥1,200,000.00）'],
              'contract.tranches': ['各期拨付合计¥2,000,100.00，应等于市级资金¥2,000,000.00'],
            },
          },
        },
      }),
    );
    const { wrapper } = await openDialog();
    await type('contract-tranche-0-amount', '1200100');
    await click('contract-submit');
    expect(api.saveContract).toHaveBeenCalledTimes(1);
    await vi.waitFor(() =>
      expect(errorsIn('contract-tranche-0')['金额（元）']).toBe(
        '首期拨付不超过市级资金的60%（¥1,200,000.00）',
      ),
    );
    expect(errorsIn('contract-tranche-1')['金额（元）']).toBe('');
    expect(inBody('contract-tranches-error')?.textContent).toContain(
      '各期拨付合计¥2,000,100.00，应等于市级资金¥2,000,000.00',
    );
    // Said where it belongs, not repeated above the buttons.
    expect(inBody('contract-error')).toBeNull();
    wrapper.unmount();
  });

  it('says above the buttons what no field shows (the contract was signed meanwhile)', async () => {
    api.saveContract.mockRejectedValue(apiError('INVALID_TRANSITION', '任务书已签订，不能再修改'));
    const { wrapper } = await openDialog();
    await click('contract-submit');
    expect(inBody('contract-error')?.textContent).toContain('任务书已签订，不能再修改');
    expect(inBody('contract-error')?.textContent).not.toContain('已重新载入');
    wrapper.unmount();
  });

  it('on a stale version says so and reloads the project; the next save uses the new version', async () => {
    api.saveContract.mockRejectedValueOnce(
      apiError('STALE_VERSION', '该项目刚被他人更新，请刷新后再试'),
    );
    const { wrapper } = await openDialog();
    expect(api.byId).toHaveBeenCalledTimes(1);
    api.byId.mockResolvedValue(
      project({
        version: 4,
        contract: { ...project().contract, ownFundsFen: 3_500_000_00n },
      }),
    );
    await click('contract-submit');
    expect(api.saveContract).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: PROJECT_ID, expectedVersion: 3 }),
      { context: { silent: true } },
    );
    const error = inBody('contract-error')?.textContent ?? '';
    expect(error).toContain('该项目刚被他人更新，请刷新后再试');
    expect(error).toContain('已重新载入该项目的最新任务书');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="contract-own"]').text()).toBe('¥3,500,000.00'),
    );
    expect(api.byId).toHaveBeenCalledTimes(2);

    api.saveContract.mockResolvedValue(project({ version: 5 }));
    await click('contract-submit');
    expect(api.saveContract).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: PROJECT_ID, expectedVersion: 4 }),
      { context: { silent: true } },
    );
    wrapper.unmount();
  });
});

describe('项目管理: from the call, and who may open it', () => {
  function concludedCall(programme: string, programmeName: string): SelectionCall {
    return {
      id: CALL_ID,
      number: 'SZKC-ZN-2027-02',
      programme,
      programmeName,
      clause: '四.2',
      year: 2027,
      title: `2027年度${programmeName}`,
      guide: '面向未来产业关键核心技术，张榜征集揭榜团队。',
      fieldCodes: [],
      fieldNames: [],
      applyFrom: '2027-04-01',
      applyUntil: '2027-04-30',
      quota: null,
      rubric: null,
      status: 'concluded',
      statusName: '已确定',
      publishedAt: new Date('2027-04-01T02:00:00Z'),
      version: 9,
      budgetFen: null,
      settingsVersion: 'selection-2026-01',
      actions: [],
      submissionCounts: {},
      result: { documentNo: '宿科〔2027〕18号', issuedOn: '2027-09-20' },
      resultListId: null,
    } as unknown as SelectionCall;
  }

  it.each([
    ['key-project', '未来产业重点科技项目（揭榜挂帅）', true],
    ['scenario-case', '市级重大应用场景典型案例评选', false],
  ] as const)(
    'a concluded %s call links to 立项项目: %s',
    async (programme, programmeName, linked) => {
      api.callById.mockResolvedValue(concludedCall(programme, programmeName));
      api.submissions.mockResolvedValue([]);
      const { wrapper } = await mountAs(officers.yongqiao, CallDetail, {
        path: `/selection/calls/${CALL_ID}`,
      });
      await settle();
      const link = wrapper.find('[data-testid="call-projects"]');
      expect(link.exists()).toBe(linked);
      if (linked) {
        expect(link.text()).toBe('立项项目');
        expect(link.attributes('href')).toBe(`/selection/projects?callId=${CALL_ID}`);
      }
      wrapper.unmount();
    },
  );

  it('opens to the case workers, not to finance', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string, path: string) =>
      mayOpenRoute(router.resolve(path), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    for (const path of ['/selection/projects', `/selection/projects/${PROJECT_ID}`]) {
      for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer'])
        expect(may(role, path)).toBe(true);
      expect(may('finance-officer', path)).toBe(false);
    }
  });
});

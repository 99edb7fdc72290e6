import { SUBMISSION_EVIDENCE } from '@kc/domain';
import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { routes } from '../src/router/routes';
import type { Officer } from '../src/store/auth';
import CallDetail from '../src/views/selection-calls/detail.vue';
import CallsView from '../src/views/selection-calls/index.vue';
import type { SelectionCall, Submission } from '../src/views/selection-calls/queries';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';
import { buttonsIn, choose, click, errorsIn, inBody, settle, type } from './dom';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  byId: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
  advance: vi.fn(),
  submissions: vi.fn(),
  formalCheck: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    // No version adopted: the code's versions decide (quota ceilings, award amounts).
    policyVersions: { catalogue: { query: async () => ({ amendments: [] }) } },
    selection: {
      calls: {
        list: { query: api.list },
        byId: { query: api.byId },
        create: { mutate: api.create },
        update: { mutate: api.update },
        advance: { mutate: api.advance },
        submissions: { query: api.submissions },
      },
      submissions: { formalCheck: { mutate: api.formalCheck } },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: vi.fn().mockResolvedValue(true) }));

const CALL_ID = '7a1c2e30-0000-4000-8000-000000000014';
const SUB_ID = '7a1c2e30-0000-4000-8000-0000000000a1';
const GUIDE = '面向未来产业五大方向，征集已落地运行、成效明显的应用场景典型案例。';
/** Dates no test run reaches, or has long passed (the deadline is checked against today). */
const OPEN_UNTIL = '2099-03-31';
const PAST_UNTIL = '2001-03-31';

function call(over: Partial<SelectionCall> = {}): SelectionCall {
  return {
    id: CALL_ID,
    number: 'SZKC-ZN-2027-01',
    programme: 'scenario-case',
    programmeName: '市级重大应用场景典型案例评选',
    clause: '四.1',
    year: 2027,
    title: '2027年度市级重大应用场景典型案例评选',
    guide: GUIDE,
    fieldCodes: ['aerospace-information'],
    fieldNames: ['空天信息'],
    applyFrom: '2027-03-01',
    applyUntil: OPEN_UNTIL,
    quota: 10,
    rubric: null,
    status: 'open',
    statusName: '申报中',
    publishedAt: new Date('2027-03-01T02:00:00Z'),
    version: 2,
    budgetFen: 5_000_000_00n,
    settingsVersion: 'selection-2026-01',
    actions: [{ code: 'close-applications', name: '截止申报，开始形式审查' }],
    submissionCounts: { submitted: 3, 'area-passed': 2 },
    ...over,
  } as SelectionCall;
}

function submission(over: Partial<Submission> = {}): Submission {
  return {
    id: SUB_ID,
    number: 'SZKC-SB-2027-0001',
    callId: CALL_ID,
    callNumber: 'SZKC-ZN-2027-01',
    callTitle: '2027年度市级重大应用场景典型案例评选',
    programme: 'scenario-case',
    title: '宿州智慧农业无人机植保应用场景',
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    organisationName: '宿州云翼农业科技有限公司',
    form: {
      caseName: '宿州智慧农业无人机植保应用场景',
      applicationDomain: 'industry',
      fieldCode: 'aerospace-information',
      site: '埇桥区现代农业示范园',
      summary: '在埇桥区两万亩小麦田开展无人机植保作业，作业效率提升五倍，农药用量下降三成。',
    },
    evidence: [{ kind: 'case-summary', fileId: '7a1c2e30-0000-4000-8000-0000000000f1' }],
    evidenceRequired: SUBMISSION_EVIDENCE['scenario-case'],
    team: [
      {
        unitName: '宿州学院',
        unitCreditCode: null,
        personName: '周文博',
        part: '植保路径规划算法',
        confirmed: true,
      },
      {
        unitName: '埇桥区农业技术推广中心',
        unitCreditCode: null,
        personName: null,
        part: '示范园组织实施',
        confirmed: false,
      },
    ],
    status: 'submitted',
    statusName: '待县区形式审查',
    checkComment: null,
    version: 3,
    submittedAt: new Date('2027-03-10T01:30:00Z'),
    updatedAt: new Date('2027-03-10T01:30:00Z'),
    ...over,
  } as Submission;
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('申报指南: the list', () => {
  it('shows each call with its terms, stage and what waits for the bureau, in Chinese', async () => {
    api.list.mockResolvedValue([
      call(),
      call({
        id: `${CALL_ID}-2`,
        number: 'SZKC-ZN-2027-02',
        programme: 'key-project',
        programmeName: '未来产业重点科技项目（揭榜挂帅）',
        title: '2027年度未来产业重点科技项目（揭榜挂帅）',
        quota: null,
        status: 'draft',
        statusName: '草拟中',
        applyFrom: '2027-04-01',
        applyUntil: '2027-04-30',
        submissionCounts: {},
      }),
    ]);
    const { wrapper } = await mountAs(officers.admin, CallsView, { path: '/selection/calls' });
    expect(api.list).toHaveBeenCalledWith({});
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('申报指南');
    const rows = wrapper.findAll('[data-testid="call-table"] .el-table__body tr');
    expect(rows).toHaveLength(2);
    const first = rows[0]!.text();
    for (const text of [
      'SZKC-ZN-2027-01',
      '2027年度市级重大应用场景典型案例评选',
      '市级重大应用场景典型案例评选',
      `2027-03-01 至 ${OPEN_UNTIL}`,
      '10 项',
      '申报中',
    ])
      expect(first).toContain(text);
    // 待我审查 for the bureau: what the areas passed on.
    expect(rows[0]!.get('[data-testid="call-waiting"]').text()).toBe('2');
    expect(rows[1]!.text()).toContain('不限');
    expect(rows[1]!.text()).toContain('草拟中');
    expect(rows[1]!.get('[data-testid="call-waiting"]').text()).toBe('0');
    for (const raw of ['scenario-case', 'key-project', 'draft', 'open', CALL_ID])
      expect(wrapper.text()).not.toContain(raw);
    expect(wrapper.find('[data-testid="call-create"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('filters by stage and programme from the link', async () => {
    api.list.mockResolvedValue([call()]);
    const { wrapper } = await mountAs(officers.admin, CallsView, {
      path: '/selection/calls?status=open&programme=scenario-case',
    });
    expect(api.list).toHaveBeenCalledWith({ status: 'open', programme: 'scenario-case' });
    expect(wrapper.get('[data-testid="filter-status"]').text()).toContain('申报中');
    expect(wrapper.get('[data-testid="filter-programme"]').text()).toContain(
      '市级重大应用场景典型案例评选',
    );
    wrapper.unmount();
  });

  it('counts for an area officer only their own area’s submissions waiting for them; no 新建', async () => {
    api.list.mockResolvedValue([call()]);
    // The city has 3 waiting for the areas; this area has 1 (the server sends only its own).
    api.submissions.mockResolvedValue([
      submission(),
      submission({ id: `${SUB_ID}-2`, status: 'area-passed', statusName: '待市局形式审查' }),
    ]);
    const { wrapper } = await mountAs(officers.yongqiao, CallsView, { path: '/selection/calls' });
    await settle();
    expect(api.submissions).toHaveBeenCalledWith({ id: CALL_ID });
    expect(wrapper.get('[data-testid="call-waiting"]').text()).toBe('1');
    expect(wrapper.find('[data-testid="call-create"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('申报指南: the workbench tile’s list (?waiting=mine)', () => {
  it('asks for the calls waiting for the officer’s own step, one row per call', async () => {
    api.list.mockResolvedValue([call(), call({ id: `${CALL_ID}-2`, number: 'SZKC-ZN-2027-02' })]);
    api.submissions.mockResolvedValue([submission()]);
    const { wrapper } = await mountAs(officers.yongqiao, CallsView, {
      path: '/selection/calls?waiting=mine',
    });
    await settle();
    expect(api.list).toHaveBeenCalledWith({ waiting: 'mine' });
    for (const [input] of api.list.mock.calls) expect(input).toEqual({ waiting: 'mine' });
    // The tile counts calls: the table has exactly one row per call listed.
    expect(wrapper.findAll('[data-testid="call-table"] .el-table__body tr')).toHaveLength(2);
    expect(wrapper.get('[data-testid="filter-waiting"]').text()).toBe('仅看待我审查的');
    wrapper.unmount();
  });

  it('keeps the other filters with it, and removing the tag drops it from the URL and the query', async () => {
    api.list.mockResolvedValue([call()]);
    const { wrapper, router } = await mountAs(officers.admin, CallsView, {
      path: '/selection/calls?waiting=mine&status=formal-review',
    });
    expect(api.list).toHaveBeenLastCalledWith({ status: 'formal-review', waiting: 'mine' });
    await wrapper.get('[data-testid="filter-waiting"] .el-tag__close').trigger('click');
    await settle();
    expect(router.currentRoute.value.query.waiting).toBeUndefined();
    expect(router.currentRoute.value.query.status).toBe('formal-review');
    expect(api.list).toHaveBeenLastCalledWith({ status: 'formal-review' });
    expect(wrapper.find('[data-testid="filter-waiting"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('ignores a waiting value it does not know', async () => {
    api.list.mockResolvedValue([call()]);
    const { wrapper } = await mountAs(officers.admin, CallsView, {
      path: '/selection/calls?waiting=everyone',
    });
    expect(api.list).toHaveBeenCalledWith({});
    expect(wrapper.find('[data-testid="filter-waiting"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('申报指南: writing a call', () => {
  async function openForm() {
    api.list.mockResolvedValue([]);
    const mounted = await mountAs(officers.admin, CallsView, { path: '/selection/calls' });
    await click('call-create');
    return mounted;
  }

  it('refuses an empty form with the schema’s words, without asking the server', async () => {
    const { wrapper } = await openForm();
    await click('call-form-submit');
    expect(api.create).not.toHaveBeenCalled();
    expect(errorsIn('call-form-dialog')).toMatchObject({
      申报类别: '请选择申报类别',
      指南名称: '请填写指南名称',
      指南内容: '请填写指南内容',
      申报开始日期: '请填写有效的申报开始日期（格式：YYYY-MM-DD）',
    });
    wrapper.unmount();
  });

  it('sends the budget in fen exactly, and shows the server’s refusal of a quota over 10 under it', async () => {
    const refusal = apiError('INVALID_INPUT', '提交的内容有误');
    (refusal.data as Record<string, unknown>).fieldErrors = {
      quota: ['四.1规定每年不超过10项，拟支持数量不能超过10'],
    };
    api.create.mockRejectedValue(refusal);
    const { wrapper } = await openForm();
    expect(inBody('call-form-dialog')?.textContent).not.toContain('四.1规定');
    await choose(wrapper, 'ElSelect', 'call-programme', 'scenario-case');
    // The plan's ceiling is said beside the quota before anything is sent.
    expect(inBody('call-quota-hint')?.textContent).toBe('四.1规定每年不超过10项；不填则按10项');
    await type('call-title', '2027年度市级重大应用场景典型案例评选');
    await type('call-guide', GUIDE);
    await choose(wrapper, 'ElSelect', 'call-fields', ['aerospace-information']);
    await choose(wrapper, 'ElDatePicker', 'call-apply-from', '2027-03-01');
    await choose(wrapper, 'ElDatePicker', 'call-apply-until', '2027-03-31');
    await choose(wrapper, 'ElInputNumber', 'call-quota', 12);
    await type('call-budget', '5,000,000.07');
    await click('call-form-submit');
    expect(api.create).toHaveBeenCalledWith(
      {
        programme: 'scenario-case',
        year: expect.any(Number),
        title: '2027年度市级重大应用场景典型案例评选',
        guide: GUIDE,
        fieldCodes: ['aerospace-information'],
        applyFrom: '2027-03-01',
        applyUntil: '2027-03-31',
        quota: 12,
        budgetFen: 500_000_007n,
      },
      { context: { silent: true } },
    );
    await vi.waitFor(() =>
      expect(errorsIn('call-form-dialog')['拟支持数量']).toBe(
        '四.1规定每年不超过10项，拟支持数量不能超过10',
      ),
    );
    // Shown under the field, not repeated above the buttons.
    expect(inBody('call-form-error')).toBeNull();
    expect(inBody('call-form-dialog')).not.toBeNull();
    wrapper.unmount();
  });

  it('refuses a budget that is not an amount, and a deadline before the start', async () => {
    const { wrapper } = await openForm();
    await choose(wrapper, 'ElSelect', 'call-programme', 'key-project');
    expect(inBody('call-quota-hint')?.textContent).toBe('不填则不限');
    await type('call-title', '2027年度未来产业重点科技项目');
    await type('call-guide', GUIDE);
    await choose(wrapper, 'ElDatePicker', 'call-apply-from', '2027-03-01');
    await choose(wrapper, 'ElDatePicker', 'call-apply-until', '2027-02-01');
    await type('call-budget', '五百万');
    await click('call-form-submit');
    expect(api.create).not.toHaveBeenCalled();
    expect(errorsIn('call-form-dialog')).toMatchObject({
      申报截止日期: '申报截止日期不能早于开始日期',
      '资金预算（元）': '请填写有效的资金预算（元，最多两位小数）',
    });
    wrapper.unmount();
  });

  it('edits a draft on the version shown, its budget back in yuan', async () => {
    const draft = call({
      status: 'draft',
      statusName: '草拟中',
      actions: [{ code: 'publish', name: '发布申报指南' }],
    });
    api.byId.mockResolvedValue(draft);
    api.submissions.mockResolvedValue([]);
    api.update.mockResolvedValue({ ...draft, version: 3 });
    const { wrapper } = await mountAs(officers.admin, CallDetail, {
      path: `/selection/calls/${CALL_ID}`,
    });
    await click('call-edit');
    const budget = inBody('call-budget')!;
    const input = budget.matches('input') ? budget : budget.querySelector('input');
    expect((input as HTMLInputElement | null)?.value).toBe('5000000.00');
    await type('call-title', '2027年度市级重大应用场景典型案例评选（修订）');
    await click('call-form-submit');
    expect(api.update).toHaveBeenCalledWith(
      {
        id: CALL_ID,
        expectedVersion: 2,
        call: expect.objectContaining({
          title: '2027年度市级重大应用场景典型案例评选（修订）',
          budgetFen: 5_000_000_00n,
          quota: 10,
        }),
      },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });
});

describe('申报指南: a call’s page', () => {
  async function openCall(officer: Officer, shown: SelectionCall, rows: Submission[] = []) {
    api.byId.mockResolvedValue(shown);
    api.submissions.mockResolvedValue(rows);
    const mounted = await mountAs(officer, CallDetail, { path: `/selection/calls/${CALL_ID}` });
    await settle();
    return mounted;
  }

  it('shows the guide, dates, quota, budget and stage, without codes', async () => {
    const { wrapper } = await openCall(officers.admin, call());
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe(
      '2027年度市级重大应用场景典型案例评选',
    );
    expect(wrapper.get('[data-testid="call-status"]').text()).toBe('申报中');
    const detail = wrapper.get('[data-testid="call-detail"]').text();
    for (const text of ['四.1 市级重大应用场景典型案例评选', '10 项', '¥5,000,000.00', '空天信息'])
      expect(detail).toContain(text);
    expect(wrapper.get('[data-testid="call-dates"]').text()).toBe(`2027-03-01 至 ${OPEN_UNTIL}`);
    expect(wrapper.get('[data-testid="call-guide-text"]').text()).toBe(GUIDE);
    for (const raw of ['scenario-case', 'aerospace-information', 'close-applications', CALL_ID])
      expect(wrapper.text()).not.toContain(raw);
    // Editing is for drafts only.
    expect(wrapper.find('[data-testid="call-edit"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it.each([
    [[{ code: 'publish', name: '发布申报指南' }], ['发布申报指南']],
    [
      [
        { code: 'withdraw-notice', name: '撤回公示，重新拟定' },
        { code: 'conclude', name: '公示期满，确定结果' },
      ],
      ['撤回公示，重新拟定', '公示期满，确定结果'],
    ],
  ] as const)('offers the bureau exactly the steps the stage allows', async (actions, shown) => {
    const { wrapper } = await openCall(
      officers.admin,
      call({ actions: actions as unknown as SelectionCall['actions'] }),
    );
    expect(buttonsIn('call-actions')).toEqual(shown);
    wrapper.unmount();
  });

  it('offers an area officer no step of the call', async () => {
    const { wrapper } = await openCall(officers.yongqiao, call());
    expect(wrapper.find('[data-testid="call-actions"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="call-edit"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('takes a step on the version shown, after a confirmation', async () => {
    api.advance.mockResolvedValue(call({ status: 'formal-review', version: 3 }));
    const { wrapper } = await openCall(more.reviewer, call({ applyUntil: PAST_UNTIL }));
    await click('call-action-close-applications');
    expect(api.advance).toHaveBeenCalledWith(
      { id: CALL_ID, expectedVersion: 2, action: 'close-applications' },
      { context: { silent: true } },
    );
    expect(api.byId).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('shows the server’s refusal of a step beside the buttons', async () => {
    api.advance.mockRejectedValue(
      apiError('INVALID_TRANSITION', '申报截止日期为2027-03-31，截止后才能开始形式审查'),
    );
    const { wrapper } = await openCall(officers.admin, call());
    await click('call-action-close-applications');
    expect(inBody('call-action-error')?.textContent).toContain(
      '申报截止日期为2027-03-31，截止后才能开始形式审查',
    );
    expect(inBody('call-action-error')?.textContent).not.toContain('已重新载入');
    wrapper.unmount();
  });

  it('on a stale version shows the message and reloads the call', async () => {
    api.advance.mockRejectedValue(
      apiError('STALE_VERSION', '该申报指南刚被他人更新，请刷新后再试'),
    );
    const { wrapper } = await openCall(officers.admin, call());
    api.byId.mockResolvedValue(
      call({
        status: 'formal-review',
        statusName: '形式审查中',
        version: 3,
        actions: [{ code: 'start-expert-review', name: '形式审查完成，开始专家评审' }],
      }),
    );
    await click('call-action-close-applications');
    const error = inBody('call-action-error')?.textContent ?? '';
    expect(error).toContain('该申报指南刚被他人更新，请刷新后再试');
    expect(error).toContain('已重新载入该申报指南的最新状态');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="call-status"]').text()).toBe('形式审查中'),
    );
    expect(buttonsIn('call-actions')).toEqual(['形式审查完成，开始专家评审']);
    wrapper.unmount();
  });
});

describe('申报指南: 确定结果', () => {
  const noticeClosed = () =>
    call({
      status: 'notice',
      statusName: '立项公示',
      applyUntil: PAST_UNTIL,
      actions: [{ code: 'conclude', name: '公示期满，确定结果' }],
    });
  async function openConclude() {
    api.byId.mockResolvedValue(noticeClosed());
    api.submissions.mockResolvedValue([]);
    const mounted = await mountAs(more.reviewer, CallDetail, {
      path: `/selection/calls/${CALL_ID}`,
    });
    await settle();
    await click('call-action-conclude');
    return mounted;
  }

  it('asks for the result document, says what the list will do, and sends it', async () => {
    const { wrapper } = await openConclude();
    const dialog = inBody('conclude-dialog')?.textContent ?? '';
    expect(dialog).toContain('免申即享邀请');
    // Nothing typed: the schema's words under the field, the server not asked.
    await click('conclude-submit');
    expect(errorsIn('conclude-dialog')['结果文件文号']).not.toBe('');
    expect(api.advance).not.toHaveBeenCalled();

    api.advance.mockResolvedValue(call({ status: 'concluded', version: 3, actions: [] }));
    await type('conclude-document-no', '宿科〔2027〕12号');
    await choose(wrapper, 'ElDatePicker', 'conclude-issued-on', '2027-09-20');
    await click('conclude-submit');
    expect(api.advance).toHaveBeenCalledWith(
      {
        id: CALL_ID,
        expectedVersion: 2,
        action: 'conclude',
        document: { documentNo: '宿科〔2027〕12号', issuedOn: '2027-09-20' },
      },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('shows the server’s refusal of the date under the date', async () => {
    const { wrapper } = await openConclude();
    api.advance.mockRejectedValue(
      TRPCClientError.from({
        error: {
          code: -32001,
          message: '印发日期不能早于公示截止日 2027-09-15',
          data: {
            appCode: 'INVALID_INPUT',
            fieldErrors: { 'document.issuedOn': ['印发日期不能早于公示截止日 2027-09-15'] },
          },
        },
      }),
    );
    await type('conclude-document-no', '宿科〔2027〕12号');
    await click('conclude-submit');
    expect(errorsIn('conclude-dialog')['印发日期']).toBe('印发日期不能早于公示截止日 2027-09-15');
    expect(inBody('conclude-error')).toBeNull();
    wrapper.unmount();
  });

  it('shows a concluded call’s document, and its list to whoever may read lists', async () => {
    api.byId.mockResolvedValue(
      call({
        status: 'concluded',
        statusName: '已确定',
        actions: [],
        result: { documentNo: '宿科〔2027〕12号', issuedOn: '2027-09-20' },
        resultListId: '7a1c2e30-0000-4000-8000-0000000000b1',
      } as Partial<SelectionCall>),
    );
    api.submissions.mockResolvedValue([]);
    const { wrapper } = await mountAs(officers.admin, CallDetail, {
      path: `/selection/calls/${CALL_ID}`,
    });
    await settle();
    expect(wrapper.get('[data-testid="call-result-document"]').text()).toBe(
      '宿科〔2027〕12号（2027-09-20 印发）',
    );
    expect(wrapper.get('[data-testid="call-result-list"]').attributes('href')).toBe(
      '/official-lists/imports/7a1c2e30-0000-4000-8000-0000000000b1',
    );
    wrapper.unmount();
  });
});

describe('申报指南: the formal check', () => {
  async function openSubmission(officer: Officer, shown: SelectionCall, row: Submission) {
    api.byId.mockResolvedValue(shown);
    api.submissions.mockResolvedValue([row]);
    const mounted = await mountAs(officer, CallDetail, { path: `/selection/calls/${CALL_ID}` });
    await settle();
    await mounted.wrapper
      .get('[data-testid="submission-table"] .el-table__body tr')
      .trigger('click');
    await settle();
    return mounted;
  }

  it('lists the call’s submissions with a status filter', async () => {
    api.byId.mockResolvedValue(call());
    api.submissions.mockResolvedValue([
      submission(),
      submission({ id: `${SUB_ID}-2`, status: 'area-passed', statusName: '待市局形式审查' }),
    ]);
    const { wrapper } = await mountAs(officers.admin, CallDetail, {
      path: `/selection/calls/${CALL_ID}?status=area-passed`,
    });
    await settle();
    const rows = wrapper.findAll('[data-testid="submission-table"] .el-table__body tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text()).toContain('待市局形式审查');
    expect(rows[0]!.text()).toContain('宿州云翼农业科技有限公司');
    expect(rows[0]!.text()).toContain('2027-03-10 09:30');
    expect(wrapper.get('[data-testid="submission-counts"]').text()).toContain('待县区形式审查');
    wrapper.unmount();
  });

  it('shows the form with the programme’s labels, the attachments against the list, and the team', async () => {
    const { wrapper } = await openSubmission(officers.yongqiao, call(), submission());
    const form = inBody('submission-form')?.textContent ?? '';
    for (const text of [
      '案例名称',
      '应用领域',
      '产业发展',
      '未来产业方向',
      '空天信息',
      '应用场所',
      '场景内容与应用成效',
    ])
      expect(form).toContain(text);
    for (const raw of ['industry', 'aerospace-information', 'caseName'])
      expect(form).not.toContain(raw);
    const evidence = [...inBody('submission-evidence')!.querySelectorAll('.el-table__body tr')].map(
      (r) => r.textContent,
    );
    expect(evidence[0]).toContain('场景案例申报书');
    expect(evidence[0]).toContain('已上传 1 份');
    expect(evidence[1]).toContain('场景落地证明');
    expect(evidence[1]).toContain('未上传');
    const team = inBody('submission-team')?.textContent ?? '';
    expect(team).toContain('宿州学院');
    expect(team).toContain('已确认');
    expect(team).toContain('待确认');
    expect(inBody('submission-gaps')?.textContent).toContain('埇桥区农业技术推广中心尚未确认');
    expect(inBody('submission-drawer')?.textContent).not.toContain(SUB_ID);
    wrapper.unmount();
  });

  it.each([
    [
      'an area officer, before the deadline',
      officers.yongqiao,
      'submitted',
      OPEN_UNTIL,
      ['形式审查通过，报送市局', '退回修改'],
    ],
    [
      'an area officer, after the deadline',
      officers.yongqiao,
      'submitted',
      PAST_UNTIL,
      ['形式审查通过，报送市局', '不予通过'],
    ],
    [
      'the bureau, on what the area passed',
      officers.admin,
      'area-passed',
      OPEN_UNTIL,
      ['形式审查通过', '退回修改'],
    ],
    [
      'the bureau, taking the area step (an area with no area officer)',
      officers.admin,
      'submitted',
      OPEN_UNTIL,
      ['形式审查通过，报送市局', '退回修改'],
    ],
    [
      'an area officer, on what waits for the bureau',
      officers.yongqiao,
      'area-passed',
      OPEN_UNTIL,
      [],
    ],
    [
      'an area officer of another area',
      { ...officers.yongqiao, areaCode: 'dangshan' },
      'submitted',
      OPEN_UNTIL,
      [],
    ],
  ] as const)(
    'offers %s only the steps they may take',
    async (_who, officer, status, until, shown) => {
      const { wrapper } = await openSubmission(
        officer,
        call({ applyUntil: until }),
        submission({ status }),
      );
      expect(buttonsIn('check-actions')).toEqual(shown);
      if (shown.length === 0) expect(inBody('check-none')).not.toBeNull();
      // Only the bureau taking an area's step is told it does so for the area.
      expect(inBody('check-for-area') !== null).toBe(
        officer === officers.admin && status === 'submitted',
      );
      wrapper.unmount();
    },
  );

  it('will not return a submission without a comment; sends it with the version shown', async () => {
    api.formalCheck.mockResolvedValue(submission({ status: 'returned', version: 4 }));
    const { wrapper } = await openSubmission(officers.yongqiao, call(), submission());
    await click('check-return');
    expect(inBody('check-dialog')?.textContent).toContain('单位会收到通知并看到您填写的意见');
    await click('check-confirm');
    expect(api.formalCheck).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(errorsIn('check-dialog')['需要补正的内容（将告知申报单位）']).toBe(
        '退回修改须写明需要补正的内容',
      ),
    );
    await type('check-comment', '  场景落地证明须有用户单位盖章 ');
    await click('check-confirm');
    expect(api.formalCheck).toHaveBeenCalledWith(
      { id: SUB_ID, expectedVersion: 3, action: 'return', comment: '场景落地证明须有用户单位盖章' },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('will not reject without a reason after the deadline; passes without one', async () => {
    api.formalCheck.mockResolvedValue(submission({ status: 'area-passed', version: 4 }));
    const { wrapper } = await openSubmission(
      officers.yongqiao,
      call({ applyUntil: PAST_UNTIL }),
      submission(),
    );
    await click('check-reject');
    await click('check-confirm');
    expect(api.formalCheck).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(errorsIn('check-dialog')['不予通过的理由（将告知申报单位）']).toBe(
        '不予通过须写明理由',
      ),
    );
    document.body
      .querySelector<HTMLElement>('[data-testid="check-dialog"] .el-dialog__headerbtn')
      ?.click();
    await settle();

    await click('check-pass');
    expect(inBody('check-comment')).toBeNull();
    await click('check-confirm');
    expect(api.formalCheck).toHaveBeenCalledWith(
      { id: SUB_ID, expectedVersion: 3, action: 'pass' },
      { context: { silent: true } },
    );
    wrapper.unmount();
  });

  it('shows the server’s refusals: a comment’s under it, a step’s above the buttons', async () => {
    const noComment = apiError('INVALID_INPUT', '提交的内容有误');
    (noComment.data as Record<string, unknown>).fieldErrors = {
      comment: ['退回修改须写明需要补正的内容'],
    };
    api.formalCheck
      .mockRejectedValueOnce(noComment)
      .mockRejectedValueOnce(
        apiError(
          'INVALID_TRANSITION',
          '申报已截止，申报单位不能再修改，请改为“不予通过”并写明理由',
        ),
      );
    const { wrapper } = await openSubmission(
      officers.admin,
      call(),
      submission({
        status: 'area-passed',
        statusName: '待市局形式审查',
      }),
    );
    await click('check-return');
    await type('check-comment', '缺盖章');
    await click('check-confirm');
    await vi.waitFor(() =>
      expect(errorsIn('check-dialog')['需要补正的内容（将告知申报单位）']).toBe(
        '退回修改须写明需要补正的内容',
      ),
    );
    expect(inBody('check-error')).toBeNull();
    await type('check-comment', '场景落地证明须有用户单位盖章');
    await click('check-confirm');
    expect(inBody('check-error')?.textContent).toContain(
      '申报已截止，申报单位不能再修改，请改为“不予通过”并写明理由',
    );
    wrapper.unmount();
  });
});

describe('申报指南: a stale formal check', () => {
  it('shows the message, reloads the submission and offers no step it no longer allows', async () => {
    api.byId.mockResolvedValue(call());
    api.submissions.mockResolvedValue([submission()]);
    api.formalCheck.mockRejectedValue(apiError('STALE_VERSION', '该申报刚被更新，请刷新后再试'));
    const { wrapper } = await mountAs(officers.yongqiao, CallDetail, {
      path: `/selection/calls/${CALL_ID}`,
    });
    await settle();
    await wrapper.get('[data-testid="submission-table"] .el-table__body tr').trigger('click');
    await settle();
    // A colleague of the same area passed it meanwhile.
    api.submissions.mockResolvedValue([
      submission({ status: 'area-passed', statusName: '待市局形式审查', version: 4 }),
    ]);
    await click('check-pass');
    await click('check-confirm');
    expect(api.formalCheck).toHaveBeenCalledWith(
      { id: SUB_ID, expectedVersion: 3, action: 'pass' },
      { context: { silent: true } },
    );
    const error = inBody('check-error')?.textContent ?? '';
    expect(error).toContain('该申报刚被更新，请刷新后再试');
    expect(error).toContain('该申报当前为“待市局形式审查”');
    expect(inBody('check-confirm')?.hasAttribute('disabled')).toBe(true);
    expect(inBody('submission-status')?.textContent).toBe('待市局形式审查');
    wrapper.unmount();
  });
});

describe('申报指南: who may open it', () => {
  it('opens to the case workers, not to finance', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string, path: string) =>
      mayOpenRoute(router.resolve(path), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    for (const path of ['/selection/calls', `/selection/calls/${CALL_ID}`]) {
      for (const role of ['bureau-admin', 'bureau-reviewer', 'area-officer'])
        expect(may(role, path)).toBe(true);
      expect(may('finance-officer', path)).toBe(false);
    }
  });
});

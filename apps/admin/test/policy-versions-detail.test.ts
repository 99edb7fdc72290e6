import { TRPCClientError } from '@trpc/client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Officer } from '../src/store/auth';
import { confirmAction } from '../src/utils/confirm';
import PolicyVersionDetail from '../src/views/policy-versions/detail.vue';
import type { PolicyVersion } from '../src/views/policy-versions/queries';
import { choose, click, errorsIn, inBody, settle, type } from './dom';
import { apiError, officers } from './helpers';
import { more, mountAs } from './mount';
import { BASE, NEW_ID, awaiting, leader, version, versionItem } from './policy-versions-fixtures';

const api = vi.hoisted(() => ({
  byId: vi.fn(),
  requestAdoption: vi.fn(),
  return: vi.fn(),
  withdraw: vi.fn(),
  confirm: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    policyVersions: {
      byId: { query: api.byId },
      requestAdoption: { mutate: api.requestAdoption },
      return: { mutate: api.return },
      withdraw: { mutate: api.withdraw },
      confirm: { mutate: api.confirm },
      // The 政策沙盘 below the 修改对照表 (policy-versions-sandbox.test.ts): no runs yet.
      sandboxRuns: { query: () => Promise.resolve([]) },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: vi.fn().mockResolvedValue(true) }));

const silent = { context: { silent: true } };
// 2026-12-01 10:00 in Suzhou: tomorrow is 12-02.
const NOW = new Date('2026-12-01T02:00:00Z');
const ACTIONS = [
  'version-edit',
  'version-request',
  'version-confirm',
  'version-return',
  'version-withdraw',
];

/** As the server answers it: `requestedByYou` for the officer who asked for the adoption. */
async function openPage(data: PolicyVersion, officer: Officer = officers.admin) {
  api.byId.mockResolvedValue({
    ...data,
    requestedByYou:
      data.adoptionRequestedByName !== null && data.adoptionRequestedByName === officer.displayName,
  });
  return mountAs(officer, PolicyVersionDetail, { path: `/policy-versions/${NEW_ID}` });
}
const text = (wrapper: VueWrapper, testId: string) =>
  wrapper.find(`[data-testid="${testId}"]`).text();
const has = (wrapper: VueWrapper, testId: string) =>
  wrapper.find(`[data-testid="${testId}"]`).exists();
const offered = (wrapper: VueWrapper) => ACTIONS.filter((a) => has(wrapper, a));

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
  vi.mocked(confirmAction).mockClear();
  vi.mocked(confirmAction).mockResolvedValue(true);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('政策修订: one version', () => {
  it('shows its status, base, who did what, and the 修改对照表 with texts and figures', async () => {
    const { wrapper } = await openPage(
      version({
        ...awaiting,
        status: 'adopted',
        statusName: '已通过',
        adoptedByName: '刘局',
        adoptedAt: new Date('2026-12-02T03:00:00Z'),
      }),
    );
    expect(api.byId).toHaveBeenCalledWith({ id: NEW_ID });
    expect(text(wrapper, 'page-title')).toBe('提高技术成果转化补助上限');
    expect(text(wrapper, 'version-status')).toBe('已通过');
    expect(text(wrapper, 'version-base')).toBe(`${BASE.title}（版本号 2026.1-draft）`);
    expect(text(wrapper, 'version-effective')).toBe('2026-12-20');
    expect(text(wrapper, 'version-proposed')).toBe('张局 2026-12-01 10:00');
    expect(text(wrapper, 'version-requested')).toBe('张局 2026-12-02 09:30');
    expect(text(wrapper, 'version-adopted')).toBe('刘局 2026-12-02 11:00');
    expect(text(wrapper, 'version-head')).toContain('依据征求意见采纳情况调整');

    const table = wrapper.get('[data-testid="comparison-table"]');
    expect(table.findAll('th').map((th) => th.text())).toEqual([
      '条款',
      '事项',
      '原条文',
      '修改后条文',
    ]);
    const [cap, date] = table.findAll('.el-table__body tr').map((r) => r.text());
    for (const words of [
      '四.8',
      '购买市外先进技术成果在宿转化补助',
      '单项成果补助上限',
      '单项成果累计最高 50万元',
      '¥500,000.00',
      '单项成果累计最高 80万元',
      '¥800,000.00',
    ])
      expect(cap).toContain(words);
    for (const words of ['政策版本', '施行日期', '自 2026-01-01 起施行', '自 2026-12-20 起施行'])
      expect(date).toContain(words);
    expect(date).not.toContain('—');
    for (const raw of [
      'adopted',
      'tech-transfer',
      'rules.tech-transfer.formula.cap',
      BASE.id,
      'c'.repeat(64),
    ])
      expect(wrapper.text()).not.toContain(raw);
    // Adopted: nothing more can be done to it.
    expect(offered(wrapper)).toEqual([]);
    wrapper.unmount();
  });

  it('says why it was returned, or withdrawn, by whom and when (Asia/Shanghai)', async () => {
    const returned = await openPage(
      version({
        returnReason: '施行日期与预算年度不一致',
        returnedByName: '刘局',
        // 15:30 in Suzhou.
        returnedAt: new Date('2026-12-02T07:30:00Z'),
      }),
    );
    expect(text(returned.wrapper, 'version-reason')).toContain('已退回修改');
    expect(text(returned.wrapper, 'version-reason')).toContain('原因：施行日期与预算年度不一致');
    expect(text(returned.wrapper, 'version-reason-by')).toBe('退回：刘局 2026-12-02 15:30');
    returned.wrapper.unmount();
    const withdrawn = await openPage(
      version({
        status: 'withdrawn',
        statusName: '已撤回',
        returnReason: '不再需要',
        withdrawnByName: '张局',
        withdrawnAt: new Date('2026-12-03T01:05:00Z'),
      }),
    );
    expect(text(withdrawn.wrapper, 'version-reason')).toContain('已撤回');
    expect(text(withdrawn.wrapper, 'version-reason')).toContain('原因：不再需要');
    expect(text(withdrawn.wrapper, 'version-reason-by')).toBe('撤回：张局 2026-12-03 09:05');
    expect(offered(withdrawn.wrapper)).toEqual([]);
    withdrawn.wrapper.unmount();
    // Sent back before who and when were kept: the reason alone, no empty line.
    const older = await openPage(version({ returnReason: '请补充说明' }));
    expect(text(older.wrapper, 'version-reason')).toContain('原因：请补充说明');
    expect(older.wrapper.find('[data-testid="version-reason-by"]').exists()).toBe(false);
    older.wrapper.unmount();
  });

  it('says so when the version it amends has been superseded, in the server’s words', async () => {
    const { wrapper } = await openPage(
      version({
        comparison: {
          rows: [],
          lines: ['修订依据的是政策版本 suzhou-future-2026-draft，不是 suzhou-future-2026-12'],
          baseMissing: false,
        },
      }),
    );
    expect(text(wrapper, 'version-problems')).toContain('请撤回后重新提出');
    expect(text(wrapper, 'comparison-table')).toContain('没有修改事项');
    wrapper.unmount();
  });
});

describe('政策修订: the steps by status and role', () => {
  it('offers 修改, 提请施行 and 撤回 on a proposal to a bureau administrator', async () => {
    const { wrapper } = await openPage(version());
    expect(offered(wrapper)).toEqual(['version-edit', 'version-request', 'version-withdraw']);
    wrapper.unmount();
  });

  it('offers the reviewer nothing', async () => {
    for (const data of [version(), version(awaiting)]) {
      const { wrapper } = await openPage(data, more.reviewer);
      expect(offered(wrapper)).toEqual([]);
      expect(has(wrapper, 'comparison-table')).toBe(true);
      wrapper.unmount();
    }
  });

  it('will not let whoever asked for the adoption confirm it, and says why', async () => {
    const { wrapper } = await openPage(version(awaiting), officers.admin);
    expect(offered(wrapper)).toEqual(['version-confirm', 'version-return', 'version-withdraw']);
    expect(wrapper.get('[data-testid="version-confirm"]').attributes('disabled')).toBeDefined();
    expect(text(wrapper, 'version-confirm-blocked')).toBe(
      '该修订由您提请施行，须由另一名局管理员确认',
    );
    wrapper.unmount();
  });

  it('lets a second administrator confirm, after asking, on the version shown', async () => {
    api.confirm.mockResolvedValue({ ...versionItem(), draftsTold: 2 });
    const { wrapper } = await openPage(version(awaiting), leader);
    expect(has(wrapper, 'version-confirm-blocked')).toBe(false);
    const button = wrapper.get('[data-testid="version-confirm"]');
    expect(button.attributes('disabled')).toBeUndefined();
    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await button.trigger('click');
    await settle();
    expect(api.confirm).not.toHaveBeenCalled();

    await button.trigger('click');
    await settle();
    expect(vi.mocked(confirmAction).mock.calls[1]?.[0]).toContain(
      '确认《提高技术成果转化补助上限》自 2026-12-20 起施行？确认后该版本不能再修改',
    );
    expect(api.confirm).toHaveBeenCalledWith({ id: NEW_ID, expectedVersion: 2 }, silent);
    await vi.waitFor(() => expect(api.byId).toHaveBeenCalledTimes(2));
    wrapper.unmount();
  });

  it('shows the server’s separation-of-duties refusal in Chinese when the names did not tell', async () => {
    api.confirm.mockRejectedValue(
      apiError('SEPARATION_OF_DUTIES', '该修订由您提请施行，须由另一名局管理员确认'),
    );
    const { wrapper } = await openPage(version(awaiting), leader);
    await wrapper.get('[data-testid="version-confirm"]').trigger('click');
    await settle();
    expect(text(wrapper, 'version-error')).toContain('该修订由您提请施行，须由另一名局管理员确认');
    expect(wrapper.text()).not.toContain('SEPARATION_OF_DUTIES');
    wrapper.unmount();
  });

  it('on a stale version says so in Chinese and reloads the page', async () => {
    api.confirm.mockRejectedValue(
      apiError('STALE_VERSION', '该修订版本刚被他人更新，请刷新后再试'),
    );
    const { wrapper } = await openPage(version(awaiting), leader);
    api.byId.mockResolvedValue(
      version({ returnReason: '请补充说明', statusName: '拟修订', rowVersion: 3 }),
    );
    await wrapper.get('[data-testid="version-confirm"]').trigger('click');
    await settle();
    const error = text(wrapper, 'version-error');
    expect(error).toContain('该修订版本刚被他人更新，请刷新后再试');
    expect(error).toContain('已重新载入该修订的最新状态，该修订当前为“拟修订”，不能确认施行。');
    expect(error).not.toContain('STALE_VERSION');
    expect(api.byId).toHaveBeenCalledTimes(2);
    expect(offered(wrapper)).toEqual(['version-edit', 'version-request', 'version-withdraw']);
    wrapper.unmount();
  });
});

describe('政策修订: 提请施行, 退回, 撤回', () => {
  it('asks for the adoption from a date, tomorrow at the earliest, on the version shown', async () => {
    api.requestAdoption
      .mockRejectedValueOnce(
        TRPCClientError.from({
          error: {
            code: -32001,
            message: '施行日期最早为明天（2026-12-02）',
            data: {
              appCode: 'INVALID_INPUT',
              fieldErrors: { effectiveFrom: ['施行日期最早为明天（2026-12-02）'] },
            },
          },
        }),
      )
      .mockResolvedValue(versionItem(awaiting));
    const { wrapper } = await openPage(version());
    await click('version-request');
    expect(inBody('request-dialog')?.textContent).toContain('施行日期最早为明天（2026-12-02）');
    expect(inBody('request-dialog')?.textContent).toContain('须由另一名局管理员确认后施行');
    await click('request-confirm');
    expect(api.requestAdoption).toHaveBeenLastCalledWith(
      { id: NEW_ID, expectedVersion: 1, effectiveFrom: '2026-12-20' },
      silent,
    );
    expect(errorsIn('request-dialog')['施行日期']).toBe('施行日期最早为明天（2026-12-02）');
    await choose(wrapper, 'ElDatePicker', 'request-date', '2027-01-01');
    await click('request-confirm');
    expect(api.requestAdoption).toHaveBeenLastCalledWith(
      { id: NEW_ID, expectedVersion: 1, effectiveFrom: '2027-01-01' },
      silent,
    );
    await vi.waitFor(() => expect(api.byId).toHaveBeenCalledTimes(2));
    wrapper.unmount();
  });

  it('returns a version waiting for confirmation with a reason', async () => {
    api.return.mockResolvedValue(versionItem({ rowVersion: 3 }));
    const { wrapper } = await openPage(version(awaiting), leader);
    await click('version-return');
    expect(inBody('return-dialog')?.textContent).toContain('退回后该修订回到“拟修订”');
    await click('return-confirm');
    expect(errorsIn('return-dialog')['退回原因']).toBe('请填写原因');
    expect(api.return).not.toHaveBeenCalled();
    await type('return-reason', ' 施行日期应与预算年度一致 ');
    await click('return-confirm');
    expect(api.return).toHaveBeenCalledWith(
      { id: NEW_ID, expectedVersion: 2, reason: '施行日期应与预算年度一致' },
      silent,
    );
    wrapper.unmount();
  });

  it('withdraws a proposal with a reason, and shows a refusal in Chinese', async () => {
    api.withdraw.mockRejectedValue(apiError('INVALID_TRANSITION', '该修订已撤回'));
    const { wrapper } = await openPage(version());
    await click('version-withdraw');
    expect(inBody('withdraw-dialog')?.textContent).toContain('撤回后该修订不再施行');
    await type('withdraw-reason', '不再需要');
    await click('withdraw-confirm');
    expect(api.withdraw).toHaveBeenCalledWith(
      { id: NEW_ID, expectedVersion: 1, reason: '不再需要' },
      silent,
    );
    const error = inBody('withdraw-error')?.textContent ?? '';
    expect(error).toContain('该修订已撤回');
    expect(error).not.toContain('INVALID_TRANSITION');
    wrapper.unmount();
  });
});

import { TRPCClientError } from '@trpc/client';
import type { VueWrapper } from '@vue/test-utils';
import { amendableParameters, latestPolicySet, POLICY_SETS } from '@kc/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PolicyVersionDetail from '../src/views/policy-versions/detail.vue';
import PolicyVersionsView from '../src/views/policy-versions/index.vue';
import {
  changesOf,
  draftsOf,
  groupParameters,
  percentToBasisPoints,
} from '../src/views/policy-versions/parameters';
import { choose, click, errorsIn, inBody, settle, type } from './dom';
import { apiError, officers } from './helpers';
import { mountAs } from './mount';
import {
  BASE,
  CAP,
  COVERED,
  NEW_ID,
  PARAMETERS,
  PILOT,
  QUOTA,
  RATE,
  TEAMS,
  UPGRADE,
  WINDOW,
  list,
  version,
  versionItem,
} from './policy-versions-fixtures';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  form: vi.fn(),
  byId: vi.fn(),
  propose: vi.fn(),
  update: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    policyVersions: {
      list: { query: api.list },
      form: { query: api.form },
      byId: { query: api.byId },
      propose: { mutate: api.propose },
      update: { mutate: api.update },
      // The version's page shows its 政策沙盘 too (policy-versions-sandbox.test.ts): no runs yet.
      sandboxRuns: { query: () => Promise.resolve([]) },
    },
  },
}));

const silent = { context: { silent: true } };
// 2026-12-01 10:00 in Suzhou: tomorrow is 12-02.
const NOW = new Date('2026-12-01T02:00:00Z');
const DIALOG = 'proposal-form-dialog';

const field = (key: string) => `param-${key}`;
/** The `<input>` of a control, whether the test id sits on it or on its wrapper. */
function inputIn(testId: string): HTMLInputElement | null {
  const el = inBody(testId);
  return (
    el?.matches('input') ? el : (el?.querySelector('input') ?? null)
  ) as HTMLInputElement | null;
}
const inputOf = (key: string) => inputIn(field(key));
const dialogText = () => inBody(DIALOG)?.textContent ?? '';

async function openForm() {
  api.list.mockResolvedValue(list({ versions: [] }));
  api.form.mockResolvedValue({ base: BASE, parameters: PARAMETERS });
  const mounted = await mountAs(officers.admin, PolicyVersionsView, { path: '/policy-versions' });
  await click('policy-version-create');
  await vi.waitFor(() => expect(inBody(DIALOG)).not.toBeNull());
  return mounted;
}

async function fillHead(wrapper: VueWrapper) {
  await type('proposal-title', ' 提高技术成果转化补助上限 ');
  await type('proposal-id', NEW_ID);
  await type('proposal-version', '2026.12');
  await choose(wrapper, 'ElDatePicker', 'proposal-effective-from', '2026-12-20');
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('政策修订: the form is generated from the parameters', () => {
  it('groups the figures by clause and rule, the settings last, the version’s date apart', () => {
    expect(
      groupParameters(PARAMETERS).map((g) => [g.title, g.parameters.map((p) => p.key)]),
    ).toEqual([
      ['四.8 购买市外先进技术成果在宿转化补助', [RATE, CAP, QUOTA]],
      ['四.13 量子信息应用试点奖励', [PILOT]],
      ['版本设置（方案未规定的事项）', [UPGRADE, WINDOW, COVERED, TEAMS]],
    ]);
  });

  it('reads rates in percent exactly, and money as yuan strings', () => {
    expect(percentToBasisPoints('12.5')).toBe(1250);
    expect(percentToBasisPoints('0.01')).toBe(1);
    expect(percentToBasisPoints('10%')).toBe(1000);
    expect(percentToBasisPoints('1.005')).toBeNull();
    const drafts = draftsOf(PARAMETERS);
    expect(drafts[RATE]).toEqual({ value: '10', none: false });
    expect(drafts[QUOTA]).toEqual({ value: null, none: true });
    drafts[CAP] = { value: '1,234,567.8', none: false };
    expect(changesOf(PARAMETERS, drafts).changes).toEqual({ [CAP]: '1234567.80' });
  });

  it('has an input for every figure of the real newest version', () => {
    const base = latestPolicySet(POLICY_SETS);
    if (!base) throw new Error('no policy version');
    const parameters = amendableParameters(base);
    const drafts = draftsOf(parameters);
    // Every figure but the date gets a draft, and untouched ones change nothing.
    expect(Object.keys(drafts)).toHaveLength(parameters.length - 1);
    expect(changesOf(parameters, drafts)).toEqual({ changes: {}, lines: [], errors: {} });
  });

  it('shows one input per figure by its kind, each with its current value and bounds', async () => {
    const { wrapper } = await openForm();
    expect(inBody('proposal-base')?.textContent).toContain(`《${BASE.title}》`);
    const groups = [...(inBody(DIALOG)?.querySelectorAll('.el-collapse-item__header') ?? [])];
    expect(groups.map((g) => g.textContent?.trim())).toEqual([
      '四.8 购买市外先进技术成果在宿转化补助',
      '四.13 量子信息应用试点奖励',
      '版本设置（方案未规定的事项）',
    ]);
    // Money in 元, a rate in %, with the figures as they stand.
    expect(inputOf(CAP)?.value).toBe('500000.00');
    expect(inBody(field(CAP))?.closest('.el-input')?.textContent).toContain('元');
    expect(inputOf(RATE)?.value).toBe('10');
    expect(inputOf(PILOT)?.value).toBe('300000.00');
    expect(inBody(`${field(CAP)}-hint`)?.textContent).toContain('现行：¥500,000.00');
    expect(inBody(`${field(CAP)}-hint`)?.textContent).toContain('范围：¥0.01 至 ¥100,000,000.00');
    // The rate's note is for the JSON (basis points): the form takes percent and leaves it out.
    expect(inBody(`${field(RATE)}-hint`)?.textContent).toContain('按实际支付额计算');
    expect(inBody(`${field(RATE)}-hint`)?.textContent).not.toContain('万分点');
    // A quota that may be 不限 is 不限 now: the switch is on, the number off.
    expect(inBody(`${field(QUOTA)}-none`)?.textContent).toContain('不限');
    expect(inBody(`${field(QUOTA)}-none`)?.classList.contains('is-checked')).toBe(true);
    expect(inputOf(QUOTA)?.disabled).toBe(true);
    expect(inBody(`${field(QUOTA)}-hint`)?.textContent).toContain('1 项 至 1000 项；可设为“不限”');
    // Choices by their Chinese labels.
    const options = wrapper
      .findAllComponents({ name: 'ElOption' })
      .map((o) => o.props('label') as string);
    expect(options).toEqual([
      '就高补差（只补与已获较低级别奖励的差额）',
      '全额奖励（不扣除已获奖励）',
      '可由团队负责人申请',
      '仅限企业申请',
    ]);
    expect(inBody(`${field(WINDOW)}-hint`)?.textContent).toContain('现行：365 天');
    // The version's date is the form's own field, not a figure among the clauses.
    expect(inBody(field('effectiveFrom'))).toBeNull();
    expect(dialogText()).toContain('最早为 2026-12-02');
    for (const raw of ['tech-transfer', 'money-fen', 'basis-points', 'difference', BASE.id])
      expect(dialogText()).not.toContain(raw);
    wrapper.unmount();
  });
});

describe('政策修订: 新建修订', () => {
  it('sends only the changed figures, each as the amendment writes it, after showing what changes', async () => {
    api.propose.mockResolvedValue(versionItem());
    api.byId.mockResolvedValue(version());
    const { wrapper, router } = await openForm();
    await fillHead(wrapper);
    await type(field(CAP), '800000');
    await choose(wrapper, 'ElSwitch', `${field(QUOTA)}-none`, false);
    await choose(wrapper, 'ElInputNumber', field(QUOTA), 12);
    await choose(wrapper, 'ElSelect', field(UPGRADE), 'full');
    await choose(wrapper, 'ElSelect', field(TEAMS), false);
    // Typed and typed back: no change.
    await type(field(RATE), '12');
    await type(field(RATE), '10');
    await type('proposal-notes', '依据征求意见采纳情况调整\n\n 提高上限以鼓励技术引进 ');
    await click('proposal-check');
    expect(api.propose).not.toHaveBeenCalled();

    const changes = [...(inBody('proposal-changes')?.querySelectorAll('.el-table__body tr') ?? [])];
    expect(changes.map((r) => r.textContent)).toEqual([
      '四.8 购买市外先进技术成果在宿转化补助单项成果补助上限¥500,000.00¥800,000.00',
      '四.8 购买市外先进技术成果在宿转化补助每年数量上限不限12 项',
      '版本设置（方案未规定的事项）升级认定奖励方式就高补差（只补与已获较低级别奖励的差额）全额奖励（不扣除已获奖励）',
      '版本设置（方案未规定的事项）未注册企业的获奖团队可否申请可由团队负责人申请仅限企业申请',
    ]);
    expect(inBody('proposal-review')?.textContent).toContain('2026-12-20');

    await click('proposal-save');
    expect(api.propose).toHaveBeenCalledWith(
      {
        amendment: {
          baseId: BASE.id,
          id: NEW_ID,
          version: '2026.12',
          title: '提高技术成果转化补助上限',
          effectiveFrom: '2026-12-20',
          changes: { [CAP]: '800000.00', [QUOTA]: 12, [UPGRADE]: 'full', [TEAMS]: false },
          notes: ['依据征求意见采纳情况调整', '提高上限以鼓励技术引进'],
        },
      },
      silent,
    );
    // The detail page's chunk loads first (slow on a loaded machine).
    await vi.waitFor(
      () => expect(router.currentRoute.value.fullPath).toBe(`/policy-versions/${NEW_ID}`),
      { timeout: 10_000 },
    );
    wrapper.unmount();
  });

  it('sends a rate in basis points, 不限 as null and a date as YYYY-MM-DD', async () => {
    api.propose.mockResolvedValue(versionItem());
    api.byId.mockResolvedValue(version());
    const params = PARAMETERS.map((p) =>
      p.key === QUOTA ? { ...p, current: 10, currentText: '10 项' } : p,
    );
    api.list.mockResolvedValue(list({ versions: [] }));
    api.form.mockResolvedValue({ base: BASE, parameters: params });
    const { wrapper } = await mountAs(officers.admin, PolicyVersionsView, {
      path: '/policy-versions',
    });
    await click('policy-version-create');
    await fillHead(wrapper);
    expect(inputOf(QUOTA)?.value).toBe('10');
    await type(field(RATE), '12.5');
    await choose(wrapper, 'ElSwitch', `${field(QUOTA)}-none`, true);
    await choose(wrapper, 'ElDatePicker', field(COVERED), '2026-06-01');
    await click('proposal-check');
    await click('proposal-save');
    expect(api.propose.mock.calls[0]?.[0].amendment.changes).toEqual({
      [RATE]: 1250,
      [QUOTA]: null,
      [COVERED]: '2026-06-01',
    });
    wrapper.unmount();
  });

  it('checks the form before showing the changes: the schema’s words, unreadable figures, no change at all', async () => {
    const { wrapper } = await openForm();
    await click('proposal-check');
    expect(errorsIn(DIALOG)).toMatchObject({
      修订名称: '修订名称至少2个字',
      版本编号:
        '新版本编号只能用小写字母、数字和连字符（3 至 80 个字符），如 suzhou-future-2027-01',
      版本号: '请填写新版本号',
      拟施行日期: '请填写有效的施行日期（格式：YYYY-MM-DD）',
    });
    await fillHead(wrapper);
    await click('proposal-check');
    expect(inBody('proposal-form-error')?.textContent).toContain(
      '修订没有改变任何数额或设置，请至少修改一项',
    );
    await type(field(CAP), '八十万');
    await click('proposal-check');
    expect(errorsIn(DIALOG)['单项成果补助上限']).toBe('请填写金额（元，最多两位小数）');
    expect(inBody('proposal-changes')).toBeNull();
    expect(api.propose).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('puts the server’s field refusals under their figures and fields, and others above the buttons, never a code', async () => {
    const refusal = (message: string, fieldErrors: Record<string, string[]>) =>
      TRPCClientError.from({
        error: { code: -32001, message, data: { appCode: 'INVALID_INPUT', fieldErrors } },
      });
    api.propose
      .mockRejectedValueOnce(
        refusal('单项成果补助上限：¥200,000,000.00 超出允许范围', {
          [`changes.${CAP}`]: [
            '单项成果补助上限：¥200,000,000.00 超出允许范围（¥0.01 至 ¥100,000,000.00）',
          ],
          id: [`版本编号 ${NEW_ID} 已被使用`],
          'notes.1': ['每条说明不能超过500个字'],
        }),
      )
      .mockRejectedValueOnce(
        refusal('修订依据的是政策版本 A，不是 B', { baseId: ['修订依据的是政策版本 A，不是 B'] }),
      );
    const { wrapper } = await openForm();
    await fillHead(wrapper);
    await type('proposal-notes', '第一条\n第二条');
    await type(field(CAP), '200000000');
    await click('proposal-check');
    await click('proposal-save');
    // Back on the form, the clause with the refusal opened and marked.
    expect(errorsIn(DIALOG)).toMatchObject({
      单项成果补助上限:
        '单项成果补助上限：¥200,000,000.00 超出允许范围（¥0.01 至 ¥100,000,000.00）',
      版本编号: `版本编号 ${NEW_ID} 已被使用`,
      说明: '每条说明不能超过500个字',
    });
    expect(inBody('proposal-form-error')).toBeNull();
    expect(inBody(`param-group-tech-transfer`)?.textContent).toContain('有误');
    // Edited: the figure's message goes.
    await type(field(CAP), '900000');
    expect(errorsIn(DIALOG)['单项成果补助上限']).toBe('');

    await click('proposal-check');
    await click('proposal-save');
    const error = inBody('proposal-form-error')?.textContent ?? '';
    expect(error).toContain('修订依据的是政策版本 A，不是 B');
    expect(error).not.toContain('INVALID_INPUT');
    expect(inBody('proposal-changes')).not.toBeNull();
    wrapper.unmount();
  });
});

describe('政策修订: 修改 a proposal', () => {
  async function openEdit() {
    api.byId.mockResolvedValue(version());
    const mounted = await mountAs(officers.admin, PolicyVersionDetail, {
      path: `/policy-versions/${NEW_ID}`,
    });
    await click('version-edit');
    return mounted;
  }

  it('starts from the proposal’s own values, its id fixed, and sends the update on the version shown', async () => {
    api.update.mockResolvedValue(versionItem({ rowVersion: 2 }));
    const { wrapper } = await openEdit();
    expect(inputIn('proposal-title')?.value).toBe('提高技术成果转化补助上限');
    expect(inputIn('proposal-id')?.value).toBe(NEW_ID);
    expect(inputIn('proposal-id')?.disabled).toBe(true);
    expect(inputOf(CAP)?.value).toBe('800000.00');
    // The clause it changes is open, and says so.
    expect(inBody('param-group-tech-transfer')?.textContent).toContain('已修改 1 项');
    await type(field(CAP), '900000.00');
    await click('proposal-check');
    await click('proposal-save');
    expect(api.update).toHaveBeenCalledWith(
      {
        id: NEW_ID,
        expectedVersion: 1,
        amendment: {
          baseId: BASE.id,
          id: NEW_ID,
          version: '2026.12',
          title: '提高技术成果转化补助上限',
          effectiveFrom: '2026-12-20',
          changes: { [CAP]: '900000.00' },
          notes: ['依据征求意见采纳情况调整'],
        },
      },
      silent,
    );
    await vi.waitFor(() => expect(api.byId).toHaveBeenCalledTimes(2));
    wrapper.unmount();
  });

  it('on a stale version says so in Chinese, reloads the page and will not save over it', async () => {
    api.update.mockRejectedValue(apiError('STALE_VERSION', '该修订版本刚被他人更新，请刷新后再试'));
    const { wrapper } = await openEdit();
    await type(field(CAP), '900000.00');
    await click('proposal-check');
    await click('proposal-save');
    await settle();
    const error = inBody('proposal-form-error')?.textContent ?? '';
    expect(error).toContain('该修订版本刚被他人更新，请刷新后再试');
    expect(error).toContain('已重新载入该修订的最新内容');
    expect(error).not.toContain('STALE_VERSION');
    expect(api.byId).toHaveBeenCalledTimes(2);
    expect(inBody('proposal-save')?.hasAttribute('disabled')).toBe(true);
    wrapper.unmount();
  });
});

import { policyRule, policySetFor } from '@kc/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchPolicyCatalogue } from '../src/composables/use-policy-catalogue';
import FormDataCard from '../src/views/applications/components/form-data-card.vue';
import CreateNoticeDialog from '../src/views/notices/components/create-notice-dialog.vue';
import CallFormDialog from '../src/views/selection-calls/call-form-dialog.vue';
import { choose, inBody } from './dom';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({
  catalogue: vi.fn(),
  queue: vi.fn(),
  notices: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    policyVersions: { catalogue: { query: api.catalogue } },
    // What the 新建公示批次 dialog lists (nothing here).
    review: { queue: { query: api.queue } },
    notices: { list: { query: api.notices } },
  },
}));

/**
 * The admin decides with the versions the server decides with (issue 15): the code's and every
 * adopted amendment (`policyVersions.catalogue`), read once into the query cache. The amendment
 * is the bureau's 2026.12 version (packages/api/test/policy-versions.test.ts), with a yearly quota
 * and a notice period changed as well.
 */
const NEW_ID = 'suzhou-future-2026-12';
const AMENDMENT = {
  baseId: 'suzhou-future-2026-draft',
  id: NEW_ID,
  version: '2026.12',
  title: '提高技术成果转化补助上限',
  effectiveFrom: '2026-12-20',
  changes: {
    'rules.tech-transfer.formula.cap': '800000.00',
    'rules.scenario-case.yearlyQuota': 12,
    'settings.publicNoticeWorkingDays': 7,
  },
};
const YUAN = 100n;
/** A 四.8 application as the applicant filled it. */
const INPUT = {
  contractNo: 'HT-2026-118',
  resultName: '高效储热材料制备技术',
  sellerName: '合肥储能研究院有限公司',
  sellerLocation: 'outside-city',
  contractSignedOn: '2026-12-01',
  contractAmount: 8_000_000n * YUAN,
  payments: [{ paidOn: '2026-12-10', amount: 6_000_000n * YUAN, voucherNo: 'PZ001' }],
  conversionProject: '在宿州经开区建设中试线',
};

/** The day it is in 宿州 (10:00). */
const today = (date: string) =>
  vi.useFakeTimers({ now: new Date(`${date}T02:00:00Z`), toFake: ['Date'] });

beforeEach(() => {
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
  api.catalogue.mockResolvedValue({ amendments: [AMENDMENT] });
  api.queue.mockResolvedValue({ items: [], total: 0 });
  api.notices.mockResolvedValue([]);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the policy catalogue', () => {
  it('is built from the API’s adopted amendments as the server builds it, asked for quietly', async () => {
    const sets = await fetchPolicyCatalogue();
    expect(api.catalogue).toHaveBeenCalledWith(undefined, { context: { silent: true } });
    // The draft plan ends the day before the adopted version starts.
    expect(sets.map((s) => [s.id, s.effectiveFrom, s.effectiveTo])).toEqual([
      ['suzhou-future-2026-draft', '2026-01-01', '2026-12-19'],
      [NEW_ID, '2026-12-20', undefined],
    ]);
    const rule = policyRule(policySetFor('2026-12-20', sets)!, 'tech-transfer');
    expect(rule?.formula.kind === 'percentage-capped' && rule.formula.capPerItem).toBe(
      800_000n * YUAN,
    );
    expect(rule?.guide.amountText).toContain('最高 80万元');
  });
});

describe('申报内容 of an application', () => {
  const card = (policySetId: string) =>
    mountAs(officers.admin, FormDataCard, {
      props: { policySetId, ruleId: 'tech-transfer', input: INPUT },
    });

  it('under the adopted version: its fields by the rule’s labels, money in yuan', async () => {
    const { wrapper } = await card(NEW_ID);
    const text = wrapper.get('[data-testid="form-data"]').text();
    expect(text).toContain('技术成果名称');
    expect(text).toContain('高效储热材料制备技术');
    expect(text).toContain('¥8,000,000.00');
    expect(text).not.toContain('resultName');
    expect(wrapper.find('[data-testid="form-data-unknown-version"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('while the versions are read: loading, no fields labelled by a guess', async () => {
    api.catalogue.mockReturnValue(new Promise(() => {}));
    const { wrapper } = await card(NEW_ID);
    expect(wrapper.find('.el-loading-mask').exists()).toBe(true);
    expect(wrapper.find('.el-descriptions').exists()).toBe(false);
    wrapper.unmount();
    // A code version is never amended: it reads at once, with nothing to wait for.
    const code = await card('suzhou-future-2026-draft');
    expect(code.wrapper.get('[data-testid="form-data"]').text()).toContain('技术成果名称');
    expect(code.wrapper.find('.el-loading-mask').exists()).toBe(false);
    code.wrapper.unmount();
  });

  it('when they cannot be read: says its version is unknown and shows the raw fields; a code version still reads', async () => {
    api.catalogue.mockRejectedValue(new Error('network down'));
    const unknown = await card(NEW_ID);
    expect(unknown.wrapper.get('[data-testid="form-data-unknown-version"]').text()).toContain(
      '未能读取该申请适用的政策版本',
    );
    expect(unknown.wrapper.get('[data-testid="form-data"]').text()).toContain('resultName');
    unknown.wrapper.unmount();

    const known = await card('suzhou-future-2026-draft');
    expect(known.wrapper.get('[data-testid="form-data"]').text()).toContain('技术成果名称');
    expect(known.wrapper.find('[data-testid="form-data-unknown-version"]').exists()).toBe(false);
    known.wrapper.unmount();
  });
});

describe('what a new call and a new notice start from: the version in force today', () => {
  it('the plan’s yearly ceiling beside a call’s quota', async () => {
    today('2026-12-20');
    const { wrapper } = await mountAs(officers.admin, CallFormDialog, { props: { call: null } });
    await choose(wrapper, 'ElSelect', 'call-programme', 'scenario-case');
    expect(inBody('call-quota-hint')?.textContent).toBe('四.1规定每年不超过12项；不填则按12项');
    wrapper.unmount();

    today('2026-12-19');
    const before = await mountAs(officers.admin, CallFormDialog, { props: { call: null } });
    await choose(before.wrapper, 'ElSelect', 'call-programme', 'scenario-case');
    expect(inBody('call-quota-hint')?.textContent).toBe('四.1规定每年不超过10项；不填则按10项');
    before.wrapper.unmount();
  });

  it('a notice’s period in working days, filled in once the versions are read, and closed until then', async () => {
    today('2026-12-20');
    let answer = (_: unknown) => {};
    api.catalogue.mockReturnValue(
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    const { wrapper } = await mountAs(officers.admin, CreateNoticeDialog);
    const box = () => inBody('notice-working-days')?.querySelector('input');
    const days = () => box()?.value;
    expect(days()).toBe('');
    // A number typed now would be overwritten by the default when it arrives.
    expect(box()?.disabled).toBe(true);
    answer({ amendments: [AMENDMENT] });
    await vi.waitFor(() => expect(days()).toBe('7'));
    expect(box()?.disabled).toBe(false);
    wrapper.unmount();
  });
});

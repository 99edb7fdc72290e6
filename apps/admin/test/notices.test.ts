import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Download from '../src/utils/download';
import { confirmAction } from '../src/utils/confirm';
import NoticeActions from '../src/views/notices/components/notice-actions.vue';
import NoticePrint from '../src/views/notices/components/notice-print.vue';
import ObjectionDialog from '../src/views/notices/components/objection-dialog.vue';
import PublishDialog from '../src/views/notices/components/publish-dialog.vue';
import ResolveDialog from '../src/views/notices/components/resolve-dialog.vue';
import NoticeDetail from '../src/views/notices/detail.vue';
import NoticesView from '../src/views/notices/index.vue';
import type { Notice, NoticeItem, Objection } from '../src/views/notices/types';
import { officers } from './helpers';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({
  list: vi.fn(),
  byId: vi.fn(),
  close: vi.fn(),
  recordObjection: vi.fn(),
  resolveObjection: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    notices: {
      list: { query: api.list },
      byId: { query: api.byId },
      close: { mutate: api.close },
      recordObjection: { mutate: api.recordObjection },
      resolveObjection: { mutate: api.resolveObjection },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: vi.fn().mockResolvedValue(false) }));
const files = vi.hoisted(() => ({ saveBlob: vi.fn() }));
vi.mock('../src/utils/download', async (importOriginal) => ({
  ...(await importOriginal<typeof Download>()),
  saveBlob: files.saveBlob,
}));

// 2026-11-27 10:00 in Suzhou.
const NOW = new Date('2026-11-27T02:00:00Z');

function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 'n-1',
    number: 'SZKC-GS-2026-001',
    title: '2026年度奖补拟支持项目公示',
    status: 'published',
    statusLabel: '公示中',
    workingDays: 5,
    publishedOn: '2026-11-27',
    startsOn: '2026-11-27',
    endsOn: '2026-12-04',
    itemCount: 1,
    items: [],
    ...overrides,
  } as Notice;
}
const item = {
  id: 'i-1',
  applicationNumber: 'SZKC-2026-000001',
  organisationName: '宿州某公司',
} as NoticeItem;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  document.body.innerHTML = '';
  for (const fn of [...Object.values(api), files.saveBlob]) fn.mockReset();
  vi.mocked(confirmAction).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('notice actions', () => {
  it('keeps 结束公示 disabled until the period is over, and says until when', async () => {
    const { wrapper } = await mountAs(more.reviewer, NoticeActions, {
      props: { notice: notice() },
    });
    expect(wrapper.get('[data-testid="notice-close"]').attributes()).toHaveProperty('disabled');
    expect(wrapper.get('[data-testid="notice-close-hint"]').text()).toContain('2026-12-04 24时止');
    wrapper.unmount();
  });

  it('enables it the day after the last day', async () => {
    const { wrapper } = await mountAs(more.reviewer, NoticeActions, {
      props: { notice: notice({ startsOn: '2026-11-18', endsOn: '2026-11-26' }) },
    });
    expect(wrapper.get('[data-testid="notice-close"]').attributes()).not.toHaveProperty('disabled');
    expect(wrapper.find('[data-testid="notice-close-hint"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('offers an area officer printing and export only', async () => {
    const { wrapper } = await mountAs(officers.yongqiao, NoticeActions, {
      props: { notice: notice({ status: 'draft', startsOn: null, endsOn: null }) },
    });
    // v-access removes the element from the page.
    expect(document.querySelector('[data-testid="notice-publish"]')).toBeNull();
    expect(document.querySelector('[data-testid="notice-add-items"]')).toBeNull();
    expect(document.querySelector('[data-testid="notice-export"]')).not.toBeNull();
    wrapper.unmount();
  });
});

describe('publishing', () => {
  it('previews the period the server sets: from the day of publication', async () => {
    const { wrapper } = await mountAs(more.reviewer, PublishDialog, {
      props: {
        notice: notice({
          status: 'draft',
          publishedOn: null,
          startsOn: null,
          endsOn: null,
          createdAt: NOW,
        } as Partial<Notice>),
      },
    });
    const period = document.querySelector('[data-testid="publish-period"]');
    expect(period?.textContent).toContain('2026-11-27 至 2026-12-04（5 个工作日）');
    wrapper.unmount();
  });
});

describe('recording an objection', () => {
  it('takes an objection on the day the notice is published', async () => {
    const { wrapper } = await mountAs(more.reviewer, ObjectionDialog, {
      props: { notice: notice(), item },
    });
    const dialog = document.querySelector('[data-testid="objection-dialog"]');
    expect(dialog?.textContent).toContain('公示期 2026-11-27 至 2026-12-04');
    expect(dialog?.querySelector('[data-testid="objection-content"]')).not.toBeNull();
    wrapper.unmount();
  });

  it('takes an objection during the period', async () => {
    const { wrapper } = await mountAs(more.reviewer, ObjectionDialog, {
      props: { notice: notice({ startsOn: '2026-11-25', endsOn: '2026-12-01' }), item },
    });
    const dialog = document.querySelector('[data-testid="objection-dialog"]');
    expect(dialog?.querySelector('[data-testid="objection-content"]')).not.toBeNull();
    expect(dialog?.querySelector('[data-testid="objection-not-started"]')).toBeNull();
    wrapper.unmount();
  });
});

describe('the printed notice', () => {
  it('tells the public until when and to whom to object', async () => {
    const contact = {
      department: '宿州市科学技术局某科',
      phone: '0557-1234567',
      address: '宿州市某路1号',
    };
    const { wrapper } = await mountAs(more.reviewer, NoticePrint, {
      props: { notice: notice({ objectionContact: contact } as Partial<Notice>) },
    });
    const text = wrapper.text();
    expect(text).toContain('公示期：2026-11-27 至 2026-12-04');
    expect(text).toContain('2026-12-04 24时前');
    expect(text).toContain('宿州市科学技术局某科');
    expect(text).toContain('联系电话：0557-1234567');
    expect(text).toContain('地址：宿州市某路1号');
    wrapper.unmount();
  });
});

// 立项公示: a selection call's decided list, published by the call (拟定名单并公示).
const CALL_ID = '7a1c2e30-0000-4000-8000-000000000014';
const APP_ID = '5b2d0c11-0000-4000-8000-000000000001';

function awardItem(over: Partial<NoticeItem> = {}): NoticeItem {
  return {
    id: 'i-1',
    status: 'listed',
    statusLabel: '公示中',
    kind: 'award',
    number: 'SZKC-2026-000001',
    applicationId: APP_ID,
    applicationNumber: 'SZKC-2026-000001',
    applicationStatus: 'in-notice',
    applicationStatusLabel: '公示中',
    submissionId: null,
    organisationName: '宿州某公司',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    ruleId: 'high-tech-first',
    ruleName: '首次认定高新技术企业奖励',
    clause: '三.1',
    year: 2026,
    amountFen: 20_000_000n,
    category: null,
    objections: [],
    ...over,
  } as NoticeItem;
}

function selectionItem(n: number, over: Partial<NoticeItem> = {}): NoticeItem {
  return {
    id: `si-${n}`,
    status: 'listed',
    statusLabel: '公示中',
    kind: 'selection',
    number: `SZKC-SB-2027-000${n}`,
    applicationId: null,
    applicationNumber: null,
    applicationStatus: null,
    applicationStatusLabel: null,
    submissionId: `7a1c2e30-0000-4000-8000-0000000000a${n}`,
    organisationName: `宿州申报单位${n}`,
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    ruleId: null,
    ruleName: `应用场景${n}（市级重大应用场景典型案例评选）`,
    clause: '四.1',
    year: 2027,
    amountFen: 20_000_000n,
    category: null,
    objections: [],
    ...over,
  } as NoticeItem;
}

const contact = {
  department: '宿州市科学技术局某科',
  phone: '0557-1234567',
  address: '宿州市某路1号',
};

function selectionNotice(over: Partial<Notice> = {}): Notice {
  return notice({
    id: 'n-2',
    number: 'SZKC-GS-2026-007',
    title: '2027年度市级重大应用场景典型案例评选拟入选名单公示',
    callId: CALL_ID,
    itemCount: 2,
    items: [selectionItem(1), selectionItem(2)],
    totalFen: 40_000_000n,
    openObjections: 0,
    objectionContact: contact,
    createdAt: NOW,
    publishedAt: NOW,
    closedAt: null,
    ...over,
  } as Partial<Notice>);
}

function awardNotice(over: Partial<Notice> = {}): Notice {
  return notice({
    callId: null,
    items: [awardItem()],
    totalFen: 20_000_000n,
    openObjections: 0,
    objectionContact: contact,
    createdAt: NOW,
    publishedAt: NOW,
    closedAt: null,
    ...over,
  } as Partial<Notice>);
}

const inBody = (testId: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const textOf = (testId: string) => inBody(testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = async () => {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await flushPromises();
};
const headersOf = (testId: string) =>
  [...(inBody(testId)?.querySelectorAll('.el-table__header th') ?? [])]
    .map((th) => th.textContent?.trim() ?? '')
    .filter(Boolean);
const itemRows = () => [
  ...(inBody('notice-items')?.querySelectorAll('.el-table__body tr.el-table__row') ?? []),
];

async function openNotice(shown: Notice, officer = more.reviewer) {
  api.byId.mockResolvedValue(shown);
  const mounted = await mountAs(officer, NoticeDetail, { path: `/notices/${shown.id}` });
  await settle();
  return mounted;
}

describe('a selection’s notice (立项公示)', () => {
  it('lists submissions by number, in 申报 words, each leading to its call', async () => {
    const { wrapper } = await openNotice(selectionNotice());
    expect(api.byId).toHaveBeenCalledWith({ id: 'n-2' });
    expect(textOf('notice-kind')).toBe('立项公示');
    expect(inBody('notice-call-link')?.getAttribute('href')).toBe(`/selection/calls/${CALL_ID}`);
    expect(headersOf('notice-items')).toEqual([
      '申报编号',
      '申报单位',
      '入选事项',
      '区域',
      '拟支持金额',
      '公示状态',
      '操作',
    ]);
    const numbers = [...document.querySelectorAll('[data-testid="notice-item-number"]')];
    expect(numbers.map((a) => a.textContent?.trim())).toEqual([
      'SZKC-SB-2027-0001',
      'SZKC-SB-2027-0002',
    ]);
    for (const a of numbers) expect(a.getAttribute('href')).toBe(`/selection/calls/${CALL_ID}`);
    expect(itemRows()[0]?.textContent).toContain('四.1 应用场景1（市级重大应用场景典型案例评选）');
    const summary = textOf('notice-summary');
    expect(summary).toContain('申报数');
    expect(summary).not.toContain('申请');
    expect(textOf('notice-items')).not.toMatch(/申请|null|undefined/);
    // The printed notice names submissions, not awards.
    expect(textOf('notice-print-intro')).toContain('拟将以下 2 项申报列入入选名单');
    const printed = document.querySelector('article.print')?.textContent ?? '';
    expect(printed).toContain('申报编号');
    expect(printed).toContain('SZKC-SB-2027-0002');
    expect(printed).not.toContain('申请编号');
    // Nothing to add to it: the call publishes it whole.
    expect(inBody('notice-add-items')).toBeNull();
    expect(inBody('notice-publish')).toBeNull();
    expect(inBody('objection-record')).not.toBeNull();
    wrapper.unmount();
  });

  it('shows a withdrawn notice as 已撤回, with nothing left to do on it', async () => {
    const { wrapper } = await openNotice(
      selectionNotice({
        status: 'withdrawn',
        statusLabel: '已撤回',
        closedAt: NOW,
        items: [
          selectionItem(1, { statusLabel: '公示已撤回' }),
          selectionItem(2, {
            status: 'pulled',
            statusLabel: '异议成立，已撤出名单',
            amountFen: null,
          }),
        ],
      } as Partial<Notice>),
    );
    const status = inBody('notice-status');
    expect(status?.textContent?.trim()).toBe('已撤回');
    expect(status?.dataset.status).toBe('withdrawn');
    const [first, second] = itemRows();
    expect(first?.querySelector('[data-status]')?.textContent?.trim()).toBe('公示已撤回');
    expect(first?.querySelector('[data-status]')?.getAttribute('data-status')).toBe('withdrawn');
    expect(second?.querySelector('[data-status]')?.getAttribute('data-status')).toBe('pulled');
    expect(inBody('objection-record')).toBeNull();
    expect(inBody('notice-close')).toBeNull();
    expect(headersOf('notice-items')).not.toContain('操作');
    expect(inBody('notice-export')).not.toBeNull();
    wrapper.unmount();
  });

  it('exports the list by item number, with 申报 headings', async () => {
    const { wrapper } = await mountAs(more.reviewer, NoticeActions, {
      props: { notice: selectionNotice() },
    });
    inBody('notice-export')?.click();
    expect(files.saveBlob).toHaveBeenCalledTimes(1);
    const [blob, name] = files.saveBlob.mock.calls[0] as [Blob, string];
    expect(name).toBe('SZKC-GS-2026-007-公示名单.csv');
    const lines = (await blob.text()).replace('\ufeff', '').split('\r\n');
    expect(lines[0]).toBe('序号,申报编号,申报单位,入选事项,条款,区域,拟支持金额（元）,状态');
    expect(lines[1]).toBe(
      '1,SZKC-SB-2027-0001,宿州申报单位1,应用场景1（市级重大应用场景典型案例评选）,四.1,埇桥区,"200,000.00",公示中',
    );
    expect(lines[2]?.startsWith('2,SZKC-SB-2027-0002,')).toBe(true);
    wrapper.unmount();
  });

  it('says on closing that the call decides the list', async () => {
    const { wrapper } = await mountAs(more.reviewer, NoticeActions, {
      props: { notice: selectionNotice({ startsOn: '2026-11-18', endsOn: '2026-11-26' }) },
    });
    inBody('notice-close')?.click();
    await settle();
    expect(vi.mocked(confirmAction).mock.calls[0]?.[0]).toBe(
      '结束后，名单在申报指南中确定结果。确定结束公示吗？',
    );
    expect(api.close).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('explains that upholding takes the submission off the list, without review or budget', async () => {
    const objection = {
      id: 'o-1',
      content: '该场景尚未实际投入运行',
      status: 'open',
      statusLabel: '待处理',
    } as Objection;
    const { wrapper } = await mountAs(more.reviewer, ResolveDialog, {
      props: { item: selectionItem(2), objection },
    });
    expect(textOf('resolve-subject')).toBe('申报 SZKC-SB-2027-0002（宿州申报单位2）');
    const uphold = document.querySelector<HTMLInputElement>(
      '[data-testid="resolve-dialog"] input[value="uphold"]',
    );
    uphold?.click();
    await settle();
    expect(textOf('resolve-dialog')).toContain('异议成立，撤出名单');
    expect(textOf('resolve-uphold-consequence')).toBe(
      '异议成立后，该申报撤出拟入选名单，可撤回公示后重新拟定',
    );
    expect(textOf('resolve-dialog')).not.toMatch(/预算|重新审核|撤回重审/);
    wrapper.unmount();
  });

  it('names the submission when recording an objection', async () => {
    const { wrapper } = await mountAs(more.reviewer, ObjectionDialog, {
      props: { notice: selectionNotice(), item: selectionItem(1) },
    });
    expect(textOf('objection-dialog')).toContain('申报 SZKC-SB-2027-0001（宿州申报单位1）');
    wrapper.unmount();
  });
});

describe('an award notice, as before', () => {
  it('lists applications by number, in 申请 words, each leading to its application', async () => {
    const { wrapper } = await openNotice(awardNotice());
    expect(textOf('notice-kind')).toBe('奖补公示');
    expect(inBody('notice-call-link')).toBeNull();
    expect(headersOf('notice-items')).toEqual([
      '申请编号',
      '申请单位',
      '奖补事项',
      '区域',
      '核定金额',
      '公示状态',
      '操作',
    ]);
    const number = inBody('notice-item-number');
    expect(number?.textContent?.trim()).toBe('SZKC-2026-000001');
    expect(number?.getAttribute('href')).toBe(`/applications/${APP_ID}`);
    expect(textOf('notice-summary')).toContain('申请数');
    expect(textOf('notice-print-intro')).toContain('个项目给予奖补');
    wrapper.unmount();
  });

  it('exports by item number under the same headings', async () => {
    const { wrapper } = await mountAs(more.reviewer, NoticeActions, {
      props: { notice: awardNotice() },
    });
    inBody('notice-export')?.click();
    const [blob] = files.saveBlob.mock.calls[0] as [Blob, string];
    const lines = (await blob.text()).replace('\ufeff', '').split('\r\n');
    expect(lines).toEqual([
      '序号,申请编号,申请单位,奖补事项,条款,区域,核定金额（元）,状态',
      '1,SZKC-2026-000001,宿州某公司,首次认定高新技术企业奖励,三.1,埇桥区,"200,000.00",公示中',
    ]);
    wrapper.unmount();
  });

  it('asks before closing with the award words', async () => {
    const { wrapper } = await mountAs(more.reviewer, NoticeActions, {
      props: { notice: awardNotice({ startsOn: '2026-11-18', endsOn: '2026-11-26' }) },
    });
    inBody('notice-close')?.click();
    await settle();
    expect(vi.mocked(confirmAction).mock.calls[0]?.[0]).toBe(
      '结束后，公示中的 1 项申请将转为“公示期满”，等待拨付。确定结束公示吗？',
    );
    wrapper.unmount();
  });

  it('explains that upholding sends the application back to review and releases its budget', async () => {
    const objection = { id: 'o-1', content: '材料不实', status: 'open' } as Objection;
    const { wrapper } = await mountAs(more.reviewer, ResolveDialog, {
      props: { item: awardItem(), objection },
    });
    expect(textOf('resolve-subject')).toBe('申请 SZKC-2026-000001（宿州某公司）');
    document
      .querySelector<HTMLInputElement>('[data-testid="resolve-dialog"] input[value="uphold"]')
      ?.click();
    await settle();
    expect(textOf('resolve-uphold-consequence')).toBe(
      '异议成立后，该申请撤出公示、退回市局重新审核，已占用的预算和名额同时释放。',
    );
    wrapper.unmount();
  });
});

describe('the list of notices', () => {
  it('tags each batch with its kind, and keeps withdrawn ones under 已撤回', async () => {
    api.list.mockResolvedValue([
      awardNotice(),
      selectionNotice({ status: 'withdrawn', statusLabel: '已撤回' } as Partial<Notice>),
      selectionNotice({ id: 'n-3', number: 'SZKC-GS-2026-008', title: '第二次公示' }),
    ]);
    const { wrapper } = await mountAs(more.reviewer, NoticesView, { path: '/notices' });
    await settle();
    expect(api.list).toHaveBeenCalledWith({});
    const rows = wrapper.findAll('[data-testid="notice-table"] .el-table__body tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.get('[data-testid="notice-kind"]').text()).toBe('奖补公示');
    expect(rows[1]!.get('[data-testid="notice-kind"]').text()).toBe('立项公示');
    expect(rows[1]!.text()).toContain('已撤回');
    wrapper.unmount();

    document.body.innerHTML = '';
    const tab = await mountAs(more.reviewer, NoticesView, { path: '/notices?status=withdrawn' });
    await settle();
    // The API filters only drafts, running and closed batches: withdrawn ones are picked here.
    expect(api.list).toHaveBeenLastCalledWith({});
    const withdrawn = tab.wrapper.findAll('[data-testid="notice-table"] .el-table__body tr');
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.text()).toContain('SZKC-GS-2026-007');
    tab.wrapper.unmount();
  });
});

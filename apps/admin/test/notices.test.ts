import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import NoticeActions from '../src/views/notices/components/notice-actions.vue';
import NoticePrint from '../src/views/notices/components/notice-print.vue';
import ObjectionDialog from '../src/views/notices/components/objection-dialog.vue';
import PublishDialog from '../src/views/notices/components/publish-dialog.vue';
import type { Notice, NoticeItem } from '../src/views/notices/types';
import { officers } from './helpers';
import { more, mountAs } from './mount';

vi.mock('../src/api/client', () => ({
  trpc: { notices: { close: { mutate: vi.fn() }, recordObjection: { mutate: vi.fn() } } },
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

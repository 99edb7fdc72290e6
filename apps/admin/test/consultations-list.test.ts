import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { mayOpenRoute } from '../src/access/route-access';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes, routes } from '../src/router/routes';
import ConsultationsView from '../src/views/consultations/index.vue';
import { columns } from '../src/views/consultations/data';
import type { ConsultationListItem } from '../src/views/consultations/queries';
import { choose, click, errorsIn, inBody, settle, type } from './dom';
import { officers } from './helpers';
import { more, mountAs } from './mount';

const api = vi.hoisted(() => ({ list: vi.fn(), create: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { consultations: { list: { query: api.list }, create: { mutate: api.create } } },
}));

const ID = '5e2b7c10-0000-4000-8000-000000000015';
const DRAFT = 'suzhou-future-2026-draft';
const DRAFT_TITLE = '宿州市科学技术局以科技创新推进未来产业创新发展实施方案（征求意见稿）';
const silent = { context: { silent: true } };
// 2026-12-07 10:00 in Suzhou.
const NOW = new Date('2026-12-07T02:00:00Z');

function consultation(over: Partial<ConsultationListItem> = {}): ConsultationListItem {
  return {
    id: ID,
    number: 'SZKC-ZQ-2026-001',
    title: '关于公开征求《以科技创新推进未来产业创新发展实施方案》意见的公告',
    policySetId: DRAFT,
    opensOn: '2026-12-01',
    closesOn: '2026-12-30',
    days: 30,
    shortReason: null,
    contact: { department: '市科技局政策法规科', phone: '0557-3021234' },
    note: null,
    stage: 'open',
    stageName: '征求意见中',
    feedbackPublished: false,
    feedbackPublishedAt: null,
    feedbackSummary: null,
    version: 1,
    comments: 5,
    answered: 3,
    ...over,
  } as ConsultationListItem;
}

const rows = (wrapper: { findAll: (s: string) => { text: () => string }[] }) =>
  wrapper.findAll('[data-testid="consultation-table"] .el-table__body tr').map((r) => r.text());

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('征求意见: the list', () => {
  it('shows each consultation’s period, stage and how many comments are answered, in Chinese', async () => {
    api.list.mockResolvedValue([
      consultation(),
      consultation({
        id: '5e2b7c10-0000-4000-8000-000000000016',
        number: 'SZKC-ZQ-2026-002',
        title: '科技副总选派办法征求意见',
        opensOn: '2026-10-01',
        closesOn: '2026-10-15',
        days: 15,
        stage: 'closed',
        stageName: '已发布采纳情况',
        feedbackPublished: true,
        comments: 2,
        answered: 2,
      }),
    ]);
    const { wrapper } = await mountAs(officers.admin, ConsultationsView, {
      path: '/consultations',
    });
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('征求意见');
    const [first, second] = rows(wrapper);
    for (const text of [
      'SZKC-ZQ-2026-001',
      '关于公开征求《以科技创新推进未来产业创新发展实施方案》意见的公告',
      '2026-12-01 至 2026-12-30（30日）',
      '征求意见中',
      '已处理 3 / 共 5',
    ])
      expect(first).toContain(text);
    for (const text of ['2026-10-01 至 2026-10-15（15日）', '已发布采纳情况', '已处理 2 / 共 2'])
      expect(second).toContain(text);
    for (const raw of ['open', 'closed', DRAFT, ID]) expect(wrapper.text()).not.toContain(raw);
    wrapper.unmount();
  });

  it('opens a consultation’s comments from its row', async () => {
    api.list.mockResolvedValue([consultation()]);
    const { wrapper, router } = await mountAs(officers.admin, ConsultationsView, {
      path: '/consultations',
    });
    await wrapper.get('[data-testid="consultation-table"] .el-table__body tr').trigger('click');
    // The detail page's chunk loads first.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/consultations/${ID}`));
    wrapper.unmount();
  });

  it('says there is none yet when the bureau has published none', async () => {
    api.list.mockResolvedValue([]);
    const { wrapper } = await mountAs(officers.admin, ConsultationsView, {
      path: '/consultations',
    });
    expect(wrapper.get('[data-testid="consultation-table"]').text()).toContain('尚未发布征求意见');
    wrapper.unmount();
  });

  it('fits a 1440 px screen', () => {
    // 1440 − side menu 220 − paddings and borders (test/table-widths.test.ts): 1123 px.
    const total = columns.reduce((sum, c) => sum + (c.width ?? c.minWidth ?? 80), 0);
    expect(total).toBeLessThanOrEqual(1123);
  });
});

describe('征求意见: 发布征求意见', () => {
  async function openForm() {
    api.list.mockResolvedValue([]);
    const mounted = await mountAs(officers.admin, ConsultationsView, { path: '/consultations' });
    await click('consultation-create');
    return mounted;
  }
  const errors = () => errorsIn('consultation-form-dialog');

  it('is offered to the bureau administrator only', async () => {
    api.list.mockResolvedValue([]);
    const admin = await mountAs(officers.admin, ConsultationsView, { path: '/consultations' });
    expect(admin.wrapper.find('[data-testid="consultation-create"]').exists()).toBe(true);
    admin.wrapper.unmount();
    const reviewer = await mountAs(more.reviewer, ConsultationsView, { path: '/consultations' });
    expect(reviewer.wrapper.find('[data-testid="consultation-create"]').exists()).toBe(false);
    reviewer.wrapper.unmount();
  });

  it('starts on the draft by its title, today and the 30 days the rules ask for, and says what publishing does', async () => {
    const { wrapper } = await openForm();
    const dialog = inBody('consultation-form-dialog')?.textContent ?? '';
    expect(dialog).toContain(DRAFT_TITLE);
    expect(dialog).not.toContain(DRAFT);
    expect(inBody('consultation-days')?.textContent).toBe('共30日（含首尾两日）');
    expect(inBody('consultation-short-reason')).toBeNull();
    expect(inBody('consultation-form-consequence')?.textContent).toContain(
      '发布后公众即可在政府网站和小程序阅读并提出意见，期限为30日（2026-12-07 至 2027-01-05，含首尾两日）',
    );
    wrapper.unmount();
  });

  it('checks the form with the domain’s words before sending anything', async () => {
    const { wrapper } = await openForm();
    await type('consultation-contact-phone', '13855712036');
    await click('consultation-form-submit');
    expect(api.create).not.toHaveBeenCalled();
    expect(errors()).toMatchObject({
      标题: '请填写标题',
      联系部门: '请填写联系部门',
      联系电话: '联系电话格式如 0557-1234567',
    });
    wrapper.unmount();
  });

  it('asks why a period shorter than 30 days is short, saying how many days it has', async () => {
    const { wrapper } = await openForm();
    await choose(wrapper, 'ElDatePicker', 'consultation-closes-on', '2026-12-21');
    await settle();
    expect(inBody('consultation-short-hint')?.textContent).toContain(
      '征求意见期限为15日，少于30日的须说明理由',
    );
    expect(inBody('consultation-form-consequence')?.textContent).toContain('期限为15日');
    await type('consultation-title', '征求意见公告');
    await type('consultation-contact-department', '市科技局政策法规科');
    await type('consultation-contact-phone', '0557-3021234');
    await click('consultation-form-submit');
    expect(api.create).not.toHaveBeenCalled();
    expect(errors()['期限少于30日的理由']).toBe('征求意见期限为15日，少于30日的须说明理由');
    wrapper.unmount();
  });

  it('publishes what the officer wrote, leaving out what was left blank, and opens it', async () => {
    api.create.mockResolvedValue(consultation({ opensOn: '2026-12-07', closesOn: '2027-01-05' }));
    const { wrapper, router } = await openForm();
    await type('consultation-title', ' 征求意见公告 ');
    await type('consultation-contact-department', '市科技局政策法规科');
    await type('consultation-contact-phone', '0557-3021234');
    await click('consultation-form-submit');
    expect(api.create).toHaveBeenCalledWith(
      {
        policySetId: DRAFT,
        title: '征求意见公告',
        opensOn: '2026-12-07',
        closesOn: '2027-01-05',
        contact: { department: '市科技局政策法规科', phone: '0557-3021234' },
      },
      silent,
    );
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/consultations/${ID}`));
    wrapper.unmount();
  });

  it('shows the server’s field refusal under the field and other refusals above the buttons, never a code', async () => {
    const refusal = (appCode: string, message: string, fieldErrors?: Record<string, string[]>) =>
      TRPCClientError.from({
        error: {
          code: -32001,
          message,
          data: { appCode, ...(fieldErrors ? { fieldErrors } : {}) },
        },
      });
    api.create
      .mockRejectedValueOnce(
        refusal('INVALID_INPUT', '联系电话格式如 0557-1234567', {
          'contact.phone': ['联系电话格式如 0557-1234567'],
        }),
      )
      .mockRejectedValueOnce(refusal('FORBIDDEN', '您没有权限进行此操作'));
    const { wrapper } = await openForm();
    await type('consultation-title', '征求意见公告');
    await type('consultation-contact-department', '市科技局政策法规科');
    await type('consultation-contact-phone', '0557-3021234');
    await click('consultation-form-submit');
    expect(errors()['联系电话']).toBe('联系电话格式如 0557-1234567');
    expect(inBody('consultation-form-error')).toBeNull();
    await click('consultation-form-submit');
    const error = inBody('consultation-form-error')?.textContent ?? '';
    expect(error).toContain('您没有权限进行此操作');
    expect(error).not.toContain('FORBIDDEN');
    wrapper.unmount();
  });
});

describe('征求意见: who may open it', () => {
  it('is the bureau’s, under 政策管理; area officers and finance do not see it, as the server refuses them', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const may = (role: string, path: string) =>
      mayOpenRoute(router.resolve(path), (codes) =>
        hasAccessByCodes(accessCodesForRole(role), codes),
      );
    for (const role of ['bureau-admin', 'bureau-reviewer']) {
      expect(may(role, '/consultations')).toBe(true);
      expect(may(role, `/consultations/${ID}`)).toBe(true);
      expect(buildMenus(moduleRoutes, accessCodesForRole(role))).toContainEqual({
        path: '/policy',
        title: '政策管理',
        children: [
          { path: '/consultations', title: '征求意见' },
          { path: '/policy-versions', title: '政策修订' },
        ],
      });
    }
    for (const role of ['area-officer', 'finance-officer']) {
      expect(may(role, '/consultations')).toBe(false);
      const menu = JSON.stringify(buildMenus(moduleRoutes, accessCodesForRole(role)));
      expect(menu).not.toContain('征求意见');
    }
  });
});

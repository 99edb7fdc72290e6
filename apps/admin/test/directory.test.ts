import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { ElConfigProvider } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessCodesForRole, hasAccessByCodes } from '../src/access/codes';
import { accessDirective } from '../src/access/directive';
import { mayOpenRoute } from '../src/access/route-access';
import * as orgApi from '../src/api/organisations';
import type { OrganisationDetail, OrganisationListItem } from '../src/api/organisations';
import type { Officer } from '../src/store/auth';
import { routes } from '../src/router/routes';
import { useAuthStore } from '../src/store/auth';
import OrganisationsView from '../src/views/organisations/index.vue';
import ResearchersView from '../src/views/researchers/index.vue';
import { officers } from './helpers';

vi.mock('../src/api/organisations', () => ({
  listOrganisations: vi.fn(),
  getOrganisation: vi.fn(),
}));
const api = vi.hoisted(() => ({
  revealContact: vi.fn(),
  researchers: vi.fn(),
  revealMobile: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    organisations: { revealContact: { mutate: api.revealContact } },
    researchers: { list: { query: api.researchers }, revealMobile: { mutate: api.revealMobile } },
  },
}));

const item = {
  id: '6f1c2d1e-0000-4000-8000-000000000001',
  type: 'firm',
  name: '宿州云图智能科技有限公司',
  creditCode: '91341302MA2TEST01X',
  areaCode: 'yongqiao',
  fieldCodes: ['general-intelligence'],
  subFieldCodes: [],
  qualifications: ['high-tech-enterprise'],
  contactName: '王经理',
  contactPhoneMasked: '139****5678',
  verificationStatus: 'verified',
  verificationStatusLabel: '已认证',
  createdAt: new Date('2026-01-01T16:30:00Z'),
  updatedAt: new Date('2026-01-01T16:30:00Z'),
} as unknown as OrganisationListItem;

/** What byId adds for officers: verification, people, account, qualifications, documents. */
const detail = {
  ...item,
  verifiedAt: new Date('2026-01-05T02:00:00Z'),
  legalRepresentative: '王建国',
  registrationFlags: ['division-mismatch'],
  registrationNotes: [
    '统一社会信用代码登记地为埇桥区，所选县区为砀山县，请核实是否迁址或设有分支机构',
  ],
  verifications: [
    {
      id: 'v-1',
      status: 'verified',
      statusLabel: '已通过',
      licenceKindLabel: '营业执照',
      legalRepName: '王建国',
      decidedAt: new Date('2026-01-05T02:00:00Z'),
      decisionReason: null,
      createdAt: new Date('2026-01-03T02:00:00Z'),
    },
  ],
  changes: [
    {
      id: 'ch-1',
      status: 'approved',
      statusLabel: '已通过',
      fields: [{ field: 'name', label: '单位名称', from: '宿州云图科技有限公司', to: item.name }],
      createdAt: new Date('2026-02-01T02:00:00Z'),
    },
  ],
  members: [
    {
      id: 'm-1',
      displayName: '微信用户',
      role: 'admin',
      roleLabel: '管理员',
      origin: 'registered',
      originLabel: '注册单位',
      joinedAt: new Date('2026-01-01T16:30:00Z'),
    },
  ],
  bankAccount: {
    holder: item.name,
    bankName: '中国工商银行',
    branchName: '宿州分行营业部',
    accountNoMasked: '****0123',
    since: new Date('2026-01-06T02:00:00Z'),
  },
  verifiedQualifications: [
    {
      id: 'q-1',
      kind: 'high-tech-enterprise',
      kindLabel: '高新技术企业',
      levelLabel: null,
      source: 'official-list',
      sourceLabel: '官方认定名单核验',
      documentNo: 'GR202634000123',
      recognisedOn: '2026-10-20',
    },
  ],
  documents: [
    {
      id: 'd-1',
      kind: 'credit-commitment',
      kindLabel: '信用承诺书（年度）',
      validUntil: '2026-12-31',
      addedAt: new Date('2026-01-06T02:00:00Z'),
    },
  ],
} as unknown as OrganisationDetail;

const finance: Officer = {
  id: 'u-f',
  displayName: '钱会计',
  role: 'finance-officer',
  areaCode: null,
};

/** Types the reveal reason into the dialog (appended to the body) and confirms it. */
async function giveReason(reason: string) {
  const input = document.body.querySelector<HTMLTextAreaElement>('[data-testid="pii-reason"]');
  if (!input) throw new Error('no reason dialog');
  input.value = reason;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
  document.body.querySelector<HTMLElement>('[data-testid="pii-reason-confirm"]')?.click();
  await flushPromises();
}

async function mountAs(officer: Officer, view: Component, path = '/organisations') {
  const auth = useAuthStore();
  auth.token = 'token';
  auth.officer = officer;
  // The filters live in the URL, so the page needs the router.
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = mount(() => h(ElConfigProvider, { locale: zhCn }, () => h(view)), {
    global: {
      plugins: [router, [VueQueryPlugin, { queryClient: client }]],
      directives: { access: accessDirective },
    },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
  vi.mocked(orgApi.listOrganisations)
    .mockReset()
    .mockResolvedValue({ items: [item], total: 41, page: 1, pageSize: 20 });
  vi.mocked(orgApi.getOrganisation).mockReset().mockResolvedValue(detail);
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('organisation directory', () => {
  it('lists masked phones and pages through the cache', async () => {
    const wrapper = await mountAs(officers.admin, OrganisationsView);
    const text = wrapper.get('[data-testid="org-table"]').text();
    expect(text).toContain('宿州云图智能科技有限公司');
    expect(text).toContain('139****5678');
    expect(text).toContain('企业');
    expect(text).toContain('埇桥区');
    expect(text).toContain('通用智能');
    // 注册日期: the day in Asia/Shanghai (16:30 UTC is the next morning there).
    expect(text).toContain('2026-01-02');
    expect(wrapper.text()).toContain('共 41 条');
    expect(orgApi.listOrganisations).toHaveBeenCalledWith({ page: 1, pageSize: 20 });
    wrapper.unmount();
  });

  it("keeps an area officer's area filter on their own area, also after 重置", async () => {
    const wrapper = await mountAs(officers.yongqiao, OrganisationsView);
    expect(wrapper.get('[data-testid="filter-area"] input').attributes()).toHaveProperty(
      'disabled',
    );
    await wrapper.get('input[data-testid="filter-q"]').setValue(' 云图 ');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    // The area is fixed, not sent: the server confines an area officer to their own area.
    expect(orgApi.listOrganisations).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, q: '云图' });
    await wrapper.get('[data-testid="filter-reset"]').trigger('click');
    await flushPromises();
    expect(orgApi.listOrganisations).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 });
    expect(wrapper.get('[data-testid="filter-area"]').text()).toContain('埇桥区');
    wrapper.unmount();
  });

  it('lets a bureau officer choose any area, and says 暂无数据 when nothing matches', async () => {
    vi.mocked(orgApi.listOrganisations).mockResolvedValue({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
    const wrapper = await mountAs(officers.admin, OrganisationsView);
    const area = wrapper.get('[data-testid="filter-area"]');
    expect(area.get('input').attributes()).not.toHaveProperty('disabled');
    expect(area.text()).toContain('全部');
    expect(wrapper.get('[data-testid="org-table"]').text()).toContain('暂无数据');
    wrapper.unmount();
  });

  it('opens the detail drawer, fetched by id, when a row is clicked', async () => {
    const wrapper = await mountAs(officers.admin, OrganisationsView);
    await wrapper.get('[data-testid="org-table"] .el-table__body tr').trigger('click');
    await flushPromises();
    expect(orgApi.getOrganisation).toHaveBeenCalledWith(item.id);
    const drawer = document.querySelector('[data-testid="org-drawer"]');
    expect(drawer?.textContent).toContain('高新技术企业');
    expect(drawer?.textContent).toContain('139****5678');
    wrapper.unmount();
  });

  it('shows in the drawer the verification, people, masked account, verified qualifications and history', async () => {
    const wrapper = await mountAs(officers.admin, OrganisationsView);
    expect(wrapper.get('[data-testid="org-table"]').text()).toContain('已认证');
    await wrapper.get('[data-testid="org-table"] .el-table__body tr').trigger('click');
    await flushPromises();
    const drawer = document.querySelector('[data-testid="org-drawer"]')!;
    const text = (id: string) => drawer.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    expect(text('org-verification-status')).toBe('已认证');
    expect(text('org-flags')).toContain('所选县区为砀山县');
    expect(text('org-members')).toContain('管理员');
    expect(text('org-bank-account')).toContain('****0123');
    expect(text('org-qualifications')).toContain('官方认定名单核验');
    expect(text('org-documents')).toContain('2026-12-31');
    expect(text('org-changes')).toContain('宿州云图科技有限公司 → 宿州云图智能科技有限公司');
    wrapper.unmount();
  });

  it('filters by verification status', async () => {
    const wrapper = await mountAs(officers.admin, OrganisationsView);
    const status = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-testid') === 'filter-verification');
    status!.vm.$emit('update:modelValue', 'pending');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    expect(orgApi.listOrganisations).toHaveBeenLastCalledWith({
      page: 1,
      pageSize: 20,
      verificationStatus: 'pending',
    });
    wrapper.unmount();
  });

  it('reveals the full phone only on request, with a reason, for a role that may', async () => {
    api.revealContact.mockResolvedValue({ contactPhone: '13912345678' });
    const wrapper = await mountAs(officers.yongqiao, OrganisationsView);
    const cell = wrapper.get('[data-testid="org-table"] [data-testid="pii"]');
    expect(api.revealContact).not.toHaveBeenCalled();
    await cell.get('[data-testid="pii-reveal"]').trigger('click');
    await flushPromises();
    // No reason, no reveal: the officer is asked in Chinese, and nothing is sent.
    expect(document.body.textContent).toContain('查看完整号码将记入审计日志');
    await giveReason('');
    expect(document.body.textContent).toContain('请填写查看理由');
    expect(api.revealContact).not.toHaveBeenCalled();
    await giveReason('  电话核实认证材料 ');
    expect(api.revealContact).toHaveBeenCalledWith({ id: item.id, reason: '电话核实认证材料' });
    expect(cell.get('[data-testid="pii-value"]').text()).toBe('13912345678');
    expect(cell.find('[data-testid="pii-reveal"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('is not open to finance, whose remit is payment (the server refuses it the directory)', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const held = accessCodesForRole(finance.role);
    const may = (path: string) =>
      mayOpenRoute(router.resolve(path), (codes) => hasAccessByCodes(held, codes));
    expect(may('/organisations')).toBe(false);
    expect(may('/finance/disbursements')).toBe(true);
  });
});

describe('researcher directory', () => {
  it('shows masked mobile and ID numbers and reveals the mobile on request', async () => {
    api.researchers.mockResolvedValue({
      items: [
        {
          id: 'r1',
          name: '周文博',
          titleName: '副教授',
          institutionName: '宿州学院',
          fieldNames: ['低碳能源'],
          expertise: '膜电极',
          mobileMasked: '138****0002',
          residentIdMasked: '341302********1234',
          createdAt: new Date('2026-03-01T00:00:00Z'),
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    api.revealMobile.mockResolvedValue({ mobile: '13855720002' });
    const wrapper = await mountAs(officers.admin, ResearchersView, '/researchers');
    const table = wrapper.get('[data-testid="researcher-table"]');
    expect(table.text()).toContain('341302********1234');
    expect(table.text()).toContain('138****0002');
    await table.get('[data-testid="pii-reveal"]').trigger('click');
    await flushPromises();
    await giveReason('核实申报人联系方式');
    expect(api.revealMobile).toHaveBeenCalledWith({ id: 'r1', reason: '核实申报人联系方式' });
    expect(table.text()).toContain('13855720002');
    wrapper.unmount();
  });
});

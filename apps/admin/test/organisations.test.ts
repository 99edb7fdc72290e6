import { flushPromises, mount } from '@vue/test-utils';
import { ElConfigProvider } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { accessDirective } from '../src/access/directive';
import * as orgApi from '../src/api/organisations';
import type { OrganisationDetail, OrganisationListItem } from '../src/api/organisations';
import type { Officer } from '../src/store/auth';
import { useAuthStore } from '../src/store/auth';
import OrganisationsView from '../src/views/organisations/index.vue';
import { officers } from './helpers';

vi.mock('../src/api/organisations', () => ({
  listOrganisations: vi.fn(),
  getOrganisation: vi.fn(),
}));

const item: OrganisationListItem = {
  id: '6f1c2d1e-0000-4000-8000-000000000001',
  type: 'firm',
  name: '宿州云图智能科技有限公司',
  creditCode: '91341302MA2TEST01X',
  areaCode: 'yongqiao',
  address: null,
  fieldCodes: ['general-intelligence', 'advanced-materials'],
  subFieldCodes: ['computing-power'],
  qualifications: ['high-tech-enterprise'],
  contactName: '王经理',
  contactPhoneMasked: '139****5678',
  intro: null,
  createdAt: new Date('2026-01-01T16:30:00Z'),
  updatedAt: new Date('2026-01-01T16:30:00Z'),
} as OrganisationListItem;

async function mountAs(officer: Officer) {
  const auth = useAuthStore();
  auth.token = 'token';
  auth.officer = officer;
  // Wrapped as App.vue wraps every page, so Element Plus speaks Chinese.
  const wrapper = mount(() => h(ElConfigProvider, { locale: zhCn }, () => h(OrganisationsView)), {
    global: { directives: { access: accessDirective } },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.mocked(orgApi.listOrganisations)
    .mockReset()
    .mockResolvedValue({ items: [item], total: 41, page: 1, pageSize: 20 });
  vi.mocked(orgApi.getOrganisation)
    .mockReset()
    .mockResolvedValue(item as OrganisationDetail);
  document.body.innerHTML = '';
});

describe('organisations view', () => {
  it('lists the organisations the server returns, with labels an officer reads', async () => {
    const wrapper = await mountAs(officers.admin);
    const table = wrapper.get('[data-testid="org-table"]');
    const text = table.text();
    expect(text).toContain('宿州云图智能科技有限公司');
    expect(text).toContain('91341302MA2TEST01X');
    expect(text).toContain('企业');
    expect(text).toContain('埇桥区');
    expect(text).toContain('通用智能');
    expect(text).toContain('先进材料');
    expect(text).toContain('王经理');
    expect(text).toContain('139****5678');
    expect(text).toContain('2026-01-02 00:30');
    expect(wrapper.text()).toContain('共 41 条');
    expect(orgApi.listOrganisations).toHaveBeenCalledWith({ page: 1, pageSize: 20 });
    wrapper.unmount();
  });

  it("fixes an area officer's area filter to their own area", async () => {
    const wrapper = await mountAs(officers.yongqiao);
    const area = wrapper.get('[data-testid="filter-area"]');
    expect(area.get('input').attributes()).toHaveProperty('disabled');
    expect(area.text()).toContain('埇桥区');
    expect(orgApi.listOrganisations).toHaveBeenCalledWith({
      page: 1,
      pageSize: 20,
      areaCode: 'yongqiao',
    });

    // Resetting the filters keeps the area.
    await wrapper.get('[data-testid="filter-reset"]').trigger('click');
    await flushPromises();
    expect(orgApi.listOrganisations).toHaveBeenLastCalledWith({
      page: 1,
      pageSize: 20,
      areaCode: 'yongqiao',
    });
    wrapper.unmount();
  });

  it('lets a bureau officer choose any area', async () => {
    const wrapper = await mountAs(officers.admin);
    const area = wrapper.get('[data-testid="filter-area"]');
    expect(area.get('input').attributes()).not.toHaveProperty('disabled');
    expect(area.text()).toContain('全部');
    wrapper.unmount();
  });

  it('searches with the keyword typed, from the first page', async () => {
    const wrapper = await mountAs(officers.admin);
    await wrapper.get('input[data-testid="filter-q"]').setValue('  云图 ');
    await wrapper.get('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    expect(orgApi.listOrganisations).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, q: '云图' });
    wrapper.unmount();
  });

  it('says 暂无数据 when nothing matches', async () => {
    vi.mocked(orgApi.listOrganisations).mockResolvedValue({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
    const wrapper = await mountAs(officers.admin);
    expect(wrapper.get('[data-testid="org-table"]').text()).toContain('暂无数据');
    wrapper.unmount();
  });

  it('opens the detail drawer with the record fetched by id when a row is clicked', async () => {
    const wrapper = await mountAs(officers.admin);
    await wrapper.get('[data-testid="org-table"] .el-table__body tr').trigger('click');
    await flushPromises();
    expect(orgApi.getOrganisation).toHaveBeenCalledWith(item.id);
    const drawer = document.querySelector('[data-testid="org-drawer"]');
    expect(drawer?.textContent).toContain('高新技术企业');
    expect(drawer?.textContent).toContain('算力');
    wrapper.unmount();
  });
});

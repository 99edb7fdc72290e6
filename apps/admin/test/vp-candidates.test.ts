import { beforeEach, describe, expect, it, vi } from 'vitest';
import CandidatesTable from '../src/views/vice-president/call/candidates-table.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ candidates: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: { vp: { candidates: { ofCall: { query: api.candidates } } } },
}));

function candidate(over: Record<string, unknown>) {
  return {
    callId: 'c1',
    researcherId: 'r1',
    title: 'associate-professor',
    titleName: '副教授',
    age: 46,
    mobileMasked: '138****0002',
    institutionKind: 'university',
    employment: 'staff',
    contractYears: null,
    fieldCodes: ['low-carbon-energy'],
    fieldNames: ['低碳能源'],
    subFieldCodes: [],
    expertise: '膜电极',
    achievements: '主持国家自然科学基金项目',
    preferredAreaCodes: [],
    priorityFlags: [],
    capacity: 1,
    relatedFirmCreditCodes: [],
    status: 'active',
    progress: { code: 'applied', name: '已报名' },
    institutionUnverified: false,
    institutionNote: null,
    ...over,
  };
}

beforeEach(() => {
  api.candidates.mockReset();
});

describe('科技副总 candidates: is the 单位 confirmed?', () => {
  it('warns where the institution has not confirmed the researcher, and not where it has', async () => {
    api.candidates.mockResolvedValue([
      candidate({
        id: 'k1',
        name: '待确认',
        institutionName: '宿州学院',
        institutionUnverified: true,
        institutionNote: '工作单位待“宿州学院”管理员确认，单位类型为本人填报',
      }),
      candidate({ id: 'k2', name: '已确认', institutionName: '安徽理工大学' }),
    ]);
    const { wrapper } = await mountAs(officers.admin, CandidatesTable, {
      props: { callId: 'c1' },
    });
    const note = wrapper.find('[data-testid="vp-candidate-institution-note-k1"]');
    expect(note.text()).toContain('单位未核验');
    expect(note.text()).toContain('工作单位待“宿州学院”管理员确认，单位类型为本人填报');
    expect(wrapper.find('[data-testid="vp-candidate-institution-note-k2"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

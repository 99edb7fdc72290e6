import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import CandidatesTable from '../src/views/vice-president/call/candidates-table.vue';
import NeedsTable from '../src/views/vice-president/call/needs-table.vue';
import RunSummary from '../src/views/vice-president/call/run-summary.vue';
import type { VpCandidate, VpNeed, VpRun } from '../src/views/vice-president/queries';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({ needs: vi.fn(), candidates: vi.fn() }));
vi.mock('../src/api/client', () => ({
  trpc: {
    vp: {
      needs: { ofCall: { query: api.needs } },
      candidates: { ofCall: { query: api.candidates } },
    },
  },
}));

const need = {
  id: 'n1',
  organisationName: '宿州天翼智能科技有限公司',
  title: '无人机集群智能飞控系统研发',
  areaName: '灵璧县',
  fieldName: '空天信息',
  subFieldName: '智能飞控',
  expertiseWanted: '无人机集群',
  daysPerYear: 60,
  positions: 1,
  problem: '航线冲突多',
  investorInstitutions: ['皖北北斗时空信息研究院'],
  priorPartners: [],
  progress: { code: 'unmatched', name: '未匹配' },
} as unknown as VpNeed;

const candidate = {
  id: 'k1',
  name: '王建华',
  titleName: '高级工程师',
  age: 36,
  institutionName: '皖北北斗时空信息研究院',
  institutionKind: 'institute',
  employment: 'staff',
  fieldNames: ['空天信息'],
  expertise: '无人机集群',
  achievements: '主持省部级项目',
  priorityFlags: [],
  relatedFirmCreditCodes: [],
  capacity: 1,
  mobileMasked: '135****3903',
  institutionUnverified: false,
  institutionNote: null,
  progress: { code: 'in-notice', name: '公示中' },
} as unknown as VpCandidate;

beforeEach(() => {
  api.needs.mockReset();
  api.candidates.mockReset();
});

describe('科技副总 run summary: the real reason a need or researcher was left over', () => {
  it('gives the exclusion the matcher met, not a generic "no options"', () => {
    const run = {
      summary: {
        stats: {
          needs: 1,
          positions: 1,
          candidates: 1,
          pairsConsidered: 1,
          pairsAllowed: 0,
          excluded: { field: 0, investment: 1, forbidden: 0, 'low-score': 0 },
        },
        refusedPins: [],
        openNeeds: [
          {
            needId: 'n1',
            positionsLeft: 1,
            hadOptions: false,
            reason: '无符合条件的人选：同领域人选1名，其中因创办或投资关系须回避1名',
          },
        ],
        unplacedCandidates: [
          {
            candidateId: 'k1',
            hadOptions: false,
            reason: '无可配对的需求：同领域需求1项，其中因创办或投资关系须回避1项',
          },
        ],
      },
    } as unknown as VpRun;
    const wrapper = mount(RunSummary, {
      props: { run, needs: [need], candidates: [candidate] },
    });
    expect(wrapper.get('[data-testid="vp-open-need-n1"]').text()).toBe(
      '宿州天翼智能科技有限公司「无人机集群智能飞控系统研发」 缺 1 人：无符合条件的人选：同领域人选1名，其中因创办或投资关系须回避1名',
    );
    expect(wrapper.get('[data-testid="vp-unplaced-k1"]').text()).toBe(
      '王建华：无可配对的需求：同领域需求1项，其中因创办或投资关系须回避1项',
    );
  });
});

describe('科技副总 needs and candidates: where each stands in the call', () => {
  it('shows the progress the API derives, in both tables', async () => {
    api.needs.mockResolvedValue([need]);
    api.candidates.mockResolvedValue([candidate]);
    const needs = await mountAs(officers.admin, NeedsTable, { props: { callId: 'c1' } });
    expect(needs.wrapper.get('[data-testid="vp-need-progress-n1"]').text()).toBe('未匹配');
    needs.wrapper.unmount();
    const candidates = await mountAs(officers.admin, CandidatesTable, { props: { callId: 'c1' } });
    expect(candidates.wrapper.get('[data-testid="vp-candidate-progress-k1"]').text()).toBe(
      '公示中',
    );
    candidates.wrapper.unmount();
  });
});

import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { ElConfigProvider } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { accessDirective } from '../src/access/directive';
import { useAuthStore } from '../src/store/auth';
import MatchingPanel from '../src/views/vice-president/call/matching-panel.vue';
import ScoreBreakdown from '../src/views/vice-president/call/score-breakdown.vue';
import type { VpCallDetail, VpRun } from '../src/views/vice-president/queries';
import { officers } from './helpers';

const api = vi.hoisted(() => ({
  latest: vi.fn(),
  needs: vi.fn(),
  candidates: vi.fn(),
  run: vi.fn(),
  advance: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    vp: {
      matching: { latest: { query: api.latest }, run: { mutate: api.run } },
      needs: { ofCall: { query: api.needs } },
      candidates: { ofCall: { query: api.candidates } },
      calls: { advance: { mutate: api.advance } },
    },
  },
}));

const score = {
  total: 72,
  max: 100,
  parts: [
    { key: 'field', label: '产业领域相符', points: 30, max: 30, detail: '需求领域「低碳能源」' },
    { key: 'subField', label: '细分方向相符', points: 20, max: 20, detail: '细分方向「膜电极」' },
    { key: 'text', label: '专长与需求契合', points: 22, max: 30, detail: '命中3个' },
    { key: 'area', label: '意向地区', points: 0, max: 10, detail: '人选未填写意向地区' },
    { key: 'priorCooperation', label: '既往合作', points: 0, max: 5, detail: '无既往合作记录' },
    { key: 'priority', label: '优先支持人选', points: 0, max: 5, detail: '不属于优先支持人选' },
  ],
} as VpRun['proposals'][number]['score'];

const call = {
  id: 'c0000000-0000-4000-8000-000000000001',
  status: 'matching',
  version: 4,
  counts: { needs: 2, candidates: 2, secondments: {} },
} as unknown as VpCallDetail;

function runOf(over: Partial<VpRun> = {}): VpRun {
  return {
    id: 'r0000000-0000-4000-8000-000000000007',
    runNo: 7,
    createdAt: new Date('2026-11-27T02:00:00Z'),
    durationMs: 3,
    totalScore: 72,
    settingsVersion: 'vp-2026-01',
    stale: false,
    confirmed: false,
    summary: {
      stats: {
        needs: 1,
        positions: 1,
        candidates: 1,
        pairsConsidered: 1,
        pairsAllowed: 1,
        excluded: { field: 0, investment: 0, forbidden: 0, 'low-score': 0 },
      },
      refusedPins: [],
      openNeeds: [],
      unplacedCandidates: [],
    },
    proposals: [
      {
        id: 'p1',
        need: {
          id: 'n1',
          organisationName: '宿州氢芯能源科技有限公司',
          title: '膜电极攻关',
          areaName: '埇桥区',
        },
        candidate: { id: 'k1', name: '周文博', titleName: '副教授', institutionName: '宿州学院' },
        score,
        pinned: false,
      },
    ],
    rules: [],
    ...over,
  } as unknown as VpRun;
}

function mountPanel() {
  const auth = useAuthStore();
  auth.token = 'token';
  auth.officer = officers.admin;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return mount(() => h(ElConfigProvider, { locale: zhCn }, () => h(MatchingPanel, { call })), {
    global: {
      plugins: [[VueQueryPlugin, { queryClient: client }]],
      directives: { access: accessDirective },
    },
    attachTo: document.body,
  });
}

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
  api.needs.mockResolvedValue([]);
  api.candidates.mockResolvedValue([]);
});

describe('score breakdown', () => {
  it('shows every part with its points, and they add up to the total', () => {
    const wrapper = mount(ScoreBreakdown, { props: { score } });
    const points = wrapper.findAll('.points').map((p) => Number(p.text().split('/')[0]));
    expect(points).toHaveLength(6);
    expect(points.reduce((a, b) => a + b, 0)).toBe(72);
    expect(wrapper.text()).toContain('命中3个');
    expect(wrapper.text()).toContain('合计 72 / 100 分');
  });
});

describe('matching panel', () => {
  it('says a stale run is out of date and does not offer to confirm it', async () => {
    api.latest.mockResolvedValue(runOf({ stale: true }));
    const wrapper = mountPanel();
    await flushPromises();
    expect(wrapper.get('[data-testid="vp-run-stale"]').text()).toContain('请重新运行匹配后再确认');
    expect(wrapper.get('[data-testid="vp-run-stale-tag"]').text()).toBe('已过期');
    expect(wrapper.get('[data-testid="vp-confirm"]').attributes()).toHaveProperty('disabled');
    wrapper.unmount();
  });

  it('shows the run busy while the matcher runs, then its duration', async () => {
    api.latest.mockResolvedValue(null);
    let finish: (run: VpRun) => void = () => {};
    api.run.mockReturnValue(new Promise<VpRun>((resolve) => (finish = resolve)));
    const wrapper = mountPanel();
    await flushPromises();
    expect(wrapper.get('[data-testid="vp-run-info"]').text()).toContain('尚未运行匹配');

    await wrapper.get('[data-testid="vp-run"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="vp-run"]').text()).toBe('匹配中…');

    api.latest.mockResolvedValue(runOf());
    finish(runOf());
    await flushPromises();
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="vp-run-duration"]').text()).toBe('用时 3 毫秒'),
    );
    expect(api.run).toHaveBeenCalledWith({ callId: call.id });
    wrapper.unmount();
  });

  it('confirms deliberately: names the pairs and run, and sends the run id it showed', async () => {
    api.latest.mockResolvedValue(runOf());
    api.advance.mockResolvedValue({});
    const wrapper = mountPanel();
    await flushPromises();
    await wrapper.get('[data-testid="vp-confirm"]').trigger('click');
    await flushPromises();

    const text = document.querySelector('[data-testid="vp-confirm-text"]')?.textContent ?? '';
    expect(text).toContain('第 7 次匹配');
    expect(text).toContain('1 对配对');
    const submit = document.querySelector<HTMLButtonElement>('[data-testid="vp-confirm-submit"]');
    expect(submit?.disabled).toBe(true);

    document.querySelector<HTMLElement>('[data-testid="vp-confirm-check"] input')?.click();
    await flushPromises();
    expect(submit?.disabled).toBe(false);
    submit?.click();
    await flushPromises();
    expect(api.advance).toHaveBeenCalledWith({
      callId: call.id,
      action: 'confirm-matches',
      runId: 'r0000000-0000-4000-8000-000000000007',
      expectedVersion: 4,
    });
    wrapper.unmount();
  });
});

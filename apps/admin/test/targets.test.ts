import { flushPromises } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { trpc } from '../src/api/client';
import type * as Download from '../src/utils/download';
import { saveBlob } from '../src/utils/download';
import { byAreaOption, byYearOption, progressOption } from '../src/views/targets/charts/options';
import TargetsView from '../src/views/targets/index.vue';
import type { TargetsReport } from '../src/views/targets/queries';
import { verifiedLine } from '../src/views/targets/verified-line';
import { officers } from './helpers';
import { mountAs } from './mount';

vi.mock('../src/api/client', () => ({
  trpc: {
    dashboard: { targets: { query: vi.fn() }, targetsXlsx: { query: vi.fn() } },
  },
}));
vi.mock('../src/utils/download', async (importOriginal) => ({
  ...(await importOriginal<typeof Download>()),
  saveBlob: vi.fn(),
}));
// happy-dom has no canvas: the charts are drawn for real in targets-charts.test.ts.
vi.mock('../src/views/targets/charts/chart-panel.vue', () => ({
  default: defineComponent({
    props: { title: { type: String, required: true } },
    setup: (props, { expose }) => {
      expose({ toDataUrl: () => null });
      return () => h('div', { 'data-testid': 'target-chart' }, props.title);
    },
  }),
}));

const report = {
  targetYear: 2030,
  asOf: '2026-11-27',
  areaCode: null,
  areaName: '全市',
  targets: [
    {
      id: 'high-tech-enterprises',
      name: '未来产业链高新技术企业',
      text: '引育未来产业链高新技术企业50家左右',
      figure: 50,
      comparison: 'about',
      unit: '家',
      howMeasured: '已核验的单位',
      measured: true,
      notMeasuredReason: null,
      value: 12,
      percent: 24,
      reached: false,
      byYear: [{ year: 2026, value: 3 }],
      byArea: [
        { areaCode: 'yongqiao', areaName: '埇桥区', value: 8 },
        { areaCode: 'dangshan', areaName: '砀山县', value: 4 },
      ],
      breakdown: { verified: 10, withAward: 3 },
      selfDeclared: 5,
    },
    {
      id: 'industry-scale',
      name: '未来产业规模',
      text: '产业规模突破200亿元',
      figure: 200,
      comparison: 'over',
      unit: '亿元',
      howMeasured: '暂不统计',
      measured: false,
      notMeasuredReason: '本平台不采集企业营业收入或产值',
      value: null,
      percent: null,
      reached: null,
      byYear: null,
      byArea: null,
      breakdown: null,
      selfDeclared: null,
    },
  ],
  moneyPaid: {
    totalFen: 123_456_789n,
    byYear: [{ year: 2026, paidFen: 123_456_789n }],
    byArea: [{ areaCode: 'yongqiao', areaName: '埇桥区', paidFen: 123_456_789n }],
  },
} as unknown as TargetsReport;

describe('2030 targets charts', () => {
  it('draws only measured targets, with their per cent of the 2030 figure', () => {
    const option = progressOption(report) as {
      xAxis: { max: number };
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(option.yAxis.data).toEqual(['未来产业链高新技术企业']);
    expect(option.series[0]?.data).toEqual([24]);
    expect(option.xAxis.max).toBe(100);
  });

  it('splits each target per year and per county/park', () => {
    const years = byYearOption(report) as {
      xAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(years.xAxis.data).toEqual(['2026年']);
    expect(years.series[0]?.data).toEqual([3]);
    const areas = byAreaOption(report) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(areas.yAxis.data).toEqual(['砀山县', '埇桥区']);
    expect(areas.series[0]?.data).toEqual([4, 8]);
  });
});

describe('xlsx export', () => {
  const targets = vi.mocked(trpc.dashboard.targets.query);
  const xlsx = vi.mocked(trpc.dashboard.targetsXlsx.query);
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.mocked(saveBlob).mockReset();
    targets.mockReset().mockResolvedValue(report as never);
    xlsx.mockReset().mockResolvedValue({
      filename: '2030目标进度_埇桥区_2026-11-27.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      sizeBytes: 2,
      base64: btoa('PK'),
    });
  });

  it('downloads the workbook the server builds, for the officer’s own area', async () => {
    const { wrapper } = await mountAs(officers.yongqiao, TargetsView, { path: '/targets' });
    await flushPromises();
    await wrapper.get('[data-testid="targets-export-xlsx"]').trigger('click');
    await flushPromises();
    expect(xlsx).toHaveBeenCalledWith({ areaCode: 'yongqiao' });
    expect(saveBlob).toHaveBeenCalledTimes(1);
    const [blob, filename] = vi.mocked(saveBlob).mock.calls[0]!;
    expect(filename).toBe('2030目标进度_埇桥区_2026-11-27.xlsx');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await blob.text()).toBe('PK');
    wrapper.unmount();
  });
});

describe('verified and self-declared organisations', () => {
  it('says how many are verified, and how many only declared it themselves', () => {
    const [hte, scale] = report.targets;
    expect(verifiedLine(hte!)).toBe('已核验 12 家（另有自报未核验 5 家）');
    expect(verifiedLine({ ...hte!, selfDeclared: 0 })).toBe('已核验 12 家');
    expect(verifiedLine(scale!)).toBeNull();
  });
});

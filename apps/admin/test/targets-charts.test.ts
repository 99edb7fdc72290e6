import * as echarts from 'echarts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartOption } from '../src/views/targets/charts/echarts';
import {
  byAreaOption,
  byYearOption,
  fitToWidth,
  moneyOption,
  progressOption,
} from '../src/views/targets/charts/options';
import type { TargetsReport } from '../src/views/targets/queries';

/*
 * The charts drawn for real (ECharts' server-side SVG renderer, the same layout the canvas and the
 * exported PNG use): what the officer sees, not just the option objects.
 */

/** An area where nothing has happened yet: counts of 0, no years, no money paid. */
const quiet = {
  targetYear: 2030,
  asOf: '2026-12-04',
  areaCode: 'dangshan',
  areaName: '砀山县',
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
      value: 0,
      percent: 0,
      reached: null,
      byYear: [],
      byArea: [],
      breakdown: { verified: 0, withAward: 0 },
      selfDeclared: 0,
    },
    {
      id: 'tech-platforms',
      name: '科技创新平台',
      text: '建设2个左右科技创新平台',
      figure: 2,
      comparison: 'about',
      unit: '个',
      howMeasured: '获得新认定研发平台奖励',
      measured: true,
      notMeasuredReason: null,
      value: 0,
      percent: 0,
      reached: null,
      byYear: [],
      byArea: [],
      breakdown: { confirmed: 0, provisional: 0 },
      selfDeclared: null,
    },
  ],
  moneyPaid: { totalFen: 0n, byYear: [], byArea: [] },
} as unknown as TargetsReport;

interface TextBox {
  text: string;
  x: number;
  y: number;
}

const charts: echarts.ECharts[] = [];
afterEach(() => {
  for (const chart of charts.splice(0)) chart.dispose();
});

/** Renders an option at the dashboard's size and lists its texts with their positions. */
function render(option: ChartOption, height = 320, width = 560): { svg: string; texts: TextBox[] } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  charts.push(chart);
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  const texts = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs = '', text]) => {
    const [, tx = '0', ty = '0'] = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(attrs) ?? [];
    const dy = Number(/\sy="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    return { text: text ?? '', x: Number(tx), y: Number(ty) + dy };
  });
  return { svg, texts };
}

describe('2030 targets charts with nothing to show', () => {
  it('分年度新增 says there is nothing yet instead of drawing an empty axis', () => {
    const { texts } = render(byYearOption(quiet));
    expect(texts.map((t) => t.text)).toContain('暂无分年度新增数据');
  });

  it('奖补资金拨付 says no money has been paid yet', () => {
    const { texts } = render(moneyOption(quiet));
    expect(texts.map((t) => t.text)).toContain('暂无已拨付的奖补资金');
  });

  it('分县区/园区分布 says no area has any yet', () => {
    const { texts } = render(byAreaOption(quiet), 360);
    expect(texts.map((t) => t.text)).toContain('暂无分县区/园区数据');
  });

  it('wraps the empty-state text inside a narrow chart (a phone screen)', () => {
    const width = 120;
    const { texts } = render(fitToWidth(byYearOption(quiet), width), 320, width);
    expect(texts.map((t) => t.text).join('')).toContain('暂无分年度新增数据');
    // CJK glyphs are about one font size wide (14 px here); every line fits the canvas.
    for (const t of texts) expect(t.text.length * 14).toBeLessThanOrEqual(width);
  });
});

describe('the 2030 target line', () => {
  it('keeps its label clear of the 100% tick', () => {
    const { texts } = render(progressOption(quiet));
    const tick = texts.find((t) => t.text === '100%');
    // The target line's label, whatever its wording (“100” or “目标…”).
    const label = texts.find((t) => t.text !== '100%' && /100|目标/.test(t.text));
    expect(tick).toBeDefined();
    expect(label).toBeDefined();
    // Two 12 px lines overlap when their centres are closer than a line apart.
    const apart = Math.abs(tick!.y - label!.y) >= 14 || Math.abs(tick!.x - label!.x) >= 40;
    expect(apart, `label ${JSON.stringify(label)} vs tick ${JSON.stringify(tick)}`).toBe(true);
    // And stays inside the chart.
    expect(label!.y).toBeGreaterThanOrEqual(6);
  });
});

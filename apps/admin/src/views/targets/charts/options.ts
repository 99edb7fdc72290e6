import { formatWanYuan } from '@kc/domain';
import type { TargetRow, TargetsReport } from '../queries';
import { fenToYuanNumber } from '../money';
import type { ChartOption } from './echarts';

/**
 * ECharts options built from the targets report: pure functions, so they are tested without a
 * canvas. Only measured targets are drawn; the ones the platform cannot measure say so in cards.
 */
const measured = (targets: readonly TargetRow[]) => targets.filter((t) => t.measured);

/**
 * A chart with nothing to draw says so in its own canvas (so the exported PNG says it too)
 * instead of showing a bare axis that reads like a broken chart.
 */
function emptyState(text: string): ChartOption {
  return {
    title: {
      text,
      subtext: '有数据后在此显示',
      left: 'center',
      top: 'middle',
      textStyle: { fontSize: 14, fontWeight: 'normal', color: '#606266' },
      subtextStyle: { fontSize: 12, color: '#909399' },
    },
    xAxis: { show: false },
    yAxis: { show: false },
    series: [],
  };
}

const hasData = (values: readonly number[]) => values.some((v) => v > 0);

interface TitleOption {
  textStyle?: object;
  subtextStyle?: object;
}

/**
 * The option for a chart `width` pixels wide: an empty-state title wraps onto more lines
 * instead of running past a narrow canvas (ECharts wraps text only to a width in pixels).
 */
export function fitToWidth(option: ChartOption, width: number): ChartOption {
  const title = option.title as TitleOption | undefined;
  if (!title || Array.isArray(title) || width <= 0) return option;
  const wrap = { width: Math.max(width - 24, 48), overflow: 'break' };
  return {
    ...option,
    title: {
      ...title,
      textStyle: { ...title.textStyle, ...wrap },
      subtextStyle: { ...title.subtextStyle, ...wrap },
    },
  };
}

/** How far each measured target is, in per cent of the 2030 figure, with the 100% line. */
export function progressOption(report: TargetsReport): ChartOption {
  const rows = measured(report.targets).filter((t) => t.figure !== null);
  return {
    // Room above the plot for the target line's label, away from the x-axis ticks below.
    grid: { left: 160, right: 48, top: 32, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${String(v)}%`,
    },
    // At least to 100%, so a small figure does not fill the chart.
    xAxis: {
      type: 'value',
      max: Math.max(100, ...rows.map((t) => t.percent ?? 0)),
      // On a phone the plot is narrow: drop ticks that would run together ("20%40%60%").
      axisLabel: { formatter: '{value}%', hideOverlap: true },
    },
    yAxis: { type: 'category', data: rows.map((t) => t.name), inverse: true },
    series: [
      {
        type: 'bar',
        name: '完成进度',
        data: rows.map((t) => t.percent ?? 0),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const t = rows[p.dataIndex];
            return t ? `${t.value}/${t.figure}${t.unit}` : '';
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [{ xAxis: 100 }],
          lineStyle: { type: 'dashed' },
          // The y axis is inverted, so the line starts at the top: the label sits above the
          // plot, never on the “100%” tick at the bottom.
          label: { position: 'start', formatter: '2030年目标' },
        },
      },
    ],
  };
}

/** Per year: each measured target that has a year (profiles carry none). */
export function byYearOption(report: TargetsReport): ChartOption {
  const rows = measured(report.targets).filter((t) => t.byYear);
  const years = [...new Set(rows.flatMap((t) => (t.byYear ?? []).map((y) => y.year)))].sort();
  if (!hasData(rows.flatMap((t) => (t.byYear ?? []).map((y) => y.value)))) {
    return emptyState('暂无分年度新增数据');
  }
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: rows.map((t) => ({
      type: 'bar',
      name: t.name,
      data: years.map((y) => t.byYear?.find((r) => r.year === y)?.value ?? 0),
    })),
  };
}

/** Per county/park: each measured target, stacked by area. */
export function byAreaOption(report: TargetsReport): ChartOption {
  const rows = measured(report.targets);
  const areas = [
    ...new Map(
      rows.flatMap((t) => (t.byArea ?? []).map((a) => [a.areaCode ?? '', a.areaName] as const)),
    ).entries(),
  ].sort(([a], [b]) => a.localeCompare(b));
  if (!hasData(rows.flatMap((t) => (t.byArea ?? []).map((a) => a.value)))) {
    return emptyState('暂无分县区/园区数据');
  }
  return {
    legend: { top: 0 },
    grid: { left: 180, right: 24, top: 40, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: areas.map(([, name]) => name), inverse: true },
    series: rows.map((t) => ({
      type: 'bar',
      name: t.name,
      stack: 'area',
      data: areas.map(([code]) => t.byArea?.find((a) => (a.areaCode ?? '') === code)?.value ?? 0),
    })),
  };
}

/** Money paid under the plan, per year, in yuan (labels in 万元). */
export function moneyOption(report: TargetsReport): ChartOption {
  const years = report.moneyPaid.byYear;
  if (!years.some((y) => y.paidFen > 0n)) return emptyState('暂无已拨付的奖补资金');
  return {
    grid: { left: 72, right: 24, top: 24, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const row = years[params[0]?.dataIndex ?? -1];
        return row ? `${row.year}年：${formatWanYuan(row.paidFen)}` : '';
      },
    },
    xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => `${v / 10000}万` },
    },
    series: [
      {
        type: 'bar',
        name: '已拨付资金',
        data: years.map((y) => fenToYuanNumber(y.paidFen)),
        itemStyle: { color: '#67c23a' },
      },
    ],
  };
}

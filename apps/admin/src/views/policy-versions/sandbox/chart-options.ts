import { formatYuan } from '@kc/domain';
import type { ChartOption } from '../../targets/charts/echarts';
import { fenToYuanNumber } from '../../targets/money';
import type { ProgrammeComparison, TargetProjection } from './queries';

/**
 * The 政策沙盘's charts as ECharts options: pure, so they are tested without a canvas. Bars and
 * lines are drawn from numbers; every figure the officer reads (labels, tooltips) is formatted
 * from the fen, never from the float.
 */

const BASE_COLOUR = '#909399';
const PROPOSED_COLOUR = '#409eff';

/** What each programme pays under both versions (programmes with no money either way left out). */
export function programmeMoneyOption(rows: readonly ProgrammeComparison[]): ChartOption {
  const shown = rows.filter((r) => r.baseFen > 0n || r.proposedFen > 0n);
  return {
    legend: { top: 0 },
    grid: { left: 72, right: 24, top: 40, bottom: 48 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const row = shown[params[0]?.dataIndex ?? -1];
        return row
          ? `${row.clause} ${row.ruleName}<br/>现行版本：${formatYuan(row.baseFen)}<br/>修订后：${formatYuan(row.proposedFen)}`
          : '';
      },
    },
    xAxis: {
      type: 'category',
      data: shown.map((r) => r.clause),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v / 10000}万` } },
    series: [
      {
        type: 'bar',
        name: '现行版本',
        data: shown.map((r) => fenToYuanNumber(r.baseFen)),
        itemStyle: { color: BASE_COLOUR },
      },
      {
        type: 'bar',
        name: '修订后',
        data: shown.map((r) => fenToYuanNumber(r.proposedFen)),
        itemStyle: { color: PROPOSED_COLOUR },
      },
    ],
  };
}

/**
 * One target to 2030 under both versions — an estimate, so both lines say so: the version in force
 * solid, the revision dashed, and the plan's figure as a line across.
 */
export function projectionOption(target: TargetProjection): ChartOption {
  const years = target.series.map((p) => `${p.year}年`);
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 72, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}${target.unit}` },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: {
      type: 'value',
      minInterval: 1,
      // The figure's line stays in view even when both estimates fall short of it.
      max: (extent: { max: number }) => Math.max(extent.max, target.figure),
    },
    series: [
      {
        type: 'line',
        name: '现行版本（估算）',
        data: target.series.map((p) => p.base),
        itemStyle: { color: BASE_COLOUR },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [{ yAxis: target.figure }],
          lineStyle: { type: 'solid', color: '#e6a23c' },
          label: { position: 'end', formatter: `2030年目标\n${target.figure}${target.unit}` },
        },
      },
      {
        type: 'line',
        name: '修订后（估算）',
        data: target.series.map((p) => p.proposed),
        itemStyle: { color: PROPOSED_COLOUR },
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}

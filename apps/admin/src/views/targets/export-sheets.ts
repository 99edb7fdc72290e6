import { formatYuan } from '@kc/domain';
import { fenToYuanNumber } from './money';
import type { TargetsReport } from './queries';
import type { Sheet } from './xlsx/workbook';

/** The report as the four sheets of the .xlsx export (what the charts show, as numbers). */
export function targetSheets(report: TargetsReport): Sheet[] {
  const scope = report.areaCode ? report.areaName : '全市';
  const progress: Sheet = {
    name: '目标进度',
    widths: [28, 40, 10, 8, 10, 14, 10, 10, 60],
    rows: [
      [
        '目标',
        '规划原文',
        '目标值',
        '单位',
        `当前值（${scope}，已核验）`,
        '自报未核验（不计入）',
        '完成比例',
        '是否达成',
        '统计口径',
      ],
      ...report.targets.map((t) => [
        t.name,
        t.text,
        t.figure,
        t.unit,
        t.measured ? t.value : '暂不统计',
        t.selfDeclared,
        t.percent === null ? null : `${t.percent}%`,
        t.reached === null ? null : t.reached ? '已达成' : '未达成',
        t.measured ? t.howMeasured : t.notMeasuredReason,
      ]),
    ],
  };
  const byYear: Sheet = {
    name: '分年度',
    widths: [28, 10, 10],
    rows: [
      ['目标', '年度', '数量'],
      ...report.targets.flatMap((t) => (t.byYear ?? []).map((y) => [t.name, y.year, y.value])),
    ],
  };
  const byArea: Sheet = {
    name: '分县区园区',
    widths: [28, 28, 10],
    rows: [
      ['目标', '县区/园区', '数量'],
      ...report.targets.flatMap((t) => (t.byArea ?? []).map((a) => [t.name, a.areaName, a.value])),
    ],
  };
  const money: Sheet = {
    name: '资金拨付',
    widths: [14, 28, 18, 20],
    rows: [
      ['口径', '年度或县区/园区', '已拨付（元）', '已拨付'],
      [
        '合计',
        scope,
        { yuan: fenToYuanNumber(report.moneyPaid.totalFen) },
        formatYuan(report.moneyPaid.totalFen),
      ],
      ...report.moneyPaid.byYear.map((y) => [
        '分年度',
        `${y.year}年`,
        { yuan: fenToYuanNumber(y.paidFen) },
        formatYuan(y.paidFen),
      ]),
      ...report.moneyPaid.byArea.map((a) => [
        '分县区园区',
        a.areaName,
        { yuan: fenToYuanNumber(a.paidFen) },
        formatYuan(a.paidFen),
      ]),
    ],
  };
  return [progress, byYear, byArea, money];
}

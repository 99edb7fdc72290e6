/**
 * 2030目标进度 (.xlsx): the targets dashboard's figures as four sheets (progress, per year, per
 * county/park, money paid), built from the same report the dashboard shows, with exceljs as
 * the finance export is. Counts and ratios are number cells; money is yuan from integer fen
 * (`fenToYuanNumber`, exact to the fen, see the disbursement export) shown with two decimals.
 * The area scope is the report's: an area officer's workbook holds their own area only.
 */
import type { AreaCode } from '@kc/domain';
import { formatYuan } from '@kc/domain';
import type { TargetsReport } from './dashboard-service';
import { dashboardTargets } from './dashboard-service';
import type { OfficerCtx } from './disbursement/common';
import { fenToYuanNumber } from './disbursement/export';
import type { SheetSpec } from '../xlsx';
import { XLSX_MIME, addSheet, newWorkbook, workbookBytes } from '../xlsx';

const AMOUNT_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0%';

function sheetsOf(report: TargetsReport): SheetSpec[] {
  const scope = report.areaCode ? report.areaName : '全市';
  const money = (fen: bigint) => fenToYuanNumber(fen);
  return [
    {
      name: '目标进度',
      columns: [
        { header: '目标', width: 28 },
        { header: '规划原文', width: 40 },
        { header: '目标值', width: 10 },
        { header: '单位', width: 8 },
        { header: `当前值（${scope}，已核验）`, width: 14 },
        { header: '自报未核验（不计入）', width: 14 },
        { header: '完成比例', width: 10, numFmt: PERCENT_FORMAT },
        { header: '是否达成', width: 10 },
        { header: '统计口径', width: 60 },
      ],
      rows: report.targets.map((t) => [
        t.name,
        t.text,
        t.figure,
        t.unit,
        t.measured ? t.value : '暂不统计',
        t.selfDeclared,
        // A ratio cell (0.24 shown as 24%), so the sheet can sort and chart it.
        t.percent === null ? null : t.percent / 100,
        t.reached === null ? null : t.reached ? '已达成' : '未达成',
        t.measured ? t.howMeasured : t.notMeasuredReason,
      ]),
    },
    {
      name: '分年度',
      columns: [
        { header: '目标', width: 28 },
        { header: '年度', width: 10 },
        { header: '数量', width: 10 },
      ],
      rows: report.targets.flatMap((t) => (t.byYear ?? []).map((y) => [t.name, y.year, y.value])),
    },
    {
      name: '分县区园区',
      columns: [
        { header: '目标', width: 28 },
        { header: '县区/园区', width: 28 },
        { header: '数量', width: 10 },
      ],
      rows: report.targets.flatMap((t) =>
        (t.byArea ?? []).map((a) => [t.name, a.areaName, a.value]),
      ),
    },
    {
      name: '资金拨付',
      columns: [
        { header: '口径', width: 14 },
        { header: '年度或县区/园区', width: 28 },
        { header: '已拨付（元）', width: 18, numFmt: AMOUNT_FORMAT },
        { header: '已拨付', width: 20 },
      ],
      rows: [
        ['合计', scope, money(report.moneyPaid.totalFen), formatYuan(report.moneyPaid.totalFen)],
        ...report.moneyPaid.byYear.map((y) => [
          '分年度',
          `${y.year}年`,
          money(y.paidFen),
          formatYuan(y.paidFen),
        ]),
        ...report.moneyPaid.byArea.map((a) => [
          '分县区园区',
          a.areaName,
          money(a.paidFen),
          formatYuan(a.paidFen),
        ]),
      ],
    },
  ];
}

export async function buildTargetsWorkbook(
  report: TargetsReport,
  options: { exportedAt: Date },
): Promise<Buffer> {
  const wb = newWorkbook(options.exportedAt);
  for (const sheet of sheetsOf(report)) addSheet(wb, sheet);
  return workbookBytes(wb);
}

/**
 * The workbook of the caller's scope, base64 in the tRPC answer (the admin turns it into a Blob
 * download, as for the 拨付清单). Aggregate figures only, no personal data: not audited.
 */
export async function exportTargetsXlsx(
  ctx: OfficerCtx,
  input: { areaCode?: AreaCode | undefined },
) {
  const report = await dashboardTargets(ctx, input);
  const file = await buildTargetsWorkbook(report, { exportedAt: ctx.now() });
  const scope = report.areaCode ? report.areaName : '全市';
  return {
    filename: `2030目标进度_${scope}_${report.asOf}.xlsx`,
    mimeType: XLSX_MIME,
    sizeBytes: file.length,
    base64: file.toString('base64'),
  };
}

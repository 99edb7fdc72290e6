import type { Evaluation, PolicyAmendment, SandboxTotals } from '@kc/domain';
import { programmeName } from '@kc/domain';
import { writeAudit } from '../audit';
import { fenToYuanNumber } from '../awards/disbursement/export';
import { dateOf } from '../dates';
import { appError } from '../errors';
import type { OfficerCtx } from '../vice-president/common';
import type { Cell, SheetColumn, SheetSpec } from '../xlsx';
import { XLSX_MIME, addSheet, newWorkbook, workbookBytes } from '../xlsx';
import type { SandboxReport } from './sandbox-report';
import { storedReport } from './sandbox';

/**
 * A finished 政策沙盘 run as a workbook (导出Excel): its terms, the per-programme and per-area
 * tables, the largest changes with both explanations, and the 2030 estimate. Built from the stored
 * report, so the file says what the screen says. It names applicants: the export is audited.
 */

const AMOUNT = '#,##0.00';
/** Deltas are signed; the ledger's converter refuses what a payment cannot be. */
const yuan = (fen: bigint): number => (fen < 0n ? -fenToYuanNumber(-fen) : fenToYuanNumber(fen));

const TOTAL_COLUMNS: readonly SheetColumn[] = [
  { header: '申请件数', width: 10 },
  { header: '现行版本符合条件', width: 16 },
  { header: '修订后符合条件', width: 16 },
  { header: '新增符合条件', width: 14 },
  { header: '不再符合条件', width: 14 },
  { header: '金额变化件数', width: 14 },
  { header: '现行版本金额（元）', width: 18, numFmt: AMOUNT },
  { header: '修订后金额（元）', width: 18, numFmt: AMOUNT },
  { header: '差额（元）', width: 16, numFmt: AMOUNT },
];

const totalCells = (t: SandboxTotals): Cell[] => [
  t.applications,
  t.eligibleBase,
  t.eligibleProposed,
  t.becameEligible,
  t.becameIneligible,
  t.amountChanged,
  yuan(t.baseFen),
  yuan(t.proposedFen),
  yuan(t.deltaFen),
];

/** One explanation in a cell: the summary, the formula, the caps and the refusals. */
function explanationText(e: Evaluation): string {
  const x = e.explanation;
  return [
    x.summary,
    x.formula,
    ...x.capsApplied.map((c) => `封顶：${c}`),
    ...(x.quota ? [`名额：${x.quota}`] : []),
    ...e.refusals.map((r) => `不予支持：${r.message}`),
    `依据：${x.policyTitle} ${x.clause}（${x.version}）`,
  ].join('\n');
}

export function sandboxSheets(
  report: SandboxReport,
  terms: { title: string; from: string; to: string },
): SheetSpec[] {
  return [
    {
      name: '说明',
      columns: [
        { header: '项目', width: 16 },
        { header: '内容', width: 70 },
      ],
      rows: [
        ['修订名称', terms.title],
        ['推演期间（提交日期）', `${terms.from} 至 ${terms.to}`],
        ['现行版本', report.baseSetId],
        ['修订版本', report.proposedSetId],
        ['校验码', report.checksum],
        [
          '与实际核定金额相比',
          `有核定金额的${report.recorded.compared}件中，按现行版本重放金额不同的${report.recorded.differing}件`,
        ],
      ],
    },
    {
      name: '分事项',
      columns: [
        { header: '条款', width: 8 },
        { header: '事项', width: 34 },
        ...TOTAL_COLUMNS,
        { header: '期间预算（元）', width: 18, numFmt: AMOUNT },
        { header: '修订后超出预算（元）', width: 20, numFmt: AMOUNT },
      ],
      rows: [
        ['合计', '', ...totalCells(report.totals), null, null],
        ...report.byProgramme.map((p): Cell[] => [
          p.clause,
          p.ruleName,
          ...totalCells(p),
          p.budgetFen === undefined ? null : yuan(p.budgetFen),
          p.proposedOverBudgetFen === undefined || p.proposedOverBudgetFen <= 0n
            ? null
            : yuan(p.proposedOverBudgetFen),
        ]),
      ],
    },
    {
      name: '分县区',
      columns: [{ header: '县区/园区', width: 24 }, ...TOTAL_COLUMNS],
      rows: report.byArea.map((a): Cell[] => [a.areaName, ...totalCells(a)]),
    },
    {
      name: '变化最大的申请',
      columns: [
        { header: '申请编号', width: 20, text: true },
        { header: '申请人', width: 28 },
        { header: '事项', width: 30 },
        { header: '现行版本金额（元）', width: 18, numFmt: AMOUNT },
        { header: '修订后金额（元）', width: 18, numFmt: AMOUNT },
        { header: '差额（元）', width: 16, numFmt: AMOUNT },
        { header: '现行版本计算说明', width: 60 },
        { header: '修订后计算说明', width: 60 },
      ],
      rows: report.largestChanges.map((c): Cell[] => {
        const known = report.applications[c.applicationId];
        return [
          known?.number ?? '',
          known?.applicantName ?? '',
          programmeName(c.ruleId),
          yuan(c.baseAmount),
          yuan(c.proposedAmount),
          yuan(c.deltaFen),
          explanationText(c.base),
          explanationText(c.proposed),
        ];
      }),
    },
    {
      name: '2030目标估算',
      columns: [
        { header: '目标', width: 28 },
        { header: '2030年目标值', width: 14 },
        { header: `当前值（${report.projection.asOf}）`, width: 20 },
        { header: '期间认定数（现行）', width: 18 },
        { header: '期间认定数（修订后）', width: 20 },
        { header: '2030年估算（现行）', width: 18 },
        { header: '2030年估算（修订后）', width: 20 },
        { header: '说明', width: 50 },
      ],
      rows: report.projection.targets.map((t): Cell[] => {
        const last = t.series[t.series.length - 1];
        return [
          t.name,
          t.figure,
          t.currentValue,
          t.eligibleBase,
          t.eligibleProposed,
          last?.base ?? t.currentValue,
          last?.proposed ?? t.currentValue,
          report.projection.label,
        ];
      }),
    },
  ];
}

/** The workbook of one finished run, base64 in the answer (the admin saves it as a file). */
export async function exportSandboxXlsx(ctx: OfficerCtx, id: string) {
  const row = await ctx.db.prisma.policySandboxRun.findUnique({ where: { id } });
  if (!row) throw appError('NOT_FOUND', { message: '没有找到该推演' });
  const report = storedReport(row);
  if (!report) throw appError('INVALID_TRANSITION', { message: '推演尚未完成，完成后才能导出' });
  const version = await ctx.db.prisma.policyVersion.findUniqueOrThrow({
    where: { id: row.versionId },
  });
  const title = (version.amendment as PolicyAmendment).title;
  const from = dateOf(row.periodFrom);
  const to = dateOf(row.periodTo);
  const wb = newWorkbook(ctx.now());
  for (const sheet of sandboxSheets(report, { title, from, to })) addSheet(wb, sheet);
  const file = await workbookBytes(wb);
  await ctx.db.prisma.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'policy.sandbox.export',
      objectType: 'policy_version',
      objectId: version.id,
      details: { title, periodFrom: from, periodTo: to, runId: row.id },
    }),
  );
  return {
    filename: `政策沙盘_${title}_${from}至${to}.xlsx`,
    mimeType: XLSX_MIME,
    sizeBytes: file.length,
    base64: file.toString('base64'),
  };
}

/**
 * Dashboard figures (领导驾驶舱): counts and sums of the year's applications per programme, area
 * and status group; money committed and paid from the budget ledger; progress toward the plan's
 * 2030 targets (`@kc/domain` TARGETS_2030). Read-only. Area officers get their own area only.
 *
 * Money: "committed" and "paid" come from the ledger (commit − release − payment, and payment),
 * the journal every approval, upheld objection and payment writes; for the whole city they are
 * also checked against the budget rows' counters (`reconciliation`).
 */
import type { ApplicationStatus, AreaCode, Target } from '@kc/domain';
import {
  AWARDED_STATUSES,
  TARGETS_2030,
  TARGET_YEAR,
  areaName,
  targetProgress,
  todayInShanghai,
} from '@kc/domain';
import { areaScope, assertAreaAllowed } from '../access';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { ruleInfo } from './budget-service';

type OfficerCtx = Context & { caller: OfficerCaller };

/** The status groups the dashboard counts in; every status except draft is in exactly one. */
export const STATUS_GROUPS = [
  {
    code: 'under-review',
    label: '受理审核中',
    statuses: ['submitted', 'area-review', 'bureau-review', 'returned'],
  },
  { code: 'approved', label: '已批准待公示', statuses: ['approved'] },
  { code: 'in-notice', label: '公示中', statuses: ['in-notice'] },
  { code: 'to-pay', label: '公示期满待拨付', statuses: ['notice-passed', 'in-disbursement'] },
  { code: 'paid', label: '已拨付', statuses: ['paid'] },
  { code: 'rejected', label: '未通过', statuses: ['rejected'] },
  { code: 'withdrawn', label: '已撤回', statuses: ['withdrawn'] },
] as const satisfies readonly {
  code: string;
  label: string;
  statuses: readonly ApplicationStatus[];
}[];

export type StatusGroup = (typeof STATUS_GROUPS)[number]['code'];

const GROUP_OF = new Map<string, StatusGroup>(
  STATUS_GROUPS.flatMap((g) => g.statuses.map((s) => [s, g.code] as const)),
);
const AWARDED = new Set<string>(AWARDED_STATUSES);

/** The area the figures are confined to: the officer's own, or the one a bureau officer asks for. */
function scopedArea(ctx: OfficerCtx, requested: AreaCode | undefined): AreaCode | undefined {
  assertAreaAllowed(ctx.caller, requested);
  return areaScope(ctx.caller).areaCode ?? requested;
}

interface Figures {
  /** Applications (drafts excluded). */
  count: number;
  /** Sum of the amounts the engine computed for them (what was asked for), fen. */
  requestedFen: bigint;
  /** Awards standing (approved, in notice, passed, in payment, paid). */
  awardedCount: number;
  /** Sum of their approved amounts, fen. */
  awardedFen: bigint;
  /** From the ledger: approved and not yet paid, fen. */
  committedFen: bigint;
  /** From the ledger: paid, fen. */
  paidFen: bigint;
}

function emptyFigures(): Figures {
  return {
    count: 0,
    requestedFen: 0n,
    awardedCount: 0,
    awardedFen: 0n,
    committedFen: 0n,
    paidFen: 0n,
  };
}

function bucket<K>(map: Map<K, Figures>, key: K): Figures {
  let figures = map.get(key);
  if (!figures) map.set(key, (figures = emptyFigures()));
  return figures;
}

/** Signed effect of a ledger entry on (committed, paid). */
function ledgerEffect(kind: string, amount: bigint): { committed: bigint; paid: bigint } {
  if (kind === 'commit') return { committed: amount, paid: 0n };
  if (kind === 'release') return { committed: -amount, paid: 0n };
  if (kind === 'payment') return { committed: -amount, paid: amount };
  return { committed: 0n, paid: 0n };
}

export async function dashboardSummary(
  ctx: OfficerCtx,
  input: { year: number; areaCode?: AreaCode | undefined },
) {
  const areaCode = scopedArea(ctx, input.areaCode);
  const today = todayInShanghai(ctx.now());
  const prisma = ctx.db.prisma;
  const [groups, ledger, budgets] = await Promise.all([
    prisma.application.groupBy({
      by: ['ruleId', 'areaCode', 'status'],
      where: { year: input.year, status: { not: 'draft' }, ...(areaCode ? { areaCode } : {}) },
      _count: { _all: true },
      _sum: { computedAmountFen: true, approvedAmountFen: true },
    }),
    prisma.ledgerEntry.findMany({
      where: { year: input.year, ...(areaCode ? { application: { areaCode } } : {}) },
      select: {
        ruleId: true,
        kind: true,
        amountFen: true,
        application: { select: { areaCode: true } },
      },
    }),
    areaCode
      ? Promise.resolve(null)
      : prisma.programmeBudget.findMany({ where: { year: input.year } }),
  ]);

  const total = emptyFigures();
  const byRule = new Map<string, Figures>();
  const byArea = new Map<string | null, Figures>();
  const byGroup = new Map<StatusGroup, Figures>(STATUS_GROUPS.map((g) => [g.code, emptyFigures()]));
  const byStatus: Record<string, number> = {};

  for (const g of groups) {
    const count = g._count._all;
    const requested = g._sum.computedAmountFen ?? 0n;
    const awarded = AWARDED.has(g.status);
    const approved = awarded ? (g._sum.approvedAmountFen ?? 0n) : 0n;
    const group = GROUP_OF.get(g.status);
    const targets = [total, bucket(byRule, g.ruleId), bucket(byArea, g.areaCode)];
    if (group) targets.push(bucket(byGroup, group));
    for (const f of targets) {
      f.count += count;
      f.requestedFen += requested;
      if (awarded) {
        f.awardedCount += count;
        f.awardedFen += approved;
      }
    }
    byStatus[g.status] = (byStatus[g.status] ?? 0) + count;
  }

  for (const entry of ledger) {
    const effect = ledgerEffect(entry.kind, entry.amountFen);
    for (const f of [
      total,
      bucket(byRule, entry.ruleId),
      bucket(byArea, entry.application.areaCode),
    ]) {
      f.committedFen += effect.committed;
      f.paidFen += effect.paid;
    }
  }

  const ruleRows = [...byRule.entries()]
    .map(([ruleId, f]) => {
      const rule = ruleInfo(ruleId, today);
      return { ruleId, ruleName: rule?.name ?? ruleId, clause: rule?.clause ?? '', ...f };
    })
    .sort(
      (a, b) =>
        a.clause.localeCompare(b.clause, 'en', { numeric: true }) ||
        a.ruleId.localeCompare(b.ruleId),
    );
  const areaRows = [...byArea.entries()]
    .map(([code, f]) => ({
      areaCode: code,
      areaName: code ? areaName(code) : '市直（无县区）',
      ...f,
    }))
    .sort((a, b) => (a.areaCode ?? '').localeCompare(b.areaCode ?? ''));

  // City-wide only: the budget rows' counters must equal what the ledger says, rule by rule.
  const reconciliation = budgets
    ? budgets.map((b) => {
        const fromLedger = byRule.get(b.ruleId) ?? emptyFigures();
        return {
          ruleId: b.ruleId,
          budgetFen: b.budgetFen,
          committedFen: b.committedFen,
          paidFen: b.paidFen,
          ledgerCommittedFen: fromLedger.committedFen,
          ledgerPaidFen: fromLedger.paidFen,
          agrees: b.committedFen === fromLedger.committedFen && b.paidFen === fromLedger.paidFen,
        };
      })
    : null;

  return {
    year: input.year,
    /** The area the figures cover; null = the whole city. */
    areaCode: areaCode ?? null,
    areaName: areaName(areaCode),
    totals: total,
    byRule: ruleRows,
    byArea: areaRows,
    // Money by status is the awarded sum; the ledger's committed / paid are per rule and area.
    byStatusGroup: STATUS_GROUPS.map((g) => {
      const f = byGroup.get(g.code) ?? emptyFigures();
      return {
        group: g.code,
        label: g.label,
        statuses: [...g.statuses],
        count: f.count,
        requestedFen: f.requestedFen,
        awardedCount: f.awardedCount,
        awardedFen: f.awardedFen,
      };
    }),
    byStatus,
    money: {
      committedFen: total.committedFen,
      paidFen: total.paidFen,
      /** The year's budgets (city-wide figures only; budgets are not split by area). */
      budgetFen: budgets ? budgets.reduce((sum, b) => sum + b.budgetFen, 0n) : null,
    },
    reconciliation,
  };
}

// ---------------------------------------------------------------------------------------------
// 2030 targets
// ---------------------------------------------------------------------------------------------

interface Tally {
  value: number;
  byYear: { year: number; value: number }[] | null;
  byArea: { areaCode: string | null; areaName: string; value: number }[];
  breakdown: Record<string, number>;
  /** Organisations counts only: self-declared (自报) and unverified, shown apart. */
  selfDeclared?: number;
}

function distinctBy<T>(
  rows: T[],
  key: (row: T) => string,
  group: (row: T) => string | number | null,
) {
  const sets = new Map<string | number | null, Set<string>>();
  for (const row of rows) {
    const g = group(row);
    let set = sets.get(g);
    if (!set) sets.set(g, (set = new Set()));
    set.add(key(row));
  }
  return sets;
}

function areaRows(sets: Map<string | number | null, Set<string>>) {
  return [...sets.entries()]
    .map(([code, set]) => ({
      areaCode: code === null ? null : String(code),
      areaName: code === null ? '市直（无县区）' : areaName(String(code)),
      value: set.size,
    }))
    .sort((a, b) => (a.areaCode ?? '').localeCompare(b.areaCode ?? ''));
}

function yearRows(sets: Map<string | number | null, Set<string>>) {
  return [...sets.entries()]
    .map(([year, set]) => ({ year: Number(year), value: set.size }))
    .sort((a, b) => a.year - b.year);
}

const PROVISIONAL = new Set<string>(['approved', 'in-notice']);

async function measure(
  ctx: Pick<OfficerCtx, 'db'>,
  target: Target,
  areaCode: AreaCode | undefined,
): Promise<Tally | null> {
  const prisma = ctx.db.prisma;
  const m = target.measure;
  if (m.kind === 'not-measured') return null;
  const awarded = { in: [...AWARDED_STATUSES] };

  if (m.kind === 'awards') {
    const rows = await prisma.application.findMany({
      where: { ruleId: m.ruleId, status: awarded, ...(areaCode ? { areaCode } : {}) },
      select: { id: true, itemKey: true, year: true, areaCode: true, status: true },
    });
    const key = (r: (typeof rows)[number]) => r.itemKey ?? r.id;
    const all = new Set(rows.map(key));
    const confirmed = new Set(rows.filter((r) => !PROVISIONAL.has(r.status)).map(key));
    return {
      value: all.size,
      byYear: yearRows(distinctBy(rows, key, (r) => r.year)),
      byArea: areaRows(distinctBy(rows, key, (r) => r.areaCode)),
      breakdown: {
        /** Past the public notice (notice-passed, in payment, paid). */
        confirmed: confirmed.size,
        /** Approved or in notice: an objection may still take them back. */
        provisional: all.size - confirmed.size,
      },
    };
  }

  const inArea = areaCode ? { organisation: { areaCode } } : {};
  const [verified, awards, declared] = await Promise.all([
    prisma.organisationQualification.findMany({
      where: { kind: m.qualification, ...inArea },
      select: {
        organisationId: true,
        recognisedOn: true,
        organisation: { select: { areaCode: true } },
      },
    }),
    m.ruleId
      ? prisma.application.findMany({
          where: {
            ruleId: m.ruleId,
            status: awarded,
            organisationId: { not: null },
            ...inArea,
          },
          select: {
            organisationId: true,
            year: true,
            organisation: { select: { areaCode: true } },
          },
        })
      : Promise.resolve([]),
    prisma.organisation.findMany({
      where: { qualifications: { has: m.qualification }, ...(areaCode ? { areaCode } : {}) },
      select: { id: true },
    }),
  ]);
  const orgs = [
    ...verified.map((q) => ({
      id: q.organisationId,
      areaCode: q.organisation.areaCode,
      year: Number(q.recognisedOn.toISOString().slice(0, 4)),
    })),
    ...awards.map((a) => ({
      id: a.organisationId ?? '',
      areaCode: a.organisation?.areaCode ?? null,
      year: a.year,
    })),
  ];
  const all = new Set(orgs.map((o) => o.id));
  const withAward = new Set(awards.map((a) => a.organisationId ?? ''));
  const fromList = new Set(verified.map((q) => q.organisationId));
  return {
    value: all.size,
    // A verified organisation counts from the year of its recognition or of its award.
    byYear: yearRows(
      distinctBy(
        orgs,
        (o) => o.id,
        (o) => o.year,
      ),
    ),
    byArea: areaRows(
      distinctBy(
        orgs,
        (o) => o.id,
        (o) => o.areaCode,
      ),
    ),
    breakdown: {
      /** Organisations whose qualification an official list (or an officer) verified. */
      verified: fromList.size,
      /** Organisations with a standing award under the rule. */
      withAward: withAward.size,
    },
    /** Declared in the profile (自报) and not verified: shown apart, never counted. */
    selfDeclared: declared.filter((o) => !all.has(o.id)).length,
  };
}

/** Each measured target's city-wide value today, by target id (the 政策沙盘's starting point). */
export async function cityTargetValues(
  ctx: Pick<OfficerCtx, 'db'>,
): Promise<Record<string, number>> {
  // At once, as the dashboard measures them: each is its own query.
  const tallies = await Promise.all(TARGETS_2030.map((target) => measure(ctx, target, undefined)));
  const values: Record<string, number> = {};
  TARGETS_2030.forEach((target, i) => {
    const tally = tallies[i];
    if (tally) values[target.id] = tally.value;
  });
  return values;
}

export async function dashboardTargets(
  ctx: OfficerCtx,
  input: { areaCode?: AreaCode | undefined },
) {
  const areaCode = scopedArea(ctx, input.areaCode);
  const prisma = ctx.db.prisma;
  const targets = await Promise.all(
    TARGETS_2030.map(async (target) => {
      const tally = await measure(ctx, target, areaCode);
      const base = {
        id: target.id,
        name: target.name,
        text: target.text,
        figure: target.figure,
        comparison: target.comparison,
        unit: target.unit,
        howMeasured: target.howMeasured,
      };
      if (!tally) {
        return {
          ...base,
          measured: false as const,
          notMeasuredReason: target.measure.kind === 'not-measured' ? target.measure.reason : '',
          value: null,
          percent: null,
          reached: null,
          byYear: null,
          byArea: null,
          breakdown: null,
          selfDeclared: null,
        };
      }
      const progress = targetProgress(target, tally.value);
      return {
        ...base,
        measured: true as const,
        notMeasuredReason: null,
        value: tally.value,
        // For one area: its contribution to the city-wide figure (reached is a city-wide question).
        percent: progress.percent,
        reached: areaCode ? null : progress.reached,
        byYear: tally.byYear,
        byArea: tally.byArea,
        breakdown: tally.breakdown,
        selfDeclared: tally.selfDeclared ?? null,
      };
    }),
  );

  // Money actually paid under the plan (not a target of the plan; shown beside them).
  const payments = await prisma.ledgerEntry.findMany({
    where: { kind: 'payment', ...(areaCode ? { application: { areaCode } } : {}) },
    select: { year: true, amountFen: true, application: { select: { areaCode: true } } },
  });
  const paidByYear = new Map<number, bigint>();
  const paidByArea = new Map<string | null, bigint>();
  let paidFen = 0n;
  for (const p of payments) {
    paidFen += p.amountFen;
    paidByYear.set(p.year, (paidByYear.get(p.year) ?? 0n) + p.amountFen);
    const area = p.application.areaCode;
    paidByArea.set(area, (paidByArea.get(area) ?? 0n) + p.amountFen);
  }

  return {
    targetYear: TARGET_YEAR,
    asOf: todayInShanghai(ctx.now()),
    areaCode: areaCode ?? null,
    areaName: areaName(areaCode),
    targets,
    moneyPaid: {
      totalFen: paidFen,
      byYear: [...paidByYear.entries()]
        .map(([year, fen]) => ({ year, paidFen: fen }))
        .sort((a, b) => a.year - b.year),
      byArea: [...paidByArea.entries()]
        .map(([code, fen]) => ({
          areaCode: code,
          areaName: code ? areaName(code) : '市直（无县区）',
          paidFen: fen,
        }))
        .sort((a, b) => (a.areaCode ?? '').localeCompare(b.areaCode ?? '')),
    },
  };
}

export type TargetsReport = Awaited<ReturnType<typeof dashboardTargets>>;

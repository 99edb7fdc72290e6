/**
 * The 政策沙盘's look ahead (issue 15): if the period replayed is a fair sample of the years to
 * come, where each 2030 target that counts awards would end up under the version in force and
 * under the proposed one. A straight line from today's value at each version's yearly rate in the
 * period — an estimate, and labelled as one wherever it is shown; never a figure of the dashboard.
 */
import { daysBetween, yearOf } from './policy/dates';
import type { IsoDate } from './policy/types';
import type { Target } from './targets';
import { TARGET_YEAR, TARGETS_2030, targetProgress } from './targets';

export const PROJECTION_LABEL = '估算（按推演期间的年均认定数线性外推，仅供参考）';

export interface ProjectionPoint {
  /** The end of this year. */
  readonly year: number;
  readonly base: number;
  readonly proposed: number;
}

export interface TargetProjection {
  readonly targetId: string;
  readonly name: string;
  readonly unit: string;
  /** The plan's figure for 2030. */
  readonly figure: number;
  /** The programme whose awards the target counts. */
  readonly ruleId: string;
  /** The dashboard's value on `asOf`. */
  readonly currentValue: number;
  /** Applications eligible in the replayed period, under each version. */
  readonly eligibleBase: number;
  readonly eligibleProposed: number;
  /** The amendment changes how many are awarded: the two lines differ. */
  readonly changed: boolean;
  /** From `asOf`'s year to 2030, whole numbers (rounded down: an estimate does not round up). */
  readonly series: readonly ProjectionPoint[];
  readonly baseReached: boolean;
  readonly proposedReached: boolean;
}

export interface ProjectionInput {
  /** The replayed period, inclusive. */
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  /** Today (Asia/Shanghai): the line starts from the current values on this day. */
  readonly asOf: IsoDate;
  /** Each target's value today, by target id (the dashboard's count). */
  readonly currentValues: Readonly<Record<string, number>>;
  /** Eligible applications in the period, by rule id, under each version. */
  readonly eligible: readonly {
    readonly ruleId: string;
    readonly eligibleBase: number;
    readonly eligibleProposed: number;
  }[];
}

/** The programme a target's count grows with, if it counts awards of one. */
function ruleOf(target: Target): string | null {
  const m = target.measure;
  if (m.kind === 'awards') return m.ruleId;
  if (m.kind === 'organisations') return m.ruleId ?? null;
  return null;
}

/**
 * Every target that counts a programme's awards, projected to the end of each year up to 2030
 * under both versions. Targets the platform does not measure, or that count no programme, are
 * left out (the sandbox cannot say anything about them).
 */
export function projectTargets(input: ProjectionInput): TargetProjection[] {
  const days = daysBetween(input.period.from, input.period.to) + 1;
  const byRule = new Map(input.eligible.map((e) => [e.ruleId, e]));
  const firstYear = yearOf(input.asOf);
  const out: TargetProjection[] = [];
  for (const target of TARGETS_2030) {
    const ruleId = ruleOf(target);
    const current = input.currentValues[target.id];
    if (!ruleId || target.figure === null || current === undefined) continue;
    const counts = byRule.get(ruleId) ?? { eligibleBase: 0, eligibleProposed: 0 };
    const at = (perPeriod: number, year: number) => {
      const ahead = Math.max(0, daysBetween(input.asOf, `${year}-12-31`));
      return current + Math.floor((perPeriod * ahead) / days);
    };
    const series: ProjectionPoint[] = [];
    for (let year = firstYear; year <= TARGET_YEAR; year++)
      series.push({
        year,
        base: at(counts.eligibleBase, year),
        proposed: at(counts.eligibleProposed, year),
      });
    const last = series[series.length - 1] ?? { base: current, proposed: current };
    out.push({
      targetId: target.id,
      name: target.name,
      unit: target.unit,
      figure: target.figure,
      ruleId,
      currentValue: current,
      eligibleBase: counts.eligibleBase,
      eligibleProposed: counts.eligibleProposed,
      changed: counts.eligibleBase !== counts.eligibleProposed,
      series,
      baseReached: targetProgress(target, last.base).reached,
      proposedReached: targetProgress(target, last.proposed).reached,
    });
  }
  return out;
}

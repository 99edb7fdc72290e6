import type { CalendarDate, SandboxResult, TargetProjection } from '@kc/domain';
import { PROJECTION_LABEL, projectTargets } from '@kc/domain';
import { cityTargetValues } from '../awards/dashboard-service';
import type { JobDeps } from '../jobs/deps';

/**
 * What a finished 政策沙盘 run keeps: the domain's comparison, the applications of its largest
 * changes as officers know them (number and applicant, not ids), and the 2030 targets projected
 * from today's dashboard values, labelled as the estimate it is.
 */
export interface SandboxReport extends SandboxResult {
  readonly applications: Readonly<Record<string, { number: string; applicantName: string }>>;
  readonly projection: {
    readonly asOf: CalendarDate;
    readonly label: string;
    readonly targets: readonly TargetProjection[];
  };
}

export async function sandboxReport(
  deps: Pick<JobDeps, 'db'>,
  result: SandboxResult,
  today: CalendarDate,
): Promise<SandboxReport> {
  const ids = result.largestChanges.map((c) => c.applicationId);
  const rows = await deps.db.prisma.application.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      number: true,
      organisation: { select: { name: true } },
      researcher: { select: { name: true } },
    },
  });
  const applications: Record<string, { number: string; applicantName: string }> = {};
  for (const r of rows)
    applications[r.id] = {
      number: r.number,
      applicantName: r.organisation?.name ?? r.researcher?.name ?? '—',
    };
  const targets = projectTargets({
    period: result.period,
    asOf: today,
    currentValues: await cityTargetValues(deps),
    eligible: result.byProgramme,
  });
  return { ...result, applications, projection: { asOf: today, label: PROJECTION_LABEL, targets } };
}

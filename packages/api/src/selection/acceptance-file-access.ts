import type { Db } from '@kc/db';
import type { CanApplicantSeeFile } from '../files/service';

/**
 * An expert on a project's acceptance panel (验收专家组) may download the files of the final
 * report the panel reads: once they accepted, while the panel reads the report as it now stands
 * (a report submitted again has a new panel). A declined or reserve place opens nothing.
 */
export function acceptanceFileExpertAccess(db: Db): CanApplicantSeeFile {
  return async (applicant, file) => {
    const reports = await db.prisma.projectReportFile.findMany({
      where: { fileId: file.id },
      select: { report: { select: { id: true, submissions: true } } },
    });
    if (reports.length === 0) return false;
    const accepted = await db.prisma.reviewAssignment.count({
      where: {
        status: 'accepted',
        expert: { userId: applicant.userId, status: 'active' },
        panel: {
          kind: 'acceptance',
          OR: reports.map(({ report }) => ({
            projectReportId: report.id,
            reportRound: report.submissions,
          })),
        },
      },
    });
    return accepted > 0;
  };
}
